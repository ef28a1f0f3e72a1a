"""Reports at the limits of the form, for the hostile-input, limits and benchmark tests.

- ceiling_report(): every field filled, every count cell at MAX_COUNT, the fee at its largest value,
  long texts with quotes, backslashes, line breaks and 4-byte characters; relations are broken
  (a 总计 of six cells at the maximum would be six times the maximum).
- consistent_ceiling_report(): the relations hold and the totals reach MAX_COUNT exactly; the cap on
  the totals forces the cells they add up to below the maximum.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from gui.report.form import (ACTIVE, ALL_CELLS, APPEALS, APPEALS_COLUMNS, APPLICANT_COLUMNS, DETAIL_ROWS,
                             FEE, FEE_PLACES, YUAN_PLACES, LEVELS, MAX_COUNT, MAX_FEE_INTEGER_DIGITS, REQUESTS,
                             TEXT_FIELDS, CellRef, kind_of)
from gui.report.draft_reader import MAX_YUAN_DIGITS
from gui.report.model import Confirmation, Fee, Info, Report

MAX_FEE = Decimal(10 ** MAX_FEE_INTEGER_DIGITS) - Decimal(1).scaleb(-FEE_PLACES)      # 999999999.999999 万元
MAX_YUAN = Decimal(10 ** MAX_YUAN_DIGITS) - Decimal(1).scaleb(-YUAN_PLACES)          # 999999999999.9999 元
AWKWARD = "「引号」\"双引号\"\\反斜杠\n换行\t制表 😀𠀀 1,234 件 ５６ 万元 "


def long_text(label: str, length: int) -> str:
    body = (label + AWKWARD) * (length // (len(label) + len(AWKWARD)) + 1)
    return body[:length]


def _filled(report: Report, text_length: int, year: int) -> Report:
    report.info = Info(organ="某某省某某市某某县某某镇人民政府" * 5, year=year, level=LEVELS[-1],
                       compiler="某某镇人民政府办公室" * 5, address=long_text("地址", 200),
                       postcode="999999", phone="0000-99999999 转 9999",
                       publish_date=dt.date(year + 1, 1, 31), deadline=dt.date(year + 1, 1, 31))
    report.texts = {f.key: long_text(f.label, text_length) for f in TEXT_FIELDS}
    report.opening = long_text("开头", text_length)
    report.opening_enabled = True
    report.fee = Fee(MAX_YUAN, MAX_COUNT)
    report.confirmations = {f"R{n}:key": Confirmation(long_text("已核实", 300), "f" * 64) for n in (5, 7, 10)}
    return report


def ceiling_report(text_length: int = 2000, with_last_year: bool = True) -> Report:
    report = _filled(Report(), text_length, 2024)
    for ref in ALL_CELLS:
        report.set(ref, MAX_FEE if kind_of(ref) == FEE else MAX_COUNT)
    if with_last_year:
        report.last_year = ceiling_report(text_length, with_last_year=False)
        report.last_year.info.year = 2023
    return report


def consistent_ceiling_report(text_length: int = 2000) -> Report:
    """表三's grand total and 表四's totals at MAX_COUNT; 表二 (no relations) all at the maximum."""
    report = _filled(Report(), text_length, 2024)
    for ref in ACTIVE.cells():
        report.set(ref, MAX_FEE if kind_of(ref) == FEE else MAX_COUNT)
    share = MAX_COUNT // len(APPLICANT_COLUMNS)                       # 166666666, the last column the rest
    column_totals = [share] * (len(APPLICANT_COLUMNS) - 1)
    column_totals.append(MAX_COUNT - sum(column_totals))
    for col, total in zip(APPLICANT_COLUMNS, column_totals):
        details = dict.fromkeys(DETAIL_ROWS, 0)
        details["open"] = total - (len(DETAIL_ROWS) - 1)               # every other result 1 件
        details.update({r: 1 for r in DETAIL_ROWS if r != "open"})
        values = {**details, "total": total, "carry_out": 0, "carry_in": 0, "new": total}
        for row, value in values.items():
            report.set(CellRef(REQUESTS.key, row, col), value)
    for row in REQUESTS.rows:
        report.set(CellRef(REQUESTS.key, row.key, "total"),
                   sum(report.get(CellRef(REQUESTS.key, row.key, c)) for c in APPLICANT_COLUMNS))
    parts = [MAX_COUNT // 4] * 3
    parts.append(MAX_COUNT - sum(parts))
    for row in APPEALS.rows:
        for column, value in zip(APPEALS_COLUMNS, parts + [MAX_COUNT]):
            report.set(CellRef(APPEALS.key, row.key, column.key), value)
    return report
