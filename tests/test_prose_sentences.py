"""The development set: real sentences (fixtures/prose-sentences.json) beside tables that agree with
them give no R9/R9U; changing one figure the tables hold gives exactly one warning, naming it."""
import json
from pathlib import Path

import pytest

from gui.report import rules
from gui.report.form import ALL_CELLS, CellRef
from rules_support import clean_report

SENTENCES = json.loads((Path(__file__).parent / "fixtures" / "prose-sentences.json").read_text("utf-8"))["sentences"]


def cells(**values):
    """Cells by 「row__column」: table 四's rows start with review/suit, table 二's are rules/normative."""
    out = {}
    for key, value in values.items():
        row, col = key.rsplit("__", 1)
        table = ("appeals" if row.startswith(("review", "suit")) else "active" if row in ("rules", "normative")
                 else "requests")
        out[CellRef(table, row, col)] = value
    return out


def blank_row_but(row, **values):
    """A published row that writes nothing for zero: only `values` filled, 总计 blank too."""
    return {CellRef("requests", row, c): values.get(c) for c in ("natural", "commercial", "research", "social",
                                                                 "legal", "other", "total")}


AGREEING = {    # index → (the narrative it stands in, the tables' figures)
    0: ("overview_request", cells(new__total=70, total__total=69, carry_out__total=1)),
    1: ("overview_active", {}),
    2: ("overview_request", cells(new__total=218, total__total=218)),
    3: ("overview_active", cells(normative__issued=62)),
    4: ("overview_active", {}),
    5: ("overview_request", cells(new__total=21, total__total=21)),
    6: ("overview_active", {}),
    7: ("other", {}),
    8: ("overview_request", {**cells(new__natural=26, new__total=26),
                             **{CellRef("requests", "new", c): None for c in ("commercial", "research", "social",
                                                                               "legal", "other")}}),
    9: ("overview_platform", {}),
    10: ("overview_active", {}),
    11: ("overview_request", cells(new__total=34, carry_in__total=2, total__total=36)),
    12: ("overview_request", {**cells(open__total=9, partial__total=0, deny_5__total=1, deny_6__total=1,
                                   unable_1__total=4, unable_2__total=6, other_1__total=10, other_3__total=4,
                                   total__total=35), **blank_row_but("carry_out", natural=1)}),
    13: ("overview_active", cells(normative__issued=13)),
    14: ("overview_supervision", cells(review__upheld=1, review__total=1)),
    15: ("overview_supervision", {}),
}

# (index, the figure's text, the changed text, the value the warning quotes, the table's figure)
CHANGED = [
    (0, "收到70件", "收到72件", 72, 70), (0, "办结69件", "办结68件", 68, 69),
    (0, "1件结转下年度", "2件结转下年度", 2, 1),
    (2, "申请218件", "申请210件", 210, 218),
    (3, "文件62件", "文件60件", 60, 62),
    (5, "申请21件", "申请20件", 20, 21),
    (8, "公开26件", "公开27件", 27, 26),
    (11, "申请34件", "申请30件", 30, 34), (11, "申请2件", "申请3件", 3, 2),
    (12, "同意公开答复9件", "同意公开答复8件", 8, 9), (12, "部分公开答复0件", "部分公开答复3件", 3, 0),
    (12, "不予公开答复2件", "不予公开答复5件", 5, 2), (12, "无法提供的10件", "无法提供的11件", 11, 10),
    (12, "不予处理0件", "不予处理1件", 1, 0), (12, "其他处理14件", "其他处理15件", 15, 14),
    (12, "有1件", "有2件", 2, 1),
    (14, "有1件", "有2件", 2, 1),
    (15, "为0件", "为1件", 1, 0),
]


def report_for(index, text=None):
    field, values = AGREEING[index]
    report = clean_report()
    report.info.year = None                       # the sentences are of several years
    for ref in ALL_CELLS:
        if ref.table in ("requests", "appeals"):
            report.set(ref, 0)
    for ref, value in values.items():
        report.set(ref, value)
    for key in report.texts:
        report.texts[key] = ""
    report.texts[field] = SENTENCES[index]["sentence"] if text is None else text
    return report


def r9(report):
    return [p for p in rules.check(report) if p.rule in ("R9", "R9U")]


@pytest.mark.parametrize("index", range(len(SENTENCES)))
def test_a_real_sentence_beside_agreeing_tables_gives_no_warning(index):
    assert [p.message for p in r9(report_for(index))] == []


@pytest.mark.parametrize("index", [i for i in range(len(SENTENCES)) if AGREEING[i][0] != "overview_request"])
def test_a_real_sentence_in_the_applications_section_gives_no_warning_either(index):
    report = report_for(index)
    text = report.texts[AGREEING[index][0]]
    report.texts[AGREEING[index][0]] = ""
    report.texts["overview_request"] = text
    assert [p.message for p in r9(report)] == []


@pytest.mark.parametrize("index, old, new, stated, table", CHANGED)
def test_one_changed_figure_gives_one_warning_naming_it(index, old, new, stated, table):
    sentence = SENTENCES[index]["sentence"]
    assert sentence.count(old) == 1
    found = r9(report_for(index, sentence.replace(old, new)))
    assert len(found) == 1, [p.message for p in found]
    p = found[0]
    assert (p.actual, p.expected) == (stated, table)
    assert f"{stated} 件" in p.message and str(table) in p.message
    assert p.field == f"text.{AGREEING[index][0]}"


def test_the_known_contradiction_of_the_set_is_reported_at_its_sentence():
    """上海科委 2024: 「所有申请均已按要求办理完成」 while its 表三 carries one over (总计 left blank)."""
    report = report_for(11)
    report.set(CellRef("requests", "total", "total"), 35)
    for ref, value in blank_row_but("carry_out", natural=1).items():
        report.set(ref, value)
    found = r9(report)
    assert len(found) == 1 and "所有申请均已按要求办理完成" in found[0].message
    assert (found[0].actual, found[0].expected) == (0, 1) and found[0].field == "text.overview_request"
