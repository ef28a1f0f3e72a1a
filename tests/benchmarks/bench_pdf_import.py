"""Benchmark: importing a published report from PDF — the district's real 5-page PDF — once
(median of runs, in a fresh process each so pdfplumber's import is counted), and a county's batch
of 100 PDFs in one process. Prints medians; run `.venv/bin/python tests/benchmarks/bench_pdf_import.py`."""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE), str(HERE.parent / "helpers")]

from page_factory import HONGZE_PDF  # noqa: E402

EXAMPLE = HONGZE_PDF
RUNS = 5
BATCH = 100
ONE = ("import sys, time; sys.path.insert(0, {root!r}); t = time.perf_counter();"
       "from gui.report.pdf_import import read_pdf; read_pdf({path!r}); print(time.perf_counter() - t)")


def main() -> None:
    if not EXAMPLE.is_file():
        print("the shared example PDF is not next to the repository")
        return
    code = ONE.format(root=str(HERE.parents[1]), path=str(EXAMPLE))
    cold = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(RUNS)]
    print(f"import of the 5-page example, fresh process (goal < 1.5 s): median {statistics.median(cold):.2f} s")
    from gui.report.pdf_import import read_pdf
    warm = []
    start = time.perf_counter()
    for _ in range(BATCH):
        t = time.perf_counter()
        read_pdf(EXAMPLE)
        warm.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    print(f"batch of {BATCH} PDFs in one process (goal < 60 s): {total:.1f} s, median {statistics.median(warm):.2f} s each")
    print(f"batch of {BATCH} PDFs in the county review, every core reading: {in_review(EXAMPLE):.1f} s")


def in_review(pdf: Path) -> float:
    """The review reads each file in a worker process, as many at once as there are cores."""
    import os
    import shutil
    import tempfile
    from gui.report.review import review
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(BATCH):
            shutil.copy(pdf, Path(tmp) / f"{i:03d}.pdf")
        start = time.perf_counter()
        result = review([Path(tmp)])
        took = time.perf_counter() - start
    print(f"  ({os.cpu_count()} cores; {len(result.units)} unit reviewed, the other copies of the same unit "
          f"listed as not reviewed: {len(result.skipped)})")
    return took


if __name__ == "__main__":
    main()
