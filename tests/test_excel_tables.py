"""The three tables to and from .xlsx: official layout, exact round trip, label variants, check."""
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from gui.report import form
from gui.report.excel.tables_read import read_tables
from gui.report.excel.tables_xlsx import export_tables
from gui.report.form import CellRef
from gui.report.model import Info, Report
from gui.report.problems import ERROR, Problem
from gui.report.samples import huaian_2024

ROOT = Path(__file__).resolve().parent.parent
FEE = CellRef("active", "fees", "value")


def _same(a: Report, b: Report):
    return [ref for ref in form.ALL_CELLS
            if a.get(ref) != b.get(ref) or type(a.get(ref)) is not type(b.get(ref))]


def test_sample_report_round_trips_exactly(tmp_path):
    report = huaian_2024()
    path = tmp_path / "表格.xlsx"
    export_tables(report, path)
    back = read_tables(path)
    assert back.messages == []
    assert _same(report, back.report) == []
    assert back.report.info.organ == "淮安市人民政府" and back.report.info.year == 2024
    assert back.report.info.level == report.info.level
    assert back.report.fee.amount_yuan == Decimal(3940)


@pytest.mark.parametrize("fee", ["7.50", "59237.2449", "0", "0.0001", "999999999.9999", "96171.6", "3"])
def test_fee_keeps_its_exact_value_and_places(tmp_path, fee):
    report = huaian_2024()
    report.set(FEE, Decimal(fee))
    path = tmp_path / "t.xlsx"
    export_tables(report, path)
    value = read_tables(path).report.get(FEE)
    assert isinstance(value, Decimal) and str(value) == fee
    cell = _find_data_cell(path, "行政事业性收费")
    assert isinstance(cell.value, (int, float))             # a number Excel can add up, not text


def _find_data_cell(path, label):
    sheet = openpyxl.load_workbook(path)["年报表格"]
    for row in sheet.iter_rows():
        for c in row:
            if c.value == label:
                return sheet.cell(row=c.row, column=c.column + 1)
    raise AssertionError(label)


