"""单位层级 follows the organ name as the clerk types it, one undo step with the name, and stays
the clerk's choice once chosen in the list."""
from __future__ import annotations

from PySide6.QtCore import Qt

from gui.report.model import Info, Report
from window_support import app_env, open_sample, type_text, window  # noqa: F401


def _info_page(window, report):
    open_sample(window, report)
    page = window.wizard.go_to("info")
    return page, page.fields["organ"], page.fields["level"]


def test_the_level_is_guessed_as_the_organ_name_is_typed_and_undone_with_it(window, qtbot):
    page, organ, level = _info_page(window, Report(Info(year=2024)))
    organ.setFocus()
    type_text(organ, "淮安市人民政府")
    assert level.currentText() == "市级人民政府" == window.document.report.info.level
    assert page.level_note.text() == "按机关名称判断，可更改"
    organ.selectAll()
    type_text(organ, "洪泽区人民政府")
    assert level.currentText() == "县级人民政府"
    window.undo_action.trigger()                                 # the typing is one step, level included
    assert organ.text() == "" and level.currentText() == "乡镇/街道"
    window.redo_action.trigger()
    assert organ.text() == "洪泽区人民政府" and level.currentText() == "县级人民政府"


def test_a_level_chosen_by_hand_stays_while_the_name_changes(window, qtbot):
    page, organ, level = _info_page(window, Report(Info(year=2024)))
    organ.setFocus()
    type_text(organ, "马营镇人民政府")
    level.setFocus()
    qtbot.keyClick(level, Qt.Key.Key_Down)                      # 县级人民政府
    qtbot.keyClick(level, Qt.Key.Key_Down)                      # 县级部门
    assert window.document.report.info.level == "县级部门" and page.level_note.text() == ""
    organ.setFocus()
    organ.selectAll()
    type_text(organ, "洪泽区人民政府")
    assert level.currentText() == "县级部门"
    window.undo_action.trigger()                                 # the name
    window.undo_action.trigger()                                 # the choice
    window.undo_action.trigger()
    assert level.currentText() == "乡镇/街道"
    organ.setFocus()
    organ.selectAll()
    type_text(organ, "淮安市人民政府")
    assert level.currentText() == "市级人民政府"                 # the choice undone: the name decides again


def test_a_reopened_draft_whose_level_disagrees_with_its_name_keeps_it(window, qtbot):
    report = Report(Info(organ="马营镇人民政府", year=2024, level="县级部门"))
    page, organ, level = _info_page(window, report)
    organ.setFocus()
    organ.end(False)
    qtbot.keyClick(organ, Qt.Key.Key_Backspace)
    type_text(organ, "府")
    assert level.currentText() == "县级部门"
