"""The open report in the window: the core Report, its undo stack, its file and its problems.

Every user edit goes through a QUndoCommand (gui/qt/undo.py) that calls the core; after each one the
report is re-checked once and `problemsChanged` tells the views. The modified mark follows
QUndoStack.cleanChanged.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from gui.report import levels
from gui.report.form import CellRef
from gui.report.model import Report
from gui.report.problems import TEXT_PREFIX, Problem

# What textChanged says for a field, by the part of its name before the dot (a text field says its key).
CHANGED_PART = {"opening_enabled": "opening", "confirmation": "confirmations"}


class ReportDocument(QObject):
    cellsChanged = Signal(list)        # list[CellRef] whose values changed
    textChanged = Signal(str)          # a TextField key, "info", "fee", "opening", "confirmations", "last_year"
    problemsChanged = Signal()
    pathChanged = Signal()

    def __init__(self, report: Report | None = None, path: Path | None = None, parent=None):
        super().__init__(parent)
        self.report = report if report is not None else Report()
        self.path = Path(path) if path is not None else None
        self.disk_stamp = None         # the file as opened or last saved (gui/qt/window/files.py)
        self.undo_stack = QUndoStack(self)
        self.problems: list[Problem] = []
        self.revision = 0              # bumps on every applied change (autosave compares it)
        # 单位层级 follows the organ name as it is typed until the clerk chooses it (not saved: a
        # reopened draft whose level disagrees with its name counts as chosen)
        self.level_by_hand = levels.chosen_by_hand(self.report.info.organ, self.report.info.level)
        self.recheck()

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_modified(self) -> None:
        """A document that differs from its file without an undo step (a restored recovery copy)."""
        self.undo_stack.resetClean()
        self.revision += 1

    # ── edits (each one undoable) ──
    def set_cells(self, values: dict[CellRef, object], text: str = "修改单元格") -> None:
        from .undo import SetCells
        changed = {ref: v for ref, v in values.items() if self.report.get(ref) != v
                   or type(self.report.get(ref)) is not type(v)}
        if changed:
            self.undo_stack.push(SetCells(self, changed, text))

    def set_field(self, name: str, value, merge: bool = True, label: str | None = None) -> None:
        """One field of the report, by its Report.set_field name ("info.organ", "text.problems",
        "fee.charged", "opening", "opening_enabled")."""
        from .undo import SetField
        if self.report.field(name) != value:
            self.undo_stack.push(SetField(self, name, value, label, merge))

    def set_organ(self, organ: str) -> None:
        """机关全称 as typed; 单位层级 follows it while it is not the clerk's choice."""
        from .undo import SetOrgan
        if self.report.info.organ != organ:
            self.undo_stack.push(SetOrgan(self, organ))

    def choose_level(self, level: str) -> None:
        from .undo import ChooseLevel
        if self.report.info.level != level:
            self.undo_stack.push(ChooseLevel(self, level))

    def confirm(self, problem: Problem, note: str) -> None:
        from .undo import SetConfirmation
        self.undo_stack.push(SetConfirmation(self, problem, note, "核实提示"))

    def unconfirm(self, problem: Problem) -> None:
        from .undo import SetConfirmation
        if problem.key in self.report.confirmations:
            self.undo_stack.push(SetConfirmation(self, problem, None, "撤销核实"))

    def set_last_year(self, last: Report | None) -> bool:
        """Attach (or remove, None) last year's report; True when 上年结转 was filled from it."""
        from .undo import SetLastYear
        command = SetLastYear(self, last)
        self.undo_stack.push(command)
        return bool(command.cells)

    def apply_fix(self, fix) -> None:
        """A Problem.fix: its cells and texts as one undo step."""
        from .undo import SetCells, SetField
        self.undo_stack.beginMacro(fix.label)
        try:
            if fix.cells:
                self.undo_stack.push(SetCells(self, dict(fix.cells), fix.label))
            for key, text in fix.texts:
                self.undo_stack.push(SetField(self, f"{TEXT_PREFIX}{key}", text, fix.label, merge=False))
        finally:
            self.undo_stack.endMacro()

    # ── called by the undo commands only ──
    def _changed(self) -> None:
        self.revision += 1
        self.recheck()

    def _apply_cells(self, values: dict[CellRef, object]) -> dict[CellRef, object]:
        old = self.report.set_many(values)
        self.cellsChanged.emit(list(values))
        self._changed()
        return old

    def _apply_field(self, name: str, value):
        old = self.report.set_field(name, value)
        self._field_changed(name)
        return old

    def _field_changed(self, name: str) -> None:
        group, _, attr = name.partition(".")
        self.textChanged.emit(attr if group == "text" else CHANGED_PART.get(group, group))
        self._changed()

    def _apply_organ(self, organ: str, level: str) -> None:
        self.report.info.organ, self.report.info.level = organ, level
        self.textChanged.emit("info")
        self._changed()

    def _apply_level(self, level: str, by_hand: bool) -> None:
        self.report.info.level, self.level_by_hand = level, by_hand
        self.textChanged.emit("info")
        self._changed()

    def recheck(self) -> None:
        from gui.report.rules import check
        self.problems = check(self.report)
        self.problemsChanged.emit()

    def set_path(self, path: Path | None) -> None:
        self.path = Path(path) if path is not None else None
        self.pathChanged.emit()
