"""Benchmark: importing a saved portal page of about 100 KB (goal: under 0.3 s), as .html and as
.mhtml, a page twice that size, and the seed's pasted text. Prints medians;
run `.venv/bin/python tests/benchmarks/bench_html_import.py`."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE), str(HERE.parent / "helpers")]

from bench_core import median_ms  # noqa: E402
from gui.report.samples import huaian_2024  # noqa: E402
from gui.report.web_import import read_html_file, read_mhtml_file, read_text_file  # noqa: E402
from page_factory import SEED_TEXT  # noqa: E402
from web_page_factory import mhtml, official_tables, portal_page, report_html  # noqa: E402

RUNS = 15


def page_of_size(kilobytes: int) -> str:
    """Our report in a portal page, padded with the portal's related-article lists to the size."""
    report = huaian_2024()
    page = portal_page(report_html(report, official_tables(report)))
    filler = '<li><a href="/art/2024/1/1/art_{0}.html">关于做好政务公开工作的通知（第 {0} 号）</a></li>'
    items, n = [], 0
    while len(page.encode()) + sum(len(i.encode()) for i in items) < kilobytes * 1024:
        items.append(filler.format(n))
        n += 1
    return page.replace('<div class="footer">', f'<ul class="more">{"".join(items)}</ul><div class="footer">')


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for kb in (100, 200):
            path = Path(folder) / f"page{kb}.html"
            path.write_text(page_of_size(kb), encoding="utf-8")
            size = path.stat().st_size / 1024
            print(f"import {size:5.0f} KB page (.html)     {median_ms(lambda: read_html_file(path), RUNS, 2):8.1f} ms")
        single = Path(folder) / "page.mhtml"
        single.write_bytes(mhtml(page_of_size(100), "gbk", "quoted-printable"))
        print(f"import 100 KB page (.mhtml, GBK) {median_ms(lambda: read_mhtml_file(single), RUNS, 2):8.1f} ms")
        if SEED_TEXT.is_file():
            print(f"import the seed's pasted text    {median_ms(lambda: read_text_file(SEED_TEXT), RUNS, 2):8.1f} ms")


if __name__ == "__main__":
    main()
