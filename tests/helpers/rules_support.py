"""A report that passes every check: the 淮安 2024 sample with its narratives written, and helpers."""
from __future__ import annotations

from gui.report import rules
from gui.report.form import CellRef
from gui.report.samples import huaian_2024

TEXTS = {
    "overview_active": "2024年，本机关主动公开政府信息5000余条。",
    "overview_request": "2024年，本机关共收到政府信息公开申请3119件，上年结转34件，办结3050件，结转下年度继续办理103件。",
    "overview_management": "全年受理市民12345处理单504件，答复率100%。",
    "overview_platform": "持续加强政府网站和政务新媒体建设。",
    "overview_supervision": "因政府信息公开被申请行政复议351件，被提起行政诉讼46件。",
    "problems": "一是公开内容不够全面。下一步，我们将进一步丰富公开内容。上年度报告提出的栏目更新不及时问题已整改到位。",
}
# Last year's own narratives (a report is not last year's copy): used by last_year_of()
LAST_TEXTS = {
    "overview_active": "2023年，本机关围绕重点领域主动公开各类政府信息4000余条。",
    "overview_request": "2023年，本机关共收到政府信息公开申请2800件，均在法定期限内答复。",
    "overview_management": "开展政策文件清理，及时调整公开目录。",
    "overview_platform": "推进政府网站集约化，整合政务新媒体账号。",
    "overview_supervision": "组织政务公开业务培训两次，开展专项督查。",
    "problems": "去年的问题是栏目更新不及时，今年已经整改完毕。",
    "other": "2023年，本机关严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费2000元。",
}


def clean_report():
    report = huaian_2024()
    report.texts.update(TEXTS)
    return report


def req(row: str, col: str) -> CellRef:
    return CellRef("requests", row, col)


def app(row: str, col: str) -> CellRef:
    return CellRef("appeals", row, col)


def act(row: str, col: str) -> CellRef:
    return CellRef("active", row, col)


def rules_of(report) -> list[str]:
    return [p.rule for p in rules.check(report)]


def only(report, rule: str):
    found = [p for p in rules.check(report) if p.rule == rule]
    assert len(found) == 1, [p.message for p in rules.check(report)]
    return found[0]


def last_year_of(report):
    """A last-year report that agrees with `report` on every cross-year check (R5, R7, R8, R11)."""
    last = clean_report()
    last.info.year = report.info.year - 1 if report.info.year else None
    for col in ("natural", "commercial", "research", "social", "legal", "other", "total"):
        last.set(req("carry_out", col), report.get(req("carry_in", col)))
    for row in ("rules", "normative"):
        issued, repealed, in_force = (report.get(act(row, c)) for c in ("issued", "repealed", "in_force"))
        last.set(act(row, "in_force"), in_force - issued + repealed)
    last.texts.update(LAST_TEXTS)
    return last
