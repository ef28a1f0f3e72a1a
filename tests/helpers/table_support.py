"""Shared set-up for the table editor tests: a document with the 淮安 sample and a shown TableEditor."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from gui.qt.document import ReportDocument
from gui.report.form import CellRef
from gui.report.samples import huaian_2024
from gui.qt.tables import TableEditor
from gui.qt.tables.model import MarkRole


def make_editor(qtbot, table_key: str, report=None, size=(1000, 900)) -> TableEditor:
    document = ReportDocument(report if report is not None else huaian_2024())
    editor = TableEditor(document, table_key)
    editor.resize(*size)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def R(row: str, column: str, table: str = "requests") -> CellRef:
    return CellRef(table, row, column)


def value(editor, ref):
    return editor.document.report.get(ref)


def shown(editor, ref) -> str:
    return editor.model.data(editor.model.index_of(ref), Qt.ItemDataRole.DisplayRole)


def mark(editor, ref):
    return editor.model.data(editor.model.index_of(ref), MarkRole)


def tooltip(editor, ref) -> str:
    return editor.model.data(editor.model.index_of(ref), Qt.ItemDataRole.ToolTipRole) or ""


def current_ref(editor):
    index = editor.view.currentIndex()
    return editor.model.ref_at(index.row(), index.column())


def type_text(qtbot, widget, text: str) -> None:
    """keyClicks, but also for full-width characters (QTest only maps ASCII): what an IME delivers."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def type_into(qtbot, editor, ref, text: str, key=Qt.Key.Key_Return) -> None:
    """Select the cell, type as a clerk would (typing starts the edit) and press Enter/Tab."""
    editor.select_cell(ref)
    type_text(qtbot, editor.view, text)
    qtbot.keyClick(editor.view, key)
