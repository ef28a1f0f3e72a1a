"""单位层级 from the organ name: a government's name says its level, a department's does not.

Used by the importers (the title's organ name) and by the window while the organ name is typed. The
guess never overrides a level the clerk chose: `chosen_by_hand` tells, for a draft just opened,
whether its level can only have been chosen (it disagrees with what the name says, or the name
says nothing); `level_for` is the level after the organ name changed.
"""
from __future__ import annotations

from .form import LEVELS

# organ name ending → 单位层级
_LEVEL_BY_ENDING = (
    (("镇人民政府", "乡人民政府", "街道办事处", "镇政府", "乡政府"), "乡镇/街道"),
    (("自治区人民政府", "省人民政府"), "省级及以上"),
    (("县人民政府", "区人民政府", "旗人民政府"), "县级人民政府"),
    (("市人民政府",), "市级人民政府"),
)
DEFAULT_LEVEL = LEVELS[0]


def guess(organ: str) -> str | None:
    """The level the organ name says, or None (a department, or a name not finished yet)."""
    organ = organ.strip()
    return next((level for endings, level in _LEVEL_BY_ENDING if organ.endswith(endings)), None)


def chosen_by_hand(organ: str, level: str) -> bool:
    """For a report just opened: True when its level cannot have come from the name."""
    if not organ.strip():
        return level != DEFAULT_LEVEL
    return guess(organ) != level


def level_for(organ: str, level: str, by_hand: bool) -> str:
    """The level once the organ name is `organ`: the name's guess unless the clerk chose the level."""
    if by_hand:
        return level
    return guess(organ) or level
