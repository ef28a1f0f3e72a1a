"""The ledger template: one row per application, drop-downs from the official form, instructions."""
from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .. import form
from .ledger_vocab import FIELDS, KIND_OPTIONS, RESULT_LABEL, RESULT_OPTIONS, SOURCES, UNFINISHED
from .writing import save_atomically

LEDGER_SHEET = "台账"
LISTS_SHEET = "选项"
HELP_SHEET = "填写说明"
TEMPLATE_ROWS = 5000          # rows that carry the drop-downs and date format
DATE_FORMAT = "yyyy-mm-dd"
_THIN = Side(style="thin", color="808080")


def instructions(year: int | None) -> list[str]:
    y = str(year) if year else "本"
    labels = {f.key: f.label for f in FIELDS}
    row = form.REQUESTS.row
    return [
        "依申请公开登记台账 填写说明",
        "",
        f"1. 每件政府信息公开申请填一行，{y}年度内收到的和上年结转未办结的申请都要登记。",
        f"2. 「{labels['received']}」填收到申请的日期，格式如 2024-03-05（也可写 2024年3月5日）。",
        f"3. 「{labels['kind']}」从下拉列表选择：{'、'.join(KIND_OPTIONS)}。"
        f"后五类属于「{form.REQUESTS_ORGANISATIONS}」。",
        f"4. 「{labels['source']}」选择「{SOURCES[0]}」或「{SOURCES[1]}」。"
        "上年结转的申请，收到日期应在上一年。",
        f"5. 「{labels['result']}」从下拉列表选择表三中的一种办理结果；到 12月31日仍未办完的选择「{UNFINISHED}」，"
        f"计入「{row('carry_out').label}」。",
        f"6. 每件申请只选一种办理结果；部分公开的只计入「{row('partial').label}」。",
        f"7. 「{row('unable_1').label.partition('.')[2]}」属于「{row('unable_1').path[1]}」，不要选「{row('deny_1').path[1]}」。",
        f"8. 申请人撤回的申请一般选「{RESULT_LABEL['other_3']}」。",
        f"9. 「{labels['done']}」填答复或办结的日期；尚未办结的留空。在下一年才办结的，导入时按结转下年度计。",
        f"10. 「{labels['content']}」「{labels['note']}」可不填。可以增加其他列，导入时会忽略。",
        "11. 填好后在年报助手的表三页面点「从台账导入」，或运行：python main.py import-ledger 台账.xlsx --into 草稿.json",
        "    导入时会列出有问题的行（按 Excel 行号），这些行不计入表三。",
    ]


def build_template(year: int | None = None) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = LEDGER_SHEET
    header_font = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for i, f in enumerate(FIELDS, start=1):
        cell = sheet.cell(row=1, column=i, value=f.label)
        cell.font, cell.fill = header_font, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
        sheet.column_dimensions[get_column_letter(i)].width = f.width
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 22

    lists = workbook.create_sheet(LISTS_SHEET)
    # no header row here: a row of column names could be taken for the ledger's own header
    for col, options in enumerate((KIND_OPTIONS, SOURCES, RESULT_OPTIONS), start=1):
        for r, text in enumerate(options, start=1):
            lists.cell(row=r, column=col, value=text)
    lists.sheet_state = "hidden"

    column = {f.key: get_column_letter(i) for i, f in enumerate(FIELDS, start=1)}
    last = TEMPLATE_ROWS + 1
    for key, list_col, count, prompt in (
            ("kind", "A", len(KIND_OPTIONS), "请从下拉列表选择申请人类型"),
            ("source", "B", len(SOURCES), "请选择本年新收或上年结转"),
            ("result", "C", len(RESULT_OPTIONS), "请从下拉列表选择办理结果")):
        options = f"='{LISTS_SHEET}'!${list_col}$1:${list_col}${count}"
        validation = DataValidation(type="list", formula1=options,
                                    allow_blank=True, showErrorMessage=True, errorTitle="输入有误",
                                    error=prompt + "。", promptTitle="提示", prompt=prompt,
                                    showInputMessage=True)
        validation.add(f"{column[key]}2:{column[key]}{last}")
        sheet.add_data_validation(validation)
    low = dt.date(year - 5, 1, 1) if year else dt.date(2000, 1, 1)
    high = dt.date(year + 1, 12, 31) if year else dt.date(2099, 12, 31)
    dates = DataValidation(type="date", operator="between", formula1=str((low - dt.date(1899, 12, 30)).days),
                           formula2=str((high - dt.date(1899, 12, 30)).days), allow_blank=True,
                           showErrorMessage=True, errorTitle="日期有误",
                           error="请填写日期，例如 2024-03-05。")
    for key in ("received", "done"):
        dates.add(f"{column[key]}2:{column[key]}{last}")
        sheet.column_dimensions[column[key]].number_format = DATE_FORMAT
        for r in range(2, last + 1):
            sheet[f"{column[key]}{r}"].number_format = DATE_FORMAT
    sheet.add_data_validation(dates)

    help_sheet = workbook.create_sheet(HELP_SHEET)
    for r, line in enumerate(instructions(year), start=1):
        help_sheet.cell(row=r, column=1, value=line)
    help_sheet["A1"].font = Font(bold=True, size=14)
    help_sheet.column_dimensions["A"].width = 110
    workbook.active = 0
    return workbook


def write_template(path, year: int | None = None) -> None:
    """Write the template; raises ExcelError when the file cannot be written."""
    save_atomically(build_template(year), path)
