"""Importing a published annual report (.docx typed in Word or WPS). Qt-free.

Layers: safety.py (size and zip-bomb guard), body.py (paragraphs and table grids in document
order), labels.py (typed labels → official ones), structure.py (title, sections, themes),
tables.py / active.py / appeals.py (the three tables), texts.py (placing the text), result.py.
"""
from .reader import read_docx, read_docx_report
from .result import ImportResult
from .safety import DocxImportError

__all__ = ["read_docx", "read_docx_report", "ImportResult", "DocxImportError"]
