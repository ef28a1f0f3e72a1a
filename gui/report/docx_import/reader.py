"""Importing a published report (.docx typed by anyone in Word or WPS) into a Report.

Nothing is guessed silently: the ImportResult lists what was recognised and what was not; a file
that is not an annual report raises DocxImportError (str = the Chinese message). The body is read
into paragraphs and grids (body.py), then handed to the builder (gui/report/published/build.py).
"""
from __future__ import annotations

import os
from pathlib import Path

from ..published import Grid, ImportResult, import_report
from .body import Paragraph, blocks
from .safety import DocxImportError, check_docx, not_a_docx


def _open(path: Path):
    import docx
    try:
        return docx.Document(str(path))
    except Exception:      # python-docx raises many kinds for a damaged or foreign package
        raise DocxImportError(not_a_docx(path.name)) from None


def read_docx(path: str | os.PathLike) -> ImportResult:
    """The report in a .docx, with what was and was not recognised; raises DocxImportError."""
    path = Path(path)
    check_docx(path)
    document = _open(path)
    body = getattr(document.element, "body", None)   # a footer or foreign root, or no w:body
    if body is None:
        raise DocxImportError(not_a_docx(path.name))
    try:
        found = blocks(body)
    except RecursionError:
        raise DocxImportError(not_a_docx(path.name)) from None
    paragraphs = [b.text for b in found if isinstance(b, Paragraph)]
    tables = [b for b in found if isinstance(b, Grid)]
    return import_report(path.name, paragraphs, tables, error=DocxImportError)