def test_layout_labels_merges_borders_and_numbers(tmp_path):
    path = tmp_path / "t.xlsx"
    export_tables(huaian_2024(), path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["年报表格"]
    texts = {c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    for table in form.TABLES:
        for cell in table.grid:
            if cell.text:
                assert cell.text in texts
    assert "二、主动公开政府信息情况" in texts and "淮安市人民政府2024年政府信息公开工作年度报告" in texts
    merged = {str(r) for r in sheet.merged_cells.ranges}
    note = next(c for row in sheet.iter_rows() for c in row if c.value == form.REQUESTS_NOTE)
    assert f"{note.coordinate}:C{note.row + 2}" in merged           # A–C across the three header rows
    # every cell of every merged range is bordered in the file (openpyxl's normal mode would
    # rebuild covered cells on load, so read the file's own styles in read-only mode)
    raw = openpyxl.load_workbook(path, read_only=True)["年报表格"]
    for rng in sheet.merged_cells.ranges:
        for row in raw.iter_rows(min_row=rng.min_row, max_row=rng.max_row, min_col=rng.min_col,
                                 max_col=rng.max_col):
            for c in row:
                if rng.min_row > 1:                  # the title row has no borders
                    assert c.border.left.style == "thin" and c.border.bottom.style == "thin", c.coordinate
    assert _find_data_cell(path, "行政许可").value == 447228
    assert "检查结果" in workbook.sheetnames and "基本信息" in workbook.sheetnames


def test_check_results_sheet_lists_the_problems(tmp_path):
    problem = Problem("R1", ERROR, "上年结转加本年新收不等于办理结果加结转下年度。", "requests",
                      target=CellRef("requests", "total", "natural"))
    path = tmp_path / "t.xlsx"
    export_tables(huaian_2024(), path, problems=[problem])
    sheet = openpyxl.load_workbook(path)["检查结果"]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert rows[0] == ("类别", "规则", "位置", "问题")
    assert rows[1] == ("错误", "R1", form.describe(problem.target), problem.message)


def _typed_by_hand(path, report):
    """The tables as another office types them: no merges, (一), 1、, typos of FORMAT.md §8, text."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["XX县人民政府2024年政府信息公开工作年度报告"])
    sheet.append(["信息内容", "本年制发件数", "本年废止件数", "现行有效件"])
    sheet.append(["规章", 1, 0, 11])
    sheet.append(["规范性文件", 8, 26, "66件"])
    for key in ("licensing", "penalty", "coercion"):
        sheet.append([form.ACTIVE.row(key).label, report.get(CellRef("active", key, "value"))])
    sheet.append(["行政事业性收费", "96,171.6"])
    sheet.append([])
    sheet.append([None, None, None, "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
    for row in form.REQUESTS.rows:
        labels = [p.replace("（", "(").replace("）", ")").replace("1.", "1、").replace("2.", "2、")
                  for p in row.path]
        labels = [lab.replace("其他法律行政法规禁止公开", "其他法律行政止公开") for lab in labels]
        labels = labels[-1:] if len(labels) == 3 else labels     # unmerged: only the row's own label
        labels = [None] * (3 - len(labels)) + labels
        sheet.append(labels + report.row_values("requests", row.key))
    sheet.append([])
    sheet.append(["行政复议"] + [None] * 4 + ["行政诉讼"])
    sheet.append([])
    sheet.append([])
    sheet.append([v for key in ("review", "suit_direct", "suit_after_review")
                  for v in report.row_values("appeals", key)])
    workbook.save(path)


def test_label_variants_of_published_reports_are_read(tmp_path):
    report = huaian_2024()
    path = tmp_path / "手工.xlsx"
    _typed_by_hand(path, report)
    back = read_tables(path)
    assert back.messages == []
    assert _same(report, back.report) == []
    assert back.report.info.organ == "XX县人民政府"


def test_a_cell_that_is_not_a_number_is_reported_with_its_place(tmp_path):
    report = huaian_2024()
    report.set(CellRef("requests", "deny_1", "natural"), None)
    path = tmp_path / "t.xlsx"
    export_tables(report, path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["年报表格"]
    for row in sheet.iter_rows():
        for c in row:
            if c.value == "1.属于国家秘密":
                sheet.cell(row=c.row, column=4, value="/")
    workbook.save(path)
    back = read_tables(path)
    assert back.report.get(CellRef("requests", "deny_1", "natural")) is None
    assert len(back.messages) == 1 and "1.属于国家秘密" in back.messages[0] and "D" in back.messages[0]
    assert "斜杠" in back.messages[0]


def test_check_command_accepts_a_tables_workbook(tmp_path):
    good = tmp_path / "好.xlsx"
    export_tables(huaian_2024(), good)
    result = subprocess.run([sys.executable, "main.py", "check", str(good)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    errors = [line for line in result.stdout.splitlines() if line.startswith("错误 ")]
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    assert all(line.startswith("错误 EMPTY") for line in errors), result.stdout   # a tables workbook has no narratives
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    result = subprocess.run([sys.executable, "main.py", "check", str(bad)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "不是有效的 Excel 工作簿" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_workbook_without_tables_is_refused(tmp_path):
    path = tmp_path / "x.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["本年新制作数量", "本年新公开数量", "对外公开总数量"])
    workbook.save(path)
    from gui.report.excel.safety import ExcelError
    with pytest.raises(ExcelError, match="2019 年旧版格式"):
        read_tables(path)


def test_blank_report_round_trips_as_blank(tmp_path):
    report = Report(Info(organ="某镇人民政府", year=2025))
    path = tmp_path / "空.xlsx"
    export_tables(report, path)
    back = read_tables(path).report
    assert back.blank_cells() == list(form.ALL_CELLS) and back.info.year == 2025
