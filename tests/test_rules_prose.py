"""R9: figures in the narratives against tables 三 and 四, and the number reader behind it."""
from decimal import Decimal
from pathlib import Path

import pytest

from gui.report import drafts, rules
from gui.report.form import ALL_CELLS
from gui.report.numerals import chinese_to_int, find_counts, find_quantities, to_int
from gui.report.prose import statements
from rules_support import app, clean_report, req, rules_of

DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo-2024.json"


@pytest.mark.parametrize("text, value", [
    ("十二", 12), ("二十", 20), ("九十九", 99), ("一百零五", 105), ("两千三百", 2300), ("一万二千", 12000),
    ("零", 0), ("两", 2), ("十万", 100_000), ("三千九百四十", 3940),
    ("一一", None), ("十百", None), ("万", None), ("百", None), ("一万一万", None),
])
def test_chinese_numerals(text, value):
    assert chinese_to_int(text) == value


@pytest.mark.parametrize("text, value", [("3119", 3119), ("3,119", 3119), ("３１１９", 3119), ("1.2万", 12000),
                                         (" 34 ", 34), ("1.5", None), ("abc", None)])
def test_arabic_numbers(text, value):
    assert to_int(text) == value


def test_counts_in_running_text():
    text = "收到申请3,119件，上年结转３４件，一百零五件，第一件，每一件，共计 12 件，2024年"
    assert [v for _, _, v in find_counts(text)] == [3119, 34, 105, 12]
    assert [v for _, _, v in find_quantities("处理费0.39万元，3940元", "元")] == [Decimal("3900"), Decimal(3940)]


def r9(report):
    return [p for p in rules.check(report) if p.rule == "R9"]


def with_text(key, text, report=None):
    report = report or clean_report()
    report.texts[key] = text
    return report


def test_the_demo_says_no_applications_and_its_table_agrees():
    demo = drafts.load(DEMO)
    assert r9(demo) == []                                   # nor is 「受理市民12345处理单504件」 compared
    demo.set(req("new", "natural"), 1)
    demo.set(req("new", "total"), 1)
    found = r9(demo)
    assert len(found) == 1 and found[0].field == "text.overview_request"
    assert "未收到政府信息公开申请" in found[0].message and found[0].cells == (req("new", "total"),)


def test_a_zero_table_with_no_applications_sentence_passes():
    report = with_text("overview_request", "本年度未收到政府信息公开申请。")
    for ref in ALL_CELLS:
        if ref.table == "requests":
            report.set(ref, 0)
    report.set(req("new", "natural"), 0)
    assert r9(report) == []


@pytest.mark.parametrize("text", [
    "2024年，共收到政府信息公开申请3,119件，办结3050件。",
    "本年度新收政府信息公开申请三千一百一十九件。",
    "全年共受理政府信息公开申请3153件（含上年结转34件）。",
    "依申请公开方面，全年共受理3119件，上年结转34件。",
    "全年受理市民12345处理单504件。",
    "全年受理行政许可申请1200件。",
    "收到申请3119件，较上年增加200件。",
    "2023年，收到申请12件。",
    "收到申请3119件，其中自然人申请3001件。",
])
def test_agreeing_or_unrelated_sentences_give_no_warning(text):
    assert r9(with_text("overview_request", text)) == []


@pytest.mark.parametrize("key, text, cells, stated, table", [
    ("overview_request", "2024年共收到政府信息公开申请3120件。", (req("new", "total"),), 3120, 3119),
    ("overview_request", "全年共受理政府信息公开申请3119件（含上年结转34件）。",
     (req("new", "total"), req("carry_in", "total")), 3119, 3153),
    ("overview_management", "本机关共收到政府信息公开申请十二件。", (req("new", "total"),), 12, 3119),
    ("overview_request", "另有100件结转下年度继续办理。", (req("carry_out", "total"),), 100, 103),
    ("overview_request", "上年结转30件。", (req("carry_in", "total"),), 30, 34),
    ("overview_supervision", "因政府信息公开被申请行政复议350件。", (app("review", "total"),), 350, 351),
    ("overview_supervision", "因政府信息公开被提起行政诉讼26件。",
     (app("suit_direct", "total"), app("suit_after_review", "total")), 26, 46),
])
def test_disagreeing_figures_are_warned(key, text, cells, stated, table):
    found = r9(with_text(key, text))
    assert len(found) == 1
    p = found[0]
    assert p.field == f"text.{key}" and p.cells == cells and p.actual == stated and p.expected == table
    assert str(stated) in p.message or "十二" in p.message
    assert str(table) in p.message and not p.is_error


def test_no_appeals_sentence_against_a_non_zero_table_four():
    report = with_text("overview_supervision", "全年未发生因政府信息公开引起的行政复议、行政诉讼案件。")
    assert {p.cells[0] for p in r9(report)} == {app("review", "total"), app("suit_direct", "total")}


def test_review_and_suit_in_one_clause_are_told_apart():
    st = statements("overview_supervision", "因政府信息公开被申请行政复议351件、行政诉讼46件。")
    assert [(s.kind, s.value) for s in st] == [("review", 351), ("suit", 46)]
    st = statements("overview_request", "收到行政复议申请1件。")
    assert [(s.kind, s.value) for s in st] == [("review", 1)]


@pytest.mark.parametrize("text, found", [
    ("政府信息公开行政复议、行政诉讼案件均为0件。", [("review", 0), ("suit", 0)]),
    ("因政府信息公开引起的行政复议和行政诉讼各1件。", [("review", 1), ("suit", 1)]),
    ("全年共受理行政复议案件56件，依法公开复议决定书。", []),          # a 司法局's own work, not table 四
    ("全年共收到政府信息公开申请及咨询50件。", []),
    ("2024年，共收到政府信息公开申请15件，其中新收申请13件，上年结转2件。", [("new", 15), ("carry_in", 2)]),
])
def test_what_a_sentence_states(text, found):
    assert [(s.kind, s.value) for s in statements("overview_supervision", text)] == found


def test_new_plus_carried_in_is_accepted_when_the_sentence_mentions_last_year():
    report = with_text("overview_request", "2024年，共收到政府信息公开申请3153件，其中上年结转34件。")
    assert r9(report) == []


def test_blank_table_cells_are_not_compared():
    report = with_text("overview_request", "共收到政府信息公开申请5件。")
    report.set(req("new", "total"), None)
    assert "R9" not in rules_of(report)


def test_a_warning_confirmed_with_its_figures_stays_confirmed():
    report = with_text("overview_request", "共收到政府信息公开申请3120件。")
    p = r9(report)[0]
    rules.confirm(report, p, "含重复申请")
    assert r9(report)[0].confirmed == "含重复申请"
    report.texts["overview_request"] = "共收到政府信息公开申请3121件。"
    assert r9(report)[0].confirmed is None
