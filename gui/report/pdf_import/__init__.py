"""Importing a published report from its PDF (the portal's copy). Qt-free; not the PDF export
(gui/report/pdf.py, LibreOffice).

guard.py (limits on bytes, pages, objects, inflated data and time around pdfminer), layout.py
(characters and ruling lines → text lines and table parts per page), grids.py (parts → grids,
continued tables joined), fallback.py (tables typed without ruling lines), paragraphs.py (page
furniture dropped, paragraphs rebuilt), reader.py → the builder of gui/report/published/, shared
with the other readers. pdfplumber is imported only when a PDF is read.
"""
from .guard import PdfImportError


def read_pdf(path):
    """The report in a PDF with what was and was not recognised (ImportResult); raises PdfImportError."""
    from .reader import read_pdf as read
    return read(path)


__all__ = ["read_pdf", "PdfImportError"]
