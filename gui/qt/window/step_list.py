"""The always-visible list of steps at the side, each with its state."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ..palette import DONE_TEXT, ERROR_TEXT, QUIET_TEXT, WARNING_TEXT
from .steps import BLANK, DONE, ERRORS, STEPS, WARNINGS, step_state

_STYLE = {BLANK: ("○", QUIET_TEXT), ERRORS: ("✖", ERROR_TEXT), WARNINGS: ("⚠", WARNING_TEXT),
          DONE: ("✔", DONE_TEXT)}


class StepList(QListWidget):
    stepClicked = Signal(str)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setFixedWidth(178)
        self.setSpacing(2)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("QListWidget { background: #f5f7fa; border: none; }"
                           "QListWidget::item { padding: 6px 4px; border-radius: 4px; }"
                           "QListWidget::item:selected { background: #dbe7f6; color: black; }")
        for step in STEPS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, step.key)
            item.setSizeHint(QSize(160, 52))
            self.addItem(item)
        self.itemClicked.connect(lambda it: self.stepClicked.emit(it.data(Qt.ItemDataRole.UserRole)))
        document.problemsChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        report, problems = self.document.report, self.document.problems
        for i, step in enumerate(STEPS):
            state, text = step_state(report, problems, step.key)
            mark, colour = _STYLE[state]
            item = self.item(i)
            item.setText(f"{i + 1}. {step.title}\n    {mark} {text}")
            item.setForeground(QBrush(QColor(colour)))
            item.setToolTip(f"{step.heading}：{text}")

    def state_text(self, key: str) -> str:
        return step_state(self.document.report, self.document.problems, key)[1]

    def select(self, index: int) -> None:
        self.blockSignals(True)
        self.setCurrentRow(index)
        self.blockSignals(False)
