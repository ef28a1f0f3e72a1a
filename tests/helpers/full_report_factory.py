"""A report with everything a draft can hold: every table filled, every text written (with quotes,
backslashes, Windows line breaks, tabs, emoji and characters outside the BMP), the opening
paragraph, the fee, confirmations, and last year's report attached with its own texts."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from gui.report.model import Confirmation, Fee
from rules_support import clean_report, last_year_of

AWKWARD = "「引号」\"双引号\" \\反斜杠\r\n换行\t制表 😀𠀀\u2028\u00a0末尾空格 "


def full_report():
    report = clean_report()
    last = last_year_of(report)
    last.texts["other"] = "上年没有收取信息处理费。" + AWKWARD
    last.confirmations = {"R10:other": Confirmation("已核实：上年未收费。", "0" * 64)}
    report.last_year = last
    info = report.info
    info.compiler, info.address = "淮安市人民政府办公室", "江苏省淮安市清江浦区健康东路 8 号"
    info.postcode, info.phone = "223001", "0517-83606000"
    info.publish_date, info.deadline = dt.date(2025, 1, 20), dt.date(2025, 1, 31)
    for key in report.texts:
        report.texts[key] += AWKWARD
    report.opening = "根据《中华人民共和国政府信息公开条例》……" + AWKWARD
    report.opening_enabled = False
    report.fee = Fee(Decimal("3940.50"), 3)
    report.confirmations = {
        "R5:requests.carry_in": Confirmation("已核实：上年结转数以系统台账为准。" + AWKWARD, "a" * 64),
        "R10:other": Confirmation("已核实：收费标准见六。", "b" * 64),
    }
    return report
