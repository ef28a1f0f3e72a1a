"""The command line fed hostile files: exit 2, one Chinese reason, no traceback, nothing written.

Every command that reads a file (check, check --last-year, export, new --from, import, import-ledger
and its --into draft, summary) is given garbage bytes, an empty file, a truncated draft, a renamed
text file, a folder and a missing file under each suffix it might be handed (.json, .docx, .xlsx).
The file read is byte-identical afterwards and no output file appears.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from gui import cli
from gui.report import drafts
from gui.report.form import ALL_CELLS, FEE, LEVELS, MAX_COUNT, TEXT_FIELDS, kind_of
from gui.report.model import Info, Report

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo-2024.json"
CJK = re.compile(r"[\u4e00-\u9fff]")
KINDS = ("garbage", "empty", "truncated", "text", "folder", "missing")
SUFFIXES = (".json", ".docx", ".xlsx")
MTIME_NS = 1_500_000_000_000_000_000


def make_hostile(folder: Path, kind: str, suffix: str) -> Path:
    path = folder / f"{kind}{suffix}"
    content = {
        "garbage": random.Random(7).randbytes(4096),
        "empty": b"",
        "truncated": DEMO.read_bytes()[:2500],
        "text": "这是一个改了扩展名的文本文件，不是报告。\n".encode("utf-8") * 20,
    }.get(kind)
    if kind == "folder":
        path.mkdir()
        (path / "inside.txt").write_text("文件夹里的文件", encoding="utf-8")
    elif content is not None:
        path.write_bytes(content)
        os.utime(path, ns=(MTIME_NS, MTIME_NS))
    return path


def snapshot(folder: Path) -> dict:
    """Every file under folder with its bytes and mtime: what must not change."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns) if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


def run_cli(capsys, argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code: int, err: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and all(CJK.search(line) for line in lines), err


def attack(kind, suffix):
    return pytest.param(kind, suffix, id=f"{kind}{suffix}")


EVERY_FILE = [attack(k, s) for s in SUFFIXES for k in KINDS]
# The command, given the hostile file and an output path in the same folder.
READERS = {
    "check": lambda f, out: ["check", f],
    "check --json": lambda f, out: ["check", f, "--json"],
    "check --last-year": lambda f, out: ["check", DEMO, "--last-year", f],
    "export": lambda f, out: ["export", f, "-o", out / "年报.docx", "--force"],
    "new --from": lambda f, out: ["new", "-o", out / "新草稿.json", "--from", f, "--organ", "某镇人民政府",
                                  "--year", "2025"],
    "summary": lambda f, out: ["summary", f, "-o", out / "汇总.xlsx", "--draft", out / "汇总.json"],
}


@pytest.mark.parametrize("kind, suffix", EVERY_FILE)
@pytest.mark.parametrize("command", list(READERS))
def test_a_hostile_file_is_refused_with_exit_2_and_left_untouched(tmp_path, capsys, command, kind, suffix):
    hostile = make_hostile(tmp_path, kind, suffix)
    before = snapshot(tmp_path)
    code, out, err = run_cli(capsys, READERS[command](hostile, tmp_path))
    assert_refused(code, err)
    assert snapshot(tmp_path) == before                      # the input as it was, and nothing written


@pytest.mark.parametrize("kind, suffix", [attack(k, ".docx") for k in KINDS] + [attack("text", ".json")])
def test_import_of_a_hostile_document_writes_no_draft(tmp_path, capsys, kind, suffix):
    hostile = make_hostile(tmp_path, kind, suffix)
    before = snapshot(tmp_path)
    code, out, err = run_cli(capsys, ["import", hostile, "-o", tmp_path / "导入.json"])
    assert_refused(code, err)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("kind, suffix", [attack(k, ".xlsx") for k in KINDS] + [attack("text", ".docx")])
def test_import_ledger_of_a_hostile_workbook_leaves_the_draft_as_it_was(tmp_path, capsys, kind, suffix):
    hostile = make_hostile(tmp_path, kind, suffix)
    draft = tmp_path / "草稿.json"
    draft.write_bytes(DEMO.read_bytes())
    before = snapshot(tmp_path)
    code, out, err = run_cli(capsys, ["import-ledger", hostile, "--into", draft, "--year", "2024"])
    assert_refused(code, err)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "missing"])   # a missing draft is created
def test_import_ledger_into_a_hostile_draft_leaves_it_as_it_was(tmp_path, capsys, kind):
    from ledger_factory import our_row, write_our_ledger
    hostile = make_hostile(tmp_path, kind, ".json")
    ledger = tmp_path / "台账.xlsx"
    write_our_ledger(ledger, [our_row({"id": "2024-00001", "received": dt.date(2024, 3, 1), "kind": "natural",
                                       "source": "new", "result": "open", "done": dt.date(2024, 3, 9)})])
    before = snapshot(tmp_path)
    code, out, err = run_cli(capsys, ["import-ledger", ledger, "--into", hostile])
    assert_refused(code, err)
    assert snapshot(tmp_path) == before


