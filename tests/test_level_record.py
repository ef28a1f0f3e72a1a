"""单位层级 is declared once, as form.Level records: the window's list, the R8 rule on 规章, the
default deadline and the guess from the organ name all follow the record."""
import pytest

from gui.report import deadlines, levels, rules
from gui.report.form import LEVEL_RECORDS, LEVELS
from rules_support import act, clean_report


@pytest.mark.parametrize("level", LEVEL_RECORDS, ids=lambda level: level.name)
def test_each_level_decides_r8_the_deadline_and_the_guess(level):
    report = clean_report()
    report.info.level = level.name
    report.set(act("rules", "issued"), 2)
    r8_on_rules = [p for p in rules.check(report) if p.rule == "R8" and "不能制定" in p.message]
    assert bool(r8_on_rules) == (not level.makes_rules)
    month = deadlines.default_deadline(level.name, 2024).month
    assert month == (3 if level.deadline_basis == "government" else 1)
    assert level.government == (level.deadline_basis != "department")
    for ending in level.endings:
        assert levels.guess("某某" + ending) == level.name


def test_the_list_is_the_records_in_order_and_a_department_name_says_nothing():
    assert LEVELS == tuple(level.name for level in LEVEL_RECORDS)
    assert levels.guess("广西壮族自治区人民政府") == "省级及以上"      # not 区人民政府 (a county's)
    assert levels.guess("某县教育局") is None
