"""One unit's file, read and checked (runs in a worker process): what the review keeps of it.

The whole Report stays in the worker; back come the unit's line of the overview, its problems in
official words, and the few traits the cross-unit comparison needs (texts, table digests, last
year's totals).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .. import form
from ..excel.summary import UNIT_TOTALS
from ..lead_ins import LEAD_IN
from ..places import info_name, problem_location, step_name
from ..problems import ERROR, INFO_PREFIX, Problem
from .model import LATE_RULE, READ_RULE, Finding, UnitReview

_SUIT = tuple(ref for heading, ref in UNIT_TOTALS if ref.table == "appeals" and ref.row != "review")
# The totals of the overview: (heading, cells added up). Headings are those of the county summary.
TOTALS = tuple((heading, (ref,)) for heading, ref in UNIT_TOTALS
               if ref.row in ("new", "total", "carry_out", "review")) + ((f"{form.SUIT}总计", _SUIT),)
# The result groups of 三 (（一）予以公开 … （六）其他处理): (label, rows), from the form itself.
RESULT_GROUPS = tuple((label, tuple(k for k, _, b, _ in form.REQUESTS_BODY if b == label))
                      for label in dict.fromkeys(b for k, _, b, _ in form.REQUESTS_BODY if k in form.DETAIL_ROWS))
# The narratives compared between units: (the section's heading, its text fields).
NARRATIVES = tuple((s.heading, tuple(f.key for f in form.TEXT_FIELDS if f.section == s.key))
                   for s in form.SECTIONS if any(f.section == s.key for f in form.TEXT_FIELDS))
# Two tables are only called the same when they hold this much: many small towns share all zeros.
SAME_TABLE_NONZERO = 4
SAME_TABLE_DISTINCT = 3
PUBLISH_FIELD = INFO_PREFIX + "publish_date"


@dataclass
class Traits:
    """What the comparison of units needs of one unit (small: a few kilobytes)."""
    texts: dict[str, str] = field(default_factory=dict)        # section heading → its text
    tables: dict[str, str] = field(default_factory=dict)       # 表二 … → digest of its cells
    last_totals: tuple | None = None                          # last year's TOTALS, if attached


def value_text(value) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


# LEAD_IN is the clerk's: in a published document 「主动公开情况。」 is a run-in heading of the unit's
# own layout, not a fault, and the export prints each official heading once in any case.
NOT_REVIEWED = frozenset({LEAD_IN})


def finding(problem: Problem) -> Finding:
    if problem.fix is not None:
        change = problem.fix.label
    elif problem.expected is not None:
        change = f"应为 {value_text(problem.expected)}"
    else:
        change = "请改正" if problem.is_error else "请核实"
    return Finding(problem.rule, problem.severity, step_name(problem.step), problem_location(problem),
                   problem.message, change, problem.confirmed)


def totals_of(report) -> tuple:
    out = []
    for _, refs in TOTALS:
        values = [report.get(ref) for ref in refs]
        out.append(None if None in values else sum(values))
    return out and tuple(out)


def _digest(report, table) -> str | None:
    values = [report.get(ref) for ref in table.cells()]
    nonzero = [v for v in values if v]
    if len(nonzero) < SAME_TABLE_NONZERO or len(set(nonzero)) < SAME_TABLE_DISTINCT:
        return None
    return hashlib.blake2b(repr(values).encode(), digest_size=12).hexdigest()


def traits_of(report) -> Traits:
    texts = {heading: "\n".join(report.texts.get(k) or "" for k in keys) for heading, keys in NARRATIVES}
    tables = {t.short_name: d for t in form.TABLES if (d := _digest(report, t))}
    last = report.last_year
    return Traits(texts, tables, totals_of(last) if last is not None else None)


def late_finding(unit: UnitReview) -> Finding:
    date, deadline = unit.publish_date, unit.deadline
    return Finding(LATE_RULE, ERROR, step_name("info"), info_name("publish_date"),
                   f"{info_name('publish_date')}为 {date.year}年{date.month}月{date.day}日，"
                   f"晚于报送截止日期 {deadline.year}年{deadline.month}月{deadline.day}日（逾期发布）。",
                   f"发布日期应不晚于 {deadline.year}年{deadline.month}月{deadline.day}日")


def results_of(report) -> tuple:
    """The 总计 of each result group of 三 (blanks as 0), in the order of RESULT_GROUPS."""
    return tuple(sum(report.get(form.CellRef("requests", r, "total")) or 0 for r in rows) for _, rows in RESULT_GROUPS)


def examine(path: str | Path, check=None) -> tuple[UnitReview, Traits | None]:
    """Read and check one file; a file that cannot be read gives a unit marked unreadable."""
    from ..draft_reader import DraftError
    from ..sources import read_report, unreadable
    if check is None:
        from ..rules import check
    path = Path(path)
    try:
        report = read_report(path)
        problems = check(report)
    except DraftError as exc:
        return unreadable_unit(path, str(exc)), None
    except MemoryError:             # over the worker's memory limit (pool.MEMORY_LIMIT)
        return unreadable_unit(path, f"读取「{path.name}」需要的内存超过上限，已停止读取。文件可能过大或内容异常。"), None
    except Exception as exc:        # a reader's unforeseen failure must not stop the round
        return unreadable_unit(path, unreadable(path, exc)), None
    info = report.info
    unit = UnitReview(path, info.organ.strip(), info.level, info.year, info.publish_date,
                      info.effective_deadline(), totals_of(report),
                      [finding(p) for p in problems if p.rule not in NOT_REVIEWED], results=results_of(report))
    if unit.late and not any(p.field == PUBLISH_FIELD and p.is_error for p in problems):
        unit.findings.insert(0, late_finding(unit))
    return unit, traits_of(report)


def unreadable_unit(path: Path, reason: str) -> UnitReview:
    return UnitReview(path, findings=[Finding(READ_RULE, ERROR, "", path.name, reason, "请重新报送可以打开的文件")],
                      unreadable=reason)


__all__ = ["examine", "Traits", "TOTALS", "NARRATIVES", "finding", "unreadable_unit"]
