"""Undo commands: each user edit is one QUndoCommand that calls the core through the document."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from gui.report import levels, rules
from gui.report.form import REQUESTS, CellRef
from gui.report.lastyear import carry_over

_FIELD_MERGE_ID = 1001
_ORGAN_MERGE_ID = 1002

# The undo menu's wording for a field, by the part before the dot of its name.
FIELD_LABELS = {"info": "修改基本信息", "fee": "修改信息处理费", "text": "编辑文字",
                "opening": "修改开头段落", "opening_enabled": "修改开头段落",
                "last_year": "更换上年报告"}


class SetCells(QUndoCommand):
    """Set one or many cells (typing one cell, a paste, a fix, an import) as one step."""

    def __init__(self, document, values: dict, text: str, parent=None):
        super().__init__(text, parent)
        self.document = document
        self.new = dict(values)
        self.old: dict = {}

    def redo(self):
        self.old = self.document._apply_cells(self.new)

    def undo(self):
        self.document._apply_cells(self.old)


class SetField(QUndoCommand):
    """Set one field of the report (a Report.set_field name: "info.organ", "text.problems", "opening" …).
    Consecutive edits of the same field merge into one step (typing a word) unless merge=False."""

    def __init__(self, document, name: str, value, label: str | None = None, merge: bool = True,
                 parent=None):
        super().__init__(label or FIELD_LABELS.get(name.partition(".")[0], "修改"), parent)
        self.document = document
        self.name = name
        self.new = value
        self.old = None
        self._applied = False
        self._merge = merge

    def id(self):
        return _FIELD_MERGE_ID if self._merge else -1

    def mergeWith(self, other):
        if other.name != self.name or not other._merge:
            return False
        self.new = other.new
        return True

    def redo(self):
        old = self.document._apply_field(self.name, self.new)
        if not self._applied:
            self.old, self._applied = old, True

    def undo(self):
        self.document._apply_field(self.name, self.old)


class SetConfirmation(QUndoCommand):
    """Confirm a warning with a note, or withdraw its confirmation (note None), through rules.confirm."""

    def __init__(self, document, problem, note: str | None, label: str):
        super().__init__(label)
        self.document = document
        self.problem = problem
        self.note = note
        self.old = None

    def redo(self):
        report = self.document.report
        self.old = rules.confirm(report, self.problem, self.note) if self.note is not None \
            else rules.unconfirm(report, self.problem)
        self.document._field_changed(rules.confirmation_field(self.problem))

    def undo(self):
        self.document._apply_field(rules.confirmation_field(self.problem), self.old)


class SetLastYear(QUndoCommand):
    """Attach, change or remove (last=None) last year's report as one step; attaching fills 上年结转
    from it when those cells are all blank, removing leaves the typed figures as they are."""

    def __init__(self, document, last):
        super().__init__("附加上年报告" if last is not None else "移除上年报告")
        report = document.report
        carry_in = [CellRef(REQUESTS.key, "carry_in", c.key) for c in REQUESTS.row("carry_in").columns]
        blank = all(report.get(ref) is None for ref in carry_in)
        self.cells = carry_over(last) if blank and last is not None else {}
        self.document, self.new, self.old = document, last, report.last_year
        self.old_cells: dict = {}

    def redo(self):
        self.old = self.document._apply_field("last_year", self.new)
        if self.cells:
            self.old_cells = self.document._apply_cells(self.cells)

    def undo(self):
        if self.cells:
            self.document._apply_cells(self.old_cells)
        self.document._apply_field("last_year", self.old)


class SetOrgan(QUndoCommand):
    """The organ name, and 单位层级 with it while the level is still the name's guess (levels.py).

    Typing a name is one step (consecutive edits merge); undo gives back the name and the level.
    """

    def __init__(self, document, organ: str, parent=None):
        super().__init__("修改机关全称", parent)
        self.document = document
        info = document.report.info
        self.old = (info.organ, info.level)
        self.new = (organ, levels.level_for(organ, info.level, document.level_by_hand))

    def id(self):
        return _ORGAN_MERGE_ID

    def mergeWith(self, other):
        self.new = other.new
        return True

    def redo(self):
        self.document._apply_organ(*self.new)

    def undo(self):
        self.document._apply_organ(*self.old)


class ChooseLevel(QUndoCommand):
    """单位层级 chosen by the clerk: from now on the organ name no longer changes it (until undone)."""

    def __init__(self, document, level: str, parent=None):
        super().__init__("选择单位层级", parent)
        self.document = document
        self.old = (document.report.info.level, document.level_by_hand)
        self.new = (level, True)

    def redo(self):
        self.document._apply_level(*self.new)

    def undo(self):
        self.document._apply_level(*self.old)
