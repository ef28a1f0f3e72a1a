"""Reading a report from any file the application understands, chosen by the file's suffix: the one
registry of readers. Each reader is one line in SOURCES; a reader of published reports returns the
ImportResult (the report with what was and was not recognised), the others the Report itself.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import drafts, excel, lead_ins, web_import
from .draft_reader import DraftError
from .model import Report
from .old_formats import is_old_format, read_converted
from .target_names import one_line


class SourceError(DraftError):
    """A file that cannot be read as a report; str(error) is the Chinese reason."""


@dataclass(frozen=True)
class Source:
    suffix: str                 # lower case, with the dot
    read: Callable              # function(path) -> Report, or ImportResult when `published`
    published: bool             # a published report (its import summary is shown first)


def _read_docx(path):
    """docx_import loads with its zip guard only when a Word file is read: a draft's export skips it."""
    from .docx_import import read_docx
    return read_docx(path)


def _read_pdf(path):
    """pdf_import loads with its guard (and logging) only when a PDF is read."""
    from .pdf_import import read_pdf
    return read_pdf(path)


SOURCES = (
    Source(drafts.SUFFIX, drafts.load, False),
    Source(".xlsx", excel.read_tables_report, False),
    Source(".docx", _read_docx, True),
    Source(".pdf", _read_pdf, True),
    Source(".txt", web_import.read_text_file, True),
    Source(".html", web_import.read_html_file, True),
    Source(".htm", web_import.read_html_file, True),
    Source(".mhtml", web_import.read_mhtml_file, True),
    Source(".mht", web_import.read_mhtml_file, True),
)
# suffix → function(path), raising DraftError/SourceError: every file that opens
READERS: dict[str, Callable] = {s.suffix: s.read for s in SOURCES}
# suffix → function(path) -> ImportResult: the published reports
IMPORTERS: dict[str, Callable] = {s.suffix: s.read for s in SOURCES if s.published}


def unreadable(path: str | os.PathLike, exc: BaseException) -> str:
    """The message for a reader's unforeseen failure: one Chinese line, never a traceback."""
    return one_line(f"无法读取「{Path(path).name}」：文件内容无法识别（{type(exc).__name__}）。")


def read_report(path: str | os.PathLike) -> Report:
    """The report in `path` (a draft, a workbook or a published report); raises DraftError/SourceError."""
    path = Path(path)
    if is_old_format(path):         # .doc/.wps/.xls/.et: through LibreOffice, or advice to 另存为
        return read_converted(path, read_report)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = "、".join(sorted(READERS))
        what = f"「{path.suffix}」" if path.suffix else "没有扩展名"
        raise SourceError(f"无法打开「{path.name}」：不支持的文件类型（{what}）。"
                          f"可以打开的文件类型：{known}。")
    found = reader(path)
    return found if isinstance(found, Report) else found.report


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


__all__ = ["SourceError", "Source", "SOURCES", "READERS", "IMPORTERS", "read_report", "import_published", "unreadable"]
