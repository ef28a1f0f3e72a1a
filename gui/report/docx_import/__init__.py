"""Importing a published annual report (.docx typed in Word or WPS). Qt-free.

Only what reads Word lives here: safety.py (size and zip-bomb guard), body.py (paragraphs and table
grids in document order), reader.py (hands them to the builder of gui/report/published/, the path
shared with the other readers). python-docx is imported only when a document is read (not at start-up).
"""
from .safety import DocxImportError


def read_docx(path):
    """The report in a .docx with what was and was not recognised; raises DocxImportError."""
    from .reader import read_docx as read
    return read(path)


__all__ = ["read_docx", "DocxImportError"]
