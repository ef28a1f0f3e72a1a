"""The review workbook: 「总览」, 「问题明细」, 「跨单位」, 「未审查的文件」; written atomically and
enough on its own to reopen the review (read_review) — no side file.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ..excel.safety import ExcelError, open_workbook
from ..excel.writing import save_atomically
from ..form import INFO_LABELS, LEVELS
from ..problems import ERROR, SEVERITY_LABELS
from .compare import LAST_YEAR
from .examine import TOTALS
from .model import (CROSS_RULES, NEEDS_CHANGES, PUBLISHABLE, UNREADABLE, CrossFinding, Finding,
                    Review, Skipped, UnitReview)

OVERVIEW, DETAILS, CROSS, SKIPPED = "总览", "问题明细", "跨单位", "未审查的文件"
PUBLISHED, DEADLINE = INFO_LABELS["publish_date"], INFO_LABELS["deadline"]
LATE_MARK = "（逾期）"
OVERVIEW_HEADERS = (("机关", 22), ("层级", 10), ("年度", 7), ("文件", 18), (PUBLISHED, 14),
                    (DEADLINE, 12), ("错误数", 7), ("提示数", 7)) + tuple(
    (heading, 10) for heading, _ in TOTALS) + (("状态", 9), ("说明", 34), ("路径", 30))
DETAIL_HEADERS = (("机关", 20), ("文件", 16), ("步骤", 14), ("规则", 13), ("规则名称", 14),
                  ("严重程度", 9), ("位置", 34), ("说明", 60), ("修改建议", 18), ("已核实", 14),
                  ("路径", 30))
# The rules' Chinese names beside their codes, for a reviewer who does not know R3 or BLANK.
RULE_NAMES = {"R1": "表三申请总数勾稽", "R2": "表三办理结果合计", "R3": "表三各列合计",
              "R4": "表四合计", "R5": "上年结转", "R6": "数值不合规", "R7": "现行有效件数",
              "R8": "废止件数与规章", "R9": "正文数字与表格", "R9U": "「均获维持」与表四",
              "R10": "信息处理费", "R11": "与上年内容雷同", "BLANK": "空白单元格",
              "READ": "无法读取", "LATE": "逾期发布", "EARLY": "发布日期过早", "INFO": "基本信息",
              "EMPTY": "内容空白", "THEME": "部分主题", "STALE_YEAR": "年份陈旧",
              "OLD_NOTICE": "引用已废止文件", "MEASURES": "缺少改进措施",
              "LAST_PROBLEMS": "上年问题整改", "IMPORT_LABEL": "标签不一致",
              "IMPORT_HEADING": "标题改动", "IMPORT_TITLE": "报告标题", "OLD_FORMAT": "2019年试行格式",
              "IMPORT_SLASH": "用「/」代替0", "YEAR_JUMP": "与上年相比变化异常",
              "YEAR_VANISH": "上年有、本年为零", **CROSS_RULES}
CROSS_HEADERS = (("类型", 10), ("单位", 24), ("另一单位", 24), ("部分", 26), ("相同比例", 9),
                 ("说明", 60))
SKIPPED_HEADERS = (("文件", 50), ("原因", 70))
_SEVERITY = {label: key for key, label in SEVERITY_LABELS.items()}
_RULE_BY_NAME = {name: rule for rule, name in CROSS_RULES.items()}
_FILLS = {UNREADABLE: "D9D9D9", NEEDS_CHANGES: "F8CBAD", PUBLISHABLE: "C6EFCE"}
OPTIONAL = {"规则名称"}
_BOLD = Font(bold=True)
_TOP = Alignment(wrap_text=True, vertical="top")


def note(unit: UnitReview) -> str:
    """The 说明 of a unit's line: why it cannot be read, or whether it gets a reply."""
    if unit.unreadable is not None:
        return unit.unreadable
    if not unit.needs_letter:
        return "没有需要修改的问题，不发审查意见。"
    sent = f"审查意见：{unit.letter.name}" if unit.letter else "需发审查意见"
    if not unit.errors:
        return f"可以发布；有 {unit.warnings} 个提示请单位核实（{sent}）。"
    return sent + "。"


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _sheet(workbook, title: str, headers, rows) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append([h for h, _ in headers])
    for cell in sheet[1]:
        cell.font = _BOLD
    for row in rows:
        sheet.append(list(row))
    for i, (_, width) in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=i).column_letter].width = width
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = _TOP
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _print_setup(sheet)
    return sheet


