"""The printed grid of one form table as positions: which cell covers a position, where the data is.

Qt-free so the navigation and paste planning can be reasoned about (and tested) on their own.
"""
from __future__ import annotations

from gui.report.form import CellRef, GridCell, Table


class Grid:
    def __init__(self, table: Table):
        self.table = table
        self.rows = table.grid_rows
        self.cols = table.grid_cols
        # every grid position → the GridCell covering it (its own cell, or the merged cell over it)
        self._owner: dict[tuple[int, int], GridCell] = {}
        self.position_of: dict[CellRef, tuple[int, int]] = {}
        for cell in table.grid:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    self._owner[(r, c)] = cell
            if cell.ref is not None:
                self.position_of[cell.ref] = (cell.row, cell.col)
        # data cells in reading order: the order of Tab
        self.data_cells: list[GridCell] = sorted(
            (c for c in table.grid if c.role == "data"), key=lambda c: (c.row, c.col))
        self._reading_index = {(c.row, c.col): i for i, c in enumerate(self.data_cells)}

    def owner(self, row: int, col: int) -> GridCell | None:
        return self._owner.get((row, col))

    def is_data(self, row: int, col: int) -> bool:
        cell = self._owner.get((row, col))
        return cell is not None and cell.role == "data"

    def spans(self) -> list[GridCell]:
        return [c for c in self.table.grid if c.rowspan > 1 or c.colspan > 1]

    # ── navigation: always lands on the top-left position of a data cell ──
    def step(self, row: int, col: int, d_row: int, d_col: int) -> tuple[int, int]:
        """The next data cell from (row, col) in one direction, skipping labels; stays put at the edge."""
        start = self._owner.get((row, col))
        r, c = row, col
        while True:
            r, c = r + d_row, c + d_col
            if not (0 <= r < self.rows and 0 <= c < self.cols):
                return self._top_left(row, col)
            cell = self._owner.get((r, c))
            if cell is not None and cell.role == "data" and cell is not start:
                return cell.row, cell.col

    def next_in_reading_order(self, row: int, col: int, backwards: bool = False) -> tuple[int, int]:
        """Tab / Shift+Tab: the next data cell to the right, wrapping to the next data row."""
        if not self.data_cells:
            return row, col
        here = self._top_left(row, col)
        i = self._reading_index.get(here)
        if i is None:       # not on a data cell: go to the first one after (or before) it
            after = [k for k, d in enumerate(self.data_cells) if (d.row, d.col) > here]
            i = (after[0] - 1) if after else len(self.data_cells) - 1
            if backwards:
                i += 1
        i = max(0, min(len(self.data_cells) - 1, i + (-1 if backwards else 1)))
        cell = self.data_cells[i]
        return cell.row, cell.col

    def row_end(self, row: int, last: bool, whole_table: bool = False) -> tuple[int, int]:
        """Home/End: the first/last data cell of this grid row (of the whole table with Ctrl)."""
        cells = self.data_cells if whole_table else [c for c in self.data_cells if c.row == row]
        if not cells:
            return row, 0
        cell = cells[-1] if last else cells[0]
        return cell.row, cell.col

    def first_data(self) -> tuple[int, int]:
        cell = self.data_cells[0]
        return cell.row, cell.col

    def _top_left(self, row: int, col: int) -> tuple[int, int]:
        cell = self._owner.get((row, col))
        return (cell.row, cell.col) if cell is not None else (row, col)
