"""Opening a .docx from others safely: gui/report/zipguard.py checks the archive (declared and real
sizes, entry count, ratios, DOCTYPEs) before python-docx reads it, and files that are not Word
2007+ documents get a message saying what they are.

The limits follow the Excel importer's (gui/report/excel/safety.py); the messages are Word's.
"""
from __future__ import annotations

import os
from pathlib import Path

from .. import zipguard
from ..draft_reader import DraftError

MAX_FILE_BYTES = 50 * 1024 * 1024          # the .docx itself (pictures included)
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # all entries inflated
MAX_DOCUMENT_XML_BYTES = 32 * 1024 * 1024   # word/document.xml: a report is well under 1 MB
MAX_ENTRIES = zipguard.MAX_ENTRIES
MAX_RATIO = zipguard.MAX_RATIO
DOCUMENT_PART = "word/document.xml"
_KIND = "Word 文档"


class DocxImportError(DraftError):
    """A Word file that cannot be imported; str(error) is the Chinese message for the clerk."""


def check_docx(path: str | os.PathLike) -> None:
    """Raise DocxImportError unless `path` is a .docx within the limits."""
    path = Path(path)
    name = path.name

    def looks_like_a_document(infos) -> None:
        document = next((i for i in infos if i.filename == DOCUMENT_PART), None)
        if document is None or not any(i.filename == "[Content_Types].xml" for i in infos):
            raise DocxImportError(not_a_docx(name))
        if document.file_size > MAX_DOCUMENT_XML_BYTES:
            raise DocxImportError(f"「{name}」的正文过大，不像是年度报告，已拒绝打开。")

    # every part within the main part's limit: _rels may name any part the main one
    limits = zipguard.Limits(MAX_FILE_BYTES, MAX_UNCOMPRESSED_BYTES, MAX_ENTRIES, MAX_RATIO,
                             part_bytes=MAX_DOCUMENT_XML_BYTES)
    try:
        zipguard.check(path, limits, looks_like_a_document)
    except zipguard.Refused as refused:
        if refused.reason == "ole":
            raise DocxImportError(f"「{name}」是旧版 Word（.doc）或 WPS 文字（.wps）格式，或设置了打开密码（加密）："
                                  "请在 Word 或 WPS 中取消密码、「另存为」.docx 后再导入。") from None
        if refused.reason == "not_zip":
            raise DocxImportError(not_a_docx(name)) from None
        raise DocxImportError(refused.message(name, _KIND)) from None


def not_a_docx(name: str) -> str:
    return f"「{name}」不是有效的 Word 文档（.docx）：文件已损坏，或只是改了扩展名。"
