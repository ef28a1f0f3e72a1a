"""Opening workbooks from others safely: size and zip-bomb limits before openpyxl inflates anything.

An .xlsx is a zip archive; gui/report/zipguard.py checks it (declared and real sizes, entry count,
ratios, DOCTYPEs) before openpyxl reads a byte of XML. openpyxl parses XML with defusedxml when it
is installed; we refuse to open anything if it is not, so entity attacks cannot reach the parser.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .. import zipguard
from ..draft_reader import DraftError

MAX_FILE_BYTES = 100 * 1024 * 1024            # the .xlsx file itself
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024   # all entries inflated (a 100,000-row ledger is ~60 MB)
MAX_FULL_LOAD_BYTES = 64 * 1024 * 1024        # normal (not read-only) mode keeps every cell in memory
MAX_SPANNED_CELLS = 200_000                   # merged or hyperlinked cells (a report uses a few hundred)
MAX_FULL_LOAD_CELLS = 200_000                 # cells written in a workbook opened in normal mode (~700 B each)
MAX_ENTRIES = zipguard.MAX_ENTRIES
MAX_RATIO = zipguard.MAX_RATIO
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")
_KIND = "Excel 工作簿"


class ExcelError(DraftError):
    """A workbook that cannot be read or written; str(error) is the Chinese message for the clerk."""


def _name(path: Path) -> str:
    return Path(path).name


def check_archive(path: str | os.PathLike, max_uncompressed: int = MAX_UNCOMPRESSED_BYTES) -> None:
    """Raise ExcelError unless `path` looks like a workbook within the limits."""
    path = Path(path)

    def looks_like_a_workbook(infos) -> None:
        total = sum(i.file_size for i in infos)
        if total > max_uncompressed:
            raise ExcelError(f"文件「{_name(path)}」内容过多（解压后约 {total // (1024 * 1024)} MB），"
                             "不像是年报表格；台账请用「从台账导入」。")
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
            raise ExcelError(_not_a_workbook(path))

    limits = zipguard.Limits(MAX_FILE_BYTES, MAX_UNCOMPRESSED_BYTES, MAX_ENTRIES, MAX_RATIO)
    try:
        zipguard.check(path, limits, looks_like_a_workbook)
    except zipguard.Refused as refused:
        if refused.reason in ("ole", "not_zip"):
            raise ExcelError(_not_a_workbook(path, ole=refused.reason == "ole")) from None
        raise ExcelError(refused.message(_name(path), _KIND)) from None


def _not_a_workbook(path: Path, ole: bool = False) -> str:
    suffix = Path(path).suffix.lower()
    if ole and suffix == ".xlsx":
        return (f"「{_name(path)}」设置了打开密码（加密），或是改了扩展名的旧版 Excel（.xls）文件：请在 Excel 或 "
                "WPS 中取消密码、另存为 .xlsx 后再导入。")
    if suffix == ".xls":
        return f"「{_name(path)}」是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入。"
    if suffix == ".et":
        return f"「{_name(path)}」是 WPS 表格（.et）文件：请另存为 .xlsx 后再导入。"
    return f"「{_name(path)}」不是有效的 Excel 工作簿（.xlsx）：文件已损坏或只是改了扩展名。"


def require_defusedxml() -> None:
    import openpyxl
    try:
        import defusedxml  # noqa: F401
    except ImportError:
        raise ExcelError("缺少安全组件 defusedxml，为安全起见不打开外来的 Excel 文件。请重新安装本软件。") from None
    if not openpyxl.DEFUSEDXML:
        raise ExcelError("Excel 读取组件未启用安全解析（defusedxml），为安全起见不打开外来的 Excel 文件。")


def open_workbook(path: str | os.PathLike, *, read_only: bool, data_only: bool = True):
    """Check the file, then open it with openpyxl. The caller must close() a read-only workbook."""
    check_archive(path, MAX_UNCOMPRESSED_BYTES if read_only else MAX_FULL_LOAD_BYTES)
    if not read_only:
        check_spans(path)
    require_defusedxml()
    import openpyxl
    try:
        return openpyxl.load_workbook(path, read_only=read_only, data_only=data_only)
    except ExcelError:
        raise
    except Exception:   # openpyxl raises many kinds on a damaged file; the clerk needs one message
        raise ExcelError(_not_a_workbook(Path(path))) from None


def check_spans(path: str | os.PathLike) -> None:
    """Raise ExcelError if merged ranges or ranged hyperlinks cover more than MAX_SPANNED_CELLS, or
    more than MAX_FULL_LOAD_CELLS cells are written, in any part whatever its name: openpyxl's normal
    mode creates one object per cell (A1:XFD1048576 would never finish; 2 million cells take 1.5 GB)."""
    import zipfile
    import zlib
    from xml.parsers import expat

    from openpyxl.utils.cell import range_boundaries
    covered = cells = 0

    def start(name, attrs):
        nonlocal covered, cells
        local = name.rpartition(":")[2]
        if local == "c":
            cells += 1
            if cells > MAX_FULL_LOAD_CELLS:
                raise ExcelError(f"「{_name(path)}」的单元格超过 {MAX_FULL_LOAD_CELLS} 个，不像是年报表格，已拒绝打开；"
                                 "台账请用「从台账导入」。")
        elif local in ("mergeCell", "hyperlink"):
            for ref in attrs.get("ref", "").split():
                try:
                    c1, r1, c2, r2 = range_boundaries(ref)
                except (ValueError, TypeError):
                    continue                  # openpyxl will call the file damaged
                covered += (abs(c2 - c1) + 1) * (abs(r2 - r1) + 1) if None not in (c1, r1, c2, r2) else 1 << 40
        if covered > MAX_SPANNED_CELLS:
            raise ExcelError(f"「{_name(path)}」中合并单元格或超链接覆盖的范围过大，不像是年报表格，已拒绝打开。")

    def refuse_doctype(*_args):
        raise ExcelError(f"「{_name(path)}」含有 DOCTYPE/实体声明，可能是恶意文件，已拒绝打开。")

    with zipfile.ZipFile(path) as archive:      # checked by zipguard: every part is within its size
        for info in archive.infolist():     # every part: _rels may name a worksheet 「sheet1.bin」
            parser = expat.ParserCreate()
            parser.StartElementHandler = start
            parser.StartDoctypeDeclHandler = refuse_doctype    # zipguard refused them already
            with archive.open(info) as part:
                try:
                    while chunk := part.read(1 << 20):
                        parser.Parse(chunk, False)
                except ExcelError:
                    raise
                except (expat.ExpatError, ValueError, zipfile.BadZipFile, OSError, EOFError, zlib.error):
                    continue                  # damaged: openpyxl will say so


def sheet_has_formulas(workbook, worksheet) -> bool:
    """Whether a read-only worksheet's XML contains any formula (read in chunks, never all at once)."""
    try:
        source = worksheet._get_source()   # openpyxl has no public API for the raw part
    except Exception:
        return True
    tail = b""
    with source:
        while chunk := source.read(1 << 20):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-8:]
    return False
