"""What a county review holds: per unit what the workbook and the letters show, no whole Reports.

Everything here round-trips through the review workbook (workbook.py), so a saved review can be
reopened and its letters written again without reading the units' files.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import ERROR, WARNING

PUBLISHABLE, NEEDS_CHANGES, UNREADABLE = "可以发布", "需修改", "无法读取"
STATUS_ORDER = {UNREADABLE: 0, NEEDS_CHANGES: 1, PUBLISHABLE: 2}
READ_RULE = "READ"          # the file could not be read (its reason is the message)
LATE_RULE = "LATE"          # published after the deadline (when the core's rules do not say so)
CROSS_RULES = {"COPY": "内容雷同", "SAME_TABLE": "表格相同", "MAGNITUDE": "数量级变化"}


@dataclass(frozen=True)
class Finding:
    """One problem of one unit, in the words a reviewer writes back."""
    rule: str
    severity: str                # ERROR | WARNING
    step: str                    # 「基本信息」 or the section heading
    location: str                # the cell, field or section in official labels
    message: str
    change: str                  # what to change: 「填入 3050」, 「应为 12」, 「请改正」, 「请核实」
    confirmed: str | None = None  # the clerk's note when a warning was checked and confirmed

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def open(self) -> bool:
        """To be answered by the unit: every error, and warnings nobody confirmed."""
        return self.is_error or self.confirmed is None


@dataclass
class UnitReview:
    path: Path
    organ: str = ""
    level: str = ""
    year: int | None = None
    publish_date: dt.date | None = None
    deadline: dt.date | None = None
    totals: tuple = ()                       # the values of TOTALS, in order (None where blank)
    findings: list[Finding] = field(default_factory=list)
    unreadable: str | None = None            # the reason, when the file could not be read
    letter: Path | None = None               # the reply written to this unit, if any
    results: tuple = ()                      # 三's result groups (examine.RESULT_GROUPS); not kept in the workbook

    @property
    def name(self) -> str:
        return self.organ or self.path.name

    @property
    def late(self) -> bool:
        return bool(self.publish_date and self.deadline and self.publish_date > self.deadline)

    @property
    def errors(self) -> int:
        return sum(f.is_error for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(not f.is_error for f in self.findings)

    @property
    def status(self) -> str:
        if self.unreadable is not None:
            return UNREADABLE
        return NEEDS_CHANGES if self.errors else PUBLISHABLE

    @property
    def needs_letter(self) -> bool:
        return self.unreadable is None and any(f.open for f in self.findings)

    def sort_key(self):
        return (STATUS_ORDER[self.status], -self.errors, -self.warnings, self.name)


@dataclass(frozen=True)
class CrossFinding:
    """What only a comparison shows: two units (or a unit and its last year) side by side."""
    rule: str                    # a key of CROSS_RULES
    unit: str
    other: str                   # the other unit, or 「上年报告」
    part: str                    # the section or table in official labels
    share: int | None            # percent of the text in common (COPY)
    message: str


@dataclass(frozen=True)
class Skipped:
    """A file left out of the round, with the reason (another year, a second file of a unit …)."""
    path: Path
    reason: str


@dataclass
class Review:
    year: int | None
    units: list[UnitReview] = field(default_factory=list)
    cross: list[CrossFinding] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    cancelled: bool = False
    years: dict[int, int] = field(default_factory=dict)     # report year → readable files of that year
    yearly: object = None          # yearly.YearComparison when last year's folder was given (not reopened)

    def sorted_units(self) -> list[UnitReview]:
        return sorted(self.units, key=UnitReview.sort_key)

    def unit(self, name: str) -> UnitReview | None:
        return next((u for u in self.units if u.name == name), None)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUS_ORDER, 0)
        for unit in self.units:
            out[unit.status] += 1
        return out


__all__ = ["Finding", "UnitReview", "CrossFinding", "Skipped", "Review", "PUBLISHABLE",
           "NEEDS_CHANGES", "UNREADABLE", "ERROR", "WARNING"]
