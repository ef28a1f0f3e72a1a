"""R9 for every row group of table 三 and every part of table 四, and R9U (「均获维持」), as a reviewer
meets them: the figure in the prose, the table's figure, the cells. With a property test: prose written
from a consistent report's tables, in every phrasing the reader accepts, gives no R9-family problem, and
changing one figure gives exactly one, naming that figure."""
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gui.report import rules
from gui.report.form import REQUESTS, REQUESTS_COLUMNS, CellRef
from gui.report.numerals import chinese_to_int
from rules_support import app, clean_report, req
from budgets import examples

R9_FAMILY = ("R9", "R9U")


def r9(report):
    return [p for p in rules.check(report) if p.rule in R9_FAMILY]


def with_text(key, text, report=None):
    report = report or clean_report()
    report.texts[key] = text
    return report


def totals(*rows):
    return tuple(req(r, "total") for r in rows)


# 淮安 2024: 予以公开 1362, 部分公开 454, 不予公开 178, 无法提供 781 (不掌握 769), 不予处理 88,
# 其他处理 187, 总计 3050, 结转 103; 行政复议 72/64/178/37/351; 诉讼 25/5/9/7/46
@pytest.mark.parametrize("text, cells, stated, table", [
    ("其中，予以公开9件。", totals("open"), 9, 1362),
    ("部分公开450件。", totals("partial"), 450, 454),
    ("不予公开十件。", totals(*(f"deny_{i}" for i in range(1, 9))), 10, 178),
    ("无法提供10件。", totals("unable_1", "unable_2", "unable_3"), 10, 781),
    ("因本机关不掌握相关政府信息无法提供的760件。", totals("unable_1"), 760, 769),
    ("不予处理八十件。", totals(*(f"noproc_{i}" for i in range(1, 6))), 80, 88),
    ("其他处理180件。", totals("other_1", "other_2", "other_3"), 180, 187),
    ("全年办结3000件。", totals("total"), 3000, 3050),
    ("转下一年度办理1件。", totals("carry_out"), 1, 103),
    ("上年结转三十件。", totals("carry_in"), 30, 34),
])
def test_each_row_group_of_table_three_is_compared(text, cells, stated, table):
    found = r9(with_text("overview_request", "2024年，共收到政府信息公开申请3119件。" + text))
    assert len(found) == 1, [p.message for p in found]
    p = found[0]
    assert (p.rule, p.cells, p.actual, p.expected) == ("R9", cells, stated, table)
    assert f"（{stated} 件）" in p.message and str(table) in p.message and not p.is_error


@pytest.mark.parametrize("text, cells, stated, table", [
    ("因政府信息公开被申请行政复议351件，其中结果维持70件。", (app("review", "upheld"),), 70, 72),
    ("被申请行政复议351件，结果纠正1件。", (app("review", "corrected"),), 1, 64),
    ("行政复议351件，其他结果170件，尚未审结37件。", (app("review", "other"),), 170, 178),
    ("行政复议351件，尚未审结三十件。", (app("review", "pending"),), 30, 37),
    ("被提起行政诉讼46件，其中结果维持20件。",
     (app("suit_direct", "upheld"), app("suit_after_review", "upheld")), 20, 25),
    ("行政诉讼46件，其中未经复议直接起诉20件。", (app("suit_direct", "total"),), 20, 26),
    ("行政诉讼46件，复议后起诉10件。", (app("suit_after_review", "total"),), 10, 20),
])
def test_each_part_of_table_four_is_compared(text, cells, stated, table):
    found = r9(with_text("overview_supervision", text))
    assert len(found) == 1, [p.message for p in found]
    p = found[0]
    assert (p.cells, p.actual, p.expected) == (cells, stated, table)


def test_a_suit_count_in_a_sentence_without_the_words_xinxi_gongkai_is_compared():
    report = with_text("overview_supervision", "本年度行政复议351件，行政诉讼0件。")
    p = r9(report)[0]
    assert p.actual == 0 and p.expected == 46 and "行政诉讼0件" in p.message
    report = with_text("overview_active", "政府信息公开工作稳步推进。全年行政诉讼0件。")
    assert [x.actual for x in r9(report)] == [0]
    # a 司法局's own review work stays out of table 四
    assert r9(with_text("overview_supervision", "全年共受理行政复议案件56件，依法公开复议决定书。")) == []


def test_results_in_another_sentence_of_a_paragraph_about_applications_are_compared():
    text = "本机关共收到政府信息公开申请3119件。其中予以公开1300件，部分公开454件。"
    assert [(p.actual, p.expected) for p in r9(with_text("overview_management", text))] == [(1300, 1362)]
    assert r9(with_text("overview_management", "全年受理市民12345处理单504件，答复办理504件。")) == []


