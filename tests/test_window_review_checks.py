"""The window as a clerk meets the review checks: the 报送截止日期 with its default explained and
following the 单位层级, a late 发布日期 in the problem list, and an imported Word document's format
findings listed until the draft is saved from the window."""
from __future__ import annotations

import datetime as dt

from docx_import_factory import hand_made
from gui.report.docx_import import read_docx
from gui.report.findings import IMPORT_LABEL, IMPORT_SLASH
from rules_support import clean_report
from window_support import app_env, open_sample, window  # noqa: F401


def test_the_deadline_default_follows_the_level_is_explained_and_an_edit_is_undoable(window, qtbot):
    report = clean_report()
    report.info.level = "乡镇/街道"
    open_sample(window, report)
    page = window.wizard.go_to("info")
    assert page.deadline_edit.date().toString("yyyy-MM-dd") == "2025-01-31"
    assert "默认 2025年1月31日" in page.deadline_basis.text() and "县" in page.deadline_basis.text()
    page.fields["level"].setCurrentText("县级人民政府")              # the clerk picks the level
    assert page.deadline_edit.date().toString("yyyy-MM-dd") == "2025-03-31"
    assert "第四十九条" in page.deadline_basis.text() and "3月31日" in page.deadline_basis.text()
    page.deadline_edit.setDate(page.deadline_edit.date().addDays(-45))  # the county set 2月14日
    assert window.document.report.info.deadline == dt.date(2025, 2, 14)
    assert "已改为 2025年2月14日" in page.deadline_basis.text() and page.deadline_default.isEnabled()
    window.undo_action.trigger()
    assert window.document.report.info.deadline is None
    assert page.deadline_edit.date().toString("yyyy-MM-dd") == "2025-03-31"
    window.undo_action.trigger()
    assert window.document.report.info.level == "乡镇/街道"
    assert "默认 2025年1月31日" in page.deadline_basis.text()


def test_a_late_publication_date_appears_in_the_problem_list(window, qtbot):
    report = clean_report()
    report.info.level = "县级部门"
    open_sample(window, report)
    page = window.wizard.go_to("info")
    page.publish_known.setChecked(True)
    page.publish_edit.setDate(page.publish_edit.date().fromString("2025-02-20", "yyyy-MM-dd"))
    late = [p for p in window.document.problems if p.rule == "LATE"]
    assert len(late) == 1 and "逾期 20 天" in late[0].message and late[0].is_error


def test_format_findings_are_listed_until_the_draft_is_saved_from_the_window(window, qtbot, tmp_path):
    imported = read_docx(hand_made(tmp_path / "报告.docx", clean_report(), slash_zero=True)).report
    open_sample(window, imported)
    rules = {p.rule for p in window.document.problems}
    assert {IMPORT_LABEL, IMPORT_SLASH} <= rules
    window._write(tmp_path / "报告.json")
    assert not {IMPORT_LABEL, IMPORT_SLASH} & {p.rule for p in window.document.problems}
    assert window.document.report.import_findings == ()
    assert "import_findings" not in (tmp_path / "报告.json").read_text(encoding="utf-8")
