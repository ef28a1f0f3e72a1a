"""Benchmark of the core: prints medians (not collected by pytest; never a timed assertion).

    .venv/bin/python tests/benchmarks/bench_core.py

- check() of a completely filled report (the 淮安 2024 sample with its narratives written), as the
  wizard runs it after every committed edit: texts unchanged, so prose parsing is memoized;
- the same with last year's report attached (R5, R7, R8, R11 run too);
- check() with one wrong number in table 三 (（七）总计/总计 one too many: three relations broken, the
  suspect searched for);
- check() right after a text edit (the prose of that one text is read again);
- save and load of a full draft (to a temporary folder), once gui/report/drafts.py exists;
- one save → load → save cycle of the report holding everything (tests/helpers/full_report_factory.py:
  last year attached, confirmations, every text), as tests/test_stability.py runs it 1,000 times;
- write_atomic alone (temporary file, fsync, backup link, replace) of those bytes.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))

from gui.report import rules  # noqa: E402
from gui.report.form import CellRef  # noqa: E402
from rules_support import clean_report, last_year_of  # noqa: E402


def median_ms(fn, repeat: int = 2000, warmup: int = 50) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    report = clean_report()
    assert rules.check(report) == [], "the benchmark report should be clean"
    print(f"check() 完整报告：中位数 {median_ms(lambda: rules.check(report)):.3f} ms")

    with_last = clean_report()
    with_last.last_year = last_year_of(with_last)
    print(f"check() 完整报告 + 上年报告：中位数 {median_ms(lambda: rules.check(with_last)):.3f} ms")

    wrong = clean_report()
    grand = CellRef("requests", "total", "total")
    wrong.set(grand, wrong.get(grand) + 1)
    assert {p.suspect for p in rules.check(wrong) if p.is_error} == {grand}
    print(f"check() 表三总计填错一处（找出最可能填错的单元格）：中位数 {median_ms(lambda: rules.check(wrong)):.3f} ms")

    edited = clean_report()
    counter = iter(range(10**9))

    def after_text_edit():
        edited.texts["overview_request"] = f"{TEXT}共收到政府信息公开申请{next(counter)}件。"
        rules.check(edited)
    TEXT = edited.texts["overview_request"]
    print(f"check() 刚改过一段正文：中位数 {median_ms(after_text_edit, repeat=500):.3f} ms")

    try:
        from gui.report import drafts
    except ImportError:
        print("drafts.py 尚不存在，跳过草稿保存/读取。")
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "草稿.json"
        print(f"保存完整草稿：中位数 {median_ms(lambda: drafts.save(report, path), repeat=200, warmup=5):.3f} ms")
        print(f"读取完整草稿：中位数 {median_ms(lambda: drafts.load(path), repeat=200, warmup=5):.3f} ms")
        from full_report_factory import full_report
        from gui.report.atomic import write_atomic
        full = full_report()
        drafts.save(full, path)
        print(f"保存→读取→保存一个循环（含上年报告的完整草稿，{path.stat().st_size // 1024} KB）："
              f"中位数 {median_ms(lambda: drafts.save(drafts.load(path), path), repeat=200, warmup=5):.3f} ms")
        data = path.read_bytes()
        print(f"write_atomic（临时文件、fsync、.bak、替换）：中位数 "
              f"{median_ms(lambda: write_atomic(path, data), repeat=200, warmup=5):.3f} ms")


if __name__ == "__main__":
    main()
