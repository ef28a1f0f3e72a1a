"""Ledgers for the tests and the benchmark, built with openpyxl from a report's table 三.

Independent of gui.report.excel: the option texts are built here from form.py the way a clerk sees them.
"""
from __future__ import annotations

import datetime as dt
import random

import openpyxl

from gui.report import form
from gui.report.form import CellRef

KINDS = form.APPLICANT_COLUMNS
KIND_LABEL = {c.key: c.label for c in form.REQUESTS_COLUMNS[:-1]}
FOREIGN_KIND = {"natural": "个人", "commercial": "企业", "research": "科研机构", "social": "社会组织",
                "legal": "律师事务所", "other": "其他"}
OUR_HEADERS = ("申请编号", "收到日期", "申请人类型", "申请内容", "来源", "办理结果", "办结日期", "备注")


def official_result(key: str) -> str:
    if key == "unfinished":
        return "尚未办结"
    row = form.REQUESTS.row(key)
    return "—".join(p for p in row.path if p != form.RESULTS)


def loose_result(key: str, rng: random.Random) -> str:
    """How another office writes the result: shorter, other brackets and numbering."""
    if key == "unfinished":
        return rng.choice(("办理中", "未办结", "尚未办结"))
    row = form.REQUESTS.row(key)
    group = row.path[1][3:].split("（")[0]           # 「（三）不予公开」 → 不予公开
    if len(row.path) == 2:
        return group
    item = row.path[2].split(".", 1)[1]              # 「1.属于国家秘密」 → 属于国家秘密
    return rng.choice((f"{group}-{item}", item,
                       f"({row.path[1][1]}){group}—{row.path[2].replace('.', '、', 1)}"))


def applications(report, year: int, rng: random.Random) -> list[dict]:
    """One dict per application, so that counting them gives exactly the report's table 三."""
    apps = []
    for kind in KINDS:
        def n(row):
            return report.get(CellRef("requests", row, kind)) or 0
        sources = ["new"] * n("new") + ["carry_in"] * n("carry_in")
        outcomes = [r for r in form.DETAIL_ROWS for _ in range(n(r))] + ["unfinished"] * n("carry_out")
        assert len(sources) == len(outcomes), "the report does not satisfy R1"
        rng.shuffle(outcomes)
        for source, outcome in zip(sources, outcomes):
            if source == "new":
                received = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(360))
            else:
                received = dt.date(year - 1, 12, 31) - dt.timedelta(days=rng.randrange(40))
            done = None
            if outcome != "unfinished":
                done = min(max(received + dt.timedelta(days=rng.randrange(1, 20)), dt.date(year, 1, 2)),
                           dt.date(year, 12, 31))
            apps.append({"kind": kind, "source": source, "result": outcome, "received": received,
                         "done": done})
    rng.shuffle(apps)
    for i, app in enumerate(apps, start=1):
        app["id"] = f"{year}-{i:05d}"
    return apps


def our_row(app: dict) -> list:
    return [app["id"], app["received"], KIND_LABEL.get(app["kind"], app["kind"]), "申请公开某项信息",
            "本年新收" if app["source"] == "new" else "上年结转", official_result(app["result"])
            if app["result"] in form.DETAIL_ROWS or app["result"] == "unfinished" else app["result"],
            app["done"], None]


def write_our_ledger(path, rows: list[list], write_only: bool = False) -> None:
    workbook = openpyxl.Workbook(write_only=write_only)
    sheet = workbook.create_sheet("台账") if write_only else workbook.active
    sheet.append(list(OUR_HEADERS))
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def expected_requests(apps: list[dict]) -> dict[CellRef, int]:
    """Table 三 counted straight from the applications (the oracle)."""
    values = {ref: 0 for ref in form.REQUESTS.cells()}
    for app in apps:
        for row in (app["source"], "carry_out" if app["result"] == "unfinished" else app["result"]):
            values[CellRef("requests", row, app["kind"])] += 1
            values[CellRef("requests", row, "total")] += 1
            if row != "carry_out" and row not in ("new", "carry_in"):
                values[CellRef("requests", "total", app["kind"])] += 1
                values[CellRef("requests", "total", "total")] += 1
    return values
