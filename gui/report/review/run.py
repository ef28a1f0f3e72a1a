"""The county review: every unit's file read and checked, then compared with the others.

review(paths, year) → Review. Files are read in worker processes (pool.py); only each unit's line,
its problems in official words and its comparison traits come back, and the traits are dropped once
the comparison is made. Which files take part follows the county summary (excel/summary.py): the
year most files have, one file per unit.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Callable

from ..excel.summary import common_year, not_admitted
from . import compare
from .collect import collect
from .examine import examine, unreadable_unit
from .model import Review, Skipped, UnitReview
from .pool import TIME_LIMIT, run_all

ACTION = "审查"


def _failed(path: Path, reason: str):
    return unreadable_unit(path, reason), None


def review(paths, year: int | None = None, *, progress: Callable[[int, int], None] | None = None,
           cancelled: Callable[[], bool] | None = None, workers: int | None = None,
           time_limit: float = TIME_LIMIT, work=examine, context=None) -> Review:
    files, skipped = collect(paths)
    results: list = [None] * len(files)

    def deliver(index: int, result) -> None:
        results[index] = result

    finished = run_all(files, work, _failed, deliver, workers=workers, time_limit=time_limit,
                       progress=progress, cancelled=cancelled, context=context)
    done = [r for r in results if r is not None]
    outcome = Review(year if year is not None else common_year(u.year for u, t in done if t))
    outcome.skipped = skipped
    outcome.years = dict(Counter(u.year for u, t in done if t and u.year))
    outcome.cancelled = not finished
    if not finished:
        outcome.skipped += [Skipped(path, "审查已取消，未读取。")
                            for path, r in zip(files, results) if r is None]
    organs: dict[str, Path] = {}
    compared: list[tuple[UnitReview, object]] = []
    earlier: dict[str, tuple] = {}          # organ → totals of its previous year's file, if given
    for unit, traits in done:
        if traits is None:
            outcome.units.append(unit)
            continue
        reason = not_admitted(unit.path, unit.organ, unit.year, outcome.year, organs, ACTION)
        if reason:
            if outcome.year and unit.year == outcome.year - 1 and unit.organ:
                earlier[unit.organ] = unit.totals
            outcome.skipped.append(Skipped(unit.path, reason))
            continue
        outcome.units.append(unit)
        compared.append((unit, traits))
    _compare(outcome, compared, earlier)
    return outcome


def _compare(outcome: Review, compared, earlier: dict[str, tuple]) -> None:
    named = [(unit.name, traits) for unit, traits in compared]
    cross = compare.copied_sections(named) + compare.same_tables(named)
    for unit, traits in compared:
        last = traits.last_totals if traits.last_totals is not None else earlier.get(unit.organ)
        cross += compare.magnitude_changes(unit.name, unit.totals, last)
    by_name = {unit.name: unit for unit, _ in compared}
    for item in cross:
        for name, finding in compare.as_findings(item):
            by_name[name].findings.append(finding)
    outcome.cross = cross


__all__ = ["review"]
