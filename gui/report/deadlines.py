"""When the report is due (《政府信息公开条例》第四十九条) and the date checks LATE and EARLY.

Art. 49: 县级以上人民政府部门 publish by 1月31日 of the following year; the 县级以上地方人民政府's
主管部门 publishes the government's own report by 3月31日. 乡镇/街道 are not named there: their county
sets the date, 1月31日 unless it says otherwise. A date the clerk enters on 基本信息 overrides the default.
"""
from __future__ import annotations

import datetime as dt

from .form import INFO_LABELS, LEVEL_BY_NAME
from .problems import ERROR, INFO_PREFIX, Problem

LATE = "LATE"        # 发布日期 after the 报送截止日期
EARLY = "EARLY"      # 发布日期 before the report year has ended

_BASIS = {
    "government": (3, 31, "县级以上人民政府的本级年度报告，《政府信息公开条例》第四十九条规定每年3月31日前公布"),
    "department": (1, 31, "县级以上人民政府部门的年度报告，《政府信息公开条例》第四十九条规定每年1月31日前公布"),
    "town": (1, 31, "乡镇/街道的截止日期由县（区）确定，未另行规定时按1月31日"),
}


def _basis(level: str) -> tuple[int, int, str]:
    found = LEVEL_BY_NAME.get(level)
    return _BASIS[found.deadline_basis if found else "town"]


def default_deadline(level: str, year: int | None) -> dt.date | None:
    """The 报送截止日期 the 条例 gives this 单位层级 for a report on `year`."""
    if not year:
        return None
    month, day, _ = _basis(level)
    return dt.date(year + 1, month, day)


def default_explanation(level: str, year: int | None = None) -> str:
    """Why the default is what it is, in Chinese (shown beside the field)."""
    month, day, why = _basis(level)
    when = f"{year + 1}年{month}月{day}日" if year else f"次年{month}月{day}日"
    return f"默认 {when}：{why}。"


def chinese_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def check_dates(report) -> list[Problem]:
    """EARLY: published on or before 31 December of the report year; LATE: after the deadline.
    A missing 发布日期 is not a problem while typing (the export says so)."""
    info = report.info
    published = info.publish_date
    if published is None or not info.year:
        return []
    field = INFO_PREFIX + "publish_date"
    name = f"基本信息「{INFO_LABELS['publish_date']}」"
    year_end = dt.date(info.year, 12, 31)
    if published <= year_end:
        return [Problem(EARLY, ERROR, f"{name}为 {chinese_date(published)}，早于报告年度结束："
                        f"{info.year}年度的报告统计到 {chinese_date(year_end)}，只能在此之后发布。"
                        "请核对发布日期或报告年度。", "info", field=field, actual=published.isoformat(),
                        key=f"{EARLY}:publish_date", fingerprint=f"{published}|{info.year}")]
    deadline = info.effective_deadline()
    if deadline is not None and published > deadline:
        days = (published - deadline).days
        source = ("（基本信息中填写的截止日期）" if info.deadline
                  else f"（{default_explanation(info.level, info.year).removesuffix('。')}）")
        return [Problem(LATE, ERROR, f"{name}为 {chinese_date(published)}，晚于{INFO_LABELS['deadline']} "
                        f"{chinese_date(deadline)}{source}，逾期 {days} 天发布。", "info", field=field,
                        expected=deadline.isoformat(), actual=published.isoformat(),
                        key=f"{LATE}:publish_date", fingerprint=f"{published}|{deadline}")]
    return []


def deadline_status(deadline: dt.date | None, today: dt.date, published: dt.date | None = None) -> str:
    """Beside the 报送截止日期: a report already published is judged by its 发布日期, not by today
    (a 2025 report published 2026-01-20 met its 2026-01-31 deadline, whatever the date now)."""
    if deadline is None:
        return "填写报告年度后计算截止日期"
    if published is not None:
        days = (deadline - published).days
        if days >= 0:
            return f"已按期发布（{INFO_LABELS['publish_date']}在截止日期{'当天' if not days else f'前 {days} 天'}）"
        return f"{INFO_LABELS['publish_date']}晚于截止日期 {-days} 天"
    days = (deadline - today).days
    if days > 0:
        return f"距截止还有 {days} 天"
    if days == 0:
        return "今天截止"
    return f"已超过截止日期 {-days} 天"


def export_hints(report) -> list[str]:
    """What exporting should point out without refusing: a missing 发布日期 (the sign-off is left
    「年 月 日」 to fill in), with the deadline it must meet."""
    info = report.info
    if info.publish_date is not None:
        return []
    deadline = info.effective_deadline()
    due = f"，须在{INFO_LABELS['deadline']} {chinese_date(deadline)}前发布" if deadline else ""
    return [f"提示：未填写{INFO_LABELS['publish_date']}，落款日期留作「年 月 日」待填{due}。"]
