"""What the Word importer finds non-conforming becomes problems wherever the report is checked:
`check FILE.docx` (text and --json), the draft made by `import` (format version 2) and the summary."""
import json

import pytest

from docx_import_factory import hand_made
from page_factory import HONGZE_PDF
from gui import cli
from gui.report import drafts, rules
from gui.report.docx_export.writer import export_docx
from gui.report.docx_import import read_docx
from gui.report.excel.summary import summarise
from gui.report.findings import IMPORT_HEADING, IMPORT_LABEL, IMPORT_SLASH, IMPORT_TITLE, OLD_FORMAT, Finding
from gui.report.form import CellRef
from rules_support import clean_report

FINDING_RULES = {IMPORT_LABEL, IMPORT_HEADING, IMPORT_TITLE, OLD_FORMAT, IMPORT_SLASH}


def check_out(capsys, *args):
    code = cli.main(["check", *map(str, args)])
    return code, capsys.readouterr().out


def test_check_of_a_docx_names_the_labels_that_differ_from_the_official_ones(tmp_path, capsys):
    path = hand_made(tmp_path / "报告.docx", clean_report())       # typed 现行有效件, 规范性文件, 行政止公开
    code, out = check_out(capsys, path)
    lines = [x for x in out.splitlines() if " IMPORT_LABEL " in x]
    assert len(lines) == 3, out
    assert any(x.startswith("提示 IMPORT_LABEL 表二「行政规范性文件」行「本年制发件数」列") and "「规范性文件」" in x
               for x in lines)
    assert any("「现行有效件」" in x and "「现行有效件数」" in x for x in lines)
    assert any("表三「（三）不予公开—2.其他法律行政法规禁止公开」行" in x and "行政止公开" in x for x in lines)
    assert code == 0                                         # warnings only


def test_slashes_for_zero_are_reported_at_their_cells_in_json(tmp_path, capsys):
    path = hand_made(tmp_path / "报告.docx", clean_report(), slash_zero=True)
    code, out = check_out(capsys, path, "--json")
    found = [p for p in json.loads(out) if p["rule"] == IMPORT_SLASH]
    assert {p["where"]["table"] for p in found} == {"active", "requests"}
    active = next(p for p in found if p["where"]["table"] == "active")
    assert active["severity"] == "warning" and "「/」" in active["message"] and "应填 0" in active["message"]
    assert {"table": "active", "row": "rules", "column": "repealed"} in active["cells"]


def test_the_2019_layout_is_an_error_at_table_three(tmp_path, capsys):
    path = hand_made(tmp_path / "报告.docx", clean_report(), single_other=True)
    code, out = check_out(capsys, path)
    line = next(x for x in out.splitlines() if " OLD_FORMAT " in x)
    assert line.startswith("错误 OLD_FORMAT 表三「（六）其他处理—1.") and "2019 年试行格式" in line
    assert code == 1


def _document(tmp_path, paragraphs, name="报告.docx"):
    import docx
    report = clean_report()
    doc = docx.Document(str(export_docx(report, tmp_path / "原.docx")))
    body = [p for p in doc.paragraphs if p.text.strip()]
    for old, new in paragraphs.items():
        target = next(p for p in body if "".join(p.text.split()) == old)
        for run in target.runs[1:]:
            run.text = ""
        target.runs[0].text = new
    doc.save(tmp_path / name)
    return tmp_path / name


def test_a_changed_section_heading_and_a_wrong_title_are_reported(tmp_path, capsys):
    path = _document(tmp_path, {"五、存在的主要问题及改进情况": "五、存在的主要问题及整改措施",
                                "淮安市人民政府2024年政府信息公开工作年度报告": "淮安市人民政府2024年度政府信息公开工作年度报告"})
    problems = rules.check(read_docx(path).report)
    heading = next(p for p in problems if p.rule == IMPORT_HEADING)
    assert heading.step == "problems" and heading.field == "text.problems"
    assert "「五、存在的主要问题及整改措施」" in heading.message and "「五、存在的主要问题及改进情况」" in heading.message
    title = next(p for p in problems if p.rule == IMPORT_TITLE)
    assert title.field == "info.organ" and "2024年度政府信息公开" in title.message
    assert "「淮安市人民政府2024年政府信息公开工作年度报告」" in title.message


