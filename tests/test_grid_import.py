"""The shared path from grids of cell texts to the report's tables (gui/report/published/),
used by the Word, PDF and HTML readers: a flat table whose first cell holds both the group and the
first item (「(三)不予公开 1、属于国家秘密」) is read for all four groups, from a grid and from Word."""
import docx
import pytest

from docx_import_factory import COLUMN_HEADS, GROUPS, HAND_LABELS, APPEAL_HEADS, cell_at
from gui.report.docx_import import DocxImportError, read_docx
from gui.report.form import APPEALS, APPEALS_COLUMNS, REQUESTS, REQUESTS_NOTE, CellRef
from gui.report.published import Cell, Grid, import_report

TITLE = "某某镇人民政府2024年政府信息公开工作年度报告"
FIRST_ITEMS = {"deny_1", "unable_1", "noproc_1", "other_1"}


def value(key: str, col: int) -> int:
    """A different number in every cell, so a number in the wrong cell cannot go unnoticed."""
    return [r.key for r in REQUESTS.rows].index(key) * 10 + col + 1


def flat_rows(spaced: bool = True) -> list[list[str]]:
    """Table 三 typed flat: one label column; a group's first item carries the group in front."""
    rows = [[REQUESTS_NOTE, "申请人情况"] + [""] * 6, ["", *COLUMN_HEADS]]
    for row in REQUESTS.rows:
        label = HAND_LABELS[row.key]
        if row.key in FIRST_ITEMS:
            label = GROUPS[row.key.split("_")[0]] + (" " if spaced else "") + label
        rows.append([label] + [str(value(row.key, c)) for c in range(7)])
    return rows


def assert_every_request_cell(report) -> None:
    wrong = [(r.key, c.key, report.get(CellRef("requests", r.key, c.key)))
             for r in REQUESTS.rows for i, c in enumerate(REQUESTS.row(r.key).columns)
             if report.get(CellRef("requests", r.key, c.key)) != value(r.key, i)]
    assert wrong == []


@pytest.mark.parametrize("spaced", [True, False], ids=["with-space", "run-together"])
def test_group_and_first_item_in_one_cell_are_read_for_all_four_groups(spaced):
    result = import_report("flat.docx", [TITLE], [Grid.from_rows(flat_rows(spaced))])
    assert_every_request_cell(result.report)
    assert "表三：全部 25 行已按标签读取。" in result.recognised
    assert not [m for m in result.unrecognised if "表三中" in m]


def test_the_same_flat_table_typed_in_word_reads_alike(tmp_path):
    doc = docx.Document()
    doc.add_paragraph(TITLE)
    rows = flat_rows()
    table = doc.add_table(rows=len(rows), cols=8)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell_at(table, r, c).text = text
    path = tmp_path / "flat.docx"
    doc.save(path)
    result = read_docx(path)
    assert_every_request_cell(result.report)
    assert "表三：全部 25 行已按标签读取。" in result.recognised


def test_results_group_in_front_of_the_group_is_also_taken_off():
    rows = flat_rows()
    rows[2 + [r.key for r in REQUESTS.rows].index("deny_1")][0] = "三、本年度办理结果 (三)不予公开 1、属于国家秘密"
    result = import_report("flat.pdf", [TITLE], [Grid.from_rows(rows)])
    assert_every_request_cell(result.report)


def test_a_group_alone_with_numbers_is_still_the_old_single_row_not_an_item():
    rows = [r for r in flat_rows() if not r[0].startswith(("2、申请人逾期", "3、其他"))]
    rows[[i for i, r in enumerate(rows) if r[0].startswith("(六)")][0]][0] = "(六)其他处理"
    result = import_report("old.pdf", [TITLE], [Grid.from_rows(rows)])
    assert result.report.get(CellRef("requests", "other_1", "natural")) is None
    assert any("只有一行（2019 年试行格式）" in m for m in result.unrecognised)


def appeals_numbers() -> list[str]:
    return [str(n) for n in range(101, 116)]


def test_html_rows_with_spans_place_table_four_by_its_header():
    heads = list(APPEAL_HEADS)
    rows = [[("行政复议", 5, 1), ("行政诉讼", 10, 1)],
            [*[(h, 1, 2) for h in heads], ("未经复议直接起诉", 5, 1), ("复议后起诉", 5, 1)],
            [*heads, *heads],
            appeals_numbers()]
    grid = Grid.from_html_rows(rows)
    assert grid.width == 15 and len(grid.rows) == 4
    result = import_report("t.html", [TITLE], [grid])
    refs = [CellRef("appeals", r.key, c.key) for r in APPEALS.rows for c in APPEALS_COLUMNS]
    assert [result.report.get(ref) for ref in refs] == list(range(101, 116))


def test_placed_cells_fill_holes_and_mark_the_rows_a_merge_covers():
    grid = Grid.from_cells([Cell(0, 0, "(三)不予公开", rowspan=3), Cell(0, 1, "1.属于国家秘密"),
                            Cell(2, 1, "3.危及三安全一稳定")])
    assert [[(s.col, s.text, s.continued) for s in row] for row in grid.rows] == [
        [(0, "(三)不予公开", False), (1, "1.属于国家秘密", False)],
        [(0, "(三)不予公开", True), (1, "", False)],
        [(0, "(三)不予公开", True), (1, "3.危及三安全一稳定", False)]]


def test_a_document_without_anything_of_a_report_raises_the_readers_error():
    class PdfError(DocxImportError):
        pass
    with pytest.raises(PdfError, match="不是政府信息公开工作年度报告"):
        import_report("menu.pdf", ["今日菜单", "红烧肉"], [Grid.from_rows([["菜名", "价格"]])], error=PdfError)
