"""The open report in the window: the core Report, its undo stack, its file and its problems.

Every user edit goes through a QUndoCommand (gui/undo.py) that calls the core; after each one the
report is re-checked once and `problemsChanged` tells the views. The modified mark follows
QUndoStack.cleanChanged.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from .report.form import CellRef
from .report.model import Report
from .report.problems import Problem


class ReportDocument(QObject):
    cellsChanged = Signal(list)        # list[CellRef] whose values changed
    textChanged = Signal(str)          # a TextField key, "info", "fee" or "opening"
    problemsChanged = Signal()
    pathChanged = Signal()

    def __init__(self, report: Report | None = None, path: Path | None = None, parent=None):
        super().__init__(parent)
        self.report = report if report is not None else Report()
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.problems: list[Problem] = []
        self.recheck()

    # ── edits (each one undoable) ──
    def set_cells(self, values: dict[CellRef, object], text: str = "修改单元格") -> None:
        from .undo import SetCells
        changed = {ref: v for ref, v in values.items() if self.report.get(ref) != v
                   or type(self.report.get(ref)) is not type(v)}
        if changed:
            self.undo_stack.push(SetCells(self, changed, text))

    def set_text(self, key: str, text: str) -> None:
        from .undo import SetText
        if self.report.texts[key] != text:
            self.undo_stack.push(SetText(self, key, text))

    # ── called by the undo commands only ──
    def _apply_cells(self, values: dict[CellRef, object]) -> dict[CellRef, object]:
        old = self.report.set_many(values)
        self.cellsChanged.emit(list(values))
        self.recheck()
        return old

    def _apply_text(self, key: str, text: str) -> str:
        old = self.report.set_text(key, text)
        self.textChanged.emit(key)
        self.recheck()
        return old

    def recheck(self) -> None:
        from .report.rules import check
        self.problems = check(self.report)
        self.problemsChanged.emit()

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.pathChanged.emit()