def test_including_last_years_carry_over_is_handled():
    ok = "全年共受理政府信息公开申请3153件（含上年结转34件），办结3050件。"
    assert r9(with_text("overview_request", ok)) == []
    found = r9(with_text("overview_request", "全年共受理政府信息公开申请3119件（含上年结转34件）。"))
    assert [(p.actual, p.expected) for p in found] == [(3119, 3153)]


# ── 均获维持 ────────────────────────────────────────────────────────────────────────────
def test_all_upheld_against_corrected_or_pending_cases_is_warned():
    report = with_text("overview_supervision", "因政府信息公开被申请行政复议351件，均获维持。")
    p = [x for x in r9(report) if x.rule == "R9U"][0]
    assert p.severity == "warning" and p.field == "text.overview_supervision"
    assert "均获维持" in p.message and "结果纠正」为 64 件" in p.message and "尚未审结」为 37 件" in p.message
    assert app("review", "corrected") in p.cells and app("review", "pending") in p.cells


def test_all_upheld_when_they_were_is_no_problem():
    report = clean_report()
    for col, value in zip(("upheld", "corrected", "other", "pending", "total"), (2, 0, 0, 0, 2)):
        report.set(app("review", col), value)
    report.texts["overview_supervision"] = "因政府信息公开被申请行政复议2件，均获维持。"
    assert r9(report) == []
    report.set(app("review", "pending"), 1)
    report.set(app("review", "total"), 3)
    report.texts["overview_supervision"] = "因政府信息公开被申请行政复议3件，均获维持。"
    assert [p.rule for p in r9(report)] == ["R9U"]


def test_all_upheld_for_suits_looks_at_both_suit_rows():
    report = with_text("overview_supervision", "因政府信息公开被提起行政诉讼46件，均被法院判决维持。")
    p = [x for x in r9(report) if x.rule == "R9U"][0]
    assert app("suit_direct", "corrected") in p.cells and app("suit_after_review", "pending") in p.cells


# ── property: prose written from the tables ─────────────────────────────────────────────
DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """12 → 十二, 105 → 一百零五, 3119 → 三千一百一十九 (n < 100000)."""
    if n == 0:
        return "零"
    out, zero = "", False
    for value, unit in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero and out:
                out += "零"
            out += ("" if (unit == "十" and not out and digit == 1) else DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    return out


def test_the_chinese_numerals_of_the_property_test_read_back():
    for n in list(range(0, 200)) + [1005, 3119, 10010, 99999]:
        assert chinese_to_int(chinese(n)) == n, (n, chinese(n))


def written(n: int, style: str) -> str:
    return {"arabic": str(n), "chinese": chinese(n), "wide": str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
            "grouped": f"{n:,}"}[style]


# (kind, where it is written, the templates the reader accepts)
PHRASES = {
    "new": ["共收到政府信息公开申请{}件", "本年度新收政府信息公开申请{}件", "全年受理政府信息公开申请{}件"],
    "carry_in": ["上年结转{}件", "上一年度结转{}件"],
    "open": ["予以公开{}件", "全部公开{}件"],
    "partial": ["部分公开{}件", "区分处理后部分公开{}件"],
    "deny": ["不予公开{}件"],
    "unable": ["无法提供{}件"],
    "noproc": ["不予处理{}件"],
    "other_proc": ["其他处理{}件"],
    "done": ["办结{}件", "依法作出答复{}件", "办理完毕{}件"],
    "carry_out": ["结转下年度继续办理{}件", "转下一年度办理{}件", "顺延至下一年度办理{}件"],
    "review": ["因政府信息公开被申请行政复议{}件", "政府信息公开行政复议{}件"],
    "suit": ["因政府信息公开被提起行政诉讼{}件", "政府信息公开行政诉讼{}件"],
    "upheld": ["结果维持{}件", "维持{}件"],
    "corrected": ["结果纠正{}件", "被纠错{}件"],
    "other": ["其他结果{}件"],
    "pending": ["尚未审结{}件", "正在审理{}件"],
}
STYLES = st.sampled_from(["arabic", "chinese", "wide", "grouped"])
counts = st.integers(0, 5000)


@st.composite
def consistent_reports(draw):
    report = clean_report()
    values = {}
    for row in REQUESTS.rows:
        if row.key not in ("new", "total", "carry_out"):
            values[row.key] = draw(counts)
    results = sum(values[r.key] for r in REQUESTS.rows if r.key.startswith(("open", "partial", "deny", "unable",
                                                                             "noproc", "other")))
    carry_out = draw(counts)
    values.update(total=results, carry_out=carry_out, new=max(0, results + carry_out - values["carry_in"]))
    values["carry_in"] = results + carry_out - values["new"]
    for key, value in values.items():
        for col in REQUESTS_COLUMNS:
            report.set(CellRef("requests", key, col.key), value if col.key in ("natural", "total") else 0)
    for group in ("review", "suit_direct", "suit_after_review"):
        parts = [draw(counts) for _ in range(4)]
        for col, value in zip(("upheld", "corrected", "other", "pending", "total"), parts + [sum(parts)]):
            report.set(app(group, col), value)
    return report


def figures(report):
    """(kind, value) of every figure the prose states, from the tables."""
    t = lambda *rows: sum(report.get(req(r, "total")) for r in rows)      # noqa: E731
    a = lambda rows, col: sum(report.get(app(r, col)) for r in rows)       # noqa: E731
    suits = ("suit_direct", "suit_after_review")
    requests = [("new", t("new")), ("carry_in", t("carry_in")), ("open", t("open")), ("partial", t("partial")),
                ("deny", t(*(f"deny_{i}" for i in range(1, 9)))), ("unable", t("unable_1", "unable_2", "unable_3")),
                ("noproc", t(*(f"noproc_{i}" for i in range(1, 6)))), ("other_proc", t("other_1", "other_2", "other_3")),
                ("done", t("total")), ("carry_out", t("carry_out"))]
    review = [("review", a(["review"], "total"))] + [(c, a(["review"], c)) for c in ("upheld", "corrected", "other", "pending")]
    suit = [("suit", a(suits, "total"))] + [(c, a(suits, c)) for c in ("upheld", "corrected", "other", "pending")]
    return requests, review, suit


def write(report, picks, styles, changed=None):
    """The two narratives, sentence by sentence; `changed` = (index, new value) alters one figure."""
    requests, review, suit = figures(report)
    i = iter(range(10 ** 6))
    parts = {}

    def phrase(kind, value):
        n = next(i)
        if changed and changed[0] == n:
            value = changed[1]
        return PHRASES[kind][picks[n] % len(PHRASES[kind])].format(written(value, styles[n % len(styles)]))
    first, *rest = requests
    parts["overview_request"] = (f"2024年，本机关{phrase(*first)}。" + f"{phrase(*rest[0])}。" +
                                 "其中，" + "，".join(phrase(*f) for f in rest[1:]) + "。")
    parts["overview_supervision"] = ("，".join([phrase(*review[0]), "其中" + phrase(*review[1])]
                                              + [phrase(*f) for f in review[2:]]) + "。" +
                                     "，".join([phrase(*suit[0]), "其中" + phrase(*suit[1])]
                                              + [phrase(*f) for f in suit[2:]]) + "。")
    return parts, [v for _, v in requests + review + suit]


N_FIGURES = 20


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_reports(), st.lists(st.integers(0, 5), min_size=N_FIGURES, max_size=N_FIGURES),
       st.lists(STYLES, min_size=1, max_size=4), st.integers(0, N_FIGURES - 1), st.integers(1, 900))
