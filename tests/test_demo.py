"""The demo draft: 马营镇人民政府's published 2024 report, entered as the clerk would have."""
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from gui.report import drafts, rules
from gui.report.form import ALL_CELLS, CellRef
from gui.report.model import Report

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo-2024.json"
EXAMPLE = ROOT / "tests" / "fixtures" / "maying-town-2024-report.txt"
RULES_LANDED = bool(rules.check(Report()))
needs_rules = pytest.mark.skipif(not RULES_LANDED, reason="gui/report/rules.py is still a placeholder")


@pytest.fixture(scope="module")
def demo():
    return drafts.load(DEMO)


def test_the_demo_is_the_town_report(demo):
    assert (demo.info.organ, demo.info.year, demo.info.level) == ("马营镇人民政府", 2024, "乡镇/街道")
    assert demo.title == "马营镇人民政府2024年政府信息公开工作年度报告"
    assert demo.opening.startswith("2024年，我镇严格贯彻落实《中华人民共和国政府信息公开条例》")
    assert demo.opening.endswith("现将2024年工作总结如下：") and demo.opening_enabled
    starts = {"overview_active": "多点发力，推进扎实主动开展政府公开。",
              "overview_request": "规范申请公开流程，完善政府信息申请公开。",
              "overview_management": "有效回应社会关切，提升信息服务能力。",
              "overview_platform": "为了不断拓宽群众获取信息途径",    # its lead-in removed (LEAD_IN)
              "overview_supervision": "强化组织保障，夯实政务公开工作基础。"}
    for key, start in starts.items():
        assert demo.texts[key].startswith(start), key
    assert "2024年，马营镇未收到政府信息公开申请。" in demo.texts["overview_request"]
    assert "全年受理市民12345处理单504件" in demo.texts["overview_management"]
    first, second = demo.texts["problems"].split("\n")
    assert first.startswith("2024年，我镇信息公开工作取得了有效推进") and second.startswith("下一步，")
    assert demo.texts["other"] == "2024年度我镇暂无其他报告的事项。"
    for text in [demo.opening, *demo.texts.values()]:
        assert not re.search(r"\s|（[一二三四五]）", text.replace("\n", "")), text[:20]


def test_the_demo_keeps_the_original_wording(demo):
    original = re.sub(r"-\s*\d+\s*-", "", EXAMPLE.read_text(encoding="utf-8"))
    original = re.sub(r"\s+", "", original)
    for text in [demo.opening, *demo.texts.values()]:
        assert re.sub(r"\s+", "", text) in original
    narrative = sum(len(re.sub(r"\s+", "", t)) for t in [demo.opening, *demo.texts.values()])
    headings = original.index("二、主动公开政府信息情况") - original.index("一、总体情况")
    assert narrative > 0.9 * headings        # nothing of 一 left out


def test_its_slashes_are_zeros_and_its_review_was_upheld(demo):
    review = {c: demo.get(CellRef("appeals", "review", c)) for c in
              ("upheld", "corrected", "other", "pending", "total")}
    assert review == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    others = [ref for ref in ALL_CELLS if not (ref.table == "appeals" and ref.row == "review")]
    assert all(demo.get(ref) == 0 for ref in others)
    assert demo.get(CellRef("active", "fees", "value")) == Decimal("0")
    assert demo.blank_cells() == []
    assert demo.fee.amount_yuan is None and demo.fee.charged is None      # the report does not say


@needs_rules
def test_check_reports_the_missing_fee_statement_and_nothing_false(demo):
    problems = rules.check(demo)
    assert [p for p in problems if p.is_error] == []
    assert [p.rule for p in problems] == ["R10"]
    assert problems[0].field == "text.other"


@needs_rules
def test_check_on_the_command_line_says_the_same():
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(DEMO)], cwd=ROOT,
                            capture_output=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("提示 R10 「六、其他需要报告的事项」")
