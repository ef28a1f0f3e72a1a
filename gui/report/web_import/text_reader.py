"""A report pasted as text (a .txt file, or the clipboard): the lines split into sections, the
prose rebuilt into paragraphs (text_lines.py), the tables into grids (text_tables.py), all handed to
the builder shared with the other readers (gui/report/published/).
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from ..form import SECTIONS
from ..published import ImportResult, Metadata, import_report, quote
from ..published.structure import find_title
from .decode import decode
from .metadata import pairs, publication_date
from .safety import MAX_LINES, MAX_TEXT_BYTES, PASTED, WebImportError, read_limited, too_long
from .text_lines import TABLE_SECTIONS, is_wrapped, paragraphs, split_lines
from .text_tables import GRIDS, collect


_PROSE = ("overview", "problems", "other")


def title_start(lines: list[str]) -> int:
    """Where the report begins in the paragraphs before 一、: at its title (the organ perhaps on the
    line above), so that a portal's menus copied with it are left out; 0 without a title."""
    for i, text in enumerate(lines):
        title, _ = find_title([text])
        if title is None:
            continue
        if i and not title.organ:
            above, _ = find_title(lines[i - 1:i + 1])
            if above is not None and above.organ:
                return i - 1
        return i
    return 0


def read_text_file(path: str | os.PathLike) -> ImportResult:
    path = Path(path)
    data = read_limited(path, MAX_TEXT_BYTES, "文本文件")
    text, _ = decode(data)
    return read_pasted(text, path.name)


def read_pasted(text: str, name: str = PASTED) -> ImportResult:
    """The report in a pasted text; raises WebImportError when it is not one."""
    if len(text) > MAX_TEXT_BYTES or text.count("\n") > MAX_LINES:
        raise too_long(name, MAX_TEXT_BYTES)
    text = text.replace("\x00", "")
    found = split_lines(text)
    prose = found.before + [line for key in _PROSE for line in found.lines.get(key, [])]
    wrapped, full = is_wrapped(prose)
    before = paragraphs(found.before, wrapped, full)
    start = title_start(before)
    texts, tables, notes, unplaced = before[start:], [], [], set()
    for section in SECTIONS:
        if section.key not in found.headings:
            continue
        texts.append(found.headings[section.key])
        lines = found.lines[section.key]
        if section.key in TABLE_SECTIONS:
            table = collect(section.key, lines)
            if table.rows or table.headers:
                tables.append(GRIDS[section.key](table, notes, unplaced))
            texts += table.prose
        else:
            texts += paragraphs(lines, wrapped, full)
    metadata = _metadata(found, notes, unplaced, start, wrapped)
    date, date_from = publication_date(pairs(before))       # 「发布时间：…」 copied with the page
    if date is not None:
        metadata = replace(metadata, publish_date=date, publish_date_from=date_from.replace("网页", "文本中网页"))
    return import_report(name, texts, tables, metadata, error=WebImportError)


def _metadata(found, notes: list[str], unplaced: set[str], dropped: int, wrapped: bool) -> Metadata:
    """How the text was read, and the rows whose numbers could not be placed, for the summary."""
    read = []
    if found.lines.keys() & set(TABLE_SECTIONS):
        read.append("文本中的表格没有单元格位置：按官方的行顺序和列顺序读取，一行的数字个数与该行应有的列数相同才填入。")
    if wrapped:
        read.append("文本按固定行宽换行（从 PDF 复制）：已按行宽把同一段的各行连接起来，请核对分段。")
    if dropped:
        read.append(f"报告标题之前的 {dropped} 段（网页的导航、栏目等）未导入。")
    read += [f"表格中的页码{quote(number)}已删除。" for number in found.page_numbers_in_tables]
    return Metadata(notes=tuple((True, m) for m in read) + tuple((False, m) for m in notes),
                    unplaced=frozenset(unplaced))
