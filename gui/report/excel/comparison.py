"""The comparison with last year (compare.py) as a workbook: a sheet per table with both years, the
change and the change in per cent, the warnings beside their figures; a sheet of the passages
identical to last year's with each section's repetition rate."""
from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ..compare import Comparison, field_label
from ..form import TABLE_BY_KEY, SECTION_BY_KEY
from .writing import save_atomically

HEADERS = ("项目", "栏目", "本年", "上年", "增减", "增减（%）", "提示")
WIDTHS = (40, 18, 12, 12, 12, 12, 60)
PASSAGES_SHEET = "与上年相同的文字"
PASSAGE_HEADERS = ("部分", "重复率（%）", "栏目", "与上年相同的文字")
WARNED = PatternFill("solid", fgColor="FFF2CC")
BOLD = Font(bold=True)


def _number(value):
    return float(value) if isinstance(value, Decimal) else value


def sheet_name(table_key: str) -> str:
    return f"{TABLE_BY_KEY[table_key].short_name}（{SECTION_BY_KEY[table_key].heading[2:][:20]}）"


def build_workbook(comparison: Comparison) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for key, rows in comparison.tables.items():
        sheet = workbook.create_sheet(sheet_name(key)[:31])
        sheet.append(HEADERS)
        for cell in sheet[1]:
            cell.font = BOLD
        for row in rows:
            for c in row.cells:
                warnings = comparison.problems_at(c.ref)
                column = next(col.label for col in row.row.columns if col.key == c.ref.column)
                percent = None if c.percent is None else round(c.percent, 1)
                sheet.append((row.label, column, _number(c.this), _number(c.last), _number(c.change), percent,
                              "；".join(p.message for p in warnings)))
                if warnings:
                    for cell in sheet[sheet.max_row]:
                        cell.fill = WARNED
                if row.leading:
                    sheet.cell(sheet.max_row, 1).font = BOLD
        _layout(sheet, WIDTHS)
    sheet = workbook.create_sheet(PASSAGES_SHEET)
    sheet.append(PASSAGE_HEADERS)
    for section in comparison.sections:
        sheet.append((section.heading, round(section.rate * 100), "", "" if section.passages else "（无）"))
        sheet.cell(sheet.max_row, 1).font = BOLD
        for p in section.passages:
            sheet.append(("", "", field_label(p.field), p.text))
    _layout(sheet, (26, 12, 26, 90))
    return workbook


def _layout(sheet, widths) -> None:
    sheet.freeze_panes = "A2"
    for i, width in enumerate(widths):
        sheet.column_dimensions[chr(65 + i)].width = width
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def export_comparison(comparison: Comparison, path) -> None:
    save_atomically(build_workbook(comparison), path)
