"""A report pasted as text (a .txt file, or the clipboard): prose by the Word reader's section and
theme logic, the tables from their lines (text_tables.py) through the Word reader's table path.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..grid_import import import_report
from ..docx_import.result import ImportResult, quote
from ..docx_import.structure import find_title
from ..form import APPEALS, SECTIONS
from . import PASTED
from .decode import decode
from .safety import MAX_LINES, MAX_TEXT_BYTES, WebImportError, read_limited, too_long
from .text_lines import TABLE_SECTIONS, is_wrapped, paragraphs, split_lines
from .text_tables import APPEALS_WIDTH, GRIDS, collect


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
    texts, tables, notes = before[start:], [], []
    for section in SECTIONS:
        if section.key not in found.headings:
            continue
        texts.append(found.headings[section.key])
        lines = found.lines[section.key]
        if section.key in TABLE_SECTIONS:
            table = collect(section.key, lines)
            if table.rows or table.headers:
                tables.append(GRIDS[section.key](table, notes))
            texts += table.prose
        else:
            texts += paragraphs(lines, wrapped, full)
    result = import_report(name, texts, tables, error=WebImportError)
    _notes(result, found, notes, start, wrapped)
    return result


def _notes(result: ImportResult, found, notes: list[str], dropped: int, wrapped: bool) -> None:
    if found.lines.keys() & set(TABLE_SECTIONS):
        result.ok("文本中的表格没有单元格位置：按官方的行顺序和列顺序读取，一行的数字个数与该行应有的列数相同才填入。")
    if wrapped:
        result.ok("文本按固定行宽换行（从 PDF 复制）：已按行宽把同一段的各行连接起来，请核对分段。")
    if dropped:
        result.ok(f"报告标题之前的 {dropped} 段（网页的导航、栏目等）未导入。")
    for number in found.page_numbers_in_tables:
        result.ok(f"表格中的页码{quote(number)}已删除。")
    for note in notes:
        result.missed(note)
    if any(n.startswith(APPEALS.short_name + "的数字") for n in notes):
        done = f"{APPEALS.short_name}：全部"
        result.recognised = [m for m in result.recognised if not m.startswith(done)]
        # its cells were not empty in the text, only not placed (named above): not counted as empty
        empty = f"有 {APPEALS_WIDTH} 个单元格是空白（{APPEALS.short_name} {APPEALS_WIDTH} 个）"
        result.unrecognised = [m for m in result.unrecognised if not m.startswith(empty)]
