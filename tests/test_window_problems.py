"""The problem list: problems appear and disappear as cells are typed, a click lands on the cell or
field, warnings can be confirmed until their values change, fixes are undoable."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from gui.report.form import CellRef
from gui.report.samples import huaian_2024
from window_support import app_env, open_sample, type_into_cell, window  # noqa: F401

NEW_NATURAL = CellRef("requests", "new", "natural")
NEW_TOTAL = CellRef("requests", "new", "total")


def _problem_items(window):
    return [(it, it.data(0, Qt.ItemDataRole.UserRole)) for it in window.problems_view.items()]


def _find(window, predicate):
    return next(((it, p) for it, p in _problem_items(window) if predicate(p)), (None, None))


def _click(qtbot, tree, item):
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())


def test_a_wrong_total_appears_in_the_list_and_goes_away_when_corrected(window, qtbot):
    open_sample(window)
    errors_before = sum(1 for p in window.document.problems if p.is_error)
    type_into_cell(qtbot, window, NEW_NATURAL, "3000")
    item, problem = _find(window, lambda p: p.is_error and NEW_NATURAL in p.cells)
    assert item is not None
    assert item.toolTip(0).startswith(problem.message)
    assert "错误" in window.problems_view.summary.text()
    assert "处错误" in window.wizard.steps.item(3).text()
    type_into_cell(qtbot, window, NEW_NATURAL, "3001")
    assert _find(window, lambda p: p.is_error and NEW_NATURAL in p.cells) == (None, None)
    assert sum(1 for p in window.document.problems if p.is_error) == errors_before


def test_clicking_a_problem_lands_on_its_cell(window, qtbot):
    open_sample(window)
    type_into_cell(qtbot, window, NEW_NATURAL, "3000")
    window.wizard.go_to("info")
    item, problem = _find(window, lambda p: p.is_error and p.target is not None and NEW_NATURAL in p.cells)
    _click(qtbot, window.problems_view.tree, item)
    assert window.wizard.current_step == "requests"
    editor = window.wizard.page("requests").editor
    assert problem.suspect == NEW_NATURAL                         # the list goes to the suspect cell
    assert editor.view.currentIndex() == editor.model.index_of(NEW_NATURAL)
    assert QApplication.focusWidget() is editor.view


def test_clicking_a_text_problem_puts_the_caret_in_its_editor(window, qtbot):
    report = huaian_2024()
    report.texts["other"] = "2024年无其他事项。"
    open_sample(window, report)
    item, problem = _find(window, lambda p: p.rule == "R10" and p.field == "text.other")
    assert item is not None
    _click(qtbot, window.problems_view.tree, item)
    assert window.wizard.current_step == "other"
    assert QApplication.focusWidget() is window.wizard.page("other").editors["other"].edit


def test_confirm_a_warning_then_change_its_text_and_the_confirmation_falls_away(window, qtbot, monkeypatch):
    report = huaian_2024()
    report.texts["other"] = "2024年无其他事项。"
    open_sample(window, report)
    item, _ = _find(window, lambda p: p.rule == "R10")
    _click(qtbot, window.problems_view.tree, item)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("已核实：本年未收费，另行说明", True))
    qtbot.mouseClick(window.problems_view.confirm_button, Qt.MouseButton.LeftButton)
    item, problem = _find(window, lambda p: p.rule == "R10")
    assert problem.confirmed == "已核实：本年未收费，另行说明"
    assert "已核实：本年未收费" in item.text(0) and item.text(0).count("已核实") == 1
    assert window.document.report.confirmations[problem.key].note == "已核实：本年未收费，另行说明"
    assert "已核实 1 处" in window.problems_view.summary.text()
    edit = window.wizard.go_to("other").editors["other"].edit
    edit.setFocus()
    qtbot.keyClicks(edit, " ")                    # the text it is about changes
    _, problem = _find(window, lambda p: p.rule == "R10")
    assert problem is not None and problem.confirmed is None


def test_the_fix_button_applies_the_fix_as_one_undoable_step(window, qtbot):
    open_sample(window)
    type_into_cell(qtbot, window, NEW_TOTAL, "3100")
    item, problem = _find(window, lambda p: p.fix is not None and p.target == NEW_TOTAL)
    _click(qtbot, window.problems_view.tree, item)
    button = window.problems_view.fix_button
    assert button.isEnabled() and problem.fix.label in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.document.report.get(NEW_TOTAL) == 3119
    window.undo_action.trigger()
    assert window.document.report.get(NEW_TOTAL) == 3100


def test_insert_fee_sentence_on_step_six(window, qtbot):
    report = huaian_2024()
    report.texts["other"] = "2024年无其他事项。"
    open_sample(window, report)
    page = window.wizard.go_to("other")
    assert page.insert_sentence.isEnabled()
    qtbot.mouseClick(page.insert_sentence, Qt.MouseButton.LeftButton)
    text = page.editors["other"].edit.toPlainText()
    assert text.startswith("2024年无其他事项。") and "信息处理费" in text
    assert not page.insert_sentence.isEnabled()
    window.undo_action.trigger()
    assert page.editors["other"].edit.toPlainText() == "2024年无其他事项。"


def test_review_page_states_the_report_at_a_glance(window, qtbot):
    open_sample(window)
    page = window.wizard.go_to("review")
    assert "所有单元格已填写" in page.lines[0].text()
    assert page.lines[3].text().startswith("✔ 提示：0 处")
    window.document.set_field("text.other", "本年度无其他需要报告的事项。")   # the fee left unsaid
    window.wizard.go_to("review")
    assert [p for p in window.document.problems if not p.is_error]
    assert page.lines[3].text().startswith("⚠ 提示：")                         # to check, not wrong
    type_into_cell(qtbot, window, NEW_NATURAL, "3000")
    window.wizard.go_to("review")
    assert "错误" in page.status.text()


def test_the_review_list_also_leads_to_the_cell(window, qtbot):
    open_sample(window)
    type_into_cell(qtbot, window, NEW_NATURAL, "3000")
    page = window.wizard.go_to("review")
    assert not window.problems_dock.isVisible()      # the page holds the full list itself
    item = page.problems.item_for(lambda p: p.is_error and p.target is not None)
    _click(qtbot, page.problems.tree, item)
    assert window.wizard.current_step == "requests" and window.problems_dock.isVisible()


def test_a_selected_problem_is_let_go_when_the_page_shown_is_not_its_own(window, qtbot):
    open_sample(window)
    type_into_cell(qtbot, window, NEW_TOTAL, "3100")
    window.wizard.go_to("info")
    view = window.problems_view
    item, problem = _find(window, lambda p: p.fix is not None and p.target == NEW_TOTAL)
    _click(qtbot, view.tree, item)                       # from 基本信息: lands on its table, kept
    assert window.wizard.current_step == "requests"
    assert view.selected_problem() is problem and view.fix_button.isEnabled()
    qtbot.mouseClick(window.wizard.next, Qt.MouseButton.LeftButton)     # on to 四、复议诉讼
    assert window.wizard.current_step == "appeals"
    assert view.tree.currentItem() is None and view.tree.selectedItems() == []
    assert view.selected_problem() is None
    assert not view.fix_button.isEnabled() and view.fix_button.text() == "修正"
    qtbot.mouseClick(window.wizard.back, Qt.MouseButton.LeftButton)     # back: nothing comes back
    assert view.selected_problem() is None


def test_a_selection_stays_while_its_own_page_is_shown(window, qtbot):
    report = huaian_2024()
    report.texts["other"] = "2024年无其他事项。"
    open_sample(window, report)
    view = window.problems_view
    item, problem = _find(window, lambda p: p.step == "other" and p.field)
    _click(qtbot, view.tree, item)
    assert window.wizard.current_step == "other"
    window.wizard.go_to("review")                     # 检查与导出 lists every problem
    window.wizard.go_to("other")
    assert view.selected_problem() is problem
