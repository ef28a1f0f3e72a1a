"""The table as the clerk meets it with the real rules: one wrong number shows as one error (the
suspect) with the other cells of its relations only lightly marked; the selected blank total shows its
computed value and names the shortcut; Enter after a row typed with Tab goes to the next row's start."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from gui.qt.tables.delegate import HINT_ON_SELECTED
from gui.qt.tables.model import INVOLVED
from gui.report.form import APPLICANT_COLUMNS, DETAIL_ROWS
from gui.report.problems import ERROR
from gui.report.sources import read_report
from table_support import R, current_ref, make_editor, mark, tooltip, type_into, type_text, value
from test_cli import DEMO

GRAND = R("total", "total")


def _marks(editor):
    return {ref: mark(editor, ref) for ref in editor.model.grid.position_of if mark(editor, ref)}


def test_seventy_five_in_the_grand_total_is_one_error_and_the_rest_only_involved(qtbot):
    editor = make_editor(qtbot, "requests", read_report(DEMO))
    type_into(qtbot, editor, GRAND, "75")
    marks = _marks(editor)
    assert [ref for ref, m in marks.items() if m == ERROR] == [GRAND]
    involved = {ref for ref, m in marks.items() if m == INVOLVED}
    assert R("open", "total") in involved and R("total", "natural") in involved and R("new", "total") in involved
    assert len(involved) == 21 + 6 + 3                          # R2, R3 and R1 of 总计 without the suspect
    assert "最可能填错的是表三「（七）总计」行「总计」列（现为 75，改为 0" in tooltip(editor, GRAND)
    light = tooltip(editor, R("open", "total"))
    assert light == "此格所在的勾稽关系不成立，但此格未必填错：最可能填错的是表三「（七）总计」行「总计」列。"
    editor.document.undo_stack.undo()
    assert not [m for m in _marks(editor).values() if m in (ERROR, INVOLVED)]


def test_a_broken_row_of_table_four_marks_its_total_and_its_parts_lightly(qtbot):
    editor = make_editor(qtbot, "appeals")
    type_into(qtbot, editor, R("suit_direct", "upheld", "appeals"), "14")
    marks = _marks(editor)
    assert marks[R("suit_direct", "total", "appeals")] == ERROR
    assert {marks[R("suit_direct", c, "appeals")] for c in ("upheld", "corrected", "other", "pending")} == {INVOLVED}
    assert "请核对表四「行政诉讼—未经复议直接起诉」「总计」及其各项" in tooltip(editor, R("suit_direct", "upheld", "appeals"))


def test_the_selected_blank_total_shows_its_computed_value_and_the_shortcut(qtbot):
    editor = make_editor(qtbot, "requests")
    cell = R("open", "total")
    editor.document.set_cells({cell: None})
    editor.select_cell(R("partial", "natural"))
    assert editor.hint_line.text() == ""
    qtbot.keyClick(editor.view, Qt.Key.Key_Up)
    qtbot.keyClick(editor.view, Qt.Key.Key_End)                     # the row's 总计, as a clerk gets there
    assert current_ref(editor) == cell
    assert editor.hint_line.text() == ("表三「（一）予以公开」行「总计」列算出的合计为 1362（格内灰色斜体）："
                                       "按 Ctrl+Enter 或点格内的「填」填入。")
    image = editor.view.viewport().grab(editor.view.visualRect(editor.model.index_of(cell))).toImage()
    colours = {QColor(image.pixel(x, y)).name() for x in range(image.width()) for y in range(image.height())}
    assert HINT_ON_SELECTED.name() in colours or any(_close(c, HINT_ON_SELECTED) for c in colours)
    qtbot.keyClick(editor.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert value(editor, cell) == 1362 and editor.hint_line.text() == ""


def _close(name: str, colour: QColor) -> bool:
    c = QColor(name)
    return abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue()) < 40


def test_enter_after_a_row_typed_with_tab_goes_to_the_first_column_of_the_next_row(qtbot):
    editor = make_editor(qtbot, "requests")
    editor.select_cell(R("deny_1", "natural"))
    for text in ("1", "2", "3"):
        type_text(qtbot, editor.view, text)
        qtbot.keyClick(editor.view, Qt.Key.Key_Tab)
    type_text(qtbot, editor.view, "4")
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)
    assert [value(editor, R("deny_1", c)) for c in APPLICANT_COLUMNS[:4]] == [1, 2, 3, 4]
    assert current_ref(editor) == R("deny_2", "natural")
    qtbot.keyClick(editor.view, Qt.Key.Key_Right)                   # an arrow ends the Tab run
    type_text(qtbot, editor.view, "5")
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)
    assert current_ref(editor) == R("deny_3", "commercial")         # plain Enter: straight down


def test_tab_started_mid_row_returns_to_where_it_started(qtbot):
    editor = make_editor(qtbot, "requests")
    type_into(qtbot, editor, R("open", "research"), "7", Qt.Key.Key_Tab)
    type_into_current = (qtbot, editor.view)
    type_text(*type_into_current, "8")
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)
    assert current_ref(editor) == R(DETAIL_ROWS[1], "research")
