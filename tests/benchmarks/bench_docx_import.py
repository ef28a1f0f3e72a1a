"""Benchmark: importing a published report (.docx) — our own export and a hand-made layout —
and starting the next year from it. Prints medians; run `.venv/bin/python tests/benchmarks/bench_docx_import.py`."""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE), str(HERE.parent / "helpers")]

from docx_import_factory import hand_made  # noqa: E402
from gui.report.docx_export import docx_bytes  # noqa: E402
from gui.report.docx_import import read_docx  # noqa: E402
from gui.report.lastyear import new_from_last  # noqa: E402
from gui.report.samples import huaian_2024  # noqa: E402

RUNS = 7


def median_ms(func) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        own = Path(folder) / "own.docx"
        own.write_bytes(docx_bytes(huaian_2024()))
        hand = hand_made(Path(folder) / "hand.docx", huaian_2024(), merged=False, slash_zero=True)
        last = read_docx(own).report
        print(f"import own export (.docx)      {median_ms(lambda: read_docx(own)):8.1f} ms")
        print(f"import hand-made layout        {median_ms(lambda: read_docx(hand)):8.1f} ms")
        print(f"new_from_last (in memory)      {median_ms(lambda: new_from_last(last)):8.2f} ms")


if __name__ == "__main__":
    main()
