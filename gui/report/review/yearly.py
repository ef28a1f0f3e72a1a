"""The county picture across two years: last year's folder read for its figures only (no rules, no
cross comparison, so it costs little beside the review), units matched by organ name, and per unit
the main figures of both years and the change (the sheet 年度比对, yearly_sheet.py).

Organ names differ from year to year in small ways: 「××镇人民政府」 / 「××镇政府」, 「××县人民政府
办公室」 / 「××县政府办」; organ_key() makes those alike. What matches nothing is reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..drafts import SUFFIX as DRAFT_SUFFIX
from .collect import collect
from .examine import RESULT_GROUPS, TOTALS, results_of, totals_of
from .pool import TIME_LIMIT, run_all

_SPACE = re.compile(r"[\s\u3000·（）()]")


def organ_key(name: str) -> str:
    """The organ name with the variants units write it in made alike."""
    key = _SPACE.sub("", name or "").replace("人民政府", "政府")
    if key.endswith("办公室"):
        key = key[:-len("办公室")] + "办"
    return key


@dataclass(frozen=True)
class LastUnit:
    path: Path
    organ: str
    year: int | None
    totals: tuple
    results: tuple


def read_figures(path) -> LastUnit | None:
    """Worker: the figures of one of last year's files; None when it cannot be read."""
    from ..sources import read_report
    path = Path(path)
    try:
        report = read_report(path)
    except Exception:               # an unreadable file of last year is reported as unmatched data
        return None
    return LastUnit(path, report.info.organ.strip(), report.info.year, totals_of(report) or (), results_of(report))


def _failed(path: Path, reason: str):
    return None


def read_last_year(folder, *, workers: int | None = None, time_limit: float = TIME_LIMIT,
                   work=read_figures, context=None) -> tuple[list[LastUnit], list[Path]]:
    """Last year's units in `folder` and the files that could not be read."""
    files, _ = collect([folder])
    found: dict[Path, LastUnit | None] = {}
    # Drafts are read here (half a millisecond each: a pool of processes would cost more than it
    # saves); published documents in worker processes with the review's time limit.
    slow = [p for p in files if p.suffix.lower() != DRAFT_SUFFIX]
    for path in files:
        if path.suffix.lower() == DRAFT_SUFFIX:
            found[path] = work(path)

    def deliver(index, result):
        found[slow[index]] = result

    if slow:
        run_all(slow, work, _failed, deliver, workers=workers, time_limit=time_limit, context=context)
    return [found[p] for p in files if found.get(p) is not None], [p for p in files if found.get(p) is None]


@dataclass(frozen=True)
class YearRow:
    unit: str                  # this year's name
    last_name: str             # last year's name (as that report writes it)
    this: tuple                # TOTALS values
    last: tuple
    this_results: tuple
    last_results: tuple


@dataclass
class YearComparison:
    this_year: int | None
    last_year: int | None
    rows: list[YearRow] = field(default_factory=list)
    unmatched_this: list[str] = field(default_factory=list)     # this year's units without last year's
    unmatched_last: list[str] = field(default_factory=list)     # last year's units missing this year
    unreadable: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"年度比对：{len(self.rows)} 个单位与上年报告对应"]
        out += [f"年度比对 上年没有对应的报告：{n}" for n in self.unmatched_this]
        out += [f"年度比对 上年有报告、本年未报送：{n}" for n in self.unmatched_last]
        out += [f"年度比对 上年的文件无法读取：{p.name}" for p in self.unreadable]
        return out


def compare_years(review, last_units: list[LastUnit], unreadable=()) -> YearComparison:
    """Match this year's reviewed units with last year's by organ name."""
    year = review.year
    wanted = [u for u in last_units if year is None or u.year in (None, year - 1)]
    by_key: dict[str, LastUnit] = {}
    for u in wanted:
        by_key.setdefault(organ_key(u.organ), u)
    out = YearComparison(year, year - 1 if year else None, unreadable=list(unreadable))
    used = set()
    for unit in review.sorted_units():
        if unit.unreadable is not None:
            continue
        key = organ_key(unit.organ)
        last = by_key.get(key)
        if last is None:
            out.unmatched_this.append(unit.name)
            continue
        used.add(key)
        out.rows.append(YearRow(unit.name, last.organ, tuple(unit.totals or (None,) * len(TOTALS)),
                                tuple(last.totals or (None,) * len(TOTALS)), tuple(unit.results), last.results))
    out.rows.sort(key=lambda r: r.unit)
    out.unmatched_last = sorted(u.organ or u.path.name for k, u in by_key.items() if k not in used)
    return out


__all__ = ["organ_key", "read_last_year", "compare_years", "YearComparison", "YearRow", "RESULT_GROUPS",
           "results_of", "read_figures"]
