"""Benchmark of the county review with last year's folder (review --last-year): prints medians.

    .venv/bin/python tests/benchmarks/bench_review_yearly.py [--units 200] [--repeat 3]

- review() of N drafts (.json) alone;
- the same plus last year's folder of N drafts read for its figures (read_last_year) and matched
  (compare_years), as `review --last-year` does; the ratio of the two (target ≤ 1.3).
Both read with all cores (ProcessPoolExecutor), as the command does.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))

from gui.report import drafts  # noqa: E402
from gui.report.review import review  # noqa: E402
from gui.report.review.yearly import compare_years, read_last_year  # noqa: E402
from review_factory import unit_report  # noqa: E402


def median_s(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        this, last = Path(tmp) / "2024", Path(tmp) / "2023"
        this.mkdir(), last.mkdir()
        for i in range(args.units):
            drafts.save(unit_report(f"第{i}镇人民政府", i + 1), this / f"{i}.json")
            drafts.save(unit_report(f"第{i}镇政府", i + 1, year=2023, factor=i + 2), last / f"{i}.json")
        alone = median_s(lambda: review([this]), args.repeat)

        def with_last():
            result = review([this])
            result.yearly = compare_years(result, *read_last_year(last))
            assert len(result.yearly.rows) == args.units
        both = median_s(with_last, args.repeat)
    print(f"review() {args.units} 份草稿：中位数 {alone:.2f} s")
    print(f"review() + 上年文件夹 {args.units} 份（读取数字、按机关名称对应）：中位数 {both:.2f} s（{both / alone:.2f} 倍）")


if __name__ == "__main__":
    main()
