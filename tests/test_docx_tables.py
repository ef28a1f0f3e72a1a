"""The three tables of the exported .docx, read back: every label (FORMAT.md §3–5 as the oracle,
typed here on purpose), every merge, every number, widths and repeated headers."""
from decimal import Decimal

import docx
import pytest
from docx.oxml.ns import qn

from docx_support import REPORTS, printed_cells, township_report
from gui.report.cells import format_value
from gui.report.docx_export import export_docx
from gui.report.form import CellRef
from gui.report.samples import huaian_2024

# ── the oracle: FORMAT.md, label cells as {(row, col): (rowspan, colspan, text)} ──
ACTIVE = {
    (0, 0): (1, 4, "第二十条第（一）项"),
    (1, 0): (1, 1, "信息内容"), (1, 1): (1, 1, "本年制发件数"), (1, 2): (1, 1, "本年废止件数"),
    (1, 3): (1, 1, "现行有效件数"),
    (2, 0): (1, 1, "规章"), (3, 0): (1, 1, "行政规范性文件"),
    (4, 0): (1, 4, "第二十条第（五）项"),
    (5, 0): (1, 1, "信息内容"), (5, 1): (1, 3, "本年处理决定数量"), (6, 0): (1, 1, "行政许可"),
    (7, 0): (1, 4, "第二十条第（六）项"),
    (8, 0): (1, 1, "信息内容"), (8, 1): (1, 3, "本年处理决定数量"),
    (9, 0): (1, 1, "行政处罚"), (10, 0): (1, 1, "行政强制"),
    (11, 0): (1, 4, "第二十条第（八）项"),
    (12, 0): (1, 1, "信息内容"), (12, 1): (1, 3, "本年收费金额（单位：万元）"),
    (13, 0): (1, 1, "行政事业性收费"),
}
ACTIVE_DATA = {(2, 1): ("rules", "issued"), (2, 2): ("rules", "repealed"),
               (2, 3): ("rules", "in_force"), (3, 1): ("normative", "issued"),
               (3, 2): ("normative", "repealed"), (3, 3): ("normative", "in_force"),
               (6, 1): ("licensing", "value"), (9, 1): ("penalty", "value"),
               (10, 1): ("coercion", "value"), (13, 1): ("fees", "value")}

