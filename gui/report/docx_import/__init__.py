"""Importing a published annual report (.docx typed in Word or WPS). Qt-free.

Layers: safety.py (size and zip-bomb guard), body.py (paragraphs and table grids in document
order), then the path shared with the other readers (gui/report/grid_import.py → build.py):
labels.py (typed labels → official ones), structure.py (title, sections, themes),
tables.py / active.py / appeals.py (the three tables), texts.py (placing the text), result.py.
python-docx is imported only when a document is read (not at start-up).
"""
from .result import ImportResult
from .safety import DocxImportError


def read_docx(path) -> ImportResult:
    """The report in a .docx with what was and was not recognised; raises DocxImportError."""
    from .reader import read_docx as read
    return read(path)


def read_docx_report(path):
    """Only the report (gui.report.sources: 打开 and `check` accept a .docx)."""
    return read_docx(path).report


__all__ = ["read_docx", "read_docx_report", "ImportResult", "DocxImportError"]
