"""Word 97–2003 (.doc), WPS 文字 (.wps), Excel 97–2003 (.xls) and WPS 表格 (.et): the readers take only
.docx and .xlsx, so these are converted by LibreOffice where it is installed (pdf.py finds and drives
it), or the clerk is told how to 「另存为」 in WPS or Word.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .draft_reader import DraftError

# the old suffix → the format LibreOffice writes and the readers take
NEWER = {".doc": "docx", ".wps": "docx", ".xls": "xlsx", ".et": "xlsx"}
TIMEOUT = 120
_PROGRAMS = {"docx": ("Word 或 WPS 文字", "Word 文档（*.docx）"),
             "xlsx": ("Excel 或 WPS 表格", "Excel 工作簿（*.xlsx）")}


class ConversionError(DraftError):
    """LibreOffice could not convert the file; str(error) is the Chinese reason with the advice."""


def is_old_format(path: Path) -> bool:
    return Path(path).suffix.lower() in NEWER


def save_as_advice(path: Path) -> str:
    """How to make the file readable by hand: 「另存为」 in the program that wrote it."""
    path = Path(path)
    to = NEWER[path.suffix.lower()]
    programs, choice = _PROGRAMS[to]
    return (f"「{path.name}」是旧格式（{path.suffix}），本程序只能读取 .{to}。请在 {programs}中打开它，"
            f"点「文件」→「另存为」，「文件类型」选「{choice}」，保存后打开新文件。"
            "也可以安装 LibreOffice（https://zh-cn.libreoffice.org/ 免费下载），本程序会自动转换。")


def soffice() -> str | None:
    from .pdf import find_soffice
    return find_soffice()


def convert_old(path: Path, out_dir: Path | None = None, program: str | None = None,
                timeout: float = TIMEOUT) -> Path:
    """The file converted to .docx/.xlsx by LibreOffice in `out_dir` (a new temporary folder when
    None); the original is not touched. Raises ConversionError with the 另存为 advice."""
    from .pdf import PdfError, convert
    path = Path(path)
    program = program or soffice()
    if program is None:
        raise ConversionError(save_as_advice(path))
    out_dir = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="nianbao-old-"))
    to = NEWER[path.suffix.lower()]
    programs, choice = _PROGRAMS[to]
    try:
        return convert(path, out_dir, program, timeout, to=to,
                       advice=f"请在 {programs}中打开「{path.name}」，另存为「{choice}」后再打开。")
    except PdfError as exc:
        raise ConversionError(str(exc)) from None


def read_converted(path: Path, read):
    """`read` (a reader of .docx/.xlsx) applied to the file converted in a temporary folder, removed
    afterwards: what the command line and the county review do with an old format."""
    out_dir = Path(tempfile.mkdtemp(prefix="nianbao-old-"))
    try:
        return read(convert_old(path, out_dir))
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
