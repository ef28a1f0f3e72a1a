"""Small shared widgets: editors that leave Ctrl+Z/Ctrl+Y to the window's undo stack, labels, lists."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPlainTextEdit, QTableWidget

_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class _LeaveUndoToWindow(QObject):
    """Editors handle Ctrl+Z themselves; every edit is on the document's undo stack instead, so the
    key must reach the window's undo/redo actions."""

    def eventFilter(self, obj, event):
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            if any(event.matches(k) for k in _UNDO_KEYS) or (
                    event.key() == 0x59 and event.modifiers() == _ctrl()):   # Ctrl+Y
                event.ignore()
                return True
        return False


def _ctrl():
    from PySide6.QtCore import Qt
    return Qt.KeyboardModifier.ControlModifier


_FILTER: _LeaveUndoToWindow | None = None


def leave_undo_to_window(widget) -> None:
    global _FILTER
    if _FILTER is None:
        _FILTER = _LeaveUndoToWindow()
    widget.installEventFilter(_FILTER)
    widget.setProperty("undoToWindow", True)


def plain_text_edit(parent=None) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setUndoRedoEnabled(False)
    edit.setTabChangesFocus(True)
    leave_undo_to_window(edit)
    return edit


def set_plain_text_keeping_cursor(edit: QPlainTextEdit, text: str) -> None:
    """Replace the text after an undo/redo without throwing the caret to the start."""
    if edit.toPlainText() == text:
        return
    pos = edit.textCursor().position()
    edit.blockSignals(True)
    edit.setPlainText(text)
    edit.blockSignals(False)
    cursor = edit.textCursor()
    cursor.setPosition(min(pos, len(text)))
    edit.setTextCursor(cursor)


def guidance_label(text: str, parent=None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setObjectName("guidance")
    label.setStyleSheet("QLabel#guidance { color: #4a5568; background: #f3f6fa; "
                        "border-left: 3px solid #8fb3de; padding: 6px 8px; }")
    return label


def heading_label(text: str, parent=None) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label


def read_only_table(headers, name: str, rows: int = 0) -> QTableWidget:
    """A list to read, not to edit (units, problems, ledger columns), without row numbers."""
    table = QTableWidget(rows, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    return table
