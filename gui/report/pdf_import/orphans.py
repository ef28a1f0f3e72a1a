"""Table rows a page break left without their ruling lines, given back to their table.

Where a published PDF draws a row at the page break with partial lines (no top or bottom rule),
the line finder leaves it out of the table: its label and numbers come out as a line of running
text (「2.没有现成信息需要另行制作3 0 0 0 0 0 3」) between the table's part on one page and its part on
the next. Such a line — at the foot of a page under a table part, or at the head of the next page
above one — is made a row of that part again: its label in the label column of the part's nearest
row, each number in that row's data column. Only a line inside the table's width whose numbers are
exactly as many as the row beside it has data cells is taken; anything else stays text.
"""
from __future__ import annotations

import re

from .layout import CellBox, Line, Page, TablePart

_ROW = re.compile(r"^(?P<label>.*?[^\d\s.．,，])\s*(?P<numbers>(?:\d[\d,]*\s+)*\d[\d,]*)$")
_NUMBER = re.compile(r"[\d,，.]+|[/／\\\-—–－]+")
MIN_NUMBERS = 2
TOLERANCE = 2.5


def _rows(cells: list[CellBox]) -> list[list[CellBox]]:
    rows: dict[float, list[CellBox]] = {}
    for c in cells:
        key = next((k for k in rows if abs(k - c.top) < TOLERANCE), c.top)
        rows.setdefault(key, []).append(c)
    return [sorted(rows[k], key=lambda c: c.x0) for k in sorted(rows)]


def _pattern(part: TablePart, numbers: int, from_bottom: bool) -> list[CellBox] | None:
    """The row of the part nearest the break that has `numbers` data cells after its labels."""
    rows = _rows(part.cells)
    for row in (reversed(rows) if from_bottom else rows):
        data = [c for c in row if _NUMBER.fullmatch(c.text.strip())]
        if len(data) == numbers and row.index(data[0]) == len(row) - numbers and row.index(data[0]) > 0:
            return row[len(row) - numbers - 1:]        # the label cell next to the data, and the data
    return None


def _as_row(texts: list[Line], part: TablePart, from_bottom: bool) -> list[CellBox] | None:
    """The cells (label, then numbers) of a row written as `texts` (its label may wrap), or None."""
    found = _ROW.match(texts[-1].text.strip())
    if not found or not all(part.x0 - 6 <= t.x0 and t.x1 <= part.x1 + 6 for t in texts):
        return None
    numbers = found.group("numbers").split()
    if len(numbers) < MIN_NUMBERS:
        return None
    pattern = _pattern(part, len(numbers), from_bottom)
    if pattern is None:
        return None
    label = "".join(t.text.strip() for t in texts[:-1]) + found.group("label").strip()
    height = max(t.bottom for t in texts) - min(t.top for t in texts) + 4
    return [CellBox(c.x0, 0.0, c.x1, height, text) for c, text in zip(pattern, [label, *numbers])]


def _groups(lines: list[Line]) -> list[list[Line]]:
    """Lines (top to bottom) as rows: each group ends with a line that has the numbers."""
    groups, group = [], []
    for line in lines:
        group.append(line)
        if _ROW.match(line.text.strip()):
            groups.append(group)
            group = []
    return groups + ([group] if group else [])


def _placed(row: list[CellBox], top: float) -> list[CellBox]:
    return [CellBox(c.x0, top, c.x1, top + c.bottom, c.text) for c in row]


def _under(lines: list[Line], part: TablePart) -> list[Line]:
    """Rows at the foot of a page, under the part they belong to: appended to it; the lines taken."""
    taken = []
    for group in _groups(lines):
        row = _as_row(group, part, from_bottom=True)
        if row is None:
            break
        part.cells += _placed(row, part.bottom)
        part.bottom += row[0].bottom
        taken += group
    return taken


def _over(lines: list[Line], part: TablePart) -> list[Line]:
    """Rows at the head of a page, above the part they belong to: put on top of it; the lines taken."""
    taken = []
    for group in reversed(_groups(lines)):
        row = _as_row(group, part, from_bottom=False)
        if row is None:
            break
        part.top -= row[0].bottom
        part.cells = _placed(row, part.top) + part.cells
        taken += group
    return taken


def rejoin(pages: list[Page]) -> int:
    """Give back to their tables the rows a page break left outside them; how many rows."""
    joined = 0
    for page, following in zip(pages, pages[1:]):
        parts = [it for it in page.items if isinstance(it, TablePart)]
        nexts = [it for it in following.items if isinstance(it, TablePart)]
        if not parts or not nexts:
            continue
        last, first = parts[-1], nexts[0]
        tail = page.items[page.items.index(last) + 1:]
        head = following.items[:following.items.index(first)]
        for lines, part, take, items_of in ((tail, last, _under, page), (head, first, _over, following)):
            if lines and all(isinstance(it, Line) for it in lines):
                taken = {id(t) for t in take(lines, part)}
                items_of.items = [it for it in items_of.items if id(it) not in taken]
                joined += sum(1 for t in lines if id(t) in taken and _ROW.match(t.text.strip()))
    return joined