def test_a_document_exported_by_the_application_has_no_finding(tmp_path):
    report = clean_report()
    back = read_docx(export_docx(report, tmp_path / "年报.docx")).report
    assert back.import_findings == () and rules.check(back) == []


def test_heading_punctuation_and_a_title_on_two_lines_are_not_findings(tmp_path):
    result = read_docx(hand_made(tmp_path / "a.docx", clean_report(), split_title=True))   # 「一. 总体情况」
    assert {f.rule for f in result.report.import_findings} == {IMPORT_LABEL}


def test_the_imported_draft_keeps_the_findings_and_a_saved_one_drops_them(tmp_path, capsys):
    path = hand_made(tmp_path / "报告.docx", clean_report(), slash_zero=True)
    draft = tmp_path / "报告.json"
    assert cli.main(["import", str(path), "-o", str(draft)]) == 0
    capsys.readouterr()
    data = json.loads(draft.read_text(encoding="utf-8"))
    assert data["version"] == 2 and {f["rule"] for f in data["import_findings"]} == {IMPORT_LABEL, IMPORT_SLASH}
    code, out = check_out(capsys, draft)
    assert " IMPORT_SLASH " in out and " IMPORT_LABEL " in out
    report = drafts.load(draft)
    report.import_findings = ()                      # what saving from the window does
    drafts.save(report, draft)
    data = json.loads(draft.read_text(encoding="utf-8"))
    assert data["version"] == 1 and "import_findings" not in data
    assert not FINDING_RULES & {p.rule for p in rules.check(drafts.load(draft))}


def test_a_confirmed_finding_stays_confirmed(tmp_path):
    report = read_docx(hand_made(tmp_path / "a.docx", clean_report())).report
    p = next(p for p in rules.check(report) if p.rule == IMPORT_LABEL)
    rules.confirm(report, p, "原文如此，已按正式标签导出")
    back = drafts.loads(drafts.dumps(report))
    again = next(x for x in rules.check(back) if x.key == p.key)
    assert again.confirmed == "原文如此，已按正式标签导出"


def test_a_version_one_draft_still_opens_and_may_not_carry_findings():
    data = drafts.to_json(clean_report())
    assert data["version"] == 1
    assert rules.check(drafts.from_json(data)) == []
    data["import_findings"] = []
    with pytest.raises(drafts.DraftError, match="import_findings"):
        drafts.from_json(data)


@pytest.mark.parametrize("item, words", [
    ({"severity": "fatal"}, "严重程度"),
    ({"step": "nowhere"}, "step"),
    ({"cells": [["requests", "nope", "total"]]}, "不是表格中的单元格"),
    ({"rule": ""}, "规则编号"),
    ({"extra": 1}, "无法识别的字段"),
])
def test_a_damaged_finding_in_a_draft_is_refused_in_chinese(item, words):
    report = clean_report()
    report.import_findings = (Finding(IMPORT_SLASH, "warning", "说明", "requests",
                                      (CellRef("requests", "new", "total"),)),)
    data = drafts.to_json(report)
    data["import_findings"][0].update(item)
    with pytest.raises(drafts.DraftError, match=words):
        drafts.from_json(data)


def test_the_summary_counts_a_units_format_errors(tmp_path):
    old = hand_made(tmp_path / "甲镇.docx", clean_report(), single_other=True)
    summary = summarise([old])
    unit = summary.units[0]
    report = read_docx(old).report
    assert unit.errors == sum(p.is_error for p in rules.check(report))
    assert any(p.rule == OLD_FORMAT for p in rules.check(report))


HONGZE = HONGZE_PDF


def test_a_published_pdf_shows_its_typo_at_the_cell_through_the_shared_result(capsys):
    code, out = check_out(capsys, HONGZE)
    line = next(x for x in out.splitlines() if " IMPORT_LABEL " in x)
    assert line.startswith("提示 IMPORT_LABEL 表三「（三）不予公开—2.其他法律行政法规禁止公开」行") and "行政止公开" in line