def _print_setup(sheet) -> None:
    """Printed as a reviewer files it: A4 landscape, every column on one page width (as many
    pages down as needed), the header row on each page, long text wrapped in its cell."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


def build_workbook(review: Review) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    units = review.sorted_units()
    rows = []
    for u in units:
        published = _date(u.publish_date)
        if published and u.late:
            published += LATE_MARK
        rows.append((u.organ, u.level or None, u.year, u.path.name, published, _date(u.deadline),
                     u.errors, u.warnings, *(u.totals or (None,) * len(TOTALS)), u.status, note(u),
                     str(u.path)))
    sheet = _sheet(workbook, OVERVIEW, OVERVIEW_HEADERS, rows)
    status_col, date_col = len(OVERVIEW_HEADERS) - 2, 5
    for r, unit in enumerate(units, start=2):
        sheet.cell(row=r, column=status_col).fill = PatternFill("solid", fgColor=_FILLS[unit.status])
        if unit.late:
            sheet.cell(row=r, column=date_col).font = Font(color="C00000", bold=True)
    details = [(u.organ, u.path.name, f.step, f.rule, RULE_NAMES.get(f.rule, ""),
                SEVERITY_LABELS[f.severity], f.location, f.message, f.change, f.confirmed, str(u.path))
               for u in units for f in u.findings]
    _sheet(workbook, DETAILS, DETAIL_HEADERS, details)
    _sheet(workbook, CROSS, CROSS_HEADERS,
           [(CROSS_RULES[c.rule], c.unit, c.other, c.part, f"{c.share}%" if c.share is not None else None,
             c.message) for c in review.cross])
    _sheet(workbook, SKIPPED, SKIPPED_HEADERS, [(str(s.path), s.reason) for s in review.skipped])
    if review.yearly is not None:
        from .yearly_sheet import add_sheet
        add_sheet(workbook, review.yearly, _print_setup)
    return workbook


def save_review(review: Review, path) -> None:
    save_atomically(build_workbook(review), path)


# ── reopening ─────────────────────────────────────────────────────────────────────────────
def _rows(workbook, title: str, headers, path: Path):
    if title not in workbook.sheetnames:
        raise ExcelError(f"「{path.name}」不是审查结果工作簿：没有「{title}」工作表。")
    rows = workbook[title].iter_rows(values_only=True)
    head = tuple(next(rows, ()))
    names = [h for h, _ in headers]
    # Workbooks saved before 「规则名称」 was added lack only that column.
    if not set(names) - OPTIONAL <= set(head):
        raise ExcelError(f"「{path.name}」的「{title}」工作表不是本程序生成的格式，无法打开。")
    for row in rows:
        if any(v not in (None, "") for v in row):
            yield dict(zip(head, row))


def _parse_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", str(value or ""))
    return dt.date(*map(int, m.groups())) if m else None


def _text(value) -> str:
    return "" if value is None else str(value)


def read_review(path) -> Review:
    """A review reopened from its workbook; raises ExcelError (Chinese) when it is not one."""
    path = Path(path)
    workbook = open_workbook(path, read_only=True)
    try:
        return _read(workbook, path)
    except (TypeError, ValueError, KeyError) as exc:
        raise ExcelError(f"「{path.name}」中的审查结果不完整或被改动过，无法打开（{type(exc).__name__}）。") from None
    finally:
        workbook.close()


def _read(workbook, path: Path) -> Review:
    units: dict[str, UnitReview] = {}
    for row in _rows(workbook, OVERVIEW, OVERVIEW_HEADERS, path):
        where = _text(row["路径"])
        unreadable = row["说明"] if row["状态"] == UNREADABLE else None
        level = _text(row["层级"])
        units[where] = UnitReview(Path(where), _text(row["机关"]), level if level in LEVELS else "",
                                  int(row["年度"]) if row["年度"] else None, _parse_date(row[PUBLISHED]),
                                  _parse_date(row[DEADLINE]),
                                  () if unreadable else tuple(row[h] for h, _ in TOTALS),
                                  unreadable=unreadable)
    for row in _rows(workbook, DETAILS, DETAIL_HEADERS, path):
        unit = units.get(_text(row["路径"]))
        if unit is None:
            raise KeyError(row["路径"])
        confirmed = row["已核实"]
        unit.findings.append(Finding(_text(row["规则"]), _SEVERITY.get(row["严重程度"], ERROR),
                                     _text(row["步骤"]), _text(row["位置"]), _text(row["说明"]),
                                     _text(row["修改建议"]), None if confirmed is None else str(confirmed)))
    cross = []
    for row in _rows(workbook, CROSS, CROSS_HEADERS, path):
        share = re.match(r"(\d+)", _text(row["相同比例"]))
        cross.append(CrossFinding(_RULE_BY_NAME.get(row["类型"], _text(row["类型"])), _text(row["单位"]),
                                  _text(row["另一单位"]) or LAST_YEAR, _text(row["部分"]),
                                  int(share.group(1)) if share else None, _text(row["说明"])))
    skipped = [Skipped(Path(_text(r["文件"])), _text(r["原因"]))
               for r in _rows(workbook, SKIPPED, SKIPPED_HEADERS, path)]
    from ..excel.summary import common_year
    review = Review(common_year(u.year for u in units.values()), list(units.values()), cross, skipped)
    return review
