"""The table editor with the real checks of gui.report.rules: marks appear and disappear as the clerk types."""
import pytest
from PySide6.QtCore import Qt

from gui.report import rules
from gui.report.form import APPLICANT_COLUMNS, DETAIL_ROWS
from gui.report.problems import ERROR
from gui.qt.tables.model import INVOLVED, HintRole
from table_support import R, make_editor, mark, tooltip, type_into, value

pytestmark = pytest.mark.skipif(not hasattr(rules, "hints"), reason="the rules module is still a placeholder")


def test_breaking_a_row_total_marks_its_row_and_column_and_fixing_it_clears_them(qtbot):
    editor = make_editor(qtbot, "requests")
    row = [R("open", c) for c in APPLICANT_COLUMNS] + [R("open", "total")]
    column = [R(r, "natural") for r in DETAIL_ROWS] + [R("total", "natural")]
    assert not any(mark(editor, r) for r in row + column)
    type_into(qtbot, editor, R("open", "natural"), "1290")
    wrong = R("open", "natural")
    assert mark(editor, wrong) == ERROR                           # the one cell that explains both
    assert all(mark(editor, r) == INVOLVED for r in row + column if r != wrong)
    assert "改为 1288" in tooltip(editor, wrong)
    assert "最可能填错的是表三「（一）予以公开」行「自然人」列" in tooltip(editor, R("open", "total"))
    assert "1364" not in tooltip(editor, R("open", "total"))     # no advice that would move the error
    assert mark(editor, R("partial", "commercial")) is None
    type_into(qtbot, editor, R("open", "natural"), "1288")
    assert not any(mark(editor, r) for r in row + column)


def test_table_four_totals_are_checked_as_typed(qtbot):
    editor = make_editor(qtbot, "appeals")
    total = R("review", "total", "appeals")
    type_into(qtbot, editor, R("review", "upheld", "appeals"), "70")
    assert mark(editor, total) == ERROR and "349" in tooltip(editor, total)
    editor.document.undo_stack.undo()
    assert mark(editor, total) is None


def test_a_cleared_total_offers_its_sum_and_one_key_fills_it(qtbot):
    editor = make_editor(qtbot, "requests")
    total = R("carry_out", "total")
    editor.select_cell(total)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert mark(editor, total) == "blank"
    assert editor.model.data(editor.model.index_of(total), HintRole) == 103
    qtbot.keyClick(editor.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert value(editor, total) == 103
    assert mark(editor, total) is None
