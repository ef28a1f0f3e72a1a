"""Lead-ins from last year's text: a paragraph that opens by repeating its heading (「主动公开情况。」,
「（一）主动公开」) is found, listed at import, removed by an undoable fix, never printed twice."""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt

from gui.report import rules
from gui.report.docx_export import docx_bytes
from gui.report.lead_ins import LEAD_IN, import_notes, lead_ins, without_lead_in
from gui.report.samples import huaian_2024
from page_factory import pasted_text
from window_support import app_env, open_sample, window  # noqa: F401

HONGZE = Path("/work/shared/examples/hongze-district-2024-report.pdf")


@pytest.mark.parametrize("key, text, found", [
    ("overview_active", "主动公开情况。主要通过政府门户网站公开。", ["主动公开情况。"]),
    ("overview_active", "（一）主动公开\n2024年，我区公开。", ["（一）主动公开"]),
    ("overview_active", "2024年，我区坚持。\n主动公开情况：主要通过网站。", ["主动公开情况："]),
    ("overview_platform", "政府信息公开平台建设情况。为了拓宽途径。", ["政府信息公开平台建设情况。"]),
    ("overview_supervision", "（五）政府信息公开监督保障情况\n强化保障。", ["（五）政府信息公开监督保障情况"]),
    ("problems", "五、存在的主要问题及改进情况\n一是不够及时。", ["五、存在的主要问题及改进情况"]),
    ("overview_active", "主动公开政府文件、项目审批等信息。", []),
    ("overview_active", "主动公开方面，我镇公开了 12 条。", []),
    ("overview_active", "主动公开工作取得新成效。", []),
    ("overview_request", "2024年，本机关收到申请 3 件。", []),
])
def test_a_paragraph_opening_with_its_heading_is_found_and_nothing_else(key, text, found):
    assert lead_ins(key, text) == found
    if found:
        rest = without_lead_in(key, text)
        assert found[0] not in rest and rest and not rest.startswith("\n")
    else:
        assert without_lead_in(key, text) == text


def _with_lead_in():
    report = huaian_2024()
    report.texts["overview_active"] = "主动公开情况。" + report.texts["overview_active"]
    return report


def test_the_rule_offers_a_fix_that_leaves_the_paragraph_without_it():
    report = _with_lead_in()
    [problem] = [p for p in rules.check(report) if p.rule == LEAD_IN]
    assert problem.field == "text.overview_active" and "「主动公开情况。」" in problem.message
    assert "（一）主动公开" in problem.message
    report.texts["overview_active"] = problem.fix.texts[0][1]
    assert not [p for p in rules.check(report) if p.rule == LEAD_IN]
    assert report.texts["overview_active"] == huaian_2024().texts["overview_active"]


def test_the_export_prints_the_heading_once():
    paragraphs = [p.text for p in docx.Document(io.BytesIO(docx_bytes(_with_lead_in()))).paragraphs]
    at = paragraphs.index("（一）主动公开")
    assert not paragraphs[at + 1].startswith("主动公开情况")
    assert sum("主动公开情况。" in p for p in paragraphs) == 0


def test_the_fix_in_the_window_is_one_undoable_step(window, qtbot):
    open_sample(window, _with_lead_in())
    items = [it for it in window.problems_view.items()
             if it.data(0, Qt.ItemDataRole.UserRole).rule == LEAD_IN]
    tree = window.problems_view.tree
    tree.scrollToItem(items[0])
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(items[0]).center())
    qtbot.mouseClick(window.problems_view.fix_button, Qt.MouseButton.LeftButton)
    assert not window.document.report.texts["overview_active"].startswith("主动公开情况")
    window.undo_action.trigger()
    assert window.document.report.texts["overview_active"].startswith("主动公开情况。")


def test_the_import_summary_lists_the_lead_ins_of_a_published_report(tmp_path):
    from gui.report.sources import import_published
    report = huaian_2024()
    report.texts["overview_platform"] = "政府信息公开平台建设情况。" + report.texts["overview_platform"]
    path = tmp_path / "淮安.txt"
    path.write_text(pasted_text(report), encoding="utf-8")
    result = import_published(path)
    notes = [m for m in result.unrecognised if "重复了标题" in m]
    assert notes == import_notes(result.report) != []
    assert len(notes) == 1 and "「政府信息公开平台建设情况。」" in notes[0]
    assert all(m in result.summary() for m in notes)


@pytest.mark.skipif(not HONGZE.exists(), reason="the shared example PDF is not next to the repository")
def test_a_district_pdf_lists_the_lead_in_of_each_theme():
    from gui.report.sources import import_published
    notes = [m for m in import_published(HONGZE).unrecognised if "重复了标题" in m]
    assert any("「主动公开情况。」" in m for m in notes) and len(notes) == 5
