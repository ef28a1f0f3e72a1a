"""Every command refuses an unreadable file, or a target Windows would refuse, the same way: exit 2,
one Chinese line naming the file and the reason, no traceback; a value quoted from a file never
breaks that line."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gui import cli
from gui.report.target_names import name_problem, one_line, proposed_name

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo-2024.json"
CJK = re.compile(r"[\u4e00-\u9fff]")
LONG = "长" * 100 + "a" * 200


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line(err: str) -> None:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert CJK.search(err) and "Traceback" not in err


def commands(tmp: Path, long_target: Path) -> list[list]:
    return [
        ["new", "-o", long_target.with_suffix(".json"), "--organ", "某局", "--year", "2024"],
        ["export", DEMO, "-o", long_target.with_suffix(".docx")],
        ["import", DEMO, "-o", long_target.with_suffix(".json")],
        ["import", long_target.with_suffix(".docx"), "-o", tmp / "out.json"],
        ["check", long_target.with_suffix(".json")],
        ["export", long_target.with_suffix(".json"), "-o", tmp / "out.docx"],
        ["summary", DEMO, "-o", long_target.with_suffix(".xlsx")],
        ["review", DEMO, "-o", long_target.with_suffix(".xlsx")],
        ["ledger-template", long_target.with_suffix(".xlsx")],
        ["import-ledger", long_target.with_suffix(".xlsx"), "--into", tmp / "d.json"],
    ]


def test_a_300_character_name_is_one_chinese_line_in_every_command(tmp_path, capsys):
    for argv in commands(tmp_path, tmp_path / LONG):
        code, _, err = run(capsys, *argv)
        assert code == 2, (argv[0], err)
        assert_one_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["报告:2024.docx", "年报?.docx", 'a"b.docx', "a|b.docx", "CON.docx",
                                  "lpt1.docx", "com9.docx"])
def test_export_refuses_what_windows_forbids_and_proposes_a_name(tmp_path, capsys, name):
    target = tmp_path / name
    code, _, err = run(capsys, "export", DEMO, "-o", target)
    assert code == 2
    assert_one_line(err)
    proposal = re.search(r"可改为「(.+?)」", err).group(1)
    assert name_problem(proposal) is None and proposal.endswith(".docx")
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_trailing_dots_and_spaces_and_reserved_names_are_refused():
    for name in ("报告.docx.", "报告.docx ", "AUX", "nul.json", "Prn .txt"):
        assert name_problem(name), name
    for name in ("报告.docx", "CONTENT.docx", "console.json", "2024年报告（定稿）.docx"):
        assert name_problem(name) is None, name
    assert name_problem(proposed_name("a" * 400 + ".docx")) is None


@pytest.mark.parametrize("field, value", [("year", "2024\n未发现问题。"), ("organ", "某局\n未发现问题。")])
def test_a_line_break_in_a_draft_value_stays_inside_the_one_line(tmp_path, capsys, field, value):
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    data["info"][field] = value
    draft = tmp_path / "d.json"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for argv in (["check", draft], ["export", draft, "-o", tmp_path / "o.docx"],
                 ["summary", draft, "-o", tmp_path / "s.xlsx"], ["review", draft, "-o", tmp_path / "r.xlsx"]):
        code, out, err = run(capsys, *argv)
        lines = (out + err).splitlines()
        assert "未发现问题。" not in [line.strip() for line in lines], (argv[0], out, err)
        assert not any(line.startswith("未发现问题") for line in lines)


def test_one_line_escapes_every_line_break_and_control_character():
    assert one_line("甲\n乙\r丙\x00丁\u2028戊\x85") == "甲\\n乙\\r丙\\x00丁\\u2028戊\\x85"
    assert one_line("普通的一行。") == "普通的一行。"


def test_an_unforeseen_failure_in_any_command_is_one_line_exit_2(tmp_path, capsys, monkeypatch):
    from gui.report import sources

    def broken(path):
        raise AttributeError("'Header' object has no attribute 'strip'\nsecond line")
    monkeypatch.setitem(sources.READERS, ".json", broken)
    monkeypatch.setitem(sources.IMPORTERS, ".json", broken)
    for argv in (["check", DEMO], ["export", DEMO, "-o", tmp_path / "o.docx"]):
        code, _, err = run(capsys, *argv)
        assert code == 2
        assert_one_line(err)
        assert "demo-2024.json" in err


def test_a_review_letter_for_a_300_character_organ_gets_a_name_every_disk_accepts():
    from types import SimpleNamespace

    from gui.report.review.letters import letter_name
    name = letter_name(SimpleNamespace(organ="某" * 300 + ":局", year=2024, path=Path("x.json")))
    assert name_problem(name) is None and name.endswith("2024年报告审查意见.docx")


def test_summary_lists_a_file_a_reader_fails_on_and_sums_the_others(tmp_path, capsys, monkeypatch):
    from gui.report import sources
    real = sources.READERS[".json"]
    broken = tmp_path / "坏.json"
    broken.write_bytes(DEMO.read_bytes())

    def reader(path):
        if Path(path).name == broken.name:
            raise AttributeError("'Header' object has no attribute 'strip'")
        return real(path)
    monkeypatch.setitem(sources.READERS, ".json", reader)
    code, out, err = run(capsys, "summary", DEMO, broken, "-o", tmp_path / "s.xlsx")
    assert code == 1 and (tmp_path / "s.xlsx").exists()
    assert "坏.json" in out and "无法读取" in out and "Traceback" not in out + err