def test_prose_from_the_tables_agrees_and_one_changed_figure_is_named(report, picks, styles, which, delta):
    texts, values = write(report, picks, styles)
    report.texts.update(texts)
    assert r9(report) == [], texts
    new_value = values[which] + delta
    # 收到/受理 N件 is written for 新收 and for 新收 + 上年结转 alike: both readings agree with the tables
    assume(not (which == 0 and "新收" not in PHRASES["new"][picks[0] % len(PHRASES["new"])]
                and new_value == values[0] + values[1]))
    changed, _ = write(report, picks, styles, (which, new_value))
    report.texts.update(changed)
    found = r9(report)
    assert len(found) == 1, (changed, [p.message for p in found])
    assert found[0].actual == new_value and f"（{new_value} 件）" in found[0].message


def test_published_review_decisions_are_not_cases_of_table_four():
    text = "主动公开政府信息公开相关的行政复议决定书12件、行政诉讼文书3件。"
    assert r9(with_text("overview_active", text)) == []


def test_all_upheld_in_its_own_sentence_refers_to_the_groups_named_before():
    report = with_text("overview_supervision", "因政府信息公开引起的行政复议和行政诉讼案件共397件。均获维持。")
    groups = {p.key.split(":")[2] for p in r9(report) if p.rule == "R9U"}
    assert groups == {"review", "suit"}
    assert [p.rule for p in r9(report)] == ["R9U", "R9U"]          # 397 is both together: not compared


@pytest.mark.parametrize("text", [
    "2024年，共收到政府信息公开申请3119件，上年结转34件，均已按时办结。",
    "收到的申请中，需要延期答复的28件，均在延长期限内答复。",
    "予以公开1362件，予以公开的比上年多12件。",
    "其中，当面申请12件，网上申请3000件，信函申请107件。",
    "涉及政府信息公开的行政复议案件中，维持率达到85%。",
])
def test_realistic_sentences_that_agree_or_count_something_else_give_no_warning(text):
    assert r9(with_text("overview_request", text)) == []
