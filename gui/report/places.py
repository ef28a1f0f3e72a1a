"""Where a field of the report is, in the words of the form: for messages, the CLI and the drafts."""
from __future__ import annotations

from .form import FEE_LABELS, INFO_LABELS, SECTION_BY_KEY, TEXT_FIELD_BY_KEY, describe
from .problems import FEE_PREFIX, INFO_PREFIX, TEXT_PREFIX

OPENING = "开头段落"
_FEE_KEYS = {"amount_yuan": "fee_yuan", "charged": "fee_charged"}


def text_name(key: str) -> str:
    """「一、总体情况（一）主动公开」, 「五、存在的主要问题及改进情况」 …"""
    field = TEXT_FIELD_BY_KEY[key]
    heading = SECTION_BY_KEY[field.section].heading
    return heading if field.label in heading else f"{heading}{field.sub_number}{field.label}"


def info_name(key: str) -> str:
    return f"基本信息「{INFO_LABELS[key]}」"


def fee_name(key: str) -> str:
    return f"六「{FEE_LABELS[_FEE_KEYS[key]]}」"


def field_name(field: str) -> str:
    """A Problem.field ("text.problems", "info.organ", "fee.amount_yuan") in official words."""
    for prefix, name, known in ((TEXT_PREFIX, lambda k: f"「{text_name(k)}」", TEXT_FIELD_BY_KEY),
                                (INFO_PREFIX, info_name, INFO_LABELS),
                                (FEE_PREFIX, fee_name, _FEE_KEYS)):
        if field.startswith(prefix) and field[len(prefix):] in known:
            return name(field[len(prefix):])
    if field in ("opening", "text.opening"):
        return OPENING
    return field


def step_name(step: str) -> str:
    """A wizard step in official words: 「基本信息」 or the section heading."""
    if step in SECTION_BY_KEY:
        return SECTION_BY_KEY[step].heading
    return "基本信息" if step == "info" else step


def problem_location(problem) -> str:
    """Where a Problem is, in the words of the form: the cell, the field or the section."""
    if problem.target is not None:
        return describe(problem.target)
    if problem.field:
        return field_name(problem.field)
    return step_name(problem.step) if problem.step in SECTION_BY_KEY or problem.step == "info" else ""
