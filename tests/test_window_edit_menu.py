"""编辑 → 剪切/复制/粘贴/全选 act on the focused text field or table, beside 撤销/重做; the keys
Ctrl+X/C/V/A keep working in the fields and the table as before."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from gui.report.form import CellRef
from window_support import app_env, open_sample, window  # noqa: F401

ctrl = Qt.KeyboardModifier.ControlModifier
NATURAL, COMMERCIAL = CellRef("requests", "new", "natural"), CellRef("requests", "new", "commercial")
OPEN_NATURAL = CellRef("requests", "open", "natural")
OPEN_COMMERCIAL = CellRef("requests", "open", "commercial")


def _edit_menu(window):
    return next(a.menu() for a in window.menuBar().actions() if a.text().startswith("编辑"))


def _action(window, label: str):
    return next(a for a in _edit_menu(window).actions() if a.text().startswith(label))


def _focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _organ_field(qtbot, window):
    field = window.wizard.go_to("info").fields["organ"]
    _focus(qtbot, field)
    return field


def _table(qtbot, window, at):
    page = window.wizard.go_to("requests")
    page.select_cell(at)
    _focus(qtbot, page.editor.view)
    return page.editor


def _select(qtbot, editor, first, last):
    """Click the first cell, Shift+click the last, as a clerk selects a block."""
    view = editor.view
    for ref, mods in ((first, Qt.KeyboardModifier.NoModifier), (last, Qt.KeyboardModifier.ShiftModifier)):
        point = view.visualRect(editor.model.index_of(ref)).center()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, mods, point)


def test_the_edit_menu_lists_cut_copy_paste_select_all_after_undo_redo_with_their_keys(window):
    texts = [a.text() for a in _edit_menu(window).actions() if not a.isSeparator()]
    assert [t.split("(")[0] for t in texts] == ["撤销", "重做", "剪切", "复制", "粘贴", "全选"]
    assert [t.split("\t")[1] for t in texts[2:]] == ["Ctrl+X", "Ctrl+C", "Ctrl+V", "Ctrl+A"]
    # on the start page no field has the focus: nothing to act on
    assert not any(_action(window, label).isEnabled() for label in ("剪切", "复制", "粘贴", "全选"))


def test_menu_select_all_copy_paste_and_cut_in_the_organ_field(window, qtbot):
    doc = open_sample(window)
    field = _organ_field(qtbot, window)
    field.setCursorPosition(0)
    assert not _action(window, "复制").isEnabled() and not _action(window, "剪切").isEnabled()
    _action(window, "全选").trigger()
    assert field.selectedText() == "淮安市人民政府"
    assert _action(window, "复制").isEnabled() and _action(window, "剪切").isEnabled()
    _action(window, "复制").trigger()
    assert QGuiApplication.clipboard().text() == "淮安市人民政府"
    field.end(False)
    QGuiApplication.clipboard().setText("办公室")
    _action(window, "粘贴").trigger()
    assert field.text() == doc.report.info.organ == "淮安市人民政府办公室"
    _action(window, "全选").trigger()
    _action(window, "剪切").trigger()
    assert field.text() == doc.report.info.organ == ""
    assert QGuiApplication.clipboard().text() == "淮安市人民政府办公室"
    assert "淮安" not in window.wizard.page("info").title.text()       # the title follows the field
    window.undo_action.trigger()          # typing, pasting and cutting in one field: one step
    assert field.text() == doc.report.info.organ == "淮安市人民政府"


def test_menu_select_all_and_copy_in_a_text_page(window, qtbot):
    doc = open_sample(window)
    edit = window.wizard.go_to("problems").editors["problems"].edit
    _focus(qtbot, edit)
    _action(window, "全选").trigger()
    _action(window, "复制").trigger()
    assert QGuiApplication.clipboard().text() == doc.report.texts["problems"] != ""
    _action(window, "剪切").trigger()
    assert doc.report.texts["problems"] == ""
    _action(window, "粘贴").trigger()
    assert edit.toPlainText() == doc.report.texts["problems"] == QGuiApplication.clipboard().text()


def test_ctrl_a_c_v_x_keys_still_work_in_the_organ_field(window, qtbot):
    doc = open_sample(window)
    field = _organ_field(qtbot, window)
    qtbot.keyClick(field, Qt.Key.Key_A, ctrl)
    qtbot.keyClick(field, Qt.Key.Key_C, ctrl)
    assert QGuiApplication.clipboard().text() == "淮安市人民政府"
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClick(field, Qt.Key.Key_V, ctrl)
    assert doc.report.info.organ == "淮安市人民政府淮安市人民政府"
    qtbot.keyClick(field, Qt.Key.Key_A, ctrl)
    qtbot.keyClick(field, Qt.Key.Key_X, ctrl)
    assert doc.report.info.organ == "" and QGuiApplication.clipboard().text() == "淮安市人民政府淮安市人民政府"


def test_menu_cut_in_a_table_clears_the_block_and_one_undo_brings_it_back(window, qtbot):
    doc = open_sample(window)
    editor = _table(qtbot, window, NATURAL)
    _select(qtbot, editor, NATURAL, OPEN_COMMERCIAL)
    block = {editor.model.ref_at(r, c) for r, c in editor.view.selected_positions()}
    assert {NATURAL, COMMERCIAL, OPEN_NATURAL, OPEN_COMMERCIAL} <= block
    before = {ref: doc.report.get(ref) for ref in block}
    assert any(v is not None for v in before.values())
    _action(window, "复制").trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied.split("\r\n")[0].split("\t")[:2] == [str(before[NATURAL]), str(before[COMMERCIAL])]
    count = doc.undo_stack.count()
    _action(window, "剪切").trigger()
    assert QGuiApplication.clipboard().text() == copied
    assert all(doc.report.get(ref) is None for ref in block)
    assert doc.undo_stack.count() == count + 1 and "剪切" in window.undo_action.text()
    window.undo_action.trigger()
    assert {ref: doc.report.get(ref) for ref in before} == before


def test_menu_paste_lands_in_the_table_and_select_all_takes_every_cell(window, qtbot):
    doc = open_sample(window)
    editor = _table(qtbot, window, NATURAL)
    QGuiApplication.clipboard().setText("5\t6\r\n")
    assert _action(window, "粘贴").isEnabled()
    _action(window, "粘贴").trigger()
    assert (doc.report.get(NATURAL), doc.report.get(COMMERCIAL)) == (5, 6)
    _action(window, "全选").trigger()
    data_cells = {(r, c) for r in range(editor.view.grid.rows) for c in range(editor.view.grid.cols)
                  if editor.view.grid.is_data(r, c)}
    assert set(editor.view.selected_positions()) == data_cells
    QGuiApplication.clipboard().clear()
    assert not _action(window, "粘贴").isEnabled()


def test_ctrl_c_ctrl_v_and_ctrl_x_keys_in_the_table(window, qtbot):
    doc = open_sample(window)
    natural = doc.report.get(NATURAL)
    editor = _table(qtbot, window, NATURAL)
    qtbot.keyClick(editor.view, Qt.Key.Key_C, ctrl)
    assert QGuiApplication.clipboard().text() == f"{natural}\r\n"
    editor.select_cell(OPEN_NATURAL)
    qtbot.keyClick(editor.view, Qt.Key.Key_V, ctrl)
    assert doc.report.get(OPEN_NATURAL) == natural
    qtbot.keyClick(editor.view, Qt.Key.Key_X, ctrl)
    assert doc.report.get(OPEN_NATURAL) is None
    window.undo_action.trigger()
    assert doc.report.get(OPEN_NATURAL) == natural
