"""R9/R9U read real prose clause by clause: the figure bound to what it counts, coordination summed,
「含…」 bound to the figure it follows, 顺延 as 结转下年度, 收到/受理 read either way, blank-for-zero tables."""
import pytest

from gui.report import rules
from gui.report.form import ALL_CELLS
from gui.report.prose import statements
from rules_support import act, app, clean_report, req

HUAIAN = "全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）。"


def r9(report):
    return [p for p in rules.check(report) if p.rule in ("R9", "R9U")]


def with_text(text, key="overview_request", report=None):
    report = report or clean_report()
    report.texts[key] = text
    return report


def test_a_carry_in_clause_qualifies_the_figure_it_follows_not_the_applications():
    assert r9(with_text(HUAIAN)) == []
    found = r9(with_text(HUAIAN.replace("103件", "100件")))
    assert [(p.actual, p.expected, p.cells) for p in found] == [(100, 103, (req("carry_out", "total"),))]
    assert "顺延到下年度" in found[0].message


def with_open_and_partial(open_, partial):
    report = clean_report()
    for col in ("natural", "total"):
        report.set(req("open", col), open_)
        report.set(req("partial", col), partial)
    return report


@pytest.mark.parametrize("text", ["予以公开及部分公开42件。", "予以公开和部分公开共42件。",
                                  "予以公开、部分公开分别为22件、20件。"])
def test_coordinated_results_are_summed_or_paired(text):
    assert r9(with_text(text, report=with_open_and_partial(22, 20))) == []


def test_a_wrong_sum_of_coordinated_results_is_named_with_both_rows():
    found = r9(with_text("予以公开及部分公开43件。", report=with_open_and_partial(22, 20)))
    assert len(found) == 1 and (found[0].actual, found[0].expected) == (43, 42)
    assert found[0].cells == (req("open", "total"), req("partial", "total"))
    assert "43 件" in found[0].message and "22 件" in found[0].message and "20 件" in found[0].message


def test_received_may_mean_new_or_new_and_carried_in():
    report = clean_report()
    report.set(req("new", "total"), 74)
    report.set(req("carry_in", "total"), 1)
    assert r9(with_text("全区收到政府信息公开申请75件。", report=report)) == []
    assert r9(with_text("全区收到政府信息公开申请74件。", report=report)) == []
    assert [p.actual for p in r9(with_text("全区收到政府信息公开申请76件。", report=report))] == [76]
    assert [p.actual for p in r9(with_text("本年度新收政府信息公开申请75件。", report=report))] == [75]


def test_the_head_of_a_list_is_not_the_subject_of_its_items():
    text = "所有办结的信息公开申请中同意公开答复1362件，部分公开答复454件，转下一年度办理答复的有103件。"
    assert [(s.kind, s.value) for s in statements("overview_request", text)] == [
        ("open", 1362), ("partial", 454), ("carry_out", 103)]
    assert r9(with_text(text)) == []


@pytest.mark.parametrize("text", ["全年受理网络问政182件。", "全年受理网民诉求30件。"])
def test_other_work_read_with_the_same_verbs_is_left_alone(text):
    assert r9(with_text(text)) == []


def published_with_blanks():
    """The 淮安 tables as a report that writes nothing for zero publishes them."""
    report = clean_report()
    for ref in ALL_CELLS:
        if ref.table in ("requests", "appeals") and report.get(ref) == 0:
            report.set(ref, None)
    return report


def test_a_table_that_writes_nothing_for_zero_is_still_compared():
    report = published_with_blanks()
    assert r9(with_text(report.texts["overview_request"], report=report)) == []
    assert [(p.actual, p.expected) for p in r9(with_text("予以公开及部分公开258件。", report=report))] == [(258, 1816)]
    for col, value in zip(("upheld", "corrected", "other", "pending", "total"), (None, None, None, 2, 2)):
        report.set(app("review", col), value)
    report.texts["overview_request"] = ""
    found = r9(with_text("因政府信息公开申请行政复议2件，均获维持。", "overview_supervision", report))
    assert [p.rule for p in found] == ["R9U"] and "尚未审结" in found[0].message


def test_a_blank_total_beside_a_row_published_without_zeros_is_their_sum():
    report = published_with_blanks()
    report.set(req("carry_out", "total"), None)                  # 自然人 103, the rest blank
    assert r9(with_text("另有103件结转下年度继续办理。", report=report)) == []
    assert [p.expected for p in r9(with_text("另有100件结转下年度继续办理。", report=report))] == [103]


def test_a_blank_table_is_not_compared():
    report = clean_report()
    for ref in ALL_CELLS:
        if ref.table == "requests":
            report.set(ref, None)
    assert r9(with_text("共收到政府信息公开申请5件，予以公开3件。", report=report)) == []


@pytest.mark.parametrize("text", ["2024年，共收到政府信息公开申请3119件，上年结转34件，均已按时办结。",
                                  "所有申请均在法定期限内办理完成。", "所有办结的申请中予以公开1362件。"])
def test_a_claim_about_time_limits_is_not_a_claim_that_nothing_is_carried_over(text):
    assert r9(with_text(text)) == []


def test_a_carry_over_naming_next_year_is_compared():
    assert [p.actual for p in r9(with_text("另有100件结转到2025年度办理。"))] == [100]
    assert r9(with_text("另有103件结转到2025年度办理。")) == []


@pytest.mark.parametrize("text, found", [
    ("全年共受理各类政府信息公开申请3119件。", [("new", 3119)]),
    ("全年收到市长信箱来信200件。", []),
    ("共收到政府信息公开申请3119件（含网络申请3000件、信函申请119件）。", [("new", 3119)]),
    ("本年度共办结政府信息公开申请3050件（含上年结转34件）。", [("done", 3050)]),
    ("被申请行政复议351件，其中72件维持，37件尚在审理中。",
     [("review", 351), ("review.upheld", 72), ("review.pending", 37)]),
    ("2件转入2025年度办理。", [("carry_out", 2)]),
    ("共有2件行政诉讼案件尚在审理中。", [("suit.pending", 2)]),
    ("去年结转的2件已办结。", [("carry_in", 2)]),
    ("全年3119件申请中予以公开1362件。", [("open", 1362)]),
    ("被申请行政复议3件（其中2件维持、1件尚未审结）。", [("review", 3), ("review.upheld", 2), ("review.pending", 1)]),
    ("因政府信息公开被申请行政复议2件，被提起行政诉讼1件，均维持原行政行为。",
     [("review", 2), ("suit", 1), ("review.all_upheld", 0), ("suit.all_upheld", 0)]),
])
def test_how_real_phrasings_are_read(text, found):
    assert [(s.kind, s.value) for s in statements("overview_request", text)] == found


@pytest.mark.parametrize("text", ["全年印发规范性文件8件，废止行政规范性文件26件。", "2024年制定规章1件。",
                                  "当年发布政府信息393件，其中包括：行政规范性文件13件。",
                                  "较上年多制发行政规范性文件3件。", "下一步将制定规范性文件3件。"])
def test_documents_agreeing_with_table_two_or_not_issued_by_this_year_are_left_alone(text):
    assert r9(with_text(text, "overview_active")) == []


def test_a_document_count_that_differs_from_table_two_is_named():
    found = r9(with_text("本年度废止行政规范性文件20件。", "overview_management"))
    assert [(p.actual, p.expected, p.cells) for p in found] == [(20, 26, (act("normative", "repealed"),))]
    assert "废止行政规范性文件20件" in found[0].message and "26 件" in found[0].message
