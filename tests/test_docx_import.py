"""Importing a published report (.docx): this application's own export and hand-made layouts
must come back with every number in its place; `/` stays blank; typed label variants are read and
named; the text is split into the six sections and 一's themes."""
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from docx_import_factory import cell_at, hand_made, requests_table, title
from gui.report.docx_export import docx_bytes
from gui.report.docx_import import read_docx
from gui.report.form import ALL_CELLS, REQUESTS, CellRef
from gui.report.model import Report
from gui.report.samples import huaian_2024
from gui.report.sources import read_report

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo-2024.json"
SEED_TEXT = ROOT / "tests" / "fixtures" / "maying-town-2024-report.txt"


def demo() -> Report:
    return read_report(DEMO)


def with_demo_texts(report: Report) -> Report:
    report.texts = dict(demo().texts) if DEMO.exists() else report.texts
    return report


def cells_differing(a: Report, b: Report) -> list:
    return [(ref, a.get(ref), b.get(ref)) for ref in ALL_CELLS if a.get(ref) != b.get(ref)]


# ── this application's own export ─────────────────────────────────────────────────────────
@pytest.mark.parametrize("make", [huaian_2024, demo], ids=["huaian", "demo"])
def test_own_export_imports_back_exactly(tmp_path, make):
    report = make()
    path = tmp_path / "export.docx"
    path.write_bytes(docx_bytes(report))
    result = read_docx(path)
    imported = result.report
    assert cells_differing(imported, report) == []
    assert imported.texts == report.texts
    assert (imported.info.organ, imported.info.year) == (report.info.organ, report.info.year)
    assert imported.fee.amount_yuan == report.fee.amount_yuan
    assert not [m for m in result.unrecognised if "单位层级" not in m]
    assert "表三：全部 25 行已按标签读取。" in result.recognised


def test_own_export_of_a_long_organ_name_keeps_the_title_whole(tmp_path):
    report = huaian_2024()
    report.info.organ = "某某自治州某某县某某乡镇人民政府办公室政务公开科"
    path = tmp_path / "long.docx"
    path.write_bytes(docx_bytes(report))        # the title breaks after the organ name
    assert read_docx(path).report.info.organ == report.info.organ


def test_opening_with_contact_details_comes_back_as_info(tmp_path):
    report = huaian_2024()
    report.info.address, report.info.postcode, report.info.phone = "淮安市健康东路1号", "223001", "0517-83605000"
    path = tmp_path / "e.docx"
    path.write_bytes(docx_bytes(report))
    info = read_docx(path).report.info
    assert (info.compiler, info.address, info.postcode, info.phone) == (
        "淮安市人民政府办公室", "淮安市健康东路1号", "223001", "0517-83605000")


# ── hand-made layouts ─────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("merged", [True, False], ids=["merged-groups", "repeated-groups"])
def test_hand_made_layout_with_parenthesis_and_comma_numbering_reads_every_number(tmp_path, merged):
    report = with_demo_texts(huaian_2024())
    result = read_docx(hand_made(tmp_path / "h.docx", report, merged=merged))
    assert cells_differing(result.report, report) == []
    assert result.report.texts == report.texts
    assert not result.unrecognised or all("单位层级" in m for m in result.unrecognised)


def test_typed_label_typos_are_read_and_named(tmp_path):
    result = read_docx(hand_made(tmp_path / "h.docx", huaian_2024()))
    notes = "\n".join(result.recognised)
    for typo, official in (("2、其他法律行政止公开", "2.其他法律行政法规禁止公开"),
                           ("现行有效件", "现行有效件数"), ("规范性文件", "行政规范性文件")):
        assert f"「{typo}」是「{official}」的常见误写" in notes


def test_slash_cells_stay_blank_and_zero_stays_zero(tmp_path):
    report = huaian_2024()
    result = read_docx(hand_made(tmp_path / "s.docx", report, slash_zero=True, merged=False))
    imported = result.report
    for ref in ALL_CELLS:
        expected = None if report.get(ref) == 0 else report.get(ref)
        assert imported.get(ref) == expected, ref
    assert any("「/」" in m and "已按空白导入" in m for m in result.unrecognised)
    plain = read_docx(hand_made(tmp_path / "z.docx", report)).report
    assert plain.get(CellRef("requests", "new", "research")) == 0


def test_split_title_and_odd_headings(tmp_path):
    result = read_docx(hand_made(tmp_path / "t.docx", huaian_2024(), split_title=True))
    assert (result.report.info.organ, result.report.info.year) == ("淮安市人民政府", 2024)
    assert any("「一. 总体情况」识别为「一、总体情况」" in m for m in result.recognised)
    assert any(m.startswith("找到 6 个部分的标题") for m in result.recognised)   # 「三 、…」 too


def test_sign_off_date_becomes_the_publish_date(tmp_path):
    info = read_docx(hand_made(tmp_path / "d.docx", huaian_2024())).report.info
    assert info.publish_date is not None and info.publish_date.isoformat() == "2025-01-20"


