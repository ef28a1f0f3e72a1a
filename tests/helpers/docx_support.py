"""Helpers for the Word export tests: the two reports, and reading a .docx back."""
from __future__ import annotations

import zipfile
from pathlib import Path

from docx.oxml.ns import qn

from gui.report.form import ALL_CELLS
from gui.report.model import Info, Report
from gui.report.samples import huaian_2024

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo-2024.json"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def township_report() -> Report:
    """The demo (马营镇 2024) when it is in resources/, else a township report built here."""
    if DEMO.exists():
        from gui.report.sources import read_report
        return read_report(DEMO)
    report = Report(Info(organ="马营镇人民政府", year=2024, level="乡镇/街道"))
    for ref in ALL_CELLS:
        report.set(ref, None if ref.table == "active" and ref.row == "fees" else 0)
    report.texts["overview_active"] = "主动公开政府信息113条。\n其中工作动态类信息112条。"
    report.texts["problems"] = "一是公开的时效性有待加强。\n\n二是队伍建设有待强化。"
    report.texts["other"] = "2024年，本机关全年收取政府信息公开信息处理费0元。"
    return report


REPORTS = {"demo": township_report, "huaian": huaian_2024}


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def parts(path: Path, prefix: str) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist()
                if n.startswith(prefix) and n.endswith(".xml")}


def cell_text(tc) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))


def printed_cells(tbl) -> dict[tuple[int, int], tuple[int, int, str]]:
    """{(grid row, grid col): (rowspan, colspan, text)} for every printed cell, resolving
    w:gridSpan and w:vMerge the way Word does."""
    cells: dict[tuple[int, int], list] = {}
    open_above: dict[int, tuple[int, int]] = {}          # grid col → the cell a vMerge continues
    for r, tr in enumerate(tbl.findall(qn("w:tr"))):
        col = 0
        for tc in tr.findall(qn("w:tc")):
            tc_pr = tc.find(qn("w:tcPr"))
            span_el = tc_pr.find(qn("w:gridSpan")) if tc_pr is not None else None
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            vmerge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
            if vmerge is not None and vmerge.get(qn("w:val")) != "restart":
                start = open_above[col]
                cells[start][0] += 1
                assert cell_text(tc) == "", f"text in a merged-away cell at row {r}"
            else:
                cells[(r, col)] = [1, span, cell_text(tc)]
                if vmerge is not None:
                    open_above[col] = (r, col)
            col += span
    return {k: tuple(v) for k, v in cells.items()}
