"""After a crash the restore question names the report (机关全称, 报告年度, file, time of the copy), and
the restored report opens at the step the clerk was on; older and damaged copies are handled."""
from __future__ import annotations

import datetime as dt
import json
import re

from crash_support import Child, window_env
from gui.report import drafts
from gui.report.form import CellRef
from gui.report.model import Info, Report
from gui.report.samples import huaian_2024
from gui.qt.window.autosave import FORMAT_ID
from message_boxes import boxes  # noqa: F401
from window_support import app_env, window  # noqa: F401

TIME = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日 (\d{2}):(\d{2})")


def _leave_copy(app_env, name: str, draft, **fields) -> None:
    """A copy as a window that is gone left it (no lock held), written as the stored format reads."""
    folder = app_env / "recovery"
    folder.mkdir(exist_ok=True)
    data = {"format": FORMAT_ID, "version": 1, "file": None, "saved_at": "2025-01-06T09:05:00",
            "draft": draft, **fields}
    (folder / f"recovery-{name}.json").write_text(json.dumps(data), encoding="utf-8")


def test_killed_on_step_four_the_question_names_the_report_and_restoring_opens_step_four(
        app_env, window, boxes, tmp_path):
    draft = tmp_path / "马营镇2024.json"
    drafts.save(huaian_2024(), draft)
    typed = [{"kind": "cell", "cell": ["appeals", "review", "upheld"], "typed": "70"}]
    child = Child(["window", str(draft)], window_env(tmp_path, typed))
    child.wait_for("AUTOSAVED 1")
    child.kill_after(0)
    copy = next((app_env / "recovery").glob("recovery-*.json"))
    saved_at = dt.datetime.fromisoformat(json.loads(copy.read_text(encoding="utf-8"))["saved_at"])

    boxes.answers.append("恢复")
    assert window.offer_recovery() is True
    (title, text), = boxes.seen
    assert title == "恢复未保存的内容"
    assert "淮安市人民政府" in text and "2024 年" in text and "「马营镇2024.json」" in text
    shown = tuple(int(n) for n in TIME.search(text).groups())
    assert shown == (saved_at.year, saved_at.month, saved_at.day, saved_at.hour, saved_at.minute)
    wizard = window.wizard
    assert wizard.current_step == "appeals"
    assert wizard.stack.currentWidget() is wizard.page("appeals")
    assert "复议诉讼" in wizard.steps.currentItem().text()     # the step list shows it too
    assert window.document.report.get(CellRef("appeals", "review", "upheld")) == 70


def test_a_report_never_saved_without_an_organ_reads_sensibly_and_its_step_is_restored(
        app_env, window, boxes):
    report = Report(Info(year=2025))
    report.texts["problems"] = "公开栏更新不及时。"
    _leave_copy(app_env, "a", drafts.to_json(report), step="problems")
    boxes.answers.append("恢复")
    assert window.offer_recovery() is True
    text = boxes.seen[0][1]
    assert "机关全称：（尚未填写）" in text and "报告年度：2025 年" in text
    assert "尚未保存过" in text and "2025年1月6日 09:05" in text
    assert window.document.path is None and window.document.report.texts["problems"] == "公开栏更新不及时。"
    assert window.wizard.current_step == "problems"


def test_an_older_copy_without_a_step_or_with_an_unknown_one_opens_at_the_first_step(
        app_env, window, boxes):
    for name, extra in (("old", {}), ("odd", {"step": "第九步"})):
        _leave_copy(app_env, name, drafts.to_json(huaian_2024()), **extra)
        boxes.answers.append("恢复")
        assert window.offer_recovery() is True
        assert window.wizard.current_step == "info"
        assert window.document.report.info.organ == "淮安市人民政府"
        window.document.undo_stack.setClean()
    assert [t for t, _ in boxes.seen] == ["恢复未保存的内容"] * 2


def test_a_damaged_copy_is_still_asked_about_and_refused_in_chinese(app_env, window, boxes):
    _leave_copy(app_env, "bad", {"format": "nianbao-zhushou/draft", "info": ["不是", "基本信息"]},
                step="appeals")
    boxes.answers.append("恢复")
    assert window.offer_recovery() is False
    (title, text), (error_title, error) = boxes.seen
    assert "机关全称：（无法读取）" in text and "报告年度：（无法读取）" in text
    assert error_title == "无法恢复" and "已损坏" in error
    assert window.document is None
