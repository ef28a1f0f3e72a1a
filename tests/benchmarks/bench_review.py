"""Benchmark of the county review (县级审查): prints medians (not collected by pytest).

    .venv/bin/python tests/benchmarks/bench_review.py [--docx 200] [--drafts 1000] [--repeat 3]

- review() of N_DOCX Word reports (our exports, every unit with its own organ, narratives and
  figures; made by filling placeholders of one exported template, since exporting each takes ~1 s);
- review() of N_DRAFTS drafts (.json);
- memory: the coordinating process's peak of Python allocations (tracemalloc) and its peak RSS for
  a quarter of the drafts and for all of them: flat when the per-unit share does not grow.
Each review reads with all cores (ProcessPoolExecutor), as the command does.
"""
from __future__ import annotations

import argparse
import io
import os
import re
import resource
import sys
import tempfile
import time
import tracemalloc
import zipfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))

from bench_core import median_ms  # noqa: E402
from gui.report import drafts  # noqa: E402
from gui.report.docx_export import docx_bytes  # noqa: E402
from gui.report.form import ALL_CELLS, TEXT_FIELDS, CellRef  # noqa: E402
from gui.report.review import review  # noqa: E402
from review_factory import unit_report, vary  # noqa: E402

SENTINEL = 7_100_000           # cell k of the template holds SENTINEL + k
FEE = CellRef("active", "fees", "value")


def template() -> bytes:
    report = unit_report("＠机关＠", 1)
    for k, ref in enumerate(ALL_CELLS):
        report.cells[ref] = SENTINEL + k
    report.cells[FEE] = Decimal(SENTINEL + len(ALL_CELLS))
    for field in TEXT_FIELDS:
        report.texts[field.key] = f"＠{field.key}＠"
    return docx_bytes(report)


def unit(organ: str, i: int):
    """Unit i: narratives and figures of its own (tables multiplied by a small factor and varied)."""
    report = unit_report(organ, i + 1, factor=1 + i % 50)
    vary(report, i)
    return report


def fill(blob: bytes, organ: str, i: int) -> bytes:
    unit_ = unit(organ, i)
    values = {SENTINEL + k: unit_.get(ref) for k, ref in enumerate(ALL_CELLS)}
    values[SENTINEL + len(ALL_CELLS)] = unit_.get(FEE)
    texts = {f"＠{f.key}＠": unit_.texts[f.key] for f in TEXT_FIELDS}
    texts["＠机关＠"] = organ

    def number(m):
        return str(values.get(int(m.group()), m.group()))

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename in ("word/document.xml", "docProps/core.xml"):
                text = data.decode("utf-8")
                text = re.sub(r"＠\w+＠", lambda m: texts.get(m.group(), m.group()), text)
                text = re.sub(r"71\d{5}", number, text)
                data = text.encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


def docx_folder(root: Path, n: int) -> Path:
    folder = root / f"docx{n}"
    folder.mkdir()
    blob = template()
    for i in range(n):
        (folder / f"{i:04d}.docx").write_bytes(fill(blob, f"第{i:04d}镇人民政府", i))
    return folder


def draft_folder(root: Path, n: int) -> Path:
    folder = root / f"drafts{n}"
    folder.mkdir()
    for i in range(n):
        drafts.save(unit(f"第{i:04d}镇人民政府", i), folder / f"{i:04d}.json")
    return folder


def timed(folder: Path, repeat: int, expect: int) -> float:
    def once():
        result = review([folder])
        assert len(result.units) == expect and not result.skipped, (len(result.units), result.skipped[:3])
        noisy = [(u.name, u.findings[0].message) for u in result.units if u.findings]
        assert not noisy, noisy[:3]           # every unit is clean: nothing paired by accident
    return median_ms(once, repeat=repeat, warmup=0) / 1000


def memory(folder: Path) -> tuple[float, int]:
    tracemalloc.start()
    result = review([folder])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024 / 1024, len(result.units)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docx", type=int, default=200)
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{os.cpu_count()} 个处理器核心")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        docx = docx_folder(root, args.docx) if args.docx else None
        many = draft_folder(root, args.drafts)
        quarter = draft_folder(root, args.drafts // 4)
        load = os.getloadavg()[0]
        print(f"（生成测试文件 {time.perf_counter() - start:.0f} 秒；开始时系统负载 {load:.1f}）")
        if docx:
            print(f"审查 {args.docx} 份 .docx：中位数 {timed(docx, args.repeat, args.docx):.1f} 秒（目标 < 20 秒）")
        print(f"审查 {args.drafts} 份草稿：中位数 {timed(many, args.repeat, args.drafts):.1f} 秒（目标 < 10 秒）")
        for folder in (quarter, many):
            peak, n = memory(folder)
            print(f"内存：{n} 份草稿，协调进程 Python 分配峰值 {peak:.1f} MB（每份 {peak * 1024 / n:.0f} KB）")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"内存：协调进程峰值 RSS {rss:.0f} MB，单个读取进程峰值 RSS {kids:.0f} MB")


if __name__ == "__main__":
    main()
