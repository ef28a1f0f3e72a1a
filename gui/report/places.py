"""Where a field of the report is, in the words of the form: for messages, the CLI and the drafts;
and the steps the report is filled in (the window's wizard, the review's 步骤 column), declared once.
"""
from __future__ import annotations

from typing import NamedTuple

from .form import FEE_LABELS, INFO_LABELS, SECTION_BY_KEY, SECTIONS, TEXT_FIELD_BY_KEY, describe
from .problems import FEE_PREFIX, INFO_PREFIX, TEXT_PREFIX

OPENING = "开头段落"
INFO = "info"
REVIEW = "review"
INFO_STEP = "基本信息"
# Short names for the step list; the page itself shows the full official heading.
_SHORT = {"overview": "总体情况", "active": "主动公开", "requests": "依申请公开", "appeals": "复议诉讼",
          "problems": "问题与改进", "other": "其他事项"}


class Step(NamedTuple):
    key: str
    title: str           # in the step list
    heading: str         # on the page, and where a problem is


STEPS = ((Step(INFO, INFO_STEP, INFO_STEP),)
         + tuple(Step(s.key, s.heading[:2] + _SHORT[s.key], s.heading) for s in SECTIONS)
         + (Step(REVIEW, "检查与导出", "检查与导出"),))
STEP_KEYS = tuple(s.key for s in STEPS)
STEP_BY_KEY = {s.key: s for s in STEPS}
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
    return STEP_BY_KEY[step].heading if step in STEP_BY_KEY else step


def problem_location(problem) -> str:
    """Where a Problem is, in the words of the form: the cell, the field or the section."""
    if problem.target is not None:
        return describe(problem.target)
    if problem.field:
        return field_name(problem.field)
    return step_name(problem.step) if problem.step in SECTION_BY_KEY or problem.step == INFO else ""