def test_summary_sums_the_readable_files_and_names_each_hostile_one(tmp_path, capsys):
    hostile = [make_hostile(tmp_path, k, s) for k in ("garbage", "truncated", "text") for s in SUFFIXES]
    good = tmp_path / "好.json"
    good.write_bytes(DEMO.read_bytes())
    before = snapshot(tmp_path)
    code, out, err = run_cli(capsys, ["summary", good, *hostile, "-o", tmp_path / "汇总.xlsx"])
    assert code == 1 and "Traceback" not in out + err
    for path in hostile:
        assert path.name in out + err
    after = snapshot(tmp_path)
    assert after.pop("汇总.xlsx") and after == before


# ── drafts that read but hold anything the format allows ──────────────────────────────────
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@st.composite
def odd_reports(draw) -> Report:
    report = Report(Info(organ=draw(texts), year=draw(st.none() | st.integers(1900, 2999)),
                         level=draw(st.sampled_from(LEVELS)),
                         publish_date=draw(st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)))))
    report.texts = {f.key: draw(texts) for f in TEXT_FIELDS}
    report.opening = draw(st.none() | texts)
    counts = st.none() | st.integers(0, 3) | st.just(MAX_COUNT)
    fees = st.none() | st.just(Decimal("999999999.9999")) | st.builds(Decimal, st.sampled_from(["0", "0.0001"]))
    report.cells = {ref: draw(fees if kind_of(ref) == FEE else counts) for ref in ALL_CELLS}
    report.fee.amount_yuan = draw(st.none() | st.just(Decimal("999999999999.9999")))
    report.fee.charged = draw(st.none() | st.integers(0, MAX_COUNT))
    return report


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(odd_reports())
def test_any_readable_draft_is_checked_and_exported_without_a_traceback(tmp_path_factory, capsys, report):
    folder = tmp_path_factory.mktemp("odd")
    draft = folder / "草稿.json"
    drafts.save(report, draft)
    code, out, err = run_cli(capsys, ["check", draft, "--json"])
    assert code in (0, 1) and "Traceback" not in err
    assert isinstance(json.loads(out), list)
    code, out, err = run_cli(capsys, ["export", draft, "-o", folder / "年报.docx", "--force"])
    assert code == 0, err
    code, out, err = run_cli(capsys, ["check", folder / "年报.docx"])
    assert code in (0, 1) and "Traceback" not in err


# ── the real entry point ────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("argv", [
    lambda d: ["check", make_hostile(d, "garbage", ".json")],
    lambda d: ["import", make_hostile(d, "text", ".docx"), "-o", d / "导入.json"],
    lambda d: ["export", make_hostile(d, "folder", ".json"), "-o", d / "年报.docx"],
], ids=["check-garbage", "import-renamed-text", "export-folder"])
def test_main_py_refuses_hostile_files_in_chinese_without_a_traceback(tmp_path, argv):
    args = argv(tmp_path)
    before = snapshot(tmp_path)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                            capture_output=True, timeout=120, encoding="utf-8", errors="strict")
    assert_refused(result.returncode, result.stderr)
    assert snapshot(tmp_path) == before


# ── an output that would overwrite what the user had ────────────────────────────────────────
def test_summary_never_writes_over_a_file_it_sums(tmp_path, capsys):
    from gui.report.excel.tables_xlsx import export_tables
    from gui.report.samples import huaian_2024
    workbook = tmp_path / "乙镇.xlsx"
    export_tables(huaian_2024(), workbook)
    draft = tmp_path / "甲镇.json"
    draft.write_bytes(DEMO.read_bytes())
    before = snapshot(tmp_path)
    for target in (["-o", workbook], ["-o", tmp_path / "汇总.xlsx", "--draft", draft]):
        code, out, err = run_cli(capsys, ["summary", draft, workbook, *target, "--force"])
        assert_refused(code, err)
        assert "是要汇总的文件之一" in err
    assert snapshot(tmp_path) == before


def test_summary_overwrites_an_existing_summary_only_with_force(tmp_path, capsys):
    old = tmp_path / "汇总.xlsx"
    old.write_bytes(b"last year's summary")
    code, out, err = run_cli(capsys, ["summary", DEMO, "-o", old])
    assert_refused(code, err)
    assert "已存在" in err and "--force" in err and old.read_bytes() == b"last year's summary"
    assert run_cli(capsys, ["summary", DEMO, "-o", old, "--force"])[0] == 0
    assert old.read_bytes()[:2] == b"PK"


def test_export_never_writes_over_the_document_it_reads(tmp_path, capsys):
    document = tmp_path / "年报.docx"
    assert run_cli(capsys, ["export", DEMO, "-o", document])[0] == 0
    before = snapshot(tmp_path)
    code, out, err = run_cli(capsys, ["export", document, "-o", tmp_path / "." / "年报.docx", "--force"])
    assert_refused(code, err)
    assert snapshot(tmp_path) == before
