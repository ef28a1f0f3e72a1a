"""基本信息 and the narratives: INFO, EMPTY, THEME, R10 (信息处理费), R11 (内容雷同) and confirmations."""
import datetime as dt
from decimal import Decimal

import pytest

from gui.report import rules
from gui.report.form import OVERVIEW_THEMES
from gui.report.problems import ERROR, WARNING
from rules_support import act, clean_report, last_year_of, only, req, rules_of


@pytest.mark.parametrize("attr, value, field", [("organ", "  ", "info.organ"), ("year", None, "info.year"),
                                                 ("year", 1999, "info.year"),
                                                 ("year", dt.date.today().year + 1, "info.year")])
def test_info_missing_or_implausible(attr, value, field):
    report = clean_report()
    setattr(report.info, attr, value)
    p = only(report, "INFO")
    assert p.severity == ERROR and p.field == field and p.step == "info"
    assert ("机关全称" if attr == "organ" else "报告年度") in p.message


def test_empty_overview_is_one_error_and_a_missing_theme_a_warning():
    report = clean_report()
    for theme in OVERVIEW_THEMES:
        report.texts[theme.key] = ""
    p = only(report, "EMPTY")
    assert p.severity == ERROR and p.step == "overview" and "一、总体情况" in p.message
    assert "THEME" not in rules_of(report)
    report.texts["overview_active"] = "主动公开政府信息100条。"
    assert "EMPTY" not in rules_of(report)
    themes = [p for p in rules.check(report) if p.rule == "THEME"]
    assert [p.field for p in themes] == [f"text.{t.key}" for t in OVERVIEW_THEMES[1:]]
    assert all(p.severity == WARNING for p in themes)
    assert "（五）监督保障" in themes[-1].message


@pytest.mark.parametrize("key, words", [("problems", "五、存在的主要问题及改进情况"),
                                        ("other", "六、其他需要报告的事项")])
def test_empty_five_and_six_are_errors(key, words):
    report = clean_report()
    report.texts[key] = " \n "
    empty = [p for p in rules.check(report) if p.rule == "EMPTY"]
    assert len(empty) == 1 and empty[0].field == f"text.{key}" and words in empty[0].message


def r10(report) -> dict:
    return {p.key: p for p in rules.check(report) if p.rule == "R10"}


def test_r10_missing_fee_statement_offers_the_standard_sentence():
    report = clean_report()
    report.texts["other"] = "2024年度本机关暂无其他报告的事项。"
    report.fee.amount_yuan = Decimal("3940.50")
    found = r10(report)
    assert set(found) == {"R10:statement", "R10:unpaid"}      # and 表三 shows 6 unpaid fee notices
    p = found["R10:statement"]
    assert p.severity == WARNING and p.field == "text.other" and p.step == "other"
    sentence = "2024年，本机关严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940.5元。"
    assert p.fix.texts == (("other", "2024年度本机关暂无其他报告的事项。\n" + sentence),)
    report.set_text("other", dict(p.fix.texts)["other"])
    assert "R10" not in rules_of(report)


def test_r10_without_the_fee_amount_asks_for_it_first():
    report = clean_report()
    report.texts["other"] = "无其他事项。"
    report.fee.amount_yuan = None
    p = r10(report)["R10:statement"]
    assert p.fix is None and "全年收取信息处理费（元）" in p.message


@pytest.mark.parametrize("text", ["本机关未收取信息处理费。", "全年没有收取任何费用。",
                                  "全年收取政府信息公开信息处理费3940元。"])
def test_r10_accepts_the_usual_statements(text):
    report = clean_report()
    report.fee.amount_yuan = None
    report.texts["other"] = text
    assert "R10:statement" not in r10(report)


def test_r10_stated_amount_must_match_the_fee_field():
    report = clean_report()
    report.texts["other"] = "全年收取政府信息公开信息处理费0.4万元。"
    p = only(report, "R10")
    assert p.key == "R10:amount" and p.actual == Decimal(4000) and p.expected == Decimal(3940)
    assert "4000 元" in p.message and "3940 元" in p.message
    report.texts["other"] = "本机关未收取信息处理费。"
    assert only(report, "R10").actual == 0


def test_r10_unpaid_fee_notices_need_the_procedure_explained():
    report = clean_report()
    report.texts["other"] = "本年度无其他需要报告的事项，未收取费用。"       # mentions no 收费 procedure
    report.fee.amount_yuan = Decimal(0)
    p = only(report, "R10")
    assert p.key == "R10:unpaid" and p.cells == (req("other_2", "total"),) and "6 件" in p.message
    report.texts["other"] += "向6名申请人发出收费通知，均未缴纳。"
    assert "R10" not in rules_of(report)


LAST = ("一是公开内容不够全面，部分栏目更新不及时。二是政策解读形式单一，图解视频较少。"
        "下一步，我们将进一步丰富公开内容，加强政策解读，提升公开质量。")


def test_r11_copied_problems_section_is_warned():
    report = clean_report()
    report.last_year = last_year_of(report)
    report.last_year.texts["problems"] = LAST
    report.texts["problems"] = LAST.replace("图解视频较少", "图解较少")
    p = only(report, "R11")
    assert p.severity == WARNING and p.field == "text.problems" and "内容雷同" in p.message


def test_r11_rewritten_text_and_no_last_year_pass():
    report = clean_report()
    report.texts["problems"] = LAST
    assert "R11" not in rules_of(report)
    report.last_year = last_year_of(report)
    report.last_year.texts["problems"] = LAST
    report.texts["problems"] = ("一是基层公开标准目录尚未全部更新。下一步，我们将按新目录逐项核对。"
                                "一是公开内容不够全面。")                          # one short sentence repeated
    assert "R11" not in rules_of(report)


def test_confirmed_warning_stays_confirmed_until_its_values_change():
    report = clean_report()
    report.info.level = "乡镇/街道"
    p = only(report, "R8")
    assert rules.confirm(report, p, "转发的省级规章") is None
    again = only(report, "R8")
    assert again.confirmed == "转发的省级规章"
    report.set(req("open", "natural"), 1288)        # unrelated edit: still confirmed
    assert only(report, "R8").confirmed == "转发的省级规章"
    report.set(act("rules", "issued"), 2)
    assert only(report, "R8").confirmed is None
    old = rules.unconfirm(report, again)
    assert old.note == "转发的省级规章" and again.key not in report.confirmations


def test_errors_cannot_be_confirmed():
    report = clean_report()
    report.info.organ = ""
    with pytest.raises(ValueError):
        rules.confirm(report, only(report, "INFO"), "知道了")
