"""Starting this year's report from last year's: 基本信息, the carry-over of table 三, and last year
kept beside the new report so that the cross-year checks (R5, R7, R11) can run.
"""
from __future__ import annotations

import copy
import dataclasses

from .form import REQUESTS, TEXT_FIELDS, CellRef
from .model import Report

CARRY_IN, CARRY_OUT = "carry_in", "carry_out"


def detached(last: Report) -> Report:
    """A deep copy of `last` without its own last year (only one year back is ever kept) and
    without its importer's findings (last year's document is not being checked)."""
    shallow = copy.copy(last)
    shallow.last_year = None
    shallow.import_findings = ()
    return shallow.copy()


def carry_over(last: Report) -> dict[CellRef, object]:
    """This year's 上年结转 cells from last year's 结转下年度继续办理, column by column (all 7)."""
    return {CellRef(REQUESTS.key, CARRY_IN, col.key): last.get(CellRef(REQUESTS.key, CARRY_OUT, col.key))
            for col in REQUESTS.row(CARRY_IN).columns}


def new_from_last(last: Report, copy_texts: bool = False) -> Report:
    """A new report for the year after `last`: 基本信息 copied with the year plus one (the dates
    are this year's to decide), 上年结转 = last year's 结转下年度继续办理, every other cell blank,
    and last year attached. The narratives are copied only when asked (copy_texts)."""
    info = dataclasses.replace(last.info, publish_date=None, deadline=None,
                               year=last.info.year + 1 if last.info.year else None)
    report = Report(info)
    report.opening_enabled = last.opening_enabled
    if copy_texts:
        for field in TEXT_FIELDS:
            report.texts[field.key] = last.texts.get(field.key, "")
    report.set_many(carry_over(last))
    report.last_year = detached(last)
    return report


def attach_last_year(report: Report, last: Report | None) -> list[str]:
    """Attach (or, with None, remove) last year's report; returns warnings in Chinese about a
    report that does not look like the previous year of the same organ."""
    if last is None:
        report.last_year = None
        return []
    report.last_year = detached(last)
    return mismatch_warnings(report, last)


def mismatch_warnings(report: Report, last: Report) -> list[str]:
    warnings = []
    year, last_year = report.info.year, last.info.year
    if year and last_year and last_year != year - 1:
        warnings.append(f"所选报告是 {last_year} 年度的，不是本报告（{year} 年度）的上一年度。")
    organ, last_organ = report.info.organ.strip(), last.info.organ.strip()
    if organ and last_organ and organ != last_organ:
        warnings.append(f"所选报告的机关名称是「{last_organ}」，与本报告的「{organ}」不同。")
    return warnings


def carry_in_differences(report: Report) -> list[CellRef]:
    """The 上年结转 cells that differ from the attached last year's 结转下年度继续办理."""
    if report.last_year is None:
        return []
    return [ref for ref, value in carry_over(report.last_year).items() if report.get(ref) != value]


__all__ = ["new_from_last", "attach_last_year", "carry_over", "carry_in_differences", "detached",
           "mismatch_warnings"]
