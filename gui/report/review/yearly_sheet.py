"""The sheet 年度比对 of the review workbook: per unit the main figures of this year and last year and
the change, the county's totals, the unmatched units, and two native Excel charts (openpyxl chart
objects Excel and WPS can edit): 本年新收申请 per unit this year against last, and the share of each
result type of 三 for the county."""
from __future__ import annotations

from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .examine import RESULT_GROUPS, TOTALS
from .yearly import YearComparison

YEARLY = "年度比对"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def _change(this, last):
    return None if this is None or last is None else this - last


def headers(yearly: YearComparison) -> tuple:
    this, last = yearly.this_year or "本年", yearly.last_year or "上年"
    out = ["单位", "上年报告中的机关名称"]
    for heading, _ in TOTALS:
        out += [f"{heading}（{this}年）", f"{heading}（{last}年）", f"{heading}增减"]
    return tuple(out)


def add_sheet(workbook, yearly: YearComparison, print_setup) -> None:
    """`print_setup(sheet)`: the review workbook's own page set-up."""
    sheet = workbook.create_sheet(YEARLY)
    sheet.append(headers(yearly))
    for cell in sheet[1]:
        cell.font = BOLD
    for row in yearly.rows:
        values = [row.unit, row.last_name]
        for this, last in zip(row.this, row.last):
            values += [this, last, _change(this, last)]
        sheet.append(values)
    first, last_row = 2, sheet.max_row
    total = ["合计", ""]
    for i in range(len(TOTALS)):
        this = sum(r.this[i] or 0 for r in yearly.rows)
        before = sum(r.last[i] or 0 for r in yearly.rows)
        total += [this, before, this - before]
    sheet.append(total)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for i in range(1, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(i)].width = 24 if i <= 2 else 11
        sheet.cell(1, i).alignment = WRAP
    sheet.row_dimensions[1].height = 45
    sheet.freeze_panes = "C2"
    print_setup(sheet)
    if yearly.rows:
        _requests_chart(sheet, yearly, first, last_row)
    at = sheet.max_row + 2
    at = _results_table(sheet, yearly, at)
    for title, names in (("上年没有对应报告的单位", yearly.unmatched_this),
                         ("上年有报告、本年未报送的单位", yearly.unmatched_last),
                         ("上年无法读取的文件", [p.name for p in yearly.unreadable])):
        if names:
            at += 1
            sheet.cell(at, 1, title).font = BOLD
            for name in names:
                at += 1
                sheet.cell(at, 1, name)


def _requests_chart(sheet, yearly, first: int, last_row: int) -> None:
    chart = BarChart()
    chart.type = "col"
    chart.title = f"各单位{TOTALS[0][0]}：{yearly.this_year or '本年'}年与{yearly.last_year or '上年'}年"
    chart.y_axis.title = "件"
    data = Reference(sheet, min_col=3, max_col=4, min_row=1, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last_row))
    chart.width, chart.height = 24, 10
    sheet.add_chart(chart, f"A{sheet.max_row + 3}")


def _results_table(sheet, yearly, at: int) -> int:
    """The county's results by type (both years) and a pie of this year's shares; returns the next row."""
    at += 22                               # below the bar chart (10 cm high)
    sheet.cell(at, 1, "办理结果类型").font = BOLD
    sheet.cell(at, 2, f"{yearly.this_year or '本年'}年").font = BOLD
    sheet.cell(at, 3, f"{yearly.last_year or '上年'}年").font = BOLD
    start = at + 1
    for i, (label, _) in enumerate(RESULT_GROUPS):
        at += 1
        sheet.cell(at, 1, label.split("（区分")[0])
        sheet.cell(at, 2, sum(r.this_results[i] for r in yearly.rows if r.this_results))
        sheet.cell(at, 3, sum(r.last_results[i] for r in yearly.rows if r.last_results))
    pie = PieChart()
    pie.title = f"{yearly.this_year or '本年'}年全县办理结果构成"
    pie.add_data(Reference(sheet, min_col=2, min_row=start - 1, max_row=at), titles_from_data=True)
    pie.set_categories(Reference(sheet, min_col=1, min_row=start, max_row=at))
    pie.dataLabels = DataLabelList()
    pie.dataLabels.showPercent = True
    for shown in ("showVal", "showCatName", "showSerName", "showLegendKey"):
        setattr(pie.dataLabels, shown, False)
    pie.width, pie.height = 16, 10
    sheet.add_chart(pie, f"E{start - 1}")
    return max(at, start + 20)
