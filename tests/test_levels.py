"""单位层级 guessed from the organ name, and the clerk's choice kept (gui/report/levels.py)."""
import pytest

from gui.report import levels
from gui.report.form import LEVELS


@pytest.mark.parametrize("organ, level", [
    ("马营镇人民政府", "乡镇/街道"), ("城关街道办事处", "乡镇/街道"), ("某乡政府", "乡镇/街道"),
    ("淮安市人民政府", "市级人民政府"), ("洪泽区人民政府", "县级人民政府"), ("某县人民政府 ", "县级人民政府"),
    ("广西壮族自治区人民政府", "省级及以上"), ("某县教育局", None), ("马营镇人民", None), ("", None)])
def test_a_government_name_says_its_level(organ, level):
    assert levels.guess(organ) == level
    assert level is None or level in LEVELS


def test_the_name_decides_until_the_clerk_chooses():
    level = levels.DEFAULT_LEVEL
    for typed in ("马", "马营", "马营县人民政府", "马营", "马营镇人民政府"):   # typed, erased, typed again
        level = levels.level_for(typed, level, by_hand=False)
    assert level == "乡镇/街道"
    assert levels.level_for("马营县人民政府", "县级部门", by_hand=True) == "县级部门"
    assert levels.level_for("某县教育局", "县级部门", by_hand=False) == "县级部门"   # a department: unchanged


def test_an_opened_draft_whose_level_disagrees_with_its_name_was_chosen_by_hand():
    assert levels.chosen_by_hand("马营镇人民政府", "县级部门")
    assert not levels.chosen_by_hand("马营镇人民政府", "乡镇/街道")
    assert not levels.chosen_by_hand("", levels.DEFAULT_LEVEL)
    assert levels.chosen_by_hand("某县教育局", "县级部门")
