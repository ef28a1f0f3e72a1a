"""A report on 2019 or 2020 is judged by its year's format, the 2019 trial format: an import note
without 「已废止」, no BLANK errors for the cells that format lacks, no 信息处理费 statement asked for;
a 2022 report in that format is still told it is superseded."""
from __future__ import annotations

from gui.report import rules
from gui.report.docx_import import read_docx
from gui.report.form import CellRef
from docx_import_factory import old_report


def imported(tmp_path, year):
    return read_docx(old_report(tmp_path / f"{year}.docx", year=year))


def test_a_2019_report_in_its_own_format_gets_a_note_and_no_false_errors(tmp_path):
    result = imported(tmp_path, 2019)
    first = result.unrecognised[0]
    assert "2019 年度的报告" in first and "已废止" not in first and "不作为空白报错" in first
    assert not any("已废止" in m for m in result.unrecognised + result.recognised)
    problems = rules.check(result.report)
    assert not [p for p in problems if p.rule in ("BLANK", "OLD_FORMAT", "R10")], [p.message for p in problems]
    assert result.report.get(CellRef("requests", "total", "total")) == 3050     # the rest is read


def test_a_group_the_clerk_has_begun_to_fill_is_checked_as_usual(tmp_path):
    report = imported(tmp_path, 2020).report
    report.set(CellRef("active", "rules", "issued"), 1)
    blank = [p for p in rules.check(report) if p.rule == "BLANK"]
    assert len(blank) == 1 and blank[0].target.table == "active" and len(blank[0].cells) == 9


def test_a_2022_report_in_the_trial_format_is_still_an_error(tmp_path):
    result = imported(tmp_path, 2022)
    assert "已废止" in result.unrecognised[0]
    assert {"BLANK", "OLD_FORMAT"} <= {p.rule for p in rules.check(result.report)}
