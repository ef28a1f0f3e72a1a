"""The form against the official text: every label character for character, every merge, every key.

The expected labels below are copied from FORMAT.md (国办公开办函〔2021〕30号), full-width brackets and
U+201C/U+201D quotes included; they are the oracle, not a second source of truth for the app.
"""
from collections import Counter
from pathlib import Path

import pytest

from gui.report import form
from gui.report.form import ACTIVE, ALL_CELLS, APPEALS, REQUESTS, TABLES, CellRef

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tests" / "fixtures" / "FORMAT.md"

SECTIONS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
THEMES = ["主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"]
D = "DATA"
# 表二 (FORMAT.md §3): one list per grid row of (text or D, colspan)
ACTIVE_LAYOUT = [
    [("第二十条第（一）项", 4)],
    [("信息内容", 1), ("本年制发件数", 1), ("本年废止件数", 1), ("现行有效件数", 1)],
    [("规章", 1), (D, 1), (D, 1), (D, 1)],
    [("行政规范性文件", 1), (D, 1), (D, 1), (D, 1)],
    [("第二十条第（五）项", 4)],
    [("信息内容", 1), ("本年处理决定数量", 3)],
    [("行政许可", 1), (D, 3)],
    [("第二十条第（六）项", 4)],
    [("信息内容", 1), ("本年处理决定数量", 3)],
    [("行政处罚", 1), (D, 3)],
    [("行政强制", 1), (D, 3)],
    [("第二十条第（八）项", 4)],
    [("信息内容", 1), ("本年收费金额（单位：万元）", 3)],
    [("行政事业性收费", 1), (D, 3)],
]
REQUESTS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
REQUESTS_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
# 表三 header (FORMAT.md §4): (grid row, grid col, text, rowspan, colspan)
REQUESTS_HEADER = [
    (0, 0, REQUESTS_NOTE, 3, 3), (0, 3, "申请人情况", 1, 7),
    (1, 3, "自然人", 2, 1), (1, 4, "法人或其他组织", 1, 5), (1, 9, "总计", 2, 1),
    (2, 4, "商业企业", 1, 1), (2, 5, "科研机构", 1, 1), (2, 6, "社会公益组织", 1, 1),
    (2, 7, "法律服务机构", 1, 1), (2, 8, "其他", 1, 1),
]
RESULTS = "三、本年度办理结果"
# 表三 body: key, A, B, C as in FORMAT.md §4 (None: merged into the cell above / across)
REQUESTS_BODY = [
    ("new", "一、本年新收政府信息公开申请数量", None, None),
    ("carry_in", "二、上年结转政府信息公开申请数量", None, None),
    ("open", RESULTS, "（一）予以公开", None),
    ("partial", RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("deny_1", RESULTS, "（三）不予公开", "1.属于国家秘密"),
    ("deny_2", RESULTS, "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("deny_3", RESULTS, "（三）不予公开", "3.危及“三安全一稳定”"),
    ("deny_4", RESULTS, "（三）不予公开", "4.保护第三方合法权益"),
    ("deny_5", RESULTS, "（三）不予公开", "5.属于三类内部事务信息"),
    ("deny_6", RESULTS, "（三）不予公开", "6.属于四类过程性信息"),
    ("deny_7", RESULTS, "（三）不予公开", "7.属于行政执法案卷"),
    ("deny_8", RESULTS, "（三）不予公开", "8.属于行政查询事项"),
    ("unable_1", RESULTS, "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unable_2", RESULTS, "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("unable_3", RESULTS, "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("noproc_1", RESULTS, "（五）不予处理", "1.信访举报投诉类申请"),
    ("noproc_2", RESULTS, "（五）不予处理", "2.重复申请"),
    ("noproc_3", RESULTS, "（五）不予处理", "3.要求提供公开出版物"),
    ("noproc_4", RESULTS, "（五）不予处理", "4.无正当理由大量反复申请"),
    ("noproc_5", RESULTS, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ("other_1", RESULTS, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_2", RESULTS, "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_3", RESULTS, "（六）其他处理", "3.其他"),
    ("total", RESULTS, "（七）总计", None),
    ("carry_out", "四、结转下年度继续办理", None, None),
]
APPEALS_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
APPEALS_HEADER = (
    [(0, 0, "行政复议", 1, 5), (0, 5, "行政诉讼", 1, 10),
     (1, 5, "未经复议直接起诉", 1, 5), (1, 10, "复议后起诉", 1, 5)]
    + [(1, j, label, 2, 1) for j, label in enumerate(APPEALS_RESULTS)]
    + [(2, base + j, label, 1, 1) for base in (5, 10) for j, label in enumerate(APPEALS_RESULTS)]
)
# FORMAT.md §11: the stable keys, in order
KEYS = {
    "active": {"rules": ["issued", "repealed", "in_force"], "normative": ["issued", "repealed", "in_force"],
               "licensing": ["value"], "penalty": ["value"], "coercion": ["value"], "fees": ["value"]},
    "requests": {key: ["natural", "commercial", "research", "social", "legal", "other", "total"]
                 for key, *_ in REQUESTS_BODY},
    "appeals": {key: ["upheld", "corrected", "other", "pending", "total"]
                for key in ("review", "suit_direct", "suit_after_review")},
}


def labels(table):
    return [(c.row, c.col, c.text, c.rowspan, c.colspan) for c in table.grid if c.role != "data"]


def test_sections_and_themes():
    assert [s.heading for s in form.SECTIONS] == SECTIONS
    assert [t.label for t in form.OVERVIEW_THEMES] == THEMES
    assert [t.sub_number for t in form.OVERVIEW_THEMES] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert form.LEVELS == ("乡镇/街道", "县级人民政府", "县级部门", "市级人民政府", "市级部门", "省级及以上")
    assert form.title_of("马营镇人民政府", 2024) == "马营镇人民政府2024年政府信息公开工作年度报告"


def test_table_two_layout():
    rows = []
    for r in range(ACTIVE.grid_rows):
        cells = sorted((c for c in ACTIVE.grid if c.row == r), key=lambda c: c.col)
        rows.append([(D if c.role == "data" else c.text, c.colspan) for c in cells])
    assert rows == ACTIVE_LAYOUT
    assert ACTIVE.grid_cols == 4 and all(c.rowspan == 1 for c in ACTIVE.grid)
    assert [r.label for r in ACTIVE.rows] == ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制",
                                              "行政事业性收费"]
    assert [r.kind for r in ACTIVE.rows] == ["count"] * 5 + ["fee"]


def test_table_three_layout():
    assert REQUESTS.grid_cols == 10 and REQUESTS.header_rows == 3 and REQUESTS.grid_rows == 28
    expected = list(REQUESTS_HEADER)
    for i, (key, a, b, c) in enumerate(REQUESTS_BODY):
        r = 3 + i
        if b is None:
            expected.append((r, 0, a, 1, 3))
            continue
        if REQUESTS_BODY[i - 1][1] != a:
            expected.append((r, 0, a, 22, 1))
        if c is None:
            expected.append((r, 1, b, 1, 2))
        else:
            if REQUESTS_BODY[i - 1][2] != b:
                expected.append((r, 1, b, sum(1 for x in REQUESTS_BODY if x[2] == b), 1))
            expected.append((r, 2, c, 1, 1))
    assert sorted(labels(REQUESTS)) == sorted(expected)
    spans = {text: rowspan for _, _, text, rowspan, _ in expected}
    assert (spans["（三）不予公开"], spans["（四）无法提供"], spans["（五）不予处理"], spans["（六）其他处理"]) == (8, 3, 5, 3)
    assert [c.label for c in REQUESTS.rows[0].columns] == REQUESTS_COLUMNS
    assert [r.label for r in REQUESTS.rows] == [c or b or a for _, a, b, c in REQUESTS_BODY]


def test_table_four_layout():
    assert APPEALS.grid_cols == 15 and APPEALS.header_rows == 3 and APPEALS.grid_rows == 4
    assert sorted(labels(APPEALS)) == sorted(APPEALS_HEADER)
    assert [c.col for c in APPEALS.grid if c.role == "data"] == list(range(15))
    assert [r.label for r in APPEALS.rows] == ["行政复议", "未经复议直接起诉", "复议后起诉"]
    assert all([c.label for c in r.columns] == APPEALS_RESULTS for r in APPEALS.rows)


def test_stable_keys_of_section_11():
    for table in TABLES:
        assert {r.key: [c.key for c in r.columns] for r in table.rows} == KEYS[table.key]
        assert list(table.row_by_key) == list(KEYS[table.key])
    assert [r.key for r in ACTIVE.rows if r.json_scalar] == ["licensing", "penalty", "coercion", "fees"]
    assert not any(r.json_scalar for r in REQUESTS.rows + APPEALS.rows)


def test_special_characters_are_the_official_ones():
    texts = [c.text for t in TABLES for c in t.grid] + [r.label for t in TABLES for r in t.rows]
    assert "3.危及\u201c三安全一稳定\u201d" in texts
    joined = "".join(texts)
    assert "(" not in joined and ")" not in joined and ":" not in joined and "1、" not in joined
    assert all(label[1] == "." for _, _, _, label in REQUESTS_BODY if label)


def test_every_label_appears_in_format_md():
    spec = SPEC.read_text(encoding="utf-8")
    texts = {c.text for t in TABLES for c in t.grid if c.text}
    texts |= {s.heading for s in form.SECTIONS} | {t.label for t in form.OVERVIEW_THEMES}
    for text in sorted(texts):
        assert f"`{text}`" in spec, text


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.key)
def test_the_grid_is_covered_exactly_once_and_every_data_cell_mapped_once(table):
    covered = Counter()
    for cell in table.grid:
        assert cell.rowspan >= 1 and cell.colspan >= 1
        assert cell.row + cell.rowspan <= table.grid_rows and cell.col + cell.colspan <= table.grid_cols
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                covered[r, c] += 1
    assert set(covered) == {(r, c) for r in range(table.grid_rows) for c in range(table.grid_cols)}
    assert set(covered.values()) == {1}, [pos for pos, n in covered.items() if n > 1]
    refs = [c.ref for c in table.grid if c.role == "data"]
    assert all(c.ref is None for c in table.grid if c.role != "data")
    assert len(refs) == len(set(refs)) and set(refs) == set(table.cells())
    assert sum(table.col_weights) > 0 and len(table.col_weights) == table.grid_cols
    assert all(c.row >= table.header_rows for c in table.grid if c.role == "data")


def test_all_cells_and_describe():
    assert len(ALL_CELLS) == len(set(ALL_CELLS)) == 6 + 4 + 25 * 7 + 3 * 5
    assert form.describe(CellRef("requests", "deny_1", "natural")) == "表三「（三）不予公开—1.属于国家秘密」行「自然人」列"
    assert form.describe(CellRef("requests", "new", "total")) == "表三「一、本年新收政府信息公开申请数量」行「总计」列"
    assert form.describe(CellRef("active", "fees", "value")) == "表二「行政事业性收费」本年收费金额（单位：万元）"
    assert form.describe(CellRef("appeals", "suit_direct", "upheld")) == "表四「行政诉讼—未经复议直接起诉」「结果维持」"
