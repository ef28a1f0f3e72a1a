"""A completely filled, consistent report: 淮安市人民政府's published 2024 figures (FORMAT.md §7).

Used by the benchmarks, the tests and the screenshots as "a full report" that satisfies R1–R4.
"""
from __future__ import annotations

from decimal import Decimal

from .form import APPLICANT_COLUMNS, REQUESTS, REQUESTS_COLUMNS, CellRef
from .model import Info, Report

_REQUESTS = {   # the six applicant columns; 总计 is their sum
    "new": (3001, 53, 0, 0, 61, 4),
    "carry_in": (34, 0, 0, 0, 0, 0),
    "open": (1288, 21, 0, 0, 50, 3),
    "partial": (447, 7, 0, 0, 0, 0),
    "deny_1": (2, 0, 0, 0, 0, 0), "deny_2": (30, 1, 0, 0, 0, 0), "deny_3": (5, 0, 0, 0, 0, 0),
    "deny_4": (6, 0, 0, 0, 0, 0), "deny_5": (7, 1, 0, 0, 0, 0), "deny_6": (12, 0, 0, 0, 0, 0),
    "deny_7": (9, 0, 0, 0, 0, 0), "deny_8": (105, 0, 0, 0, 0, 0),
    "unable_1": (746, 12, 0, 0, 10, 1), "unable_2": (11, 0, 0, 0, 0, 0),
    "unable_3": (1, 0, 0, 0, 0, 0),
    "noproc_1": (56, 6, 0, 0, 0, 0), "noproc_2": (25, 0, 0, 0, 0, 0),
    "noproc_3": (0, 0, 0, 0, 0, 0), "noproc_4": (0, 0, 0, 0, 0, 0), "noproc_5": (1, 0, 0, 0, 0, 0),
    "other_1": (67, 3, 0, 0, 1, 0), "other_2": (6, 0, 0, 0, 0, 0), "other_3": (108, 2, 0, 0, 0, 0),
    "total": (2932, 53, 0, 0, 61, 4),
    "carry_out": (103, 0, 0, 0, 0, 0),
}
_ACTIVE = {
    ("rules", "issued"): 1, ("rules", "repealed"): 0, ("rules", "in_force"): 11,
    ("normative", "issued"): 8, ("normative", "repealed"): 26, ("normative", "in_force"): 66,
    ("licensing", "value"): 447228, ("penalty", "value"): 3985758, ("coercion", "value"): 88283,
    ("fees", "value"): Decimal("96171.6"),
}
_APPEALS = {
    "review": (72, 64, 178, 37, 351),
    "suit_direct": (13, 4, 8, 1, 26),
    "suit_after_review": (12, 1, 1, 6, 20),
}

# Narratives written for the sample (the published report's own text is longer); figures agree with the tables.
_TEXTS = {
    "overview_active": "2024年，本机关坚持以公开为常态、不公开为例外，围绕重点领域主动公开政府信息。",
    "overview_request": "2024年，本机关共收到政府信息公开申请3119件，上年结转34件，办结3050件，结转下年度继续办理103件。",
    "overview_management": "严格落实公开前保密审查，动态调整政府信息公开目录。",
    "overview_platform": "持续加强政府网站和政务新媒体建设，优化政府信息公开专栏。",
    "overview_supervision": "将政务公开纳入年度考核，开展业务培训，加强监督检查。",
    "problems": "一是政策解读形式不够丰富。二是基层政务公开标准化规范化水平有待提升。"
                "下一步，本机关将丰富解读形式，持续推进基层政务公开标准化规范化建设。",
}


def huaian_2024() -> Report:
    report = Report(Info(organ="淮安市人民政府", year=2024, level="市级人民政府",
                         compiler="淮安市人民政府办公室"))
    for (row, col), value in _ACTIVE.items():
        report.set(CellRef("active", row, col), value)
    for row in REQUESTS.rows:
        values = _REQUESTS[row.key]
        for col, value in zip(APPLICANT_COLUMNS, values):
            report.set(CellRef("requests", row.key, col), value)
        report.set(CellRef("requests", row.key, REQUESTS_COLUMNS[-1].key), sum(values))
    for row, values in _APPEALS.items():
        for col, value in zip(("upheld", "corrected", "other", "pending", "total"), values):
            report.set(CellRef("appeals", row, col), value)
    report.texts.update(_TEXTS)
    report.fee.amount_yuan = Decimal(3940)
    report.texts["other"] = "2024年，本机关严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。"
    return report
