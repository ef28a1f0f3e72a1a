"""Word export in the official layout (FORMAT.md §2–5, §9). Qt-free.

Layers: oxml.py (raw WordprocessingML), styles.py / tables.py / document.py (the layout with
python-docx), writer.py (safe writing), options.py (page numbers and fonts).
"""
from .document import build
from .glyphs import font_warnings
from ..opening import generated_opening, opening_text
from .options import CENTER, COMMON, FONT_CHOICES, GB, OUTER, PAGE_NUMBER_CHOICES, ExportOptions
from .writer import (ExportError, TargetExists, TargetLocked, another_name, docx_bytes,
                     export_docx, owner_files)

__all__ = ["build", "font_warnings", "export_docx", "docx_bytes", "ExportOptions", "ExportError", "TargetExists",
           "TargetLocked", "another_name", "owner_files", "generated_opening", "opening_text",
           "OUTER", "CENTER", "GB", "COMMON", "PAGE_NUMBER_CHOICES", "FONT_CHOICES"]
