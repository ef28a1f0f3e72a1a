"""The wizard driven like a clerk: steps, 基本信息, text editors, undo/redo through the window's actions."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from gui.report.form import CellRef, SECTIONS
from gui.report.model import Report
from window_support import app_env, open_sample, type_into_cell, type_text, window  # noqa: F401

NEW_NATURAL = CellRef("requests", "new", "natural")


def test_start_page_then_new_report_shows_the_eight_steps(window, qtbot):
    assert window.central.currentWidget() is window.start_page
    qtbot.mouseClick(window.start_page.buttons["new"], Qt.MouseButton.LeftButton)
    wizard = window.wizard
    titles = [wizard.steps.item(i).text().splitlines()[0] for i in range(wizard.steps.count())]
    assert titles[0] == "1. 基本信息" and titles[-1] == "8. 检查与导出"
    for section, title in zip(SECTIONS, titles[1:7]):
        assert title.split(" ", 1)[1].startswith(section.heading[:2])
    assert "未填写" in wizard.steps.item(1).text()
    assert window.windowTitle().startswith("未命名报告")


def test_next_back_and_any_step_one_click_away(window, qtbot):
    open_sample(window)
    wizard = window.wizard
    assert not wizard.back.isEnabled() and wizard.back.toolTip() == "已经是第一步"
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.current_step == "overview"
    qtbot.mouseClick(wizard.back, Qt.MouseButton.LeftButton)
    assert wizard.current_step == "info"
    item = wizard.steps.item(7)
    qtbot.mouseClick(wizard.steps.viewport(), Qt.MouseButton.LeftButton,
                     pos=wizard.steps.visualItemRect(item).center())
    assert wizard.current_step == "review"
    assert not wizard.next.isEnabled() and wizard.next.toolTip()


def test_typing_the_organ_updates_the_title_and_undo_redo_restore_it(window, qtbot):
    open_sample(window)
    page = window.wizard.page("info")
    organ: QLineEdit = page.fields["organ"]
    organ.setFocus()
    organ.selectAll()
    type_text(organ, "马营镇人民政府")
    assert page.title.text() == "马营镇人民政府2024年政府信息公开工作年度报告"
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    window.undo_action.trigger()                  # the whole word is one step
    assert organ.text() == "淮安市人民政府"
    assert page.title.text().startswith("淮安市人民政府2024")
    assert not window.isWindowModified()
    qtbot.keyClick(organ, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)   # Ctrl+Y in the field
    assert organ.text() == "马营镇人民政府"


def test_deadline_defaults_by_level_and_is_editable_and_undoable(window):
    open_sample(window)                          # 淮安市人民政府: its own report is due 3月31日 (条例 art. 49)
    page = window.wizard.page("info")
    assert page.deadline_edit.date().toString("yyyy-MM-dd") == "2025-03-31"
    assert page.days_left.text()
    page.deadline_edit.setDate(page.deadline_edit.date().addDays(-10))
    assert str(window.document.report.info.deadline) == "2025-03-21"
    window.undo_action.trigger()
    assert window.document.report.info.deadline is None


def test_text_typing_is_one_undo_step_and_ctrl_z_reaches_the_window(window, qtbot):
    from gui.report.samples import huaian_2024
    report = huaian_2024()
    report.texts["problems"] = ""            # the sample has its 五 written; type into an empty one
    open_sample(window, report)
    page = window.wizard.go_to("problems")
    edit = page.editors["problems"].edit
    edit.setFocus()
    type_text(edit, "一是公开内容不够全面。")
    assert window.document.report.texts["problems"] == "一是公开内容不够全面。"
    assert page.editors["problems"].count.text() == "11 字"
    assert window.document.undo_stack.count() == 1
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.texts["problems"] == ""
    assert edit.toPlainText() == ""


def test_table_edit_undo_redo(window, qtbot):
    open_sample(window)
    type_into_cell(qtbot, window, NEW_NATURAL, "3000")
    assert window.document.report.get(NEW_NATURAL) == 3000
    window.undo_action.trigger()
    assert window.document.report.get(NEW_NATURAL) == 3001
    window.redo_action.trigger()
    assert window.document.report.get(NEW_NATURAL) == 3000


def test_last_years_problems_are_shown_beside_the_editor(window):
    last = Report()
    last.texts["problems"] = "去年的问题：栏目更新不及时。"
    report = Report()
    report.last_year = last
    window.open_report(report, ask=False)
    page = window.wizard.go_to("problems")
    assert page.last_year_text.toPlainText() == "去年的问题：栏目更新不及时。"
    assert page.last_year_text.isReadOnly()


def test_ctrl_z_and_ctrl_y_in_the_table_undo_and_redo_the_cell(window, qtbot):
    open_sample(window)
    page = type_into_cell(qtbot, window, NEW_NATURAL, "2999")
    qtbot.keyClick(page.editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.get(NEW_NATURAL) == 3001
    qtbot.keyClick(page.editor.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.get(NEW_NATURAL) == 2999
