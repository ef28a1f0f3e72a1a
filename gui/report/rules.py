"""Every check of the report (FORMAT.md §7 and issue 2): check(report) -> list[Problem], sorted for the wizard.

The table relations live in relations.py (data built from form.py), the prose figures in prose.py and
prose_rules.py (R9, R9U), the checks of 基本信息 and the narratives in text_rules.py, the dates in
deadlines.py (LATE, EARLY), the faults review bulletins name in review_rules.py, what an importer found
non-conforming in findings.py. This module adds the cell-level checks
(BLANK, R6), the cross-year and 单位层级 checks of tables 二 and 三 (R5, R7, R8), the clerk's
confirmations of warnings and the order problems are listed in; compare.py the unusual changes
from last year (YEAR_JUMP, YEAR_VANISH).
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from types import SimpleNamespace

from . import deadlines, findings, lead_ins, prose_rules, relations, review_rules, text_rules
from .form import (ACTIVE, ACTIVE_DOC_COLUMNS, FEE, FEE_PLACES, LEVEL_BY_NAME, MAX_COUNT, REQUESTS_COLUMNS,
                   SECTIONS, TABLES, TRIAL_FORMAT_LACKS, CellRef, describe, kind_of, of_trial_format)
from .model import Confirmation
from .problems import BLANK_RULE, ERROR, WARNING, Fix, Problem

STEP_ORDER = {key: i for i, key in enumerate(["info"] + [s.key for s in SECTIONS])}
NAMED_BLANKS = 3              # how many blank cells a BLANK message names
_KINDS = {ref: kind_of(ref) for t in TABLES for ref in t.cells()}
_TABLE_CELLS = {t.key: tuple(t.cells()) for t in TABLES}
ISSUED, REPEALED, IN_FORCE = (c.key for c in ACTIVE_DOC_COLUMNS)
DOC_ROWS = tuple(r.key for r in ACTIVE.rows if len(r.columns) == len(ACTIVE_DOC_COLUMNS))   # 规章, 行政规范性文件
RULES_ROW = DOC_ROWS[0]
# The figures of the narratives (R9) are read in at most this much of each paragraph and of each part:
# the prose rules' work grows faster than the text (a 20,000-character paragraph dense with 「N件」
# took 2 s, and the window checks on every edit). A report's paragraphs are under 1,000 characters.
MAX_PROSE_PARAGRAPH = 3000
MAX_PROSE_TEXT = 20_000


def _zero(ref: CellRef):
    return Decimal(0) if _KINDS[ref] == FEE else 0


def _lacking(report) -> frozenset:
    """The cells a report on 2019 or 2020 leaves blank because its year's trial format has none:
    not BLANK errors (a group the clerk has begun to fill is checked as usual)."""
    if not of_trial_format(report.info.year):
        return frozenset()
    return frozenset(ref for group in TRIAL_FORMAT_LACKS if all(report.cells[r] is None for r in group)
                     for ref in group)


def check_cells(report) -> list[Problem]:
    """BLANK: one error per table naming its blank cells, with the bulk fix; R6: values out of range."""
    out = []
    cells = report.cells
    lacking = _lacking(report)
    for table in TABLES:
        blanks = [ref for ref in _TABLE_CELLS[table.key] if cells[ref] is None and ref not in lacking]
        if blanks:
            named = "、".join(describe(r) for r in blanks[:NAMED_BLANKS])
            more = f"等 {len(blanks)} 个" if len(blanks) > NAMED_BLANKS else ""
            out.append(Problem(
                BLANK_RULE, ERROR, f"{table.short_name}有 {len(blanks)} 个空白单元格：{named}{more}。"
                "空白不等于 0，没有发生的请填 0。", table.section, blanks[0], tuple(blanks),
                fix=Fix("空白单元格填 0", cells=tuple((r, _zero(r)) for r in blanks)),
                key=f"BLANK:{table.key}", fingerprint=",".join(f"{r.row}.{r.column}" for r in blanks)))
    for ref, value in cells.items():
        if value is not None and not _valid(ref, value):
            out.append(Problem("R6", ERROR, f"{describe(ref)}的值 {value} 不合规：件数应为不小于 0 的整数，"
                               f"金额应为不小于 0、最多 {FEE_PLACES} 位小数的数。", ref.table, ref, (ref,),
                               actual=value, key=f"R6:{ref.table}:{ref.row}:{ref.column}", fingerprint=str(value)))
    return out


def _valid(ref: CellRef, value) -> bool:
    if isinstance(value, bool):
        return False
    if _KINDS[ref] == FEE:
        return isinstance(value, Decimal) and value.is_finite() and value >= 0 \
            and value.as_tuple().exponent >= -FEE_PLACES
    return isinstance(value, int) and 0 <= value <= MAX_COUNT


def check_carry_in(report) -> list[Problem]:
    """R5: this year's 上年结转 = last year's 结转下年度继续办理, column by column."""
    last = report.last_year
    if last is None:
        return []
    out = []
    for col in REQUESTS_COLUMNS:
        ref = CellRef("requests", relations.CARRY_IN, col.key)
        before = CellRef("requests", relations.CARRY_OUT, col.key)
        this, then = report.cells[ref], last.cells.get(before)
        if this is None or then is None or this == then:
            continue
        out.append(Problem("R5", ERROR, f"{describe(ref)}为 {this}，但上年报告{describe(before)}为 {then}，"
                           f"两者应相等（相差 {abs(this - then)}）。", "requests", ref, (ref,), expected=then,
                           actual=this, fix=Fix(f"填入 {then}", cells=((ref, then),)),
                           key=f"R5:requests:{col.key}", fingerprint=f"{this}|{then}"))
    return out


def check_documents(report) -> list[Problem]:
    """R7 and R8 for 规章 and 行政规范性文件 (warnings: clean-ups and re-counts can explain them)."""
    out = []
    cells = report.cells
    last = report.last_year
    for row in DOC_ROWS:
        refs = tuple(CellRef("active", row, c) for c in (ISSUED, REPEALED, IN_FORCE))
        issued, repealed, in_force = (cells[r] for r in refs)
        before = last.cells.get(CellRef("active", row, IN_FORCE)) if last is not None else None
        if None in (issued, repealed, in_force, before):
            continue
        expected = before + issued - repealed
        if in_force != expected:
            out.append(Problem(
                "R7", WARNING, f"{describe(refs[2])}为 {in_force}，但上年{describe(refs[2])} {before} + "
                f"本年制发 {issued} − 本年废止 {repealed} = {expected}。如因清理、统计口径调整所致，可核实后确认。",
                "active", refs[2], refs, expected=expected if expected >= 0 else None, actual=in_force,
                key=f"R7:active:{row}", fingerprint=f"{issued},{repealed},{in_force}|{before}"))
        if repealed > before + issued:
            out.append(Problem(
                "R8", WARNING, f"{describe(refs[1])}为 {repealed}，超过上年{describe(refs[2])} {before} 与"
                f"本年制发 {issued} 之和 {before + issued}：废止的文件不会多于原有的和新制发的。", "active", refs[1],
                refs, expected=before + issued, actual=repealed, key=f"R8:active:{row}:repealed",
                fingerprint=f"{issued},{repealed}|{before}"))
    level = LEVEL_BY_NAME.get(report.info.level)
    if level is not None and not level.makes_rules:
        refs = tuple(CellRef("active", RULES_ROW, c.key) for c in ACTIVE_DOC_COLUMNS)
        nonzero = [r for r in refs if cells[r]]
        if nonzero:
            values = "、".join(f"{describe(r)} {cells[r]}" for r in nonzero)
            out.append(Problem(
                "R8", WARNING, f"单位层级为「{report.info.level}」，不能制定{ACTIVE.row(RULES_ROW).label}，"
                f"相应数字应为 0，但{values}。如属转发、执行上级规章，请不要计入。", "active", nonzero[0], refs,
                expected=0, actual=cells[nonzero[0]], key="R8:active:level",
                fingerprint=f"{report.info.level}|{','.join(str(cells[r]) for r in refs)}"))
    return out


def _with_confirmation(problem: Problem, confirmations) -> Problem:
    if problem.is_error:
        return problem
    c = confirmations.get(problem.key)
    if c is not None and getattr(c, "fingerprint", None) == problem.fingerprint:
        return dataclasses.replace(problem, confirmed=c.note)
    return problem


def _order(problem: Problem) -> tuple[int, int]:
    return STEP_ORDER.get(problem.step, len(STEP_ORDER)), 0 if problem.is_error else 1


def _bounded_prose(text: str) -> str:
    if len(text) <= MAX_PROSE_PARAGRAPH:
        return text
    return "\n".join(p[:MAX_PROSE_PARAGRAPH] for p in text.split("\n"))[:MAX_PROSE_TEXT]


def prose_view(report):
    """What the prose rules read of `report`: each paragraph and each part cut to their limits."""
    texts = {key: _bounded_prose(text) for key, text in report.texts.items()}
    if all(texts[key] is text for key, text in report.texts.items()):
        return report
    return SimpleNamespace(info=report.info, cells=report.cells, texts=texts)


def check(report) -> list[Problem]:
    """Every problem of the report, in wizard step order, errors first inside a step."""
    found = (text_rules.check_info(report) + deadlines.check_dates(report) + text_rules.check_texts(report)
             + check_cells(report) + check_documents(report) + relations.evaluate(report.cells)
             + check_carry_in(report) + prose_rules.check_r9(prose_view(report)) + text_rules.check_fee(report)
             + text_rules.check_copied(report) + review_rules.check(report)
             + lead_ins.check_lead_ins(report) + _year_checks(report))
    if report.import_findings:
        found += findings.check_import(report)
    confirmations = report.confirmations
    if confirmations:
        found = [_with_confirmation(p, confirmations) for p in found]
    found.sort(key=_order)
    return found


def _year_checks(report) -> list[Problem]:
    """YEAR_JUMP and YEAR_VANISH (compare.py), loaded only with last year's report attached: a
    report alone is checked, and exported, without the comparison's module."""
    if report.last_year is None:
        return []
    from . import compare
    return compare.check(report)


def hints(report) -> dict[CellRef, int]:
    """Blank totals whose addends are all filled: the value the wizard offers in grey."""
    return relations.hints(report.cells)


def confirmation_field(problem: Problem) -> str:
    """The Report.set_field name of the clerk's confirmation of `problem`."""
    return f"confirmation.{problem.key}"


def confirm(report, problem: Problem, note: str) -> Confirmation | None:
    """Mark a warning as checked by the clerk; returns the previous confirmation (for undo)."""
    if problem.severity != WARNING:
        raise ValueError("只有提示可以核实确认，错误必须改正。")
    return report.set_field(confirmation_field(problem), Confirmation(note, problem.fingerprint))


def unconfirm(report, problem: Problem) -> Confirmation | None:
    """Withdraw a confirmation; returns it (for undo)."""
    return report.set_field(confirmation_field(problem), None)
