"""Reading a report from any file the application understands, chosen by the file's suffix.

Each reader is one line in READERS. Readers of published reports are also in IMPORTERS, which
gives the import summary with the report.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from . import docx_import, drafts, excel, lead_ins, pdf_import, web_import
from .draft_reader import DraftError
from .model import Report


class SourceError(DraftError):
    """A file that cannot be read as a report; str(error) is the Chinese reason."""


# suffix (lower case, with the dot) → function(path) -> Report, raising DraftError/SourceError
READERS: dict[str, Callable[[Path], Report]] = {
    drafts.SUFFIX: drafts.load,
    ".xlsx": excel.read_tables_report,
    ".docx": docx_import.read_docx_report,
    ".pdf": pdf_import.read_pdf_report,
    ".txt": web_import.read_text_report,
    ".html": web_import.read_html_report,
    ".htm": web_import.read_html_report,
    ".mhtml": web_import.read_mhtml_report,
    ".mht": web_import.read_mhtml_report,
}

# suffix → function(path) -> ImportResult (the report and what was and was not recognised)
IMPORTERS: dict[str, Callable] = {
    ".docx": docx_import.read_docx,
    ".pdf": pdf_import.read_pdf,
    ".txt": web_import.read_text_file,
    ".html": web_import.read_html_file,
    ".htm": web_import.read_html_file,
    ".mhtml": web_import.read_mhtml_file,
    ".mht": web_import.read_mhtml_file,
}


def unreadable(path: str | os.PathLike, exc: BaseException) -> str:
    """The message for a reader's unforeseen failure: one Chinese line, never a traceback."""
    return f"无法读取「{Path(path).name}」：文件内容无法识别（{type(exc).__name__}）。"


def read_report(path: str | os.PathLike) -> Report:
    """The report in `path` (a draft, a workbook or a Word report); raises DraftError/SourceError."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = "、".join(sorted(READERS))
        what = f"「{path.suffix}」" if path.suffix else "没有扩展名"
        raise SourceError(f"无法打开「{path.name}」：不支持的文件类型（{what}）。"
                          f"可以打开的文件类型：{known}。")
    return reader(path)


def import_published(path: str | os.PathLike):
    """The ImportResult of a published report (any suffix in IMPORTERS); raises DraftError."""
    path = Path(path)
    importer = IMPORTERS.get(path.suffix.lower())
    if importer is None:
        known = "、".join(sorted(IMPORTERS))
        raise SourceError(f"「{path.name}」不是可以导入的已发布报告：可以导入的文件类型为 {known}。")
    result = importer(path)
    result.unrecognised += [n for n in lead_ins.import_notes(result.report) if n not in result.unrecognised]
    return result


__all__ = ["SourceError", "READERS", "IMPORTERS", "read_report", "import_published", "unreadable"]
