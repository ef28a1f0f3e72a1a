"""Benchmark (not collected by pytest): python tests/benchmarks/bench_excel.py [--rows N] [--drafts N] [--runs N]

Prints the median time of importing a 100,000-row ledger (goal < 5 s) and of summarising 1,000
drafts (goal < 3 s), plus writing the tables workbook and the ledger template.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))

from gui.report import drafts, form  # noqa: E402
from gui.report.excel.ledger_import import read_ledger  # noqa: E402
from gui.report.excel.ledger_template import write_template  # noqa: E402
from gui.report.excel.summary import export_summary, summarise  # noqa: E402
from gui.report.excel.tables_xlsx import export_tables  # noqa: E402
from gui.report.samples import huaian_2024  # noqa: E402
from ledger_factory import KIND_LABEL, official_result, write_our_ledger  # noqa: E402


def _ledger_rows(n: int) -> list[list]:
    rng = random.Random(1)
    rows = []
    results = form.DETAIL_ROWS + ("unfinished",)
    for i in range(n):
        carried = rng.random() < 0.05
        start = dt.date(2023, 12, 1) if carried else dt.date(2024, 1, 1)
        received = start + dt.timedelta(days=rng.randrange(28))
        result = rng.choice(results)
        done = None if result == "unfinished" else dt.date(2024, 2, 1) + dt.timedelta(days=rng.randrange(300))
        rows.append([f"2024-{i:06d}", received, KIND_LABEL[rng.choice(form.APPLICANT_COLUMNS)],
                     "申请公开某村土地征收补偿标准及发放情况", "上年结转" if carried else "本年新收",
                     official_result(result), done, None])
    return rows


def _median(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        ledger = folder / "ledger.xlsx"
        write_our_ledger(ledger, _ledger_rows(args.rows))
        result = read_ledger(ledger, 2024)
        assert not result.bad_rows and result.counted == args.rows, result.summary
        t = _median(lambda: read_ledger(ledger, 2024), args.runs)
        print(f"import-ledger, {args.rows:,} rows ({ledger.stat().st_size // 1024} KB): median {t:.2f} s "
              f"(goal < 5 s)")

        report = huaian_2024()
        paths = []
        for i in range(args.drafts):
            report.info.organ = f"第{i}单位"
            path = folder / f"unit{i}.json"
            drafts.save(report, path)
            paths.append(path)
        summary = summarise(paths)
        assert len(summary.units) == args.drafts and not summary.refused
        t = _median(lambda: summarise(paths), args.runs)
        print(f"summary of {args.drafts:,} drafts: median {t:.2f} s (goal < 3 s)")
        t = _median(lambda: export_summary(summary, folder / "summary.xlsx"), args.runs)
        print(f"summary workbook with {args.drafts:,} units written: median {t:.2f} s")
        t = _median(lambda: export_tables(huaian_2024(), folder / "tables.xlsx"), args.runs)
        print(f"tables workbook written: median {t * 1000:.0f} ms")
        t = _median(lambda: write_template(folder / "template.xlsx", 2024), args.runs)
        print(f"ledger template written: median {t * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
