"""Opening a .docx from others safely: its size and zip-bomb limits are checked before anything is
inflated (zipfile never inflates an entry past its declared size, so the declared sizes are a real
bound), and files that are not Word 2007+ documents get a message saying what they are.

The limits follow the Excel importer's (gui/report/excel/safety.py); the messages are Word's.
"""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

from ..draft_reader import DraftError
from ..excel.safety import MAX_ENTRIES, MAX_RATIO

MAX_FILE_BYTES = 50 * 1024 * 1024          # the .docx itself (pictures included)
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # all entries inflated
MAX_DOCUMENT_XML_BYTES = 32 * 1024 * 1024   # word/document.xml: a report is well under 1 MB
DOCUMENT_PART = "word/document.xml"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # .doc / .wps (binary Office formats)


class DocxImportError(DraftError):
    """A Word file that cannot be imported; str(error) is the Chinese message for the clerk."""


def check_docx(path: str | os.PathLike) -> None:
    """Raise DocxImportError unless `path` is a .docx within the limits. Inflates nothing."""
    path = Path(path)
    name = path.name
    try:
        if path.is_dir():
            raise DocxImportError(f"「{name}」是文件夹，不是 Word 文档。")
        size = path.stat().st_size
        with open(path, "rb") as handle:
            magic = handle.read(8)
    except FileNotFoundError:
        raise DocxImportError(f"找不到文件「{name}」。") from None
    except PermissionError:
        raise DocxImportError(f"没有权限读取「{name}」（或文件正被其他程序占用）。") from None
    except OSError as exc:
        raise DocxImportError(f"无法读取「{name}」：{exc.strerror or exc}。") from None
    if magic == _OLE:
        raise DocxImportError(f"「{name}」是旧版 Word（.doc）或 WPS 文字（.wps）格式：请在 Word 或 WPS 中"
                              "「另存为」.docx 后再导入。")
    if size > MAX_FILE_BYTES:
        raise DocxImportError(f"「{name}」过大（{size // (1024 * 1024)} MB，上限 "
                              f"{MAX_FILE_BYTES // (1024 * 1024)} MB），不像是年度报告，已拒绝打开。")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DocxImportError(not_a_docx(name)) from None
    if len(infos) > MAX_ENTRIES:
        raise DocxImportError(f"「{name}」包含的部件过多（{len(infos)} 个），可能是恶意文件，已拒绝打开。")
    if sum(i.file_size for i in infos) > MAX_UNCOMPRESSED_BYTES:
        raise DocxImportError(f"「{name}」解压后过大，可能是恶意文件（压缩炸弹），已拒绝打开。")
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DocxImportError(f"「{name}」的压缩比异常，可能是恶意文件（压缩炸弹），已拒绝打开。")
    document = next((i for i in infos if i.filename == DOCUMENT_PART), None)
    if document is None or not any(i.filename == "[Content_Types].xml" for i in infos):
        raise DocxImportError(not_a_docx(name))
    if document.file_size > MAX_DOCUMENT_XML_BYTES:
        raise DocxImportError(f"「{name}」的正文过大，不像是年度报告，已拒绝打开。")


def not_a_docx(name: str) -> str:
    return f"「{name}」不是有效的 Word 文档（.docx）：文件已损坏，或只是改了扩展名。"
