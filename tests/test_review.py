"""County review: a folder of units with planted faults gives exactly the expected overview,
details, cross-unit rows and letters; the command refuses to overwrite or write into its inputs."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from gui.report import drafts
from gui.report.review import NEEDS_CHANGES, PUBLISHABLE, UNREADABLE, review
from gui.report.review.letters import item_text, letter_title, write_letters
from gui.report.review.workbook import (CROSS, DETAILS, LATE_MARK, OVERVIEW, SKIPPED, read_review,
                                        save_review)
from cli_support import run_cli
from review_factory import (CLEAN, COPIED, HAND_MADE, LATE, MAGNITUDE, SAME_TABLES, WRONG,
                            county_folder, unit_report)

ROOT = Path(__file__).resolve().parent.parent
STATUSES = {"庚镇.docx": UNREADABLE, WRONG: NEEDS_CHANGES, LATE: NEEDS_CHANGES}


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    folder = county_folder(tmp_path_factory.mktemp("county"))
    return folder, review([folder])


def _unit(result, name):
    unit = result.unit(name)
    assert unit is not None, [u.name for u in result.units]
    return unit


def test_every_unit_gets_the_status_its_faults_call_for(county):
    _, result = county
    assert result.year == 2024 and not result.cancelled
    got = {u.name: u.status for u in result.units}
    expected = {name: STATUSES.get(name, PUBLISHABLE) for name in got}
    assert got == expected
    assert set(got) == {"甲镇人民政府", "乙镇人民政府", "丙镇人民政府", HAND_MADE, LATE, WRONG, "庚镇.docx",
                        MAGNITUDE, "癸镇人民政府", CLEAN}
    assert _unit(result, CLEAN).findings == []
    assert _unit(result, HAND_MADE).errors == 0
    order = [u.status for u in result.sorted_units()]
    assert order == sorted(order, key=[UNREADABLE, NEEDS_CHANGES, PUBLISHABLE].index)


def test_each_planted_fault_is_found_under_its_unit_at_its_place(county):
    _, result = county
    wrong = _unit(result, WRONG)
    assert {"R1", "R2"} <= {f.rule for f in wrong.findings if f.is_error}
    assert any(f.location == "表三「（七）总计」行「总计」列" and f.rule == "R2" for f in wrong.findings)
    late = _unit(result, LATE)
    assert late.late and late.errors >= 1
    assert any(f.is_error and f.location == "基本信息「发布日期」" for f in late.findings)
    broken = _unit(result, "庚镇.docx")
    assert "不是有效的 Word 文档" in broken.unreadable
    assert _unit(result, WRONG).totals[:2] == (18714, 18400)


def test_copied_narrative_identical_tables_and_a_jump_from_last_year_are_paired(county):
    _, result = county
    rows = {(c.rule, frozenset((c.unit, c.other)), c.part): c for c in result.cross}
    copied = rows[("COPY", frozenset(COPIED), "五、存在的主要问题及改进情况")]
    assert copied.share == 100
    assert [c for c in result.cross if c.rule == "COPY"] == [copied]       # no other pair: fee sentence, headings
    same = [c for c in result.cross if c.rule == "SAME_TABLE"]
    assert {frozenset((c.unit, c.other)) for c in same} == {frozenset(SAME_TABLES)}
    assert [c.part[:2] for c in same] == ["表二", "表三", "表四"]
    jumps = [c for c in result.cross if c.rule == "MAGNITUDE"]
    assert {c.unit for c in jumps} == {MAGNITUDE} and {c.part for c in jumps} == {"本年新收", "办理结果总计"}
    for name in COPIED:        # each side of the pair sees it among its own problems
        assert any(f.rule == "COPY" and (set(COPIED) - {name}).pop() in f.message
                   for f in _unit(result, name).findings)


def test_other_year_duplicate_and_foreign_files_are_listed_with_the_reason(county):
    _, result = county
    reasons = {s.path.name: s.reason for s in result.skipped}
    assert set(reasons) == {"辛镇2023.docx", "甲镇（修改稿）.json", "照片.png"}
    assert "2023 年" in reasons["辛镇2023.docx"]
    assert "甲镇.docx" in reasons["甲镇（修改稿）.json"] and "同一单位" in reasons["甲镇（修改稿）.json"]
    assert "不支持的文件类型" in reasons["照片.png"]


def test_the_workbook_shows_the_review_and_reopens_to_the_same(county, tmp_path):
    _, result = county
    path = tmp_path / "审查.xlsx"
    save_review(result, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [OVERVIEW, DETAILS, CROSS, SKIPPED]
    overview = book[OVERVIEW]
    head = [c.value for c in overview[1]]
    assert head[:8] == ["机关", "层级", "年度", "文件", "发布日期", "报送截止日期", "错误数", "提示数"]
    assert overview.freeze_panes == "A2" and overview.auto_filter.ref.startswith("A1:")
    lines = {r[0] or r[3]: r for r in overview.iter_rows(min_row=2, values_only=True)}
    assert lines[LATE][4] == "2025-02-20" + LATE_MARK
    assert lines[CLEAN][head.index("状态")] == PUBLISHABLE and "不发审查意见" in lines[CLEAN][head.index("说明")]
    assert [r[head.index("状态")] for r in overview.iter_rows(min_row=2, values_only=True)][0] == UNREADABLE
    details = list(book[DETAILS].iter_rows(min_row=2, values_only=True))
    assert ("己镇人民政府", "R2") in {(r[0], r[3]) for r in details}
    assert not any(r[0] == CLEAN for r in details)
    cross = list(book[CROSS].iter_rows(min_row=2, values_only=True))
    assert ("内容雷同", "丙镇人民政府", "甲镇人民政府", "五、存在的主要问题及改进情况", "100%") == cross[0][:5]
    again = read_review(path)
    key = lambda u: (u.name, u.status, u.findings, u.totals, u.publish_date, u.late)  # noqa: E731
    assert sorted(map(key, again.units)) == sorted(map(key, result.units))
    assert again.cross == result.cross and len(again.skipped) == len(result.skipped)


def _items(path: Path) -> tuple[list, list[str]]:
    document = docx.Document(str(path))
    return document.paragraphs, [p.text for p in document.paragraphs if p.style.name == "Body Text"]


def test_each_letter_names_exactly_its_units_problems(county, tmp_path):
    _, result = county
    written = write_letters(result, tmp_path / "意见")
    by_unit = {u.name: u for u in result.units if u.letter}
    assert set(by_unit) == {u.name for u in result.units if u.needs_letter}
    assert CLEAN not in by_unit and "庚镇.docx" not in by_unit
    assert {WRONG, LATE, *COPIED, *SAME_TABLES, MAGNITUDE} <= set(by_unit)
    assert len(written) == len(by_unit)
    for name, unit in by_unit.items():
        paragraphs, items = _items(unit.letter)
        assert paragraphs[0].text == letter_title(unit) == f"关于{name}2024年政府信息公开工作年度报告的审查意见"
        assert paragraphs[0].style.name == "Title"
        errors = [f for f in unit.findings if f.is_error]
        hints = [f for f in unit.findings if not f.is_error and f.open]
        expected = [item_text(i, f) for i, f in enumerate(errors, 1)] + [item_text(i, f) for i, f in enumerate(hints, 1)]
        assert items[1:] == expected           # items[0] says what the letter is about
        headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
        assert headings == (["一、需要改正的问题"] if errors else []) + \
            ([f"{'二' if errors else '一'}、请核实的事项"] if hints else [])
    wrong = by_unit[WRONG]
    assert any("表三「（七）总计」行「总计」列" in t for t in _items(wrong.letter)[1])


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "review", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def _refused(capsys, *args):
    """A refusal of the arguments, checked in this process (the real child runs above and below)."""
    return run_cli(capsys, "review", *args)


def test_command_line_review_with_letters_and_its_refusals(county, tmp_path, capsys):
    folder, _ = county
    out, letters = tmp_path / "审查.xlsx", tmp_path / "意见"
    done = _cli(folder, "-o", out, "--letters", letters, "--reviewer", "某县人民政府办公室")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert f"{NEEDS_CHANGES} {WRONG}" in done.stdout and "未审查" in done.stdout
    assert (letters / "己镇人民政府2024年报告审查意见.docx").exists()
    assert not (letters / f"{CLEAN}2024年报告审查意见.docx").exists()
    before = out.read_bytes()
    again = _refused(capsys, folder, "-o", out)
    assert again.returncode == 2 and "已存在" in again.stderr and "--force" in again.stderr
    assert out.read_bytes() == before
    letters_again = _refused(capsys, folder, "-o", tmp_path / "二.xlsx", "--letters", letters)
    assert letters_again.returncode == 2 and "已有审查意见" in letters_again.stderr
    assert not (tmp_path / "二.xlsx").exists()
    inside = _refused(capsys, folder, "-o", folder / "审查.xlsx")
    assert inside.returncode == 2 and "要审查的文件夹" in inside.stderr and not (folder / "审查.xlsx").exists()
    into = _refused(capsys, folder, "-o", tmp_path / "三.xlsx", "--letters", folder / "意见")
    assert into.returncode == 2 and not (folder / "意见").exists()
    own = _refused(capsys, folder / "壬镇.json", "-o", folder / "壬镇.json", "--force")
    assert own.returncode == 2 and ".xlsx" in own.stderr
    itself = _refused(capsys, out, "-o", out, "--force")
    assert itself.returncode == 2 and "要审查的文件之一" in itself.stderr and out.read_bytes() == before
    named = _cli(folder / "壬镇.json", folder / "丙镇.json", "-o", tmp_path / "四.xlsx", "--force")
    assert named.returncode == 0 and "可以发布 丙镇人民政府" in named.stdout   # hints only: exit 0 like check
    assert (folder / "壬镇.json").read_bytes() and drafts.load(folder / "壬镇.json").info.organ == MAGNITUDE


def test_forced_output_into_the_folder_is_written_and_a_clean_round_exits_0(tmp_path, capsys):
    folder = tmp_path / "单位"
    folder.mkdir()
    drafts.save(unit_report(CLEAN, 11), folder / "子镇.json")
    drafts.save(unit_report("丑镇人民政府", 12), folder / "丑镇.json")
    done = _cli(folder, "-o", folder / "审查.xlsx", "--force", "--letters", tmp_path / "意见")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (folder / "审查.xlsx").exists() and "没有需要发审查意见的单位" in done.stdout
    empty = _refused(capsys, tmp_path / "意见", "-o", tmp_path / "空.xlsx")
    assert empty.returncode == 2 and "没有找到可以审查的报告" in empty.stderr
