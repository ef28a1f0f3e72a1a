"""单位层级 from the organ name: a government's name says its level, a department's does not.

Used by the importers (the title's organ name) and by the window while the organ name is typed. The
guess never overrides a level the clerk chose: `chosen_by_hand` tells, for a draft just opened,
whether its level can only have been chosen (it disagrees with what the name says, or the name
says nothing); `level_for` is the level after the organ name changed.
"""
from __future__ import annotations

from .form import LEVEL_RECORDS, LEVELS

# organ name ending → 单位层级 (form.Level.endings), the longest first: 自治区人民政府 before 区人民政府
_BY_ENDING = sorted(((ending, level.name) for level in LEVEL_RECORDS for ending in level.endings),
                    key=lambda pair: len(pair[0]), reverse=True)
DEFAULT_LEVEL = LEVELS[0]


def guess(organ: str) -> str | None:
    """The level the organ name says, or None (a department, or a name not finished yet)."""
    organ = organ.strip()
    return next((level for ending, level in _BY_ENDING if organ.endswith(ending)), None)


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
