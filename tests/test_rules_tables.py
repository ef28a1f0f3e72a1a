"""The table checks a clerk meets: relations R1–R4, last year's carry-over R5, blanks, R6, R7, R8, hints."""
from decimal import Decimal

import pytest

from gui.report import rules
from gui.report.form import ALL_CELLS, APPLICANT_COLUMNS, DETAIL_ROWS, REQUESTS_COLUMNS
from gui.report.model import Report
from gui.report.problems import ERROR, WARNING
from rules_support import act, app, clean_report, last_year_of, only, req, rules_of

COLUMNS = [c.key for c in REQUESTS_COLUMNS]


def test_the_clean_report_has_no_problem():
    assert rules.check(clean_report()) == []


def test_r1_names_the_column_with_actual_and_expected_values():
    report = clean_report()
    report.set(req("carry_out", "natural"), 100)
    report.set(req("carry_out", "total"), 100)
    r1 = {p.key: p for p in rules.check(report) if p.rule == "R1"}
    assert set(r1) == {"R1:requests:natural", "R1:requests:total"}
    p = r1["R1:requests:natural"]
    assert p.severity == ERROR and p.step == "requests"
    assert p.target == req("carry_out", "natural") and p.expected == 103 and p.actual == 100
    assert set(p.cells) == {req(r, "natural") for r in ("new", "carry_in", "total", "carry_out")}
    for words in ("表三「自然人」列", "一、本年新收政府信息公开申请数量 3001", "二、上年结转政府信息公开申请数量 34",
                  "（七）总计 2932", "四、结转下年度继续办理 100", "3035", "3032", "相差 3"):
        assert words in p.message
    assert p.fix is None              # 结转下年度 is a count to know, not a sum to fill


def test_r1_holds_per_column_not_only_in_total():
    report = clean_report()        # one application moved from 商业企业 to 自然人 in 一 only: 总计 still adds up
    report.set(req("new", "natural"), 3002)
    report.set(req("new", "commercial"), 52)
    assert [p.key for p in rules.check(report)] == ["R1:requests:natural", "R1:requests:commercial"]


def test_r2_column_total_with_fix():
    report = clean_report()
    report.set(req("total", "legal"), 60)
    problems = [p for p in rules.check(report) if p.rule == "R2"]
    assert [p.key for p in problems] == ["R2:requests:legal"]
    p = problems[0]
    assert p.target == req("total", "legal") and p.expected == 61 and p.actual == 60
    assert set(p.cells) == {req(r, "legal") for r in DETAIL_ROWS} | {req("total", "legal")}
    assert "（七）总计 60" in p.message and "61" in p.message and "表三「法律服务机构」列" in p.message
    assert p.fix.cells == ((req("total", "legal"), 61),) and p.fix.label == "填入 61"


def test_r3_row_total():
    report = clean_report()
    report.set(req("open", "total"), 1364)
    r3 = [p for p in rules.check(report) if p.rule == "R3"]
    assert [p.target for p in r3] == [req("open", "total")]
    assert r3[0].expected == 1362 and r3[0].actual == 1364 and r3[0].suspect == req("open", "total")
    assert set(r3[0].cells) == {req("open", c) for c in COLUMNS}
    assert "表三「（一）予以公开」行" in r3[0].message and "1362" in r3[0].message
    assert r3[0].fix.cells == ((req("open", "total"), 1362),)


def test_a_wrong_count_is_the_suspect_and_its_totals_are_not_offered_to_balance_it():
    report = clean_report()
    report.set(req("open", "natural"), 1290)             # 1288 typed as 1290: 行 and 列 both break
    problems = [p for p in rules.check(report) if p.is_error]
    assert [p.key for p in problems] == ["R2:requests:natural", "R3:requests:open"]
    for p in problems:
        assert p.suspect == req("open", "natural")
        assert "最可能填错的是表三「（一）予以公开」行「自然人」列（现为 1290，改为 1288 即可使这 2 处勾稽关系都成立）" \
            in p.message
        # filling 总计 with 1364 or （七）总计 with 2934 would only move the error into another relation
        assert p.expected is None and p.fix is None


def test_r3_names_nested_rows_by_their_official_path():
    report = clean_report()
    report.set(req("deny_1", "total"), 3)
    p = only(report, "R3")
    assert "（三）不予公开—1.属于国家秘密" in p.message


def test_r4_table_four_total():
    report = clean_report()
    report.set(app("suit_direct", "total"), 27)
    p = only(report, "R4")
    assert p.step == "appeals" and p.target == app("suit_direct", "total")
    assert p.expected == 26 and p.actual == 27 and len(p.cells) == 5
    assert "结果维持 13 + 结果纠正 4 + 其他结果 8 + 尚未审结 1 = 26" in p.message
    assert "未经复议直接起诉" in p.message


def test_the_published_2023_district_error_is_caught():
    report = clean_report()
    for col, value in zip(("upheld", "corrected", "other", "pending", "total"), (10, 1, 0, 0, 0)):
        report.set(app("review", col), value)
    report.texts["overview_supervision"] = "持续加强监督保障。"
    p = only(report, "R4")
    assert p.expected == 11 and p.fix.cells == ((app("review", "total"), 11),)


def test_relations_wait_for_blank_cells():
    report = clean_report()
    report.set(req("open", "natural"), None)
    assert set(rules_of(report)) == {"BLANK"}


