"""Row labels and header rows stay in sight while the body scrolls (like 冻结窗格 in Excel/WPS).

Up to three non-interactive views of the same model lie over the main view's viewport, the standard
Qt "frozen column" arrangement: the header rows along the top (following sideways scrolling), the
label columns down the left (following vertical scrolling), and their corner. Each has the same
spans, column widths and painting as the main view, and shows itself only once the part it copies has
scrolled (even partly) out of sight.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

from ..tooltips import show_item_tip


class FrozenPane(QTableView):
    def __init__(self, main: QTableView, rows: int, cols: int):
        """`rows` header rows (0: all rows) and `cols` label columns (0: all columns) of `main`."""
        super().__init__(main)
        self.main = main
        self.rows, self.cols = rows, cols
        self.setModel(main.model())
        # its own painter of the same kind: a delegate shared with the main view would send the main
        # view's edits to this one too (Qt warns that the editor does not belong to it)
        self.setItemDelegate(type(main.itemDelegate())(self))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)          # tooltips of the label cells
        for cell in main.grid.spans():
            self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        main.verticalScrollBar().valueChanged.connect(self._follow)
        main.horizontalScrollBar().valueChanged.connect(self._follow)
        self.hide()

    def height_needed(self) -> int:
        return sum(self.main.rowHeight(r) for r in range(self.rows))

    def width_needed(self) -> int:
        return sum(self.main.columnWidth(c) for c in range(self.cols))

    def sync(self) -> None:
        """Copy column widths and row heights from the main view and lie over its viewport."""
        model = self.model()
        for c in range(model.columnCount()):
            self.setColumnWidth(c, self.main.columnWidth(c))
        for r in range(model.rowCount()):
            self.setRowHeight(r, self.main.rowHeight(r))
        viewport = self.main.viewport().geometry()
        self.setGeometry(QRect(viewport.left(), viewport.top(),
                               self.width_needed() if self.cols else viewport.width(),
                               self.height_needed() if self.rows else viewport.height()))
        self._follow()

    def _follow(self, *_):
        down = self.main.verticalScrollBar().value()
        across = self.main.horizontalScrollBar().value()
        # a header strip moves sideways with the body, a label strip up and down with it
        self.horizontalScrollBar().setValue(0 if self.cols else across)
        self.verticalScrollBar().setValue(0 if self.rows else down)
        self.setVisible(bool(self.rows and down > 0 or self.cols and across > 0))
        self.raise_()

    def viewportEvent(self, event):
        if event.type() == event.Type.ToolTip:
            return show_item_tip(self, event)
        return super().viewportEvent(event)

    def wheelEvent(self, event):
        QApplication.sendEvent(self.main.viewport(), event)     # the wheel scrolls the table below


def frozen_panes(main: QTableView, header_rows: int, label_cols: int):
    """The header pane, the label pane and their corner (each None where the table has no such part),
    made bottom to top so the corner lies over the other two."""
    header = FrozenPane(main, header_rows, 0) if header_rows else None
    labels = FrozenPane(main, 0, label_cols) if label_cols else None
    corner = FrozenPane(main, header_rows, label_cols) if header_rows and label_cols else None
    return header, labels, corner
