"""Benchmark (not collected by pytest): python tests/benchmarks/bench_zipbombs.py [--runs N]

How long each reader takes to refuse each zip bomb, and the peak memory it traced (tracemalloc, run
separately from the timing): 2 GB of zeros, a member whose header hides 2 GB, 100,000 members, as
.xlsx (ledger import, tables read) and .docx (import). Also the guard's cost on ordinary files.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))

import docx  # noqa: E402
import openpyxl  # noqa: E402

from gui.report.docx_import import read_docx  # noqa: E402
from gui.report.draft_reader import DraftError  # noqa: E402
from gui.report.excel.ledger_import import read_ledger  # noqa: E402
from gui.report.excel.tables_read import read_tables  # noqa: E402
from zipbomb_factory import lying, many_members, members_of, replace, write_zip, zeros  # noqa: E402


def _refuse(read, path) -> str:
    try:
        read(path)
    except DraftError as exc:
        return str(exc)
    return "（未拒绝！）"


def _bombs(folder: Path, base: Path, part: str) -> dict[str, Path]:
    members = members_of(base)
    with zipfile.ZipFile(base) as archive:
        data = archive.read(part)
    suffix = base.suffix
    return {"2 GB zeros": write_zip(folder / f"zeros{suffix}", replace(members, zeros(part, 2100))),
            "lying 2 GB": write_zip(folder / f"lying{suffix}", replace(members, lying(part, data, 2100))),
            "100,000 members": many_members(folder / f"many{suffix}", base, 100_000)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    book = openpyxl.Workbook()
    book.active.append(["申请编号", "收到日期", "申请人类型", "来源", "办理结果"])
    book.save(folder / "base.xlsx")
    document = docx.Document()
    document.add_paragraph("某镇人民政府2024年政府信息公开工作年度报告")
    document.save(folder / "base.docx")
    cases = [(kind, name, read, path)
             for kind, path in _bombs(folder, folder / "base.xlsx", "xl/worksheets/sheet1.xml").items()
             for name, read in (("ledger import", read_ledger), ("tables read", read_tables))]
    cases += [(kind, "docx import", read_docx, path)
              for kind, path in _bombs(folder, folder / "base.docx", "word/document.xml").items()]
    _refuse(read_docx, folder / "base.docx")      # python-docx imported before timing
    for kind, name, read, path in cases:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            message = _refuse(read, path)
            times.append(time.perf_counter() - start)
        tracemalloc.start()
        _refuse(read, path)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{kind:16} {name:14} {path.stat().st_size / 2**20:5.1f} MB file: median "
              f"{statistics.median(times) * 1000:6.1f} ms, peak {peak / 2**20:4.1f} MB — {message[:40]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
