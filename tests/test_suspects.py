"""One wrong number, one suspect: the cell that explains the broken relations R1–R4 around it.

The property: in a consistent report with one cell changed (some cells possibly still blank), the
suspect every broken relation names is the cell whose change alone mends them all — found here by
trying every cell and re-checking — whenever there is exactly one such cell, and there is none
when there are several.
"""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

import test_properties as consistent
from gui import cli
from gui.report import relations, rules
from gui.report.form import MAX_COUNT, CellRef
from gui.report.sources import read_report
from rules_support import app, clean_report, req
from test_cli import DEMO
from budgets import examples

RELATION_RULES = {"R1", "R2", "R3", "R4"}


def _broken(cells):
    return relations.evaluate(cells)


def _mending_cells(cells) -> set[CellRef]:
    """Every cell that, set to some typeable count, leaves no R1–R4 relation broken (tried one by one)."""
    out = set()
    broken = _broken(cells)
    for ref in consistent.TABLE_3_4:
        rel = next((r for r in relations.RELATIONS if ref in r.cells and any(p.key == r.key for p in broken)), None)
        if rel is None:
            continue
        value = relations.suspects.required(rel, cells, ref)
        if not 0 <= value <= MAX_COUNT:
            continue
        trial = dict(cells)
        trial[ref] = value
        if not _broken(trial):
            out.add(ref)
    return out


@settings(max_examples=examples(120), deadline=None)
@given(consistent.consistent_reports(), st.sampled_from(consistent.TABLE_3_4), st.integers(0, 400),
       st.sets(st.sampled_from(consistent.TABLE_3_4), max_size=3))
def test_the_suspect_is_the_one_cell_whose_change_mends_every_broken_relation(report, ref, value, blanks):
    for blank in blanks - {ref}:
        report.set(blank, None)
    before = report.get(ref)
    if value == before:
        value += 1
    report.set(ref, value)
    problems = [p for p in rules.check(report) if p.rule in RELATION_RULES]
    mending = _mending_cells(report.cells)
    if not problems:
        return                       # the changed cell's relations all wait for a blank
    assert ref in mending             # typing back what was there mends everything
    suspects = {p.suspect for p in problems}
    if len(mending) == 1:
        assert suspects == {ref}, [p.message for p in problems]
        assert all("最可能填错的是" in p.message for p in problems)
    else:
        assert suspects == {None}, [p.message for p in problems]
        assert not any("最可能填错的是" in p.message for p in problems)


@settings(max_examples=50, deadline=None)
@given(consistent.consistent_reports(), st.sampled_from([r for r in consistent.TABLE_3_4 if r.table == "requests"]),
       st.integers(1, 400))
def test_in_a_filled_table_three_every_single_change_has_one_suspect(report, ref, delta):
    report.set(ref, report.get(ref) + delta)
    problems = [p for p in rules.check(report) if p.rule in RELATION_RULES]
    assert problems and {p.suspect for p in problems} == {ref}


def test_seventy_five_typed_in_the_grand_total_of_the_demo_gives_one_suspect(tmp_path, capsys):
    from gui.report import drafts
    report = read_report(DEMO)
    grand = req("total", "total")
    report.set(grand, 75)
    problems = [p for p in rules.check(report) if p.is_error]
    assert {p.rule for p in problems} == {"R1", "R2", "R3"}
    assert {p.suspect for p in problems} == {grand}
    for p in problems:
        assert "最可能填错的是表三「（七）总计」行「总计」列（现为 75，改为 0 即可使这 3 处勾稽关系都成立）" in p.message
        assert p.fix.cells == ((grand, 0),)          # a computed total: filling it is safe
    path = tmp_path / "75.json"
    drafts.save(report, path)
    assert cli.main(["check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    relation = [p for p in data if p["rule"] in RELATION_RULES]
    assert relation and all(p["suspect"] == {"table": "requests", "row": "total", "column": "total"}
                            for p in relation)
    assert all(p["suspect"] is None for p in data if p["rule"] not in RELATION_RULES)


def test_a_lone_broken_row_of_table_four_has_no_suspect():
    report = clean_report()
    report.set(app("suit_direct", "upheld"), 14)        # any of the five cells could be the wrong one
    (p,) = [p for p in rules.check(report) if p.is_error]
    assert p.suspect is None and "最可能" not in p.message
    assert p.target == app("suit_direct", "total") and p.expected == 27 and p.fix.label == "填入 27"


def test_the_total_is_the_suspect_when_no_part_could_be_lowered_enough():
    report = clean_report()                               # a published 2023 report: 10/1/0/0 with 总计 0
    for col, value in zip(("upheld", "corrected", "other", "pending", "total"), (10, 1, 0, 0, 0)):
        report.set(app("review", col), value)
    (p,) = [p for p in rules.check(report) if p.is_error]
    assert p.suspect == app("review", "total") and "改为 11 即可使本关系成立" in p.message


def test_two_wrong_cells_name_no_single_suspect():
    report = clean_report()
    report.set(req("open", "natural"), 1290)
    report.set(req("unable_1", "commercial"), 13)
    problems = [p for p in rules.check(report) if p.is_error]
    assert len(problems) == 4 and {p.suspect for p in problems} == {None}
    r2 = next(p for p in problems if p.key == "R2:requests:natural")
    assert r2.target == req("total", "natural") and r2.expected == 2934   # the totals whose relation broke


def test_a_wrong_count_in_a_row_with_a_blank_is_still_found_by_its_column():
    report = clean_report()
    report.set(req("deny_3", "other"), None)              # 行 cannot be checked yet
    report.set(req("deny_3", "natural"), 6)               # 5 typed as 6: only its column breaks
    (p,) = [p for p in rules.check(report) if p.rule in RELATION_RULES]
    assert p.rule == "R2" and p.suspect == req("deny_3", "natural") and p.fix is None