def test_blank_cells_one_problem_per_table_with_bulk_fix():
    report = Report()
    blanks = {p.target.table: p for p in rules.check(report) if p.rule == "BLANK"}
    assert set(blanks) == {"active", "requests", "appeals"}
    requests = blanks["requests"]
    assert len(requests.cells) == 175 and requests.target == requests.cells[0]
    assert "175" in requests.message and "表三「一、本年新收政府信息公开申请数量」行「自然人」列" in requests.message
    assert requests.fix.label == "空白单元格填 0"
    fees = dict(blanks["active"].fix.cells)[act("fees", "value")]
    assert fees == Decimal(0) and isinstance(fees, Decimal)
    assert all(type(v) is int for r, v in requests.fix.cells)
    report.set_many(dict(requests.fix.cells))
    assert {p.target.table for p in rules.check(report) if p.rule == "BLANK"} == {"active", "appeals"}


def test_a_value_out_of_range_from_a_hand_edited_draft_is_r6():
    report = clean_report()
    report.cells[req("open", "research")] = -1          # bypassing Report.set, as a broken file could
    report.cells[act("fees", "value")] = Decimal("1.0000001")
    targets = {p.target for p in rules.check(report) if p.rule == "R6"}
    assert targets == {req("open", "research"), act("fees", "value")}


def test_r5_needs_last_year_and_compares_each_column():
    report = clean_report()
    last = last_year_of(report)
    report.last_year = last
    assert rules.check(report) == []
    last.set(req("carry_out", "natural"), 30)
    report.last_year = None
    assert "R5" not in rules_of(report)
    report.last_year = last
    p = only(report, "R5")
    assert p.severity == ERROR and p.target == req("carry_in", "natural")
    assert p.expected == 30 and p.actual == 34 and p.fix.cells == ((req("carry_in", "natural"), 30),)
    assert "上年报告" in p.message and "四、结转下年度继续办理" in p.message


def _last_year_documents(rules_in_force=10, normative_in_force=84):
    last = last_year_of(clean_report())
    last.set(act("rules", "in_force"), rules_in_force)
    last.set(act("normative", "in_force"), normative_in_force)
    return last


def test_r7_in_force_follows_last_year_issued_and_repealed():
    report = clean_report()          # 规章 1/0/11, 行政规范性文件 8/26/66
    report.last_year = _last_year_documents()
    assert "R7" not in rules_of(report)             # 10 + 1 − 0 = 11, 84 + 8 − 26 = 66
    report.last_year = _last_year_documents(rules_in_force=12)
    p = only(report, "R7")
    assert p.severity == WARNING and p.target == act("rules", "in_force") and p.expected == 13
    assert "12" in p.message and "11" in p.message


def test_r8_repealed_cannot_exceed_what_existed():
    report = clean_report()
    report.last_year = _last_year_documents(normative_in_force=10)
    r8 = [p for p in rules.check(report) if p.rule == "R8"]
    assert [p.target for p in r8] == [act("normative", "repealed")]
    assert r8[0].expected == 18 and r8[0].actual == 26 and r8[0].severity == WARNING


@pytest.mark.parametrize("level, warned", [("乡镇/街道", True), ("县级人民政府", True), ("县级部门", True),
                                           ("市级人民政府", False), ("省级及以上", False)])
def test_r8_township_and_county_make_no_rules(level, warned):
    report = clean_report()
    report.info.level = level
    r8 = [p for p in rules.check(report) if p.rule == "R8"]
    assert bool(r8) == warned
    if warned:
        assert r8[0].target == act("rules", "issued") and "规章" in r8[0].message and level in r8[0].message


def test_hints_for_blank_totals_only_when_addends_are_filled():
    report = clean_report()
    report.set(req("total", "natural"), None)
    report.set(app("review", "total"), None)
    report.set(req("carry_out", "natural"), None)
    assert rules.hints(report) == {req("total", "natural"): 2932, app("review", "total"): 351}
    report.set(req("open", "natural"), None)
    assert req("total", "natural") not in rules.hints(report)


def test_sorted_by_wizard_step_errors_first():
    report = clean_report()
    report.info.organ = ""
    report.set(act("rules", "issued"), 2)                                   # R8 warning in 二
    report.info.level = "乡镇/街道"
    report.set(req("open", "natural"), 1290)                                # errors in 三
    report.texts["overview_request"] = "共收到政府信息公开申请5件。"          # R9 warning in 一
    report.set(app("review", "total"), 1)                                   # error in 四
    steps = [(p.step, p.severity) for p in rules.check(report)]
    order = ["info", "overview", "active", "requests", "appeals", "problems", "other"]
    assert steps == sorted(steps, key=lambda s: (order.index(s[0]), s[1] != ERROR))
    assert steps[0] == ("info", ERROR) and ("active", WARNING) in steps and ("overview", WARNING) in steps


def test_one_changed_cell_is_named_in_every_table_three_and_four_cell():
    for ref in ALL_CELLS:
        if ref.table == "active":
            continue
        report = clean_report()
        report.set(ref, report.get(ref) + 1)
        assert any(p.is_error and ref in p.cells for p in rules.check(report)), ref


def test_keys_are_stable_and_distinct():
    report = clean_report()
    for col in APPLICANT_COLUMNS:
        report.set(req("deny_4", col), report.get(req("deny_4", col)) + 1)
    keys = [p.key for p in rules.check(report)]
    assert len(keys) == len(set(keys)) and all(keys)
    assert keys == [p.key for p in rules.check(report)]
