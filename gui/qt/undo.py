"""Undo commands: each user edit is one QUndoCommand that calls the core through the document."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from gui.report import levels

_TEXT_MERGE_ID = 1001
_INFO_MERGE_ID = 1002
_OPENING_MERGE_ID = 1003
_FEE_MERGE_ID = 1004
_ORGAN_MERGE_ID = 1005


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


class _Merging(QUndoCommand):
    """A field edit; consecutive edits of the same field merge into one step (typing a word)."""
    merge_id = -1

    def __init__(self, document, key, value, text: str, merge: bool = True, parent=None):
        super().__init__(text, parent)
        self.document = document
        self.key = key
        self.new = value
        self.old = None
        self._applied = False
        self._merge = merge

    def id(self):
        return self.merge_id if self._merge else -1

    def mergeWith(self, other):
        if other.key != self.key or not other._merge:
            return False
        self.new = other.new
        return True

    def redo(self):
        old = self._apply(self.new)
        if not self._applied:
            self.old, self._applied = old, True

    def undo(self):
        self._apply(self.old)

    def _apply(self, value):
        raise NotImplementedError


class SetText(_Merging):
    """Replace a text field (a TextField key)."""
    merge_id = _TEXT_MERGE_ID

    def __init__(self, document, key: str, text: str, merge: bool = True, label: str = "编辑文字"):
        super().__init__(document, key, text, label, merge)

    def _apply(self, value):
        return self.document._apply_text(self.key, value)


class SetInfo(_Merging):
    """Change one 基本信息 field (an Info attribute)."""
    merge_id = _INFO_MERGE_ID

    def __init__(self, document, key: str, value, label: str = "修改基本信息"):
        super().__init__(document, key, value, label)

    def _apply(self, value):
        return self.document._apply_info(self.key, value)


class SetFee(_Merging):
    """Change one field of the 信息处理费 statement ("amount_yuan" or "charged")."""
    merge_id = _FEE_MERGE_ID

    def __init__(self, document, key: str, value, label: str = "修改信息处理费"):
        super().__init__(document, key, value, label)

    def _apply(self, value):
        return self.document._apply_fee(self.key, value)


class SetOpening(_Merging):
    """The opening paragraph: key "text" (str or None = generated) or "enabled" (bool)."""
    merge_id = _OPENING_MERGE_ID

    def __init__(self, document, key: str, value, label: str = "修改开头段落"):
        super().__init__(document, key, value, label)

    def _apply(self, value):
        return self.document._apply_opening(self.key, value)


class SetConfirmation(QUndoCommand):
    """Confirm a warning with a note (Confirmation) or withdraw it (None)."""

    def __init__(self, document, key: str, confirmation, label: str):
        super().__init__(label)
        self.document = document
        self.key = key
        self.new = confirmation
        self.old = None

    def redo(self):
        self.old = self.document._apply_confirmation(self.key, self.new)

    def undo(self):
        self.document._apply_confirmation(self.key, self.old)


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
