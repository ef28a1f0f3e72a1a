"""A tables workbook (.xlsx) goes through the builder every published report goes through, so what it
writes non-conformingly — 「/」 for zero, a label typed differently, the 2019 layout — becomes a problem of
the report, as it does for a Word or PDF report; and `check 表格.xlsx` lists it."""
import openpyxl

from gui import cli
from gui.report import rules
from gui.report.excel.tables_read import read_tables
from gui.report.excel.tables_xlsx import export_tables
from gui.report.findings import IMPORT_LABEL, IMPORT_SLASH, OLD_FORMAT
from gui.report.form import CellRef
from gui.report.samples import huaian_2024

SECRET = CellRef("requests", "deny_1", "natural")


def _with(path, label: str, column: int | None, value):
    """The exported workbook with `value` written in the row labelled `label` (or over the label)."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["年报表格"]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == label)
    sheet.cell(row=cell.row, column=column or cell.column, value=value)
    workbook.save(path)


def test_a_slash_for_zero_in_a_workbook_is_a_problem_at_its_cell(tmp_path):
    path = tmp_path / "表格.xlsx"
    export_tables(huaian_2024(), path)
    _with(path, "1.属于国家秘密", 4, "/")
    report = read_tables(path).report
    found = [p for p in rules.check(report) if p.rule == IMPORT_SLASH]
    assert len(found) == 1 and SECRET in found[0].cells
    assert "「/」" in found[0].message and "应填 0" in found[0].message


def test_a_label_typed_differently_in_a_workbook_is_a_problem(tmp_path):
    path = tmp_path / "表格.xlsx"
    export_tables(huaian_2024(), path)
    _with(path, "2.其他法律行政法规禁止公开", None, "2.其他法律行政止公开")
    back = read_tables(path)
    assert back.report.get(CellRef("requests", "deny_2", "natural")) == 30        # still read
    labels = [p for p in rules.check(back.report) if p.rule == IMPORT_LABEL]
    assert len(labels) == 1 and "行政止公开" in labels[0].message


def test_the_2019_layout_in_a_workbook_is_an_error(tmp_path):
    path = tmp_path / "表格.xlsx"
    export_tables(huaian_2024(), path)
    _with(path, "本年制发件数", None, "本年新制作数量")
    report = read_tables(path).report
    assert any(p.rule == OLD_FORMAT for p in rules.check(report))


def test_check_of_a_workbook_lists_the_slash(tmp_path, capsys):
    path = tmp_path / "表格.xlsx"
    export_tables(huaian_2024(), path)
    _with(path, "1.属于国家秘密", 4, "/")
    cli.main(["check", str(path)])
    out = capsys.readouterr().out
    assert any(line.startswith("提示 IMPORT_SLASH") for line in out.splitlines()), out
