"""Properties of the checks over random reports (hypothesis).

- Any consistent report — random leaves, totals derived as the form defines them — passes every error rule.
- Changing any single data cell of tables 三 or 四 by ±1 (staying ≥ 0) gives an error naming that cell.
"""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from gui.report import rules
from gui.report.form import (ACTIVE, APPEALS, APPEALS_COLUMNS, APPLICANT_COLUMNS, DETAIL_ROWS, LEVELS, REQUESTS,
                             CellRef, kind_of)
from gui.report.model import Info, Report
from rules_support import TEXTS
from budgets import examples

TOTAL = "total"
counts = st.integers(min_value=0, max_value=5000)
TABLE_3_4 = [ref for t in (REQUESTS, APPEALS) for ref in t.cells()]


@st.composite
def consistent_reports(draw) -> Report:
    report = Report(Info(organ="某县人民政府", year=2024, level=draw(st.sampled_from(LEVELS))))
    report.texts.update(TEXTS)
    report.texts["overview_request"] = "本机关依法办理政府信息公开申请。"
    report.texts["overview_supervision"] = "加强监督保障。"
    report.texts["other"] = "全年未收取信息处理费。"
    for ref in ACTIVE.cells():
        report.set(ref, Decimal(draw(st.integers(0, 10**6))) / 100 if kind_of(ref) == "fee" else draw(counts))
    col = {}
    for c in APPLICANT_COLUMNS:
        details = {r: draw(st.integers(0, 300)) for r in DETAIL_ROWS}
        total = sum(details.values())
        carry_out = draw(counts)
        carry_in = draw(st.integers(0, total + carry_out))
        col[c] = {**details, TOTAL: total, "carry_out": carry_out, "carry_in": carry_in,
                  "new": total + carry_out - carry_in}
    for row in REQUESTS.rows:
        for c in APPLICANT_COLUMNS:
            report.set(CellRef("requests", row.key, c), col[c][row.key])
        report.set(CellRef("requests", row.key, TOTAL), sum(col[c][row.key] for c in APPLICANT_COLUMNS))
    for row in APPEALS.rows:
        parts = [draw(counts) for _ in APPEALS_COLUMNS[:-1]]
        for c, v in zip(APPEALS_COLUMNS, parts + [sum(parts)]):
            report.set(CellRef("appeals", row.key, c.key), v)
    return report


@settings(max_examples=examples(150), deadline=None)
@given(consistent_reports())
def test_a_consistent_report_passes_every_error_rule(report):
    assert [p.message for p in rules.check(report) if p.is_error] == []


@settings(max_examples=examples(300), deadline=None)
@given(consistent_reports(), st.sampled_from(TABLE_3_4), st.sampled_from((1, -1)))
def test_one_changed_cell_gives_an_error_naming_it(report, ref, delta):
    value = report.get(ref) + delta
    if value < 0:
        value = report.get(ref) + 1
    report.set(ref, value)
    errors = [p for p in rules.check(report) if p.is_error]
    assert any(ref in p.cells for p in errors), [p.message for p in errors]


@settings(max_examples=examples(100), deadline=None)
@given(consistent_reports(), st.sets(st.sampled_from(TABLE_3_4), min_size=1, max_size=5))
def test_blanked_totals_are_hinted_with_the_value_they_had(report, blanked):
    totals = {ref for ref in blanked if ref.column == TOTAL or ref.row == TOTAL}
    before = {ref: report.get(ref) for ref in totals}
    for ref in totals:
        report.set(ref, None)
    hints = rules.hints(report)
    for ref, value in hints.items():
        assert before[ref] == value
    for ref, value in hints.items():
        report.set(ref, value)
    assert not [p for p in rules.check(report) if p.is_error and p.rule != "BLANK"]
