"""The table view: the official merged layout and a spreadsheet keyboard over a TableModel.

Typing starts an edit that overwrites, Enter commits and moves down, Tab moves right (wrapping to
the next data row); Enter after a row typed with Tab goes to the column where the Tabs began, one row
down, F2 edits keeping the content, Delete clears, Ctrl+C/Ctrl+V copy and paste TSV
blocks, Ctrl+X copies and clears (one undo step), Ctrl+A selects every cell, Ctrl+Enter fills
computed totals. Label cells are never the current cell. Undo/redo keys are left to the window's
QUndoStack actions; the window's 编辑 menu calls the same methods.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QMenu, QTableView

from gui.report.form import kind_of
from ..tooltips import show_item_tip
from . import clipboard, fit
from .delegate import CellDelegate, fill_button_rect
from .frozen import FrozenPane, frozen_panes
from .model import HintRole, RefRole, TableModel, cell_data

_MOVES = {
    QAbstractItemView.CursorAction.MoveUp: (-1, 0),
    QAbstractItemView.CursorAction.MoveDown: (1, 0),
    QAbstractItemView.CursorAction.MoveLeft: (0, -1),
    QAbstractItemView.CursorAction.MoveRight: (0, 1),
}
_CLIPBOARD_KEYS = (QKeySequence.StandardKey.Cut, QKeySequence.StandardKey.Copy,
                   QKeySequence.StandardKey.Paste)
PREFERRED_WIDTH = {"active": 720, "requests": 900, "appeals": 900}


class TableView(QTableView):
    IS_REPORT_TABLE = True      # what the 编辑 menu asks (window/edit_actions.py) without importing this
    message = Signal(str)       # a refused paste, etc.: the Chinese reason

    def __init__(self, model: TableModel, parent=None):
        super().__init__(parent)
        self.frozen: FrozenPane | None = None           # the header rows
        self.frozen_labels: FrozenPane | None = None    # the row labels
        self.panes: list[FrozenPane] = []
        self.label_cols = 0
        # where a row typed with Tab began: Enter then goes to that column of the next row (as Excel/WPS)
        self._tab_start: tuple[int, int] | None = None
        self._tabbing = False
        self.setModel(model)
        self.grid = model.grid
        self.cell_delegate = CellDelegate(self)
        self.setItemDelegate(self.cell_delegate)
        self.cell_delegate.navigate.connect(self._after_commit)
        for cell in self.grid.spans():
            self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setShowGrid(False)             # the delegate draws the printed lines
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.setMouseTracking(True)
        self.label_cols = min(c.col for c in self.grid.data_cells)
        header, labels, corner = frozen_panes(self, model.table.header_rows, self.label_cols)
        self.frozen, self.frozen_labels = header, labels
        self.panes = [p for p in (header, labels, corner) if p is not None]
        self._fit()
        row, col = self.grid.first_data()
        self.selectionModel().setCurrentIndex(model.index(row, col),
                                              QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # ── keyboard ──
    def event(self, event):
        # the table's own Cut/Copy/Paste/Delete win over window shortcuts with the same keys;
        # Undo/Redo are not accepted here, so the window's QUndoStack actions get them
        if event.type() == event.Type.ShortcutOverride and self.state() != self.State.EditingState:
            if any(event.matches(k) for k in _CLIPBOARD_KEYS) \
                    or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event):
        if self.state() == self.State.EditingState:
            editor = self.indexWidget(self.currentIndex())
            if editor is not None:      # keys sent to the view while editing belong to the editor
                QApplication.sendEvent(editor, event)
                return None
            return super().keyPressEvent(event)
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if event.matches(QKeySequence.StandardKey.Cut):
            return self.cut_selection()
        if event.matches(QKeySequence.StandardKey.Copy):
            return self.copy_selection()
        if event.matches(QKeySequence.StandardKey.Paste):
            return self.paste()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not ctrl:
            return self.clear_selection()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.fill_hints() if ctrl else self._after_commit("down")
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not ctrl:
            backwards = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            return self._tab(event, backwards)
        text = event.text()
        if text and text.isprintable() and not (mods & (Qt.KeyboardModifier.ControlModifier
                                                         | Qt.KeyboardModifier.AltModifier
                                                         | Qt.KeyboardModifier.MetaModifier)):
            index = self.currentIndex()
            if index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.cell_delegate.start_text = text
                if self.edit(index, self.EditTrigger.EditKeyPressed, None):
                    return None
                self.cell_delegate.start_text = None
        return super().keyPressEvent(event)

    def inputMethodEvent(self, event):
        # a Chinese input method delivers text as a commit string, not as key presses
        text = event.commitString()
        index = self.currentIndex()
        if self.state() != self.State.EditingState and text and \
                index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.cell_delegate.start_text = text
            if self.edit(index, self.EditTrigger.EditKeyPressed, None):
                event.accept()
                return
            self.cell_delegate.start_text = None
        super().inputMethodEvent(event)

    def contextMenuEvent(self, event):
        menu = QMenu(self)
        for text, keys, slot in (("剪切", QKeySequence.StandardKey.Cut, self.cut_selection),
                                 ("复制", QKeySequence.StandardKey.Copy, self.copy_selection),
                                 ("粘贴", QKeySequence.StandardKey.Paste, self.paste),
                                 ("清除", QKeySequence(Qt.Key.Key_Delete), self.clear_selection),
                                 ("填入计算值", QKeySequence("Ctrl+Return"), self.fill_hints)):
            action = menu.addAction(text, slot)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutVisibleInContextMenu(True)
        menu.exec(event.globalPos())

    def edit(self, index, trigger=None, event=None):
        if trigger is None:
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        editor = self.indexWidget(index) if opened else None
        if isinstance(editor, QLineEdit):
            editor.end(False)       # Qt selects all on opening; F2 and typing continue at the end
        return opened

    def viewportEvent(self, event):
        if event.type() == event.Type.ToolTip:
            return show_item_tip(self, event)
        return super().viewportEvent(event)

    def keyboardSearch(self, search):
        pass        # typing edits the cell; it never jumps to a label that starts with that letter

    def moveCursor(self, action, modifiers):
        current = self.currentIndex()
        if action in _MOVES and current.isValid():
            d_row, d_col = _MOVES[action]
            row, col = self.grid.step(current.row(), current.column(), d_row, d_col)
            return self.model().index(row, col)
        if action in (self.CursorAction.MoveNext, self.CursorAction.MovePrevious) and current.isValid():
            row, col = self.grid.next_in_reading_order(
                current.row(), current.column(), action == self.CursorAction.MovePrevious)
            return self.model().index(row, col)
        if action in (self.CursorAction.MoveHome, self.CursorAction.MoveEnd) and current.isValid():
            whole_table = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            row, col = self.grid.row_end(current.row(), action == self.CursorAction.MoveEnd, whole_table)
            return self.model().index(row, col)
        index = super().moveCursor(action, modifiers)       # PageUp / PageDown
        if index.isValid() and not self.grid.is_data(index.row(), index.column()):
            down = action == self.CursorAction.MovePageDown
            row, col = self.grid.step(index.row(), current.column(), 1 if down else -1, 0)
            return self.model().index(row, col) if self.grid.is_data(row, col) else current
        return index

    def _tab(self, event, backwards: bool):
        current = self.currentIndex()
        row, col = self.grid.next_in_reading_order(current.row(), current.column(), backwards)
        if (row, col) == (current.row(), current.column()):
            event.ignore()              # at either end Tab leaves the table, like any other field
            return None
        self._tab_to(row, col, backwards)
        return None

    def _after_commit(self, direction: str):
        current = self.currentIndex()
        if direction == "down":
            start = self._tab_start
            col = start[1] if start is not None and start[0] == current.row() else current.column()
            row, col = self.grid.step(current.row(), col, 1, 0)
            self.go_to(row, col)
            return
        row, col = self.grid.next_in_reading_order(current.row(), current.column(), direction == "left")
        self._tab_to(row, col, direction == "left")

    def _tab_to(self, row: int, col: int, backwards: bool) -> None:
        current = self.currentIndex()
        if not backwards and (self._tab_start is None or self._tab_start[0] != current.row()):
            self._tab_start = (current.row(), current.column())
        self._tabbing = True
        try:
            self.go_to(row, col)
        finally:
            self._tabbing = False

    def currentChanged(self, current, previous):
        super().currentChanged(current, previous)
        if not self._tabbing:
            self._tab_start = None      # an arrow key, a click or Enter ends the Tab run

    def go_to(self, row: int, col: int) -> None:
        """Make (row, col) the current and only selected cell, scrolled into view."""
        index = self.model().index(row, col)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible):
        super().scrollTo(index, hint)
        if not index.isValid() or not self.panes:
            return
        rect = self.visualRect(index)
        header = sum(self.rowHeight(r) for r in range(self.model().table.header_rows))
        labels = sum(self.columnWidth(c) for c in range(self.label_cols))
        # a cell under the frozen header rows or label columns is scrolled out from under them
        for bar, covered in ((self.verticalScrollBar(), header - rect.top()),
                             (self.horizontalScrollBar(), labels - rect.left())):
            if covered > 0 and bar.value() > 0:
                bar.setValue(max(0, bar.value() - covered))

    # ── mouse: labels are not selectable; the 「填」 button fills a hint ──
    def mousePressEvent(self, event):
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and not self.grid.is_data(index.row(), index.column()):
            event.accept()
            return
        if index.isValid() and cell_data(index, HintRole) is not None and not cell_data(index) \
                and fill_button_rect(self.visualRect(index)).contains(event.position().toPoint()):
            self.setCurrentIndex(index)
            self.fill_hints([index])
            event.accept()
            return
        super().mousePressEvent(event)

    # ── actions on the selection (each one undo step) ──
    def selected_positions(self) -> list[tuple[int, int]]:
        positions = {(i.row(), i.column()) for i in self.selectionModel().selectedIndexes()
                     if self.grid.is_data(i.row(), i.column())}
        current = self.currentIndex()
        if not positions and current.isValid() and self.grid.is_data(current.row(), current.column()):
            positions.add((current.row(), current.column()))
        return sorted(positions)

    def clear_selection(self):
        self._clear("清除单元格")

    def cut_selection(self):
        self.copy_selection()
        self._clear("剪切")

    def _clear(self, label: str) -> None:
        refs = [self.model().ref_at(r, c) for r, c in self.selected_positions()]
        self.model().document.set_cells({ref: None for ref in refs}, label)

    def fill_hints(self, indexes=None):
        indexes = indexes or [self.model().index(r, c) for r, c in self.selected_positions()]
        values = {cell_data(i, RefRole): cell_data(i, HintRole) for i in indexes
                  if cell_data(i, HintRole) is not None and not cell_data(i)}
        if values:
            self.model().document.set_cells(values, "填入计算值")
        else:
            self.message.emit("所选单元格没有可填入的计算值（计算值只在合计为空、且各加数都已填写时出现）。")

    def copy_selection(self):
        report = self.model().document.report
        text = clipboard.copy_text(self.grid, self.selected_positions(), report.get)
        if text:
            QGuiApplication.clipboard().setText(text)

    def paste(self):
        text = QGuiApplication.clipboard().text()
        if not text:
            return
        positions = self.selected_positions()
        start = positions[0] if positions else (self.currentIndex().row(), self.currentIndex().column())
        try:
            block = clipboard.parse_tsv(text)
            values = clipboard.plan_paste(self.grid, block, start, positions, kind_of)
        except clipboard.PasteError as error:
            self.message.emit(str(error))
            return
        self.model().document.set_cells(values, "粘贴")
        self._select_refs(list(values))
        marks = clipboard.blank_marks(block)
        if marks:
            self.message.emit(f"已粘贴。其中 {marks} 格是「/」或「—」，已留空：没有发生的事项请填 0。")

    def _select_refs(self, refs):
        selection = QItemSelection()
        for ref in refs:
            index = self.model().index_of(ref)
            selection.select(index, index)
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # ── fitting the printed layout to the width; on a narrow screen it scrolls sideways ──
    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        table = self.model().table
        widths = fit.column_widths(table, max(self.viewport().width(), 200))
        for i, w in enumerate(widths):
            self.setColumnWidth(i, w)
        for r, h in enumerate(fit.row_heights(table, self.font(), widths)):
            self.setRowHeight(r, h)
        for pane in self.panes:
            pane.sync()
        self.updateGeometry()

    def content_height(self) -> int:
        rows = sum(self.rowHeight(r) for r in range(self.grid.rows)) + 2 * self.frameWidth()
        columns = sum(self.columnWidth(c) for c in range(self.grid.cols))
        if columns > self.viewport().width():       # the sideways scroll bar takes room below the rows
            rows += self.horizontalScrollBar().sizeHint().height()
        return rows

    def sizeHint(self):
        return QSize(PREFERRED_WIDTH.get(self.model().table.key, 800), self.content_height())

    def minimumSizeHint(self):
        return QSize(400, min(self.content_height(), 200))
