"""Undo commands: each user edit is one QUndoCommand that calls the core through the document."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

_TEXT_MERGE_ID = 1001


class SetCells(QUndoCommand):
    """Set one or many cells (typing one cell, a paste, a fix, an import) as one step."""

    def __init__(self, document, values: dict, text: str):
        super().__init__(text)
        self.document = document
        self.new = dict(values)
        self.old: dict = {}

    def redo(self):
        self.old = self.document._apply_cells(self.new)

    def undo(self):
        self.document._apply_cells(self.old)


class SetText(QUndoCommand):
    """Replace a text field; consecutive typing in the same field merges into one step."""

    def __init__(self, document, key: str, text: str):
        super().__init__("编辑文字")
        self.document = document
        self.key = key
        self.new = text
        self.old: str | None = None

    def id(self):
        return _TEXT_MERGE_ID

    def mergeWith(self, other):
        if other.key != self.key:
            return False
        self.new = other.new
        return True

    def redo(self):
        old = self.document._apply_text(self.key, self.new)
        if self.old is None:
            self.old = old

    def undo(self):
        self.document._apply_text(self.key, self.old)
