"""The header rows of tables 三 and 四 stay in sight while the body scrolls (like 冻结窗格 in Excel).

A second, non-interactive view of the same model lies over the top of the main view's viewport and
shows only the header rows, with the same spans, column widths and painting.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView


class FrozenHeader(QTableView):
    def __init__(self, main: QTableView, header_rows: int):
        super().__init__(main)
        self.main = main
        self.header_rows = header_rows
        self.setModel(main.model())
        # its own painter of the same kind: a delegate shared with the main view would send the main
        # view's edits to this one too (Qt warns that the editor does not belong to it)
        self.setItemDelegate(type(main.itemDelegate())(self))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)          # tooltips of the header cells
        for cell in main.grid.spans():
            if cell.row < header_rows:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        main.verticalScrollBar().valueChanged.connect(self._follow)
        self.hide()

    def height_needed(self) -> int:
        return sum(self.main.rowHeight(r) for r in range(self.header_rows))

    def sync(self) -> None:
        """Copy column widths and header row heights from the main view and lie over its top."""
        model = self.model()
        for c in range(model.columnCount()):
            self.setColumnWidth(c, self.main.columnWidth(c))
        for r in range(model.rowCount()):
            self.setRowHeight(r, self.main.rowHeight(r))
        viewport = self.main.viewport().geometry()
        self.setGeometry(viewport.left(), viewport.top(), viewport.width(), self.height_needed())
        self._follow(self.main.verticalScrollBar().value())

    def _follow(self, value: int) -> None:
        # only needed once the real header rows have scrolled (even partly) out of sight
        self.setVisible(value > 0)
        self.raise_()
