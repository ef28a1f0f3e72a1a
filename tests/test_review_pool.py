"""The review's reading pool: a file that never finishes or kills its worker is reported by name
and the others are still reviewed; progress counts up to the total; cancel stops the round."""
from __future__ import annotations

import time

from gui.report import drafts
from gui.report.review import UNREADABLE, review
from review_factory import unit_report
from review_support import CRASH, HOG, SLOW, hostile_examine, slow_examine


def _folder(tmp_path, names):
    for i, name in enumerate(names):
        drafts.save(unit_report(f"{name}人民政府", i + 1), tmp_path / f"{name}.json")
    return tmp_path


def test_a_hanging_file_is_reported_and_does_not_stall_the_round(tmp_path):
    folder = _folder(tmp_path, ["甲镇", f"{SLOW}镇", "乙镇", "丙镇"])
    started = time.monotonic()
    result = review([folder], work=hostile_examine, time_limit=3, workers=2)
    assert time.monotonic() - started < 60
    status = {u.path.name: u.status for u in result.units}
    assert status.pop(f"{SLOW}镇.json") == UNREADABLE
    assert set(status.values()) == {"可以发布"} and len(status) == 3
    slow = next(u for u in result.units if u.path.name.startswith(SLOW))
    assert "超过 3 秒" in slow.unreadable


def test_a_file_that_kills_its_worker_is_the_only_one_reported(tmp_path):
    folder = _folder(tmp_path, ["甲镇", f"{CRASH}镇", "乙镇", "丙镇", "丁镇"])
    result = review([folder], work=hostile_examine, workers=2)
    status = {u.path.name: u.status for u in result.units}
    assert status.pop(f"{CRASH}镇.json") == UNREADABLE
    assert set(status.values()) == {"可以发布"} and len(status) == 4


def test_a_file_needing_more_memory_than_a_worker_may_have_is_listed_unreadable(tmp_path):
    folder = _folder(tmp_path, ["甲镇", f"{HOG}镇", "乙镇"])
    result = review([folder], work=hostile_examine, workers=2)
    status = {u.path.name: u.status for u in result.units}
    assert status.pop(f"{HOG}镇.json") == UNREADABLE
    assert set(status.values()) == {"可以发布"} and len(status) == 2
    hog = next(u for u in result.units if u.path.name.startswith(HOG))
    assert "内存超过上限" in hog.unreadable


def test_progress_counts_every_file_and_cancel_stops_the_round(tmp_path):
    folder = _folder(tmp_path, ["甲镇", "乙镇", "丙镇", "丁镇", "戊镇", "己镇"])
    seen = []
    review([folder], progress=lambda n, m: seen.append((n, m)))
    assert seen[0] == (0, 6) and seen[-1] == (6, 6) and [n for n, _ in seen] == list(range(7))
    calls = []

    def stop():
        calls.append(1)
        return len(calls) > 3

    cancelled = review([folder], work=slow_examine, workers=1, cancelled=stop)
    assert cancelled.cancelled
    assert len(cancelled.units) < 6
    assert len(cancelled.units) + sum("已取消" in s.reason for s in cancelled.skipped) == 6
