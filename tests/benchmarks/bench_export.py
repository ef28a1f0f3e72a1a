"""Benchmark: median time to export a fully filled report as .docx (goal: under 0.5 s).

Run: .venv/bin/python tests/benchmarks/bench_export.py [runs]
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from gui.report.docx_export import ExportOptions, docx_bytes, export_docx  # noqa: E402
from gui.report.pdf import export_pdf, find_soffice  # noqa: E402
from gui.report.samples import huaian_2024  # noqa: E402


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(runs: int = 20) -> None:
    report = huaian_2024()
    docx_bytes(report)                                  # warm up imports and the template
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "report.docx"
        full = median_seconds(lambda: export_docx(report, target, overwrite=True), runs)
        outer = median_seconds(lambda: docx_bytes(report, ExportOptions("outer", "gb")), runs)
        center = median_seconds(lambda: docx_bytes(report, ExportOptions("center", "common")), runs)
    print(f"export_docx, full report, to disk: median {full * 1000:.0f} ms over {runs} runs (goal < 500 ms)")
    print(f"build + save in memory (outer, gb): median {outer * 1000:.0f} ms")
    print(f"build + save in memory (center, common): median {center * 1000:.0f} ms")
    if find_soffice():
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "report.pdf"
            pdf = median_seconds(lambda: export_pdf(report, target, overwrite=True), 3)
        print(f"export_pdf through LibreOffice: median {pdf:.1f} s over 3 runs")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
