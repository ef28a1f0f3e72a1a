"""Starting this year's report from last year's: 基本信息, the carry-over column by column, last year
kept with the draft (also after moving the file), and `new --from LAST` for a draft or a .docx."""
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from gui.report import drafts, rules
from gui.report.form import ALL_CELLS, REQUESTS, REQUESTS_COLUMNS, CellRef
from gui.report.lastyear import attach_last_year, carry_in_differences, new_from_last
from gui.report.model import Report
from gui.report.samples import huaian_2024

ROOT = Path(__file__).resolve().parent.parent
CARRY_OUT = (103, 0, 2, 0, 7, 1, 113)       # a distinct value in every column


def last_year() -> Report:
    last = huaian_2024()
    for col, value in zip(REQUESTS_COLUMNS, CARRY_OUT):
        last.set(CellRef("requests", "carry_out", col.key), value)
    last.info.publish_date = dt.date(2025, 1, 20)
    last.info.deadline = dt.date(2025, 1, 31)
    last.info.address, last.info.phone = "淮安市健康东路1号", "0517-83605000"
    last.texts["problems"] = "一是公开的时效性有待加强。"
    return last


def main_py(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, timeout=120, encoding="utf-8")


def test_new_year_carries_every_column_of_last_years_carry_out():
    new = new_from_last(last_year())
    carried = [new.get(CellRef("requests", "carry_in", c.key)) for c in REQUESTS_COLUMNS]
    assert carried == list(CARRY_OUT)


def test_new_year_copies_info_with_the_next_year_and_leaves_the_dates_to_decide():
    last = last_year()
    new = new_from_last(last)
    assert new.info.year == 2025 and new.info.organ == "淮安市人民政府"
    assert new.info.level == last.info.level and new.info.phone == "0517-83605000"
    assert new.info.publish_date is None and new.info.deadline is None
    assert new.title == "淮安市人民政府2025年政府信息公开工作年度报告"


def test_every_other_cell_starts_blank_and_texts_are_not_copied_unless_asked():
    last = last_year()
    new = new_from_last(last)
    assert [ref for ref in ALL_CELLS if new.get(ref) is not None] == [
        CellRef("requests", "carry_in", c.key) for c in REQUESTS_COLUMNS]
    assert all(text == "" for text in new.texts.values())
    assert new.fee.amount_yuan is None and new.confirmations == {}
    copied = new_from_last(last, copy_texts=True)
    assert copied.texts == last.texts


def test_last_year_is_attached_as_a_copy_without_its_own_last_year():
    last = last_year()
    last.last_year = huaian_2024()
    new = new_from_last(last)
    assert new.last_year is not None and new.last_year.last_year is None
    assert new.last_year.title == last.title
    last.set(CellRef("requests", "new", "natural"), 1)      # editing the source changes nothing
    assert new.last_year.get(CellRef("requests", "new", "natural")) == 3001


def test_last_year_travels_inside_the_draft(tmp_path):
    path = tmp_path / "2025.json"
    drafts.save(new_from_last(last_year()), path)
    moved = tmp_path / "elsewhere" / "2025.json"
    moved.parent.mkdir()
    path.rename(moved)
    loaded = drafts.load(moved)
    assert loaded.last_year is not None
    assert loaded.last_year.row_values("requests", "carry_out") == list(CARRY_OUT)
    assert carry_in_differences(loaded) == []


def test_attach_last_year_warns_about_another_year_or_another_organ():
    report = Report()
    report.info.organ, report.info.year = "淮安市人民政府", 2025
    assert attach_last_year(report, last_year()) == []
    assert report.last_year.info.year == 2024
    report.info.year = 2027
    other = last_year()
    other.info.organ = "某县人民政府"
    warnings = attach_last_year(report, other)
    assert any("2024" in w and "上一年度" in w for w in warnings)
    assert any("某县人民政府" in w for w in warnings)
    assert attach_last_year(report, None) == [] and report.last_year is None


def test_a_changed_carried_over_cell_is_found():
    new = new_from_last(last_year())
    ref = CellRef("requests", "carry_in", "legal")
    new.set(ref, 8)
    assert carry_in_differences(new) == [ref]


@pytest.mark.skipif(not rules.check(Report()), reason="gui/report/rules.py is still a placeholder")
def test_r5_fires_when_a_carried_over_cell_is_changed():
    new = new_from_last(last_year())
    assert not [p for p in rules.check(new) if p.rule == "R5"]
    ref = CellRef("requests", "carry_in", "research")
    new.set(ref, 5)
    r5 = [p for p in rules.check(new) if p.rule == "R5"]
    assert r5 and all(p.is_error for p in r5)
    assert any(ref in (p.target, *p.cells) for p in r5)


# ── the command line ──────────────────────────────────────────────────────────────────────
def test_new_from_a_draft_writes_the_next_year_with_last_year_embedded(tmp_path):
    last = tmp_path / "2024.json"
    drafts.save(last_year(), last)
    out = tmp_path / "2025.json"
    result = main_py("new", "--from", last, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "103 0 2 0 7 1 113" in result.stdout
    new = drafts.load(out)
    assert new.info.year == 2025 and new.row_values("requests", "carry_in") == list(CARRY_OUT)
    assert new.last_year.info.year == 2024 and new.texts["problems"] == ""


def test_new_from_a_published_docx(tmp_path):
    from docx_import_factory import hand_made
    source = hand_made(tmp_path / "2024年报.docx", last_year(), slash_zero=True)
    out = tmp_path / "2025.json"
    result = main_py("new", "--from", source, "-o", out, "--copy-texts")
    assert result.returncode == 0, result.stderr
    assert "已识别" in result.stdout
    new = drafts.load(out)
    assert new.title == "淮安市人民政府2025年政府信息公开工作年度报告"
    # `/` in last year's carry-out stays blank: nothing becomes 0 by itself
    assert new.row_values("requests", "carry_in") == [103, None, 2, None, 7, 1, 113]
    assert new.texts["problems"] == "一是公开的时效性有待加强。"


def test_new_from_an_unreadable_file_exits_2_with_one_chinese_line(tmp_path):
    bad = tmp_path / "last.docx"
    bad.write_bytes(b"not a zip")
    result = main_py("new", "--from", bad, "-o", tmp_path / "new.json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "不是有效的 Word 文档" in result.stderr
    assert not (tmp_path / "new.json").exists()


def test_new_without_from_still_needs_organ_and_year(tmp_path):
    result = main_py("new", "-o", tmp_path / "n.json", "--organ", "某镇人民政府")
    assert result.returncode == 2 and "--year" in result.stderr and "--from" in result.stderr


@pytest.mark.skipif(not rules.check(Report()), reason="gui/report/rules.py is still a placeholder")
def test_check_with_last_years_docx_catches_a_broken_carry_over(tmp_path):
    from docx_import_factory import hand_made
    source = hand_made(tmp_path / "2024.docx", last_year())
    good = tmp_path / "2025.json"
    assert main_py("new", "--from", source, "-o", good).returncode == 0
    fine = main_py("check", good, "--last-year", source)
    assert " R5 " not in fine.stdout
    broken = drafts.load(good)
    broken.set(CellRef("requests", "carry_in", "legal"), 6)          # last year carried 7 over
    drafts.save(broken, good)
    result = main_py("check", good, "--last-year", source)
    assert result.returncode == 1
    r5 = [line for line in result.stdout.splitlines() if " R5 " in line]
    assert r5 and "法律服务机构" in r5[0]
