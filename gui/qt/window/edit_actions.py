"""编辑 menu's 剪切/复制/粘贴/全选: they act on the widget with the focus — a text field with its own
cut/copy/paste/select all, or a table with its cell ranges (each change one undo step, tables/view.py).

The actions only show their keys and hold no shortcut: Ctrl+X/C/V/A stay with the focused widget as
they always were, where a window-wide shortcut would take them from the fields or make them ambiguous.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QMenu, QMenuBar,
                               QPlainTextEdit, QTextEdit)


CUT, COPY, PASTE, SELECT_ALL = "cut", "copy", "paste", "select_all"
_ITEMS = ((CUT, "剪切(&T)", QKeySequence.StandardKey.Cut),
          (COPY, "复制(&C)", QKeySequence.StandardKey.Copy),
          (PASTE, "粘贴(&P)", QKeySequence.StandardKey.Paste),
          (SELECT_ALL, "全选(&A)", QKeySequence.StandardKey.SelectAll))


def _text_field(widget):
    """The QLineEdit, QPlainTextEdit or QTextEdit that `widget` edits with, or None."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return widget
    if isinstance(widget, QAbstractSpinBox) or isinstance(widget, QComboBox) and widget.isEditable():
        return widget.findChild(QLineEdit)
    return None


def _has_selection(field) -> bool:
    if isinstance(field, QLineEdit):
        return field.hasSelectedText() and field.echoMode() == QLineEdit.EchoMode.Normal
    return field.textCursor().hasSelection()


def _is_table(widget) -> bool:
    """A report table (tables/view.py), known without importing the table editor at start-up."""
    return getattr(type(widget), "IS_REPORT_TABLE", False)


class EditActions(QObject):
    """The four actions of `menu`, acting on the field or table last focused in `window`."""

    def __init__(self, window, menu: QMenu):
        super().__init__(window)
        self.window_ = window
        self._target = None
        self.actions = {}
        for key, text, keys in _ITEMS:
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            action = menu.addAction(f"{text}\t{shown}")
            action.triggered.connect(lambda _=False, k=key: self.run(k))
            self.actions[key] = action
        menu.aboutToShow.connect(self.update)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        QGuiApplication.clipboard().dataChanged.connect(self.update)
        self.update()

    def target(self):
        """(TableView or text field, True when it is a table) the actions act on, or (None, False)."""
        widget = self._target
        if widget is None or not shiboken6.isValid(widget):
            return None, False
        return widget, _is_table(widget)

    def _focus_changed(self, _old, new) -> None:
        if new is None or isinstance(new, (QMenu, QMenuBar)):
            return          # the menu opening: it acts on the field it was opened from
        if new.window() is not self.window_:
            widget = None
        elif _is_table(new):
            widget = new
        else:
            widget = _text_field(new)
        if widget is not None and not _is_table(widget) \
                and not widget.property("editActionsWatched"):
            widget.setProperty("editActionsWatched", True)
            widget.selectionChanged.connect(self.update)
        self._target = widget
        self.update()

    def update(self) -> None:
        widget, is_table = self.target()
        writable = widget is not None and (is_table or not widget.isReadOnly())
        selected = widget is not None and (is_table or _has_selection(widget))
        clipboard = QGuiApplication.clipboard().mimeData()
        self.actions[CUT].setEnabled(writable and selected)
        self.actions[COPY].setEnabled(selected)
        self.actions[PASTE].setEnabled(writable and clipboard is not None and clipboard.hasText())
        self.actions[SELECT_ALL].setEnabled(widget is not None)

    def run(self, key: str) -> None:
        widget, is_table = self.target()
        if widget is None:
            return
        if is_table:
            methods = {CUT: widget.cut_selection, COPY: widget.copy_selection, PASTE: widget.paste,
                       SELECT_ALL: widget.selectAll}
        else:
            methods = {CUT: widget.cut, COPY: widget.copy, PASTE: widget.paste,
                       SELECT_ALL: widget.selectAll}
        methods[key]()
        self.update()
