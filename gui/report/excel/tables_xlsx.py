"""The three tables as a workbook in the official layout (form.TABLES[*].grid), with the check results.

Sheet 「年报表格」: the title, then 表二, 表三, 表四 each under its section heading, merged as printed,
every cell of a merged range bordered. Counts are numbers; the fee is a number whose format keeps the
decimals as entered (7.50 → 「0.00」), so reading it back gives the same Decimal. Sheet 「检查结果」 lists
the problems of gui.report.rules.check; sheet 「基本信息」 keeps 基本信息 and the fee statement.
"""
from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .. import form
from ..model import Report
from ..places import problem_location
from ..problems import SEVERITY_LABELS
from .writing import save_atomically

TABLES_SHEET = "年报表格"
CHECK_SHEET = "检查结果"
INFO_SHEET = "基本信息"
CHECK_HEADERS = ("类别", "规则", "位置", "问题")
NO_PROBLEMS = "未发现问题。"
COLUMN_WIDTHS = (16, 16, 40) + (10,) * 12
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def fee_format(value: Decimal) -> str:
    places = max(0, -value.as_tuple().exponent)
    return "0." + "0" * places if places else "0"


def write_tables(sheet, report: Report, top: int = 1) -> int:
    """Write the title and the three tables from row `top`; returns the next free row."""
    width = max(t.grid_cols for t in form.TABLES)
    sheet.cell(row=top, column=1, value=report.title).font = Font(bold=True, size=14)
    sheet.cell(row=top, column=1).alignment = _CENTER
    sheet.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
    sheet.row_dimensions[top].height = 30
    r = top + 2
    for table in form.TABLES:
        sheet.cell(row=r, column=1, value=form.SECTION_BY_KEY[table.section].heading).font = Font(bold=True)
        r += 1
        for cell in table.grid:
            _write_cell(sheet, r + cell.row, 1 + cell.col, cell, report)
        r += table.grid_rows + 1
    for i, w in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = w
    return r


def _write_cell(sheet, row: int, col: int, cell: form.GridCell, report: Report) -> None:
    target = sheet.cell(row=row, column=col)
    if cell.ref is not None:
        value = report.get(cell.ref)
        if isinstance(value, Decimal):
            target.value = float(value)         # exact: ≤ 13 significant digits survive a double
            target.number_format = fee_format(value)
        else:
            target.value = value
            target.number_format = "0"
        align = _CENTER
    else:
        target.value = cell.text or None
        align = _LEFT if cell.role == "label" and cell.col == 2 else _CENTER
        if cell.role in ("header", "note", "title"):
            target.font = Font(bold=cell.role != "note")
            target.fill = _HEADER_FILL
    if cell.rowspan > 1 or cell.colspan > 1:     # merge first: merging resets the covered cells
        sheet.merge_cells(start_row=row, start_column=col,
                          end_row=row + cell.rowspan - 1, end_column=col + cell.colspan - 1)
    for r in range(row, row + cell.rowspan):
        for c in range(col, col + cell.colspan):
            part = sheet.cell(row=r, column=c)
            part.border = _BORDER
            part.alignment = align
            if cell.role in ("header", "note", "title"):
                part.fill = _HEADER_FILL



def write_problems(sheet, problems) -> None:
    for i, text in enumerate(CHECK_HEADERS, start=1):
        sheet.cell(row=1, column=i, value=text).font = Font(bold=True)
    if not problems:
        sheet.cell(row=2, column=1, value=NO_PROBLEMS)
    for r, p in enumerate(problems, start=2):
        for c, value in enumerate((SEVERITY_LABELS.get(p.severity, p.severity), p.rule,
                                   problem_location(p), p.message), start=1):
            sheet.cell(row=r, column=c, value=value).alignment = Alignment(wrap_text=True, vertical="top")
    for col, w in zip("ABCD", (8, 8, 44, 90)):
        sheet.column_dimensions[col].width = w
    sheet.freeze_panes = "A2"


def write_info(sheet, report: Report) -> None:
    info = report.info
    rows = [(label, getattr(info, key)) for key, label in form.INFO_LABELS.items()]
    rows += [(form.FEE_LABELS["fee_yuan"], report.fee.amount_yuan),
             (form.FEE_LABELS["fee_charged"], report.fee.charged)]
    for r, (label, value) in enumerate(rows, start=1):
        sheet.cell(row=r, column=1, value=label).font = Font(bold=True)
        if isinstance(value, Decimal):
            value = format(value, "f")          # text: exact, never a float
        elif value is not None and not isinstance(value, (int, str)):
            value = value.isoformat()
        sheet.cell(row=r, column=2, value=value)
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 40


def build_workbook(report: Report, problems=None) -> Workbook:
    """The tables workbook; `problems` defaults to gui.report.rules.check(report)."""
    if problems is None:
        from ..rules import check
        problems = check(report)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = TABLES_SHEET
    write_tables(sheet, report)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToHeight = 0
    write_problems(workbook.create_sheet(CHECK_SHEET), problems)
    write_info(workbook.create_sheet(INFO_SHEET), report)
    return workbook


def export_tables(report: Report, path, problems=None) -> None:
    """Write the tables workbook atomically; raises ExcelError with a Chinese message on failure."""
    save_atomically(build_workbook(report, problems), path)
