"""`check FILE [--json] [--last-year FILE]`: every problem of a report, one a line.

Exit status: 0 without errors (warnings allowed), 1 with errors, 2 when a file cannot be read.
"""
from __future__ import annotations

import json
import sys
from decimal import Decimal

from ..report.problems import SEVERITY_LABELS, Problem, confirmation_text
from ..report.target_names import one_line

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


NAMES = ("check",)  # the command names register() adds


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check", help="检查报告中的问题", description="检查报告的表格勾稽关系、正文与表格是否一致等，"
        "每行列出一个问题。退出码：0 没有错误，1 有错误，2 文件无法读取。")
    parser.add_argument("file", metavar="文件", help="要检查的草稿（.json）或其他支持的文件")
    parser.add_argument("--json", action="store_true", help="以 JSON 数组输出问题，便于程序处理")
    parser.add_argument("--last-year", metavar="文件", help="上年的报告，用于跨年度检查（如上年结转）")
    parser.set_defaults(run=run)


def line(problem: Problem) -> str:
    from ..report.places import problem_location
    parts = [SEVERITY_LABELS.get(problem.severity, problem.severity), problem.rule,
             problem_location(problem), problem.message]
    text = " ".join(p for p in parts if p)
    if problem.confirmed is not None:
        text += f"（{confirmation_text(problem.confirmed)}）"
    return one_line(text)


def _number(value):
    return format(value, "f") if isinstance(value, Decimal) else value


def _cell(ref) -> dict:
    return {"table": ref.table, "row": ref.row, "column": ref.column}


def as_json(problem: Problem) -> dict:
    if problem.target is not None:
        where = _cell(problem.target)
    elif problem.field:
        where = {"field": problem.field}
    else:
        where = {"step": problem.step}
    return {
        "rule": problem.rule,
        "severity": problem.severity,
        "message": problem.message,
        "step": problem.step,
        "where": where,
        "cells": [_cell(ref) for ref in problem.cells],
        "suspect": _cell(problem.suspect) if problem.suspect is not None else None,
        "expected": _number(problem.expected),
        "actual": _number(problem.actual),
        "fix": problem.fix.label if problem.fix else None,
        "key": problem.key,
        "confirmed": problem.confirmed,
    }


def run(args) -> int:
    from ..report import rules
    from ..report.draft_reader import DraftError
    from ..report.sources import read_report, unreadable
    reading = args.file
    try:
        report = read_report(reading)
        if args.last_year:
            reading = args.last_year
            last = read_report(reading)
            last.last_year = None
            report.last_year = last
    except DraftError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_UNREADABLE
    except Exception as exc:   # a reader's unforeseen failure: still one line, never a traceback
        print(unreadable(reading, exc), file=sys.stderr)
        return EXIT_UNREADABLE
    problems = rules.check(report)
    if args.json:
        print(json.dumps([as_json(p) for p in problems], ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(line(problem))
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    summary = f"共 {errors} 个错误、{warnings} 个提示。" if problems else "未发现问题。"
    print(one_line(f"{report.title}：{summary}"), file=sys.stderr)
    return EXIT_ERRORS if errors else EXIT_OK
