"""Problems show on the cells as the clerk commits edits: marks, tooltips, hints and the fill button.

The checks themselves are the rules module's business; here a small stand-in rule (row 总计 = sum of
the applicant columns, as R3) drives the editor through the document exactly like the real check.
"""
import pytest
from PySide6.QtCore import Qt

from gui.report import rules
from gui.report.form import APPLICANT_COLUMNS, REQUESTS, CellRef, describe
from gui.report.problems import ERROR, WARNING, Problem
from gui.qt.tables.delegate import fill_button_rect
from gui.qt.tables.model import INVOLVED, HintRole
from table_support import R, make_editor, mark, tooltip, type_into, value


def _row_refs(row):
    return [R(row, c) for c in APPLICANT_COLUMNS], R(row, "total")


def fake_check(report):
    problems = []
    for row in REQUESTS.rows:
        parts, total = _row_refs(row.key)
        values = [report.get(r) for r in parts + [total]]
        if None in values:
            continue
        expected = sum(values[:-1])
        if values[-1] != expected:
            problems.append(Problem("R3", ERROR, f"{describe(total)}与各列之和不符。", "requests",
                                    target=total, cells=tuple(parts + [total]),
                                    expected=expected, actual=values[-1], key=f"R3:{row.key}"))
    rules_issued = CellRef("active", "rules", "issued")
    if report.get(rules_issued):
        problems.append(Problem("R8", WARNING, "乡镇不能制定规章。", "active", target=rules_issued,
                                cells=(rules_issued,), key="R8",
                                confirmed=report.confirmations.get("R8")))
    blank = tuple(r for r in REQUESTS.cells() if report.get(r) is None)
    if blank:
        problems.append(Problem("BLANK", ERROR, f"表三有 {len(blank)} 个空白单元格。", "requests",
                                target=blank[0], cells=blank))
    return problems


def fake_hints(report):
    found = {}
    for row in REQUESTS.rows:
        parts, total = _row_refs(row.key)
        values = [report.get(r) for r in parts]
        if report.get(total) is None and None not in values:
            found[total] = sum(values)
    return found


@pytest.fixture(autouse=True)
def stand_in_rules(monkeypatch):
    monkeypatch.setattr(rules, "check", fake_check)
    monkeypatch.setattr(rules, "hints", fake_hints, raising=False)


def test_a_wrong_value_marks_every_cell_of_the_relation_and_fixing_it_clears_them(qtbot):
    editor = make_editor(qtbot, "requests")
    parts, total = _row_refs("open")
    assert all(mark(editor, r) is None for r in parts + [total])
    type_into(qtbot, editor, R("open", "natural"), "1290")
    # no suspect: the total whose relation broke is the error, its parts only involved
    assert mark(editor, total) == ERROR and all(mark(editor, r) == INVOLVED for r in parts)
    assert mark(editor, R("partial", "natural")) is None
    assert "与各列之和不符" in tooltip(editor, total)
    assert "应为 1364" in tooltip(editor, total)            # the target cell gets the expected value
    assert tooltip(editor, R("open", "natural")) == f"此格所在的勾稽关系不成立：请核对{describe(total)}及其各项。"
    type_into(qtbot, editor, total, "1364")
    assert all(mark(editor, r) is None for r in parts + [total])
    assert tooltip(editor, total) == ""


def test_only_the_cells_whose_look_changed_are_announced(qtbot):
    editor = make_editor(qtbot, "requests")
    changed = set()
    editor.model.dataChanged.connect(
        lambda a, b, roles: changed.update((r, c) for r in range(a.row(), b.row() + 1)
                                           for c in range(a.column(), b.column() + 1)))
    type_into(qtbot, editor, R("open", "natural"), "1290")
    parts, total = _row_refs("open")
    assert changed == {editor.model.grid.position_of[r] for r in parts + [total]}


def test_a_warning_is_amber_and_a_confirmed_one_is_not_marked(qtbot):
    editor = make_editor(qtbot, "active")
    ref = CellRef("active", "rules", "issued")
    assert mark(editor, ref) == WARNING
    editor.document.report.confirmations["R8"] = "已核实：市级规章"
    editor.document.recheck()
    assert mark(editor, ref) is None
    assert "已核实：市级规章" in tooltip(editor, ref) and tooltip(editor, ref).count("已核实") == 1


def test_blank_cells_are_outlined_not_painted_as_errors(qtbot):
    editor = make_editor(qtbot, "requests")
    editor.select_cell(R("other_3", "legal"))
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert mark(editor, R("other_3", "legal")) == "blank"
    assert "空白单元格" in tooltip(editor, R("other_3", "legal"))


def test_a_blank_total_shows_its_computed_value_and_the_fill_button_fills_it(qtbot):
    editor = make_editor(qtbot, "requests")
    total = R("new", "total")
    editor.select_cell(total)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    index = editor.model.index_of(total)
    assert editor.model.data(index, HintRole) == 3119
    assert "3119" in tooltip(editor, total) and "Ctrl+Enter" in tooltip(editor, total)
    steps = editor.document.undo_stack.count()
    button = fill_button_rect(editor.view.visualRect(index))
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=button.center())
    assert value(editor, total) == 3119
    assert editor.model.data(index, HintRole) is None
    assert editor.document.undo_stack.count() == steps + 1
    editor.document.undo_stack.undo()
    assert value(editor, total) is None


def test_ctrl_enter_fills_the_selected_totals_in_one_step(qtbot):
    editor = make_editor(qtbot, "requests")
    editor.select_cell(R("new", "total"))
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    steps = editor.document.undo_stack.count()
    qtbot.keyClick(editor.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [value(editor, R("new", "total")), value(editor, R("carry_in", "total"))] == [3119, 34]
    assert editor.document.undo_stack.count() == steps + 1


def test_ctrl_enter_without_a_hint_says_why(qtbot):
    editor = make_editor(qtbot, "requests")
    editor.select_cell(R("new", "natural"))
    qtbot.keyClick(editor.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "计算值" in editor.message_text()


def test_row_labels_explain_the_terse_official_wording(qtbot):
    editor = make_editor(qtbot, "requests")
    row, _ = editor.model.grid.position_of[R("deny_3", "natural")]
    label = editor.model.index(row, 2)
    text = editor.model.data(label, Qt.ItemDataRole.ToolTipRole)
    assert "国家安全" in text and "社会稳定" in text