REQUEST_ROWS = [  # (key, label cells of the row as (col, rowspan, colspan, text))
    ("new", [(0, 1, 3, "一、本年新收政府信息公开申请数量")]),
    ("carry_in", [(0, 1, 3, "二、上年结转政府信息公开申请数量")]),
    ("open", [(0, 22, 1, "三、本年度办理结果"), (1, 1, 2, "（一）予以公开")]),
    ("partial", [(1, 1, 2, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]),
    ("deny_1", [(1, 8, 1, "（三）不予公开"), (2, 1, 1, "1.属于国家秘密")]),
    ("deny_2", [(2, 1, 1, "2.其他法律行政法规禁止公开")]),
    ("deny_3", [(2, 1, 1, "3.危及\u201c三安全一稳定\u201d")]),
    ("deny_4", [(2, 1, 1, "4.保护第三方合法权益")]),
    ("deny_5", [(2, 1, 1, "5.属于三类内部事务信息")]),
    ("deny_6", [(2, 1, 1, "6.属于四类过程性信息")]),
    ("deny_7", [(2, 1, 1, "7.属于行政执法案卷")]),
    ("deny_8", [(2, 1, 1, "8.属于行政查询事项")]),
    ("unable_1", [(1, 3, 1, "（四）无法提供"), (2, 1, 1, "1.本机关不掌握相关政府信息")]),
    ("unable_2", [(2, 1, 1, "2.没有现成信息需要另行制作")]),
    ("unable_3", [(2, 1, 1, "3.补正后申请内容仍不明确")]),
    ("noproc_1", [(1, 5, 1, "（五）不予处理"), (2, 1, 1, "1.信访举报投诉类申请")]),
    ("noproc_2", [(2, 1, 1, "2.重复申请")]),
    ("noproc_3", [(2, 1, 1, "3.要求提供公开出版物")]),
    ("noproc_4", [(2, 1, 1, "4.无正当理由大量反复申请")]),
    ("noproc_5", [(2, 1, 1, "5.要求行政机关确认或重新出具已获取信息")]),
    ("other_1", [(1, 3, 1, "（六）其他处理"),
                 (2, 1, 1, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")]),
    ("other_2", [(2, 1, 1, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")]),
    ("other_3", [(2, 1, 1, "3.其他")]),
    ("total", [(1, 1, 2, "（七）总计")]),
    ("carry_out", [(0, 1, 3, "四、结转下年度继续办理")]),
]
REQUEST_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")
REQUESTS = {
    (0, 0): (3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
    (0, 3): (1, 7, "申请人情况"), (1, 3): (2, 1, "自然人"), (1, 4): (1, 5, "法人或其他组织"),
    (1, 9): (2, 1, "总计"), (2, 4): (1, 1, "商业企业"), (2, 5): (1, 1, "科研机构"),
    (2, 6): (1, 1, "社会公益组织"), (2, 7): (1, 1, "法律服务机构"), (2, 8): (1, 1, "其他"),
}
for i, (_, labels) in enumerate(REQUEST_ROWS):
    for col, rowspan, colspan, text in labels:
        REQUESTS[(3 + i, col)] = (rowspan, colspan, text)
REQUESTS_DATA = {(3 + i, 3 + j): (key, col) for i, (key, _) in enumerate(REQUEST_ROWS)
                 for j, col in enumerate(REQUEST_COLUMNS)}

RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
APPEALS = {(0, 0): (1, 5, "行政复议"), (0, 5): (1, 10, "行政诉讼"),
           (1, 5): (1, 5, "未经复议直接起诉"), (1, 10): (1, 5, "复议后起诉")}
for j, label in enumerate(RESULTS):
    APPEALS[(1, j)] = (2, 1, label)
    APPEALS[(2, 5 + j)] = (1, 1, label)
    APPEALS[(2, 10 + j)] = (1, 1, label)
APPEAL_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
APPEALS_DATA = {(3, 5 * g + j): (row, col)
                for g, row in enumerate(("review", "suit_direct", "suit_after_review"))
                for j, col in enumerate(APPEAL_COLUMNS)}

TABLES = [("active", ACTIVE, ACTIVE_DATA, 14, 0), ("requests", REQUESTS, REQUESTS_DATA, 28, 3),
          ("appeals", APPEALS, APPEALS_DATA, 4, 3)]


@pytest.fixture(params=sorted(REPORTS))
def exported(request, tmp_path):
    report = REPORTS[request.param]()
    path = export_docx(report, tmp_path / "报告.docx")
    return report, docx.Document(str(path))


@pytest.mark.parametrize("index", range(3), ids=[t[0] for t in TABLES])
def test_every_label_merge_and_number_is_where_the_official_table_has_it(exported, index):
    report, document = exported
    key, labels, data, n_rows, _ = TABLES[index]
    tbl = document.tables[index]._tbl
    cells = printed_cells(tbl)
    assert len(tbl.findall(qn("w:tr"))) == n_rows
    expected = dict(labels)
    for pos, (row, col) in data.items():
        expected[pos] = (1, 3 if key == "active" and col == "value" else 1,
                         format_value(report.get(CellRef(key, row, col))))
    assert cells == expected


def test_huaian_numbers_print_as_published(tmp_path):
    document = docx.Document(str(export_docx(huaian_2024(), tmp_path / "h.docx")))
    requests = printed_cells(document.tables[1]._tbl)
    assert [requests[(3, c)][2] for c in range(3, 10)] == ["3001", "53", "0", "0", "61", "4", "3119"]
    assert [requests[(26, c)][2] for c in range(3, 10)] == ["2932", "53", "0", "0", "61", "4", "3050"]
    assert printed_cells(document.tables[0]._tbl)[(13, 1)][2] == "96171.6"
    appeals = printed_cells(document.tables[2]._tbl)
    assert [appeals[(3, c)][2] for c in range(15)] == \
        "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20".split()


def test_zero_prints_0_blank_stays_empty_and_the_fee_keeps_its_decimals(tmp_path):
    report = huaian_2024()
    report.set(CellRef("active", "fees", "value"), Decimal("7.50"))
    report.set(CellRef("requests", "deny_1", "research"), None)
    document = docx.Document(str(export_docx(report, tmp_path / "h.docx")))
    assert printed_cells(document.tables[0]._tbl)[(13, 1)][2] == "7.50"
    requests = printed_cells(document.tables[1]._tbl)
    assert requests[(7, 5)][2] == ""          # deny_1 × 科研机构: blank, not 0
    assert requests[(7, 6)][2] == "0"


@pytest.mark.parametrize("index", range(3), ids=[t[0] for t in TABLES])
def test_fixed_layout_with_every_width_set_inside_the_text_block(tmp_path, index):
    document = docx.Document(str(export_docx(township_report(), tmp_path / "t.docx")))
    tbl = document.tables[index]._tbl
    assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) == 8844                                    # 156 mm
    assert int(tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == 8844
    assert all(w > 0 for w in grid)
    for tr in tbl.findall(qn("w:tr")):
        col = 0
        for tc in tr.findall(qn("w:tc")):
            span = tc.grid_span
            tcw = tc.tcPr.find(qn("w:tcW"))
            assert tcw.get(qn("w:type")) == "dxa"
            assert int(tcw.get(qn("w:w"))) == sum(grid[col:col + span])
            col += span
        assert col == len(grid)


@pytest.mark.parametrize("index", range(3), ids=[t[0] for t in TABLES])
def test_header_rows_repeat_and_no_row_splits(tmp_path, index):
    document = docx.Document(str(export_docx(township_report(), tmp_path / "t.docx")))
    rows = document.tables[index]._tbl.findall(qn("w:tr"))
    header_rows = TABLES[index][4]
    for r, tr in enumerate(rows):
        tr_pr = tr.find(qn("w:trPr"))
        assert tr_pr.find(qn("w:cantSplit")) is not None
        assert (tr_pr.find(qn("w:tblHeader")) is not None) == (r < header_rows)


def test_table_text_is_five_point_and_a_half_with_chinese_font_and_centred_numbers(tmp_path):
    document = docx.Document(str(export_docx(huaian_2024(), tmp_path / "h.docx")))
    style = document.styles["表格文字"]
    assert style.font.size.pt == 10.5
    rfonts = style.element.rPr.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "宋体"
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    assert p.style.name == "表格文字"
                    if p.text.isdigit():
                        assert p.alignment == 1          # centred
                    for run in p.runs:
                        assert run._r.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
                        assert run._r.rPr.rFonts.get(qn("w:hint")) == "eastAsia"
