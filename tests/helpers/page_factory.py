"""Reports as the portal shows them, made here: the text a clerk copies from a page (browser tabs,
PDF spaces, one cell per line) and, in web_page_factory.py, the saved pages themselves."""
from __future__ import annotations

from pathlib import Path

from gui.report.cells import format_value
from gui.report.form import (ACTIVE, ACTIVE_BLOCKS, ACTIVE_CONTENT, ACTIVE_DOC_COLUMNS, APPEALS, APPEALS_COLUMNS,
                             REQUESTS, REQUESTS_BODY, REQUESTS_COLUMNS, REQUESTS_NOTE, SECTIONS, CellRef)
from gui.report.model import Report

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"      # real published material, copied in
SEED_TEXT = FIXTURES / "maying-town-2024-report.txt"
HONGZE_PDF = FIXTURES / "hongze-district-2024-report.pdf"
PORTAL_TOP = ["首页", "政务公开", "政府信息公开年报", "索引号：11320800014112345X/2025-00012",
              "发布机构：淮安市人民政府办公室", "公开日期：2025-01-20", "您当前的位置：首页 > 政务公开 > 年报"]


def shown(report: Report, ref: CellRef, blank: str = "") -> str:
    value = report.get(ref)
    return blank if value is None else format_value(value)


def table_rows(report: Report, blank: str = "") -> dict[str, list[tuple[list[str], list[str]]]]:
    """Each table's rows as (label cells, value cells), as a browser shows the printed table."""
    active = []
    for heading, single, members, _ in ACTIVE_BLOCKS:
        active.append(([heading], []))
        active.append(([ACTIVE_CONTENT], [c.label for c in ACTIVE_DOC_COLUMNS] if single is None else [single]))
        for key, label in members:
            refs = [CellRef("active", key, c.key) for c in ACTIVE.row(key).columns]
            active.append(([label], [shown(report, r, blank) for r in refs]))
    requests = [([REQUESTS_NOTE, "申请人情况"], []), (["自然人", "法人或其他组织", "总计"], []),
                ([c.label for c in REQUESTS_COLUMNS[1:6]], [])]
    for i, (key, a, b, c) in enumerate(REQUESTS_BODY):
        labels = [x for x in (a, b, c) if x]
        if i and a == REQUESTS_BODY[i - 1][1]:
            labels.remove(a)                      # a rowspan's text shows on its first row only
            if c and b == REQUESTS_BODY[i - 1][2]:
                labels.remove(b)
        values = [shown(report, CellRef("requests", key, col.key), blank) for col in REQUESTS_COLUMNS]
        requests.append((labels, values))
    appeals = [(["行政复议", "行政诉讼"], []),
               ([c.label for c in APPEALS_COLUMNS] + ["未经复议直接起诉", "复议后起诉"], []),
               ([c.label for c in APPEALS_COLUMNS] * 2, [])]
    appeals.append(([], [shown(report, CellRef("appeals", r.key, c.key), blank)
                         for r in APPEALS.rows for c in APPEALS_COLUMNS]))
    return {"active": active, "requests": requests, "appeals": appeals}


def pasted_text(report: Report, mode: str = "tabs", blank: str = "", title: bool = True,
                portal: bool = False) -> str:
    """The report as copied from a page: `tabs` (a browser: cells between tabs, one row a line),
    `spaces` (a PDF viewer: cells between spaces), `cells` (a browser copying cells that hold
    paragraphs: each cell on its own line, a tab line between them)."""
    lines = list(PORTAL_TOP) if portal else []
    if title:
        lines.append(report.title)
    lines.append("根据《中华人民共和国政府信息公开条例》编制本报告。")
    rows = table_rows(report, blank)
    for section in SECTIONS:
        lines.append(section.heading)
        if section.key in rows:
            for labels, values in rows[section.key]:
                cells = labels + values
                if mode == "tabs":
                    lines.append("\t".join(cells))
                elif mode == "spaces":
                    lines.append(" ".join(c for c in cells if c))
                else:
                    for cell in cells:
                        lines += [cell, "\t"]
                    lines.pop()
            continue
        if section.key == "overview":
            from gui.report.form import OVERVIEW_THEMES
            for theme in OVERVIEW_THEMES:
                lines.append(f"{theme.sub_number}{theme.label}")
                lines.append(report.texts[theme.key])
        else:
            lines.append(report.texts[section.key])
    lines += ["淮安市人民政府", "2025年1月20日"]
    return "\n".join(lines) + "\n"
