"""A table of a published report as every reader hands it to the builder (build.py): a Grid of
Slots, whatever the reader saw (Word cells with their merges, PDF ruling lines, HTML spans, pasted
rows). Qt-free, no python-docx.

    grid = Grid.from_rows([["（一）予以公开", "", "3", ...], ...])          # plain rows, no merges
    grid = Grid.from_html_rows([[("申请人情况", 7, 1)], ...])               # (text, colspan, rowspan)
    grid = Grid.from_cells([Cell(0, 0, "行政复议", colspan=5), ...])        # placed cells

A merged cell is one Slot on its first row spanning `span` grid columns; each row below that it
covers holds a Slot with the same text and `continued=True` (so a row knows its group label).
Empty cells are Slots with text "" (or absent, in from_cells, which fills the holes).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

MAX_GRID_ROWS = 2000
MAX_GRID_COLUMNS = 200


@dataclass
class Slot:
    """One cell of a table row as it occupies the grid: columns col … col+span-1.
    `continued`: the lower part of a vertically merged cell (its text is the top cell's);
    `where`: the cell's place in the source, for messages (「工作表「年报表格」单元格 D25」), or ""."""
    col: int
    span: int
    text: str
    continued: bool = False
    where: str = ""


@dataclass
class Cell:
    """A placed cell: top-left grid position and how many rows / columns it covers."""
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    where: str = ""


@dataclass
class Grid:
    rows: list[list[Slot]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((s.col + s.span for row in self.rows for s in row), default=0)

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[str]]) -> "Grid":
        """Rows of cell texts without merges (a pasted tab-separated table, a flat PDF table)."""
        return cls([[Slot(c, 1, text or "") for c, text in enumerate(row)] for row in rows])

    @classmethod
    def from_cells(cls, cells: Iterable[Cell]) -> "Grid":
        """Cells placed on the grid (a PDF table from its ruling lines); holes become empty cells,
        a cell overlapping one already placed is cut to the free columns of its first row."""
        cells = sorted(cells, key=lambda c: (c.row, c.col))
        taken: dict[tuple[int, int], bool] = {}
        slots: dict[int, list[Slot]] = {}
        height = width = 0
        for cell in cells:
            rowspan = max(1, min(cell.rowspan, MAX_GRID_ROWS))
            colspan = max(1, min(cell.colspan, MAX_GRID_COLUMNS))
            if cell.row < 0 or cell.col < 0 or (cell.row, cell.col) in taken:
                continue
            span = 1
            while span < colspan and (cell.row, cell.col + span) not in taken:
                span += 1
            for r in range(cell.row, min(cell.row + rowspan, MAX_GRID_ROWS)):
                if any((r, c) in taken for c in range(cell.col, cell.col + span)):
                    break
                for c in range(cell.col, cell.col + span):
                    taken[r, c] = True
                slots.setdefault(r, []).append(Slot(cell.col, span, cell.text, r > cell.row, cell.where))
                height = max(height, r + 1)
            width = max(width, cell.col + span)
        grid = cls()
        for r in range(height):
            row = slots.get(r, [])
            row += [Slot(c, 1, "") for c in range(width) if (r, c) not in taken]
            grid.rows.append(sorted(row, key=lambda s: s.col))
        return grid

    @classmethod
    def from_html_rows(cls, rows: Iterable[Sequence[str | tuple[str, int, int]]]) -> "Grid":
        """Rows as HTML writes them: each cell a text or (text, colspan, rowspan), placed in the
        first column not covered by a rowspan from above (the HTML table algorithm)."""
        cells, covered = [], set()
        for r, row in enumerate(rows):
            c = 0
            for item in row:
                text, colspan, rowspan = (item, 1, 1) if isinstance(item, str) else item
                while (r, c) in covered:
                    c += 1
                colspan = max(1, min(int(colspan or 1), MAX_GRID_COLUMNS))
                rowspan = max(1, min(int(rowspan or 1), MAX_GRID_ROWS))
                cells.append(Cell(r, c, text or "", rowspan, colspan))
                covered.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
                c += colspan
        return cls.from_cells(cells)

    def texts(self) -> list[list[str]]:
        """Each row's own texts (continued parts left out): for tests and messages."""
        return [[s.text for s in row if not s.continued] for row in self.rows]


__all__ = ["Slot", "Cell", "Grid"]
