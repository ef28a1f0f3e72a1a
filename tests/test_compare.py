"""Comparing this year's report with last year's: every figure with both years, the change and the
change in per cent; YEAR_JUMP / YEAR_VANISH as confirmable warnings at the cell; the passages of
一/五/六 identical to last year's with the rate R11 reports."""
from decimal import Decimal

from gui.report import rules
from gui.report.compare import YEAR_JUMP, YEAR_VANISH, compare, main_figures, percent_text
from gui.report.form import REQUESTS
from gui.report.problems import WARNING
from gui.report.text_rules import check_copied
from rules_support import act, app, clean_report, last_year_of, req, rules_of


def pair():
    this = clean_report()
    last = last_year_of(this)
    return this, last


def test_every_cell_of_both_years_with_change_and_percent():
    this, last = pair()
    last.set(req("new", "natural"), 100)
    this.set(req("new", "natural"), 150)
    last.set(req("deny_1", "natural"), 0)
    result = compare(this, last)
    cells = {c.ref: c for rows in result.tables.values() for r in rows for c in r.cells}
    assert len(cells) == len(this.cells)
    changed = cells[req("new", "natural")]
    assert (changed.this, changed.last, changed.change, percent_text(changed.percent)) == (150, 100, 50, "+50.0%")
    fee = cells[act("fees", "value")]
    assert fee.this == this.get(act("fees", "value")) and isinstance(fee.change, Decimal)
    this.set(req("deny_1", "natural"), 3)
    zero_last = {c.ref: c for r in compare(this, last).tables["requests"] for c in r.cells}[req("deny_1", "natural")]
    assert zero_last.change == 3 and zero_last.percent is None


def test_totals_come_first_in_table_three():
    this, last = pair()
    rows = [r.row.key for r in compare(this, last).tables["requests"]]
    assert rows[:4] == ["total", "new", "carry_in", "carry_out"]
    assert sorted(rows) == sorted(r.key for r in REQUESTS.rows)


def test_no_warnings_for_ordinary_changes():
    this, last = pair()
    assert not {YEAR_JUMP, YEAR_VANISH} & set(rules_of(_attached(this, last)))


def _attached(this, last):
    this.last_year = last
    return this


def test_a_fivefold_jump_is_a_warning_at_the_cell_and_confirmable():
    this, last = pair()
    ref = app("review", "total")
    last.set(ref, 12)
    this.set(ref, 70)
    found = [p for p in rules.check(_attached(this, last)) if p.rule == YEAR_JUMP]
    assert [p.target for p in found] == [ref]
    assert found[0].severity == WARNING and "5.8 倍" in found[0].message and "行政复议" in found[0].message
    rules.confirm(this, found[0], "新设复议窗口")
    assert [p.confirmed for p in rules.check(this) if p.rule == YEAR_JUMP] == ["新设复议窗口"]
    this.set(ref, 71)                 # the figure changed: the confirmation no longer holds
    assert [p.confirmed for p in rules.check(this) if p.rule == YEAR_JUMP] == [None]


def test_a_fall_below_a_fifth_and_a_vanished_row():
    this, last = pair()
    last.set(act("licensing", "value"), 100)
    this.set(act("licensing", "value"), 19)
    last.set(act("penalty", "value"), 40)
    this.set(act("penalty", "value"), 0)
    found = {p.rule: p for p in compare(this, last).problems}
    assert found[YEAR_JUMP].target == act("licensing", "value") and "19%" in found[YEAR_JUMP].message
    assert found[YEAR_VANISH].target == act("penalty", "value")


def test_small_figures_never_jump():
    this, last = pair()
    last.set(act("licensing", "value"), 2)
    this.set(act("licensing", "value"), 9)        # 4.5×, and both under the floor
    last.set(act("penalty", "value"), 9)
    this.set(act("penalty", "value"), 0)          # was under the floor: not "busy"
    assert not compare(this, last).problems


def test_identical_passages_and_the_rate_r11_reports():
    this, last = pair()
    copied = "本机关认真贯彻落实政府信息公开条例，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。"
    last.texts["overview_platform"] = copied
    this.texts["overview_platform"] = "新建政务公开专区。\n" + copied
    result = compare(this, last)
    overview = next(s for s in result.sections if s.section == "overview")
    assert [(p.field, p.text) for p in overview.passages] == [("text.overview_platform", copied)]
    text = this.texts["overview_platform"]
    p = overview.passages[0]
    assert text[p.start:p.end] == copied
    assert 0 < overview.rate < 1
    assert [s.section for s in result.sections] == ["overview", "problems", "other"]


def test_rate_equals_r11_when_the_section_is_copied():
    this, last = pair()
    this.texts.update({k: v for k, v in last.texts.items()})
    result = compare(this, last)
    r11 = {p.key: p.actual for p in check_copied(_attached(this, last))}
    assert r11["R11:overview"] == round(result.sections[0].rate * 100) == 100
    assert r11["R11:problems"] == round(result.sections[1].rate * 100)


def test_main_figures_of_both_years():
    this, last = pair()
    last.set(app("suit_direct", "total"), 5)
    last.set(app("suit_after_review", "total"), 7)
    figures = {name: (a, b) for name, a, b in main_figures(this, last)}
    assert figures["行政诉讼"][1] == 12
    assert figures["办理结果总计"] == (this.get(req("total", "total")), last.get(req("total", "total")))


def test_partly_copied_section_has_r11s_figure_and_its_passage():
    this, last = pair()
    copied = "本机关认真贯彻落实政府信息公开条例，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。"
    last.texts["problems"] = copied
    this.texts["problems"] = "一是公开内容不够全面。" + copied + "下一步将整改。"
    section = next(s for s in compare(this, last).sections if s.section == "problems")
    r11 = next(p for p in check_copied(_attached(this, last)) if p.key == "R11:problems")
    assert r11.actual == round(section.rate * 100) == 75
    assert [p.text for p in section.passages] == [copied]
