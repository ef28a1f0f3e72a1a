"""Benchmark of the year-on-year comparison: prints medians (not collected by pytest).

    .venv/bin/python tests/benchmarks/bench_compare.py

- compare() of two full reports after reading (every cell of 二/三/四 with both years, the
  YEAR_JUMP/YEAR_VANISH warnings, the identical passages of 一/五/六 and their rates): once with
  the texts new to the cache (the first look), once again;
- compare.check() alone, as rules.check() runs it after every edit with last year attached.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))

from bench_core import median_ms  # noqa: E402
from gui.report import compare  # noqa: E402
from rules_support import LAST_TEXTS, clean_report, last_year_of  # noqa: E402


def main() -> None:
    this = clean_report()
    last = last_year_of(this)
    long = "本机关坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。" * 40   # ~1,600 characters a field
    texts = iter(range(10**6))

    def fresh():                      # new texts every time: R11's caches do not help
        n = next(texts)
        for key in LAST_TEXTS:
            this.texts[key] = f"{n}{long}{key}"
            last.texts[key] = f"{long}{n}"
        compare.compare(this, last)
    print(f"compare() 两份完整报告（各段约 1600 字，文字新）：中位数 {median_ms(fresh, 200, 5):.2f} ms")
    print(f"compare() 同上，再次比较：中位数 {median_ms(lambda: compare.compare(this, last), 200, 5):.2f} ms")
    this.last_year = last
    print(f"compare.check()（每次编辑后）：中位数 {median_ms(lambda: compare.check(this), 2000):.3f} ms")


if __name__ == "__main__":
    main()
