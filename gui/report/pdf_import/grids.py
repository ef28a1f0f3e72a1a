"""Ruled table parts of a PDF into the shared grids (gui/report/published/grid.py): a table continued
on the next page is joined to its first part (a repeated header dropped, a merged cell cut by the
page break made whole again), and cell edges become grid rows and columns.
"""
from __future__ import annotations

import re

from ..published.grid import Cell, Grid
from .layout import CellBox, TablePart

TOLERANCE = 2.5        # points: edges closer than this are one grid line
_NUMBER = re.compile(r"[\d,，.]+|[/／\\\-—–－]+")


def _index(values: list[float]) -> list[float]:
    lines: list[float] = []
    for v in sorted(values):
        if not lines or v - lines[-1] > TOLERANCE:
            lines.append(v)
    return lines


def _at(lines: list[float], v: float) -> int:
    return min(range(len(lines)), key=lambda i: abs(lines[i] - v))


def grid_of(cells: list[CellBox]) -> Grid:
    xs = _index([c.x0 for c in cells] + [c.x1 for c in cells])
    ys = _index([c.top for c in cells] + [c.bottom for c in cells])
    placed = []
    for c in cells:
        col, row = _at(xs, c.x0), _at(ys, c.top)
        placed.append(Cell(row, col, c.text, max(1, _at(ys, c.bottom) - row), max(1, _at(xs, c.x1) - col)))
    return Grid.from_cells(placed)


def continues(previous: TablePart, part: TablePart) -> bool:
    """`part` starts its page right after `previous` ended the page before, with the same edges."""
    return (part.page == previous.page + 1 and previous.last_on_page and part.first_on_page
            and abs(part.x0 - previous.x0) < 6 and abs(part.x1 - previous.x1) < 6)


def _row_texts(cells: list[CellBox], top: float) -> list[str]:
    return [c.text for c in sorted(cells, key=lambda c: c.x0) if abs(c.top - top) < TOLERANCE]


def join(first: list[CellBox], part: TablePart) -> list[CellBox]:
    """The cells of `first` with those of the part continuing it below."""
    cells = list(part.cells)
    # a header repeated at the top of the continued part is dropped
    tops = sorted({round(c.top, 1) for c in first})
    part_tops = sorted({round(c.top, 1) for c in cells})
    dropped = 0
    while (dropped < len(part_tops) and dropped < len(tops) and any(_row_texts(first, tops[dropped]))
           and _row_texts(first, tops[dropped]) == _row_texts(cells, part_tops[dropped])):
        dropped += 1
    if dropped:
        cut = part_tops[dropped] if dropped < len(part_tops) else part.bottom
        cells = [c for c in cells if c.top >= cut - TOLERANCE]
    if not cells:
        return first
    top = min(c.top for c in cells)
    bottom = max(c.bottom for c in first)
    shift = bottom - top          # the continued part is placed right under the first
    joined = list(first)
    last = [c for c in joined if abs(c.bottom - bottom) < TOLERANCE]
    head = [c for c in cells if abs(c.top - top) < TOLERANCE]
    split = _split_row(last, head)
    for c in cells:
        above = split.get(id(c))
        if above is None and c in head and not c.text.strip():
            # an empty cell at the top under a labelled cell of the same columns: a merged cell
            # that the page break cut in two
            above = next((a for a in last if a.text.strip() and _same_columns(a, c)), None)
        if above is not None:
            i = joined.index(above)
            joined[i] = CellBox(above.x0, above.top, above.x1, c.bottom + shift, above.text + c.text)
        else:
            joined.append(CellBox(c.x0, c.top + shift, c.x1, c.bottom + shift, c.text))
    return joined


def _same_columns(a: CellBox, b: CellBox) -> bool:
    return abs(a.x0 - b.x0) < TOLERANCE and abs(a.x1 - b.x1) < TOLERANCE


def _number(text: str) -> bool:
    return bool(_NUMBER.fullmatch(text.strip()))


def _split_row(last: list[CellBox], head: list[CellBox]) -> dict[int, CellBox]:
    """A row the page break cut in two (its label runs on over the next page, its numbers stand
    on one side only): each cell of the lower half → the cell of the upper half it continues."""
    if not last or len(last) != len(head):
        return {}
    pairs = list(zip(sorted(last, key=lambda c: c.x0), sorted(head, key=lambda c: c.x0)))
    if not all(_same_columns(a, b) for a, b in pairs):
        return {}
    upper = [_number(a.text) for a, _ in pairs]
    lower = [_number(b.text) for _, b in pairs]
    if (any(upper) and any(lower)) or not (any(upper) or any(lower)):
        return {}
    if not any(a.text.strip() and b.text.strip() for a, b in pairs):
        return {}
    return {id(b): a for a, b in pairs}


def tables_of(parts: list[TablePart]) -> list[tuple[TablePart, list[CellBox]]]:
    """The tables of the document (the part where each starts, all its cells), continued parts joined."""
    tables: list[tuple[TablePart, list[CellBox]]] = []
    previous = None
    for part in parts:
        if previous is not None and continues(previous, part):
            tables[-1] = (tables[-1][0], join(tables[-1][1], part))
        else:
            tables.append((part, list(part.cells)))
        previous = part
    return tables