def test_fee_written_as_wan_yuan_with_decimals(tmp_path):
    report = huaian_2024()
    report.set(CellRef("active", "fees", "value"), Decimal("59237.2449"))
    imported = read_docx(hand_made(tmp_path / "f.docx", report)).report
    assert imported.get(CellRef("active", "fees", "value")) == Decimal("59237.2449")


def test_a_cell_that_is_not_a_number_is_left_blank_and_named(tmp_path):
    report = huaian_2024()
    doc = docx.Document()
    title(doc, "某县人民政府", 2024)
    requests_table(doc, report)
    doc.tables[0].cell(2, 2).text = "三千"          # 一、本年新收 … 自然人
    doc.save(tmp_path / "x.docx")
    result = read_docx(tmp_path / "x.docx")
    assert result.report.get(CellRef("requests", "new", "natural")) is None
    assert any("「一、本年新收政府信息公开申请数量」行「自然人」列的内容「三千」" in m for m in result.unrecognised)
    assert result.report.get(CellRef("requests", "new", "commercial")) == 53


def test_a_table_split_by_a_page_break_continues_with_the_same_columns(tmp_path):
    report = huaian_2024()
    doc = docx.Document()
    title(doc, "某县人民政府", 2024)
    requests_table(doc, report)
    table = doc.tables[0]
    tail = doc.add_table(rows=0, cols=9)             # the last 10 rows moved into a second table
    for tr in list(table._tbl.tr_lst)[-10:]:
        tail._tbl.append(tr)
    doc.save(tmp_path / "split.docx")
    imported = read_docx(tmp_path / "split.docx").report
    for row in REQUESTS.rows:
        assert imported.row_values("requests", row.key) == report.row_values("requests", row.key), row.key


def test_unknown_rows_and_tables_are_listed(tmp_path):
    report = huaian_2024()
    doc = docx.Document()
    title(doc, "某县人民政府", 2024)
    doc.add_paragraph("一、总体情况")
    doc.add_paragraph("全年工作情况良好。")
    extra = doc.add_table(rows=1, cols=2)
    extra.cell(0, 0).text, extra.cell(0, 1).text = "联系人", "张三"
    requests_table(doc, report)
    row = doc.tables[1].add_row()
    row.cells[0].text, row.cells[2].text = "小计", "5"
    doc.save(tmp_path / "u.docx")
    result = read_docx(tmp_path / "u.docx")
    text = "\n".join(result.unrecognised)
    assert "「联系人」" in text and "不是年报的三张统计表之一" in text
    assert "「小计」不是表三的行" in text
    assert "未找到表二" in text and "未找到表四" in text
    assert "没有（一）…（五）小标题" in text
    assert result.report.texts["overview_active"] == "全年工作情况良好。"


# ── the text ──────────────────────────────────────────────────────────────────────────────
def _seed_narrative() -> list[str]:
    """The 马营镇 report's paragraphs as published: themes with run-in headings in their own order."""
    lines, paragraph = [], ""
    for raw in SEED_TEXT.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("- "):
            continue
        starts = line.startswith(("（", "一、", "二、", "三、", "四、", "五、", "六、", "2024 年，", "下一步"))
        if starts and paragraph:
            lines.append(paragraph)
            paragraph = ""
        paragraph += line
    lines.append(paragraph)
    return [p for p in lines if not p.startswith(("第二十条", "信息内容"))]


def test_the_published_narratives_map_to_the_five_themes_by_keywords(tmp_path):
    doc = docx.Document()
    title(doc, "马营镇人民政府", 2024)
    overview = False
    for line in _seed_narrative():
        if line.startswith("二、"):
            break
        overview = overview or line.startswith("一、")
        doc.add_paragraph(line)
    doc.save(tmp_path / "n.docx")
    result = read_docx(tmp_path / "n.docx")
    texts = result.report.texts
    assert texts["overview_supervision"].startswith("强化组织保障")
    assert texts["overview_active"].startswith("多点发力")
    assert texts["overview_request"].startswith("规范申请公开流程")
    assert texts["overview_management"].startswith("有效回应社会关切")
    assert texts["overview_platform"].startswith("政府信息公开平台建设情况")
    assert "未收到政府信息公开申请" in texts["overview_request"]
    assert any("按顺序放入「（三）政府信息管理」" in m for m in result.recognised)
    assert result.report.opening.startswith("2024 年，我镇严格贯彻落实")


