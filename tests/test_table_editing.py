"""Typing in the table editors like in a spreadsheet: overwrite, Enter/Tab, F2, Delete, undo."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from table_support import R, current_ref, make_editor, shown, type_into, value


def test_typing_overwrites_and_enter_commits_and_moves_down(qtbot):
    editor = make_editor(qtbot, "requests")
    type_into(qtbot, editor, R("new", "natural"), "２，９９９")     # full-width, thousands separator
    assert value(editor, R("new", "natural")) == 2999
    assert shown(editor, R("new", "natural")) == "2999"
    assert current_ref(editor) == R("carry_in", "natural")


def test_tab_moves_right_and_wraps_to_the_next_data_row(qtbot):
    editor = make_editor(qtbot, "requests")
    type_into(qtbot, editor, R("new", "other"), "5", Qt.Key.Key_Tab)
    assert value(editor, R("new", "other")) == 5
    assert current_ref(editor) == R("new", "total")
    qtbot.keyClick(editor.view, Qt.Key.Key_Tab)
    assert current_ref(editor) == R("carry_in", "natural")


def test_enter_skips_label_rows_of_table_two(qtbot):
    editor = make_editor(qtbot, "active")
    type_into(qtbot, editor, R("normative", "issued", "active"), "9")
    # below 行政规范性文件 come the block title and header rows; the next data cell is 行政许可
    assert current_ref(editor) == R("licensing", "value", "active")


def test_arrow_keys_never_land_on_labels(qtbot):
    editor = make_editor(qtbot, "requests")
    editor.select_cell(R("new", "natural"))
    qtbot.keyClick(editor.view, Qt.Key.Key_Left)
    qtbot.keyClick(editor.view, Qt.Key.Key_Up)
    assert current_ref(editor) == R("new", "natural")
    qtbot.keyClick(editor.view, Qt.Key.Key_Right)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down)
    assert current_ref(editor) == R("carry_in", "commercial")


def test_refused_input_shows_the_reason_and_keeps_the_old_value(qtbot):
    editor = make_editor(qtbot, "requests")
    messages = []
    editor.message.connect(messages.append)
    type_into(qtbot, editor, R("open", "natural"), "/")
    assert value(editor, R("open", "natural")) == 1288
    assert "斜杠" in editor.message_text() and "予以公开" in editor.message_text()
    assert editor.strip.isVisible()
    assert messages == [editor.message_text()]
    # the editor stays open with the text, so it can be corrected; then the strip goes away
    qtbot.keyClick(editor.view, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor.view, "1290")
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)
    assert value(editor, R("open", "natural")) == 1290
    assert editor.message_text() == ""


def test_a_fraction_in_a_count_is_refused(qtbot):
    editor = make_editor(qtbot, "appeals")
    type_into(qtbot, editor, R("review", "upheld", "appeals"), "7.5")
    assert value(editor, R("review", "upheld", "appeals")) == 72
    assert "整数" in editor.message_text()


def test_the_fee_cell_takes_decimals(qtbot):
    editor = make_editor(qtbot, "active")
    type_into(qtbot, editor, R("fees", "value", "active"), "12.3456万元")
    assert str(value(editor, R("fees", "value", "active"))) == "12.3456"


def test_f2_edits_keeping_the_content(qtbot):
    editor = make_editor(qtbot, "requests")
    editor.select_cell(R("carry_in", "natural"))
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    line = editor.view.indexWidget(editor.view.currentIndex())
    assert isinstance(line, QLineEdit) and line.text() == "34"
    qtbot.keyClicks(editor.view, "1")
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)
    assert value(editor, R("carry_in", "natural")) == 341


def test_delete_clears_the_selection_in_one_undo_step(qtbot):
    editor = make_editor(qtbot, "requests")
    editor.select_cell(R("new", "natural"))
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    cleared = [R("new", "natural"), R("new", "commercial"),
               R("carry_in", "natural"), R("carry_in", "commercial")]
    assert [value(editor, r) for r in cleared] == [None] * 4
    assert shown(editor, R("new", "natural")) == ""
    editor.document.undo_stack.undo()
    assert [value(editor, r) for r in cleared] == [3001, 53, 34, 0]


def test_window_undo_and_redo_shortcuts_reach_the_undo_stack(qtbot):
    editor = make_editor(qtbot, "requests")
    stack = editor.document.undo_stack
    undo, redo = stack.createUndoAction(editor), stack.createRedoAction(editor)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo.setShortcut(QKeySequence("Ctrl+Y"))
    editor.addActions([undo, redo])
    with qtbot.waitActive(editor):
        editor.activateWindow()
    type_into(qtbot, editor, R("new", "natural"), "1")
    assert value(editor, R("new", "natural")) == 1
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert value(editor, R("new", "natural")) == 3001
    qtbot.keyClick(editor.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert value(editor, R("new", "natural")) == 1


def test_window_copy_shortcut_does_not_steal_the_tables_copy(qtbot):
    editor = make_editor(qtbot, "requests")
    stolen = []
    action = QAction("复制", editor)
    action.setShortcut(QKeySequence.StandardKey.Copy)
    action.triggered.connect(lambda: stolen.append(True))
    editor.addAction(action)
    with qtbot.waitActive(editor):
        editor.activateWindow()
    editor.select_cell(R("new", "natural"))
    qtbot.keyClick(editor.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text().strip() == "3001"
    assert not stolen


def test_select_cell_scrolls_selects_and_focuses(qtbot):
    editor = make_editor(qtbot, "requests", size=(1000, 300))
    editor.select_cell(R("carry_out", "total"))
    assert current_ref(editor) == R("carry_out", "total")
    rect = editor.view.visualRect(editor.view.currentIndex())
    assert editor.view.viewport().rect().contains(rect.center())


def test_labels_are_read_only(qtbot):
    editor = make_editor(qtbot, "requests")
    model = editor.model
    label = model.index(3, 0)                 # 一、本年新收政府信息公开申请数量
    assert not model.flags(label) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(label, "5")
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.view.visualRect(label).center())
    assert current_ref(editor) is not None


def test_home_end_and_page_keys_stay_on_data_cells(qtbot):
    editor = make_editor(qtbot, "requests", size=(1000, 400))
    editor.select_cell(R("deny_4", "research"))
    qtbot.keyClick(editor.view, Qt.Key.Key_Home)
    assert current_ref(editor) == R("deny_4", "natural")
    qtbot.keyClick(editor.view, Qt.Key.Key_End)
    assert current_ref(editor) == R("deny_4", "total")
    qtbot.keyClick(editor.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert current_ref(editor) == R("carry_out", "total")
    qtbot.keyClick(editor.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert current_ref(editor) == R("new", "natural")
    qtbot.keyClick(editor.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(editor.view, Qt.Key.Key_PageUp)
    qtbot.keyClick(editor.view, Qt.Key.Key_PageUp)
    assert current_ref(editor) is not None and current_ref(editor).column == "natural"


def test_text_from_a_chinese_input_method_starts_the_edit(qtbot):
    from PySide6.QtGui import QInputMethodEvent
    editor = make_editor(qtbot, "requests")
    editor.select_cell(R("carry_in", "natural"))
    commit = QInputMethodEvent()
    commit.setCommitString("４０")
    QApplication.sendEvent(editor.view, commit)
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)
    assert value(editor, R("carry_in", "natural")) == 40


def test_the_context_menu_offers_clear_with_its_shortcut(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu
    editor = make_editor(qtbot, "requests")
    editor.select_cell(R("open", "natural"))
    seen = []

    def choose():
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(a.text() for a in menu.actions())
        next(a for a in menu.actions() if a.text() == "清除").trigger()
        menu.close()

    QTimer.singleShot(50, choose)
    point = editor.view.visualRect(editor.view.currentIndex()).center()
    QApplication.sendEvent(editor.view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, editor.view.viewport().mapToGlobal(point)))
    assert seen == ["剪切", "复制", "粘贴", "清除", "填入计算值"]
    assert value(editor, R("open", "natural")) is None
