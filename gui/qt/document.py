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
from gui.report.model import Confirmation, Report
from gui.report.problems import Problem


class ReportDocument(QObject):
    cellsChanged = Signal(list)        # list[CellRef] whose values changed
    textChanged = Signal(str)          # a TextField key, "info", "fee", "opening" or "confirmations"
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

    def set_text(self, key: str, text: str, merge: bool = True, label: str = "编辑文字") -> None:
        from .undo import SetText
        if self.report.texts[key] != text:
            self.undo_stack.push(SetText(self, key, text, merge, label))

    def set_info(self, key: str, value) -> None:
        from .undo import SetInfo
        if getattr(self.report.info, key) != value:
            self.undo_stack.push(SetInfo(self, key, value))

    def set_organ(self, organ: str) -> None:
        """机关全称 as typed; 单位层级 follows it while it is not the clerk's choice."""
        from .undo import SetOrgan
        if self.report.info.organ != organ:
            self.undo_stack.push(SetOrgan(self, organ))

    def choose_level(self, level: str) -> None:
        from .undo import ChooseLevel
        if self.report.info.level != level:
            self.undo_stack.push(ChooseLevel(self, level))

    def set_fee(self, key: str, value) -> None:
        from .undo import SetFee
        if getattr(self.report.fee, key) != value:
            self.undo_stack.push(SetFee(self, key, value))

    def set_opening(self, key: str, value) -> None:
        """key "text": the paragraph (None = generated from 基本信息); key "enabled": bool."""
        from .undo import SetOpening
        current = self.report.opening if key == "text" else self.report.opening_enabled
        if current != value:
            self.undo_stack.push(SetOpening(self, key, value))

    def confirm(self, problem: Problem, note: str) -> None:
        from .undo import SetConfirmation
        self.undo_stack.push(SetConfirmation(self, problem.key, Confirmation(note, problem.fingerprint),
                                             "核实提示"))

    def unconfirm(self, problem: Problem) -> None:
        from .undo import SetConfirmation
        if problem.key in self.report.confirmations:
            self.undo_stack.push(SetConfirmation(self, problem.key, None, "撤销核实"))

    def apply_fix(self, fix) -> None:
        """A Problem.fix: its cells and texts as one undo step."""
        from .undo import SetCells, SetText
        self.undo_stack.beginMacro(fix.label)
        try:
            if fix.cells:
                self.undo_stack.push(SetCells(self, dict(fix.cells), fix.label))
            for key, text in fix.texts:
                self.undo_stack.push(SetText(self, key, text, merge=False, label=fix.label))
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

    def _apply_text(self, key: str, text: str) -> str:
        old = self.report.set_text(key, text)
        self.textChanged.emit(key)
        self._changed()
        return old

    def _apply_info(self, key: str, value):
        old = getattr(self.report.info, key)
        setattr(self.report.info, key, value)
        self.textChanged.emit("info")
        self._changed()
        return old

    def _apply_organ(self, organ: str, level: str) -> None:
        self.report.info.organ, self.report.info.level = organ, level
        self.textChanged.emit("info")
        self._changed()

    def _apply_level(self, level: str, by_hand: bool) -> None:
        self.report.info.level, self.level_by_hand = level, by_hand
        self.textChanged.emit("info")
        self._changed()

    def _apply_fee(self, key: str, value):
        old = getattr(self.report.fee, key)
        setattr(self.report.fee, key, value)
        self.textChanged.emit("fee")
        self._changed()
        return old

    def _apply_opening(self, key: str, value):
        attr = "opening" if key == "text" else "opening_enabled"
        old = getattr(self.report, attr)
        setattr(self.report, attr, value)
        self.textChanged.emit("opening")
        self._changed()
        return old

    def _apply_confirmation(self, key: str, confirmation):
        old = self.report.confirmations.get(key)
        if confirmation is None:
            self.report.confirmations.pop(key, None)
        else:
            self.report.confirmations[key] = confirmation
        self.textChanged.emit("confirmations")
        self._changed()
        return old

    def recheck(self) -> None:
        from gui.report.rules import check
        self.problems = check(self.report)
        self.problemsChanged.emit()

    def set_path(self, path: Path | None) -> None:
        self.path = Path(path) if path is not None else None
        self.pathChanged.emit()
