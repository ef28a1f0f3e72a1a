"""The state each wizard step shows in the step list (Qt-free); the steps themselves are declared in
gui/report/places.py."""
from __future__ import annotations

from gui.report.form import TABLE_BY_KEY, TEXT_FIELD_BY_KEY, TEXT_FIELDS
from gui.report.model import Report
from gui.report.places import INFO, REVIEW, STEP_BY_KEY, STEP_KEYS, STEPS, Step  # noqa: F401  (the window's names)
from gui.report.problems import TEXT_PREFIX, Problem

BLANK, ERRORS, WARNINGS, DONE = "blank", "errors", "warnings", "done"


def is_blank(report: Report, step: str) -> bool:
    """Nothing entered yet in this step."""
    if step == INFO:
        return not report.info.organ.strip() and report.info.year is None
    if step in TABLE_BY_KEY:
        return all(report.cells[ref] is None for ref in TABLE_BY_KEY[step].cells())
    if step == REVIEW:
        return False
    texts = [f.key for f in TEXT_FIELDS if f.section == step]
    blank = all(not report.texts[k].strip() for k in texts)
    if step == "other":
        blank = blank and report.fee.amount_yuan is None and report.fee.charged is None
    return blank


def step_state(report: Report, problems: list[Problem], step: str) -> tuple[str, str]:
    """(state, text for the step list): 未填写 / N 处错误 / N 处提示 / 已完成."""
    if step == REVIEW:
        mine = problems
    else:
        mine = [p for p in problems if p.step == step]
    errors = sum(1 for p in mine if p.is_error)
    warnings = sum(1 for p in mine if not p.is_error and not p.confirmed)
    if step != REVIEW and is_blank(report, step):
        return BLANK, "未填写"
    if errors:
        return ERRORS, f"{errors} 处错误"
    if warnings:
        return WARNINGS, f"{warnings} 处提示"
    return DONE, "已完成" if step != REVIEW else "可以导出"


def step_of_field(field: str) -> str:
    """The step where a Problem.field lives."""
    kind, _, name = field.partition(".")
    if kind == "info":
        return INFO
    if kind == "fee":
        return "other"
    return TEXT_FIELD_BY_KEY[name].section if name in TEXT_FIELD_BY_KEY else INFO


def cell_of(problem):
    """The cell a problem is shown at (its suspect first), or None for a problem of a field."""
    return problem.suspect or problem.target or (problem.cells[0] if problem.cells else None)


def page_of(problem) -> str | None:
    """The step whose page shows a problem: where a click in the problem list lands."""
    if problem.field and problem.field.startswith(TEXT_PREFIX):
        return step_of_field(problem.field)   # a sentence's problem (R9) opens the sentence, not the table
    ref = cell_of(problem)
    if ref is not None:
        return ref.table
    if problem.field:
        return problem.step if problem.step in STEP_BY_KEY and problem.step != REVIEW \
            else step_of_field(problem.field)
    return problem.step if problem.step in STEP_BY_KEY else None