def test_heading_only_themes_drop_the_official_heading_and_keep_their_own(tmp_path):
    doc = docx.Document()
    title(doc, "某县人民政府", 2024)
    for line in ("一、总体情况", "（一）主动公开情况", "全年主动公开信息100条。", "(二)依申请公开",
                 "全年收到申请3件。", "（三）加强平台建设", "网站改版。", "（四）监督保障",
                 "开展培训2次。", "（五）政府信息管理", "清理文件。", "二、主动公开政府信息情况"):
        doc.add_paragraph(line)
    doc.save(tmp_path / "h.docx")
    texts = read_docx(tmp_path / "h.docx").report.texts
    assert texts["overview_active"] == "全年主动公开信息100条。"
    assert texts["overview_request"] == "全年收到申请3件。"
    assert texts["overview_platform"] == "加强平台建设\n网站改版。"
    assert texts["overview_supervision"] == "开展培训2次。"
    assert texts["overview_management"] == "清理文件。"


def test_a_numbered_list_inside_a_section_is_not_taken_for_a_heading(tmp_path):
    doc = docx.Document()
    title(doc, "某县人民政府", 2024)
    for line in ("五、存在的主要问题及改进情况", "一、公开时效有待加强。", "二、队伍建设有待强化。",
                 "六、其他需要报告的事项", "本年度收取信息处理费0元。"):
        doc.add_paragraph(line)
    doc.save(tmp_path / "l.docx")
    report = read_docx(tmp_path / "l.docx").report
    assert report.texts["problems"] == "一、公开时效有待加强。\n二、队伍建设有待强化。"
    assert report.fee.amount_yuan == 0


# ── the printed grid typed by hand: labels wrapped inside cells, `/` for zero ────────────
def _wrapped(text: str, width: int = 4) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def test_official_grid_with_wrapped_labels_like_a_published_report(tmp_path):
    from gui.report.form import APPEALS, REQUESTS as T3
    report = huaian_2024()
    doc = docx.Document()
    title(doc, "马营镇人民政府", 2024, split=True)
    for table_def in (T3, APPEALS):
        table = doc.add_table(rows=table_def.grid_rows, cols=table_def.grid_cols)
        for cell in table_def.grid:
            if cell.rowspan > 1 or cell.colspan > 1:
                cell_at(table, cell.row, cell.col).merge(
                    cell_at(table, cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
        for cell in table_def.grid:
            value = report.get(cell.ref) if cell.ref else None
            text = ("/" if value == 0 else str(value)) if cell.ref else _wrapped(cell.text)
            cell_at(table, cell.row, cell.col).text = text
    doc.save(tmp_path / "grid.docx")
    result = read_docx(tmp_path / "grid.docx")
    for ref in ALL_CELLS:
        if ref.table != "active":
            assert result.report.get(ref) == (None if report.get(ref) == 0 else report.get(ref)), ref
    assert result.report.info.organ == "马营镇人民政府"


def test_appeals_with_a_two_row_header(tmp_path):
    doc = docx.Document()
    title(doc, "某县人民政府", 2024)
    table = doc.add_table(rows=3, cols=15)
    for g, group in enumerate(("行政复议", "未经复议直接起诉", "复议后起诉")):
        table.cell(0, 5 * g).merge(table.cell(0, 5 * g + 4)).text = group
        for j, head in enumerate(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")):
            table.cell(1, 5 * g + j).text = head
    values = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
    for j, value in enumerate(values):
        table.cell(2, j).text = str(value)
    doc.save(tmp_path / "a.docx")
    report = read_docx(tmp_path / "a.docx").report
    assert report.row_values("appeals", "review") == values[:5]
    assert report.row_values("appeals", "suit_direct") == values[5:10]
    assert report.row_values("appeals", "suit_after_review") == values[10:]


def test_short_body_labels_without_numbers(tmp_path):
    report = huaian_2024()
    doc = docx.Document()
    title(doc, "某县人民政府", 2024)
    requests_table(doc, report, merged=False)
    table = doc.tables[0]
    labels = {cell_at(table, r, 1).text: r for r in range(len(table.rows))}
    cell_at(table, labels["3、其他"], 1).text = "其他"
    total_row = next(r for r in range(len(table.rows)) if cell_at(table, r, 0).text == "(七)总计")
    cell_at(table, total_row, 0).text = "总计"
    doc.save(tmp_path / "short.docx")
    imported = read_docx(tmp_path / "short.docx").report
    assert imported.row_values("requests", "other_3") == report.row_values("requests", "other_3")
    assert imported.row_values("requests", "total") == report.row_values("requests", "total")


@pytest.mark.parametrize("lines, organ, year", [
    (["附件2", "2024年政府信息公开工作年度报告"], "", 2024),
    (["某县人民政府", "2024年度政府信息公开工作年度报告"], "某县人民政府", 2024),
    (["2023年某县交通运输局政府信息公开工作年度报告"], "某县交通运输局", 2023),
    (["某县人民政府关于2024年政府信息公开工作年度报告"], "某县人民政府", 2024),
])
def test_title_shapes(tmp_path, lines, organ, year):
    doc = docx.Document()
    for line in lines + ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]:
        doc.add_paragraph(line)
    doc.save(tmp_path / "t.docx")
    info = read_docx(tmp_path / "t.docx").report.info
    assert (info.organ, info.year) == (organ, year)
