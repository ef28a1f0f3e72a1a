"""TableEditor: one official table as the wizard page shows it — the view, a message strip, a legend."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout,
                               QWidget)

from gui.report.cells import format_value
from gui.report.form import CellRef, describe
from .model import FILL_SHORTCUT, TableModel
from .view import TableView

LEGEND = ("红框 ✕ 为错误（几处勾稽关系同时不成立时，标在最可能填错的一格），浅红点线框为同一关系涉及的其他格，"
          "黄框 ！ 为提示，虚线框为尚未填写；鼠标停在单元格上可看原因。"
          f"灰色斜体数字是算出的合计，点「填」或按 {FILL_SHORTCUT} 填入。"
          "可从 Excel/WPS 复制一块数字后按 Ctrl+V 粘贴。")
STRIP_STYLE = ("QFrame#messageStrip { background: #fde2e1; border: 1px solid #d93025;"
               " border-radius: 3px; } QLabel { color: #8c1d18; }")


class MessageStrip(QWidget):
    """A visible one-line message above the table (refused input, refused paste), with a close button."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.frame = QFrame(self)
        self.frame.setObjectName("messageStrip")
        self.frame.setStyleSheet(STRIP_STYLE)
        self.label = QLabel(self.frame)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self.frame)
        close.setText("×")
        close.setToolTip("关闭提示")
        close.setAutoRaise(True)
        close.clicked.connect(self.clear)
        row = QHBoxLayout(self.frame)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.frame)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.hide()


class TableEditor(QWidget):
    """The editor the wizard pages embed for table `table_key` ("active", "requests", "appeals")."""

    message = Signal(str)       # the same text as the inline strip, for a status bar

    def __init__(self, document, table_key: str, parent=None):
        super().__init__(parent)
        self.document = document
        self.model = TableModel(document, table_key, self)
        self.view = TableView(self.model, self)
        self.strip = MessageStrip(self)
        self.legend = QLabel(LEGEND, self)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.strip)
        # the table is as tall as its rows (scrolling only when the page is shorter); space goes below
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.view)
        # the computed value of the selected blank total and how to fill it; empty, not hidden, so
        # the legend does not jump as the selection moves
        self.hint_line = QLabel(self)
        self.hint_line.setStyleSheet("color: #1a56b0;")
        self.hint_line.setWordWrap(True)
        layout.addWidget(self.hint_line)
        layout.addWidget(self.legend)
        layout.addStretch(1)
        self.model.inputRefused.connect(self._show)
        self.view.message.connect(self._show)
        # a successful change clears an old complaint
        document.cellsChanged.connect(self._on_cells_changed)
        self.view.selectionModel().currentChanged.connect(self._show_hint)
        self.model.dataChanged.connect(self._show_hint)
        self._show_hint()

    def _show_hint(self, *_) -> None:
        index = self.view.currentIndex()
        ref = self.model.ref_at(index.row(), index.column()) if index.isValid() else None
        value = self.model.hint(ref) if ref is not None else None
        if value is None or self.document.report.get(ref) is not None:
            self.hint_line.setText("")
            return
        self.hint_line.setText(f"{describe(ref)}算出的合计为 {format_value(value)}（格内灰色斜体）："
                               f"按 {FILL_SHORTCUT} 或点格内的「填」填入。")

    def _on_cells_changed(self, refs) -> None:
        self.strip.clear()

    def _show(self, text: str) -> None:
        self.strip.show_message(text)
        self.message.emit(text)

    def select_cell(self, ref: CellRef) -> None:
        """Scroll to the cell, make it the current (selected) cell and give the table focus."""
        self.view.go_to(*self.model.grid.position_of[ref])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        # a page just brought forward is laid out only when events run: scroll again at its final size
        index = self.view.currentIndex()
        QTimer.singleShot(0, self.view, lambda: self.view.scrollTo(index))

    def message_text(self) -> str:
        """What the inline strip shows now ('' when hidden)."""
        return "" if self.strip.isHidden() else self.strip.label.text()
