"""`ledger-template` and `import-ledger` on the command line: exit codes, messages, the draft written."""
import datetime as dt
import random
import subprocess
import sys
from pathlib import Path

from gui.report import drafts, form
from gui.report.form import CellRef
from gui.report.model import Info, Report
from gui.report.samples import huaian_2024
from ledger_factory import applications, our_row, write_our_ledger

ROOT = Path(__file__).resolve().parent.parent


def _run(*args):
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_template_then_refuses_to_overwrite(tmp_path):
    out = tmp_path / "模板.xlsx"
    assert _run("ledger-template", out, "--year", "2024").returncode == 0 and out.exists()
    again = _run("ledger-template", out)
    assert again.returncode == 2 and "已存在" in again.stderr


def test_import_into_a_draft_keeps_everything_else(tmp_path):
    report = huaian_2024()
    apps = applications(report, 2024, random.Random(2))
    ledger = tmp_path / "台账.xlsx"
    write_our_ledger(ledger, [our_row(a) for a in apps])
    draft = tmp_path / "草稿.json"
    start = huaian_2024()
    for ref in form.REQUESTS.cells():
        start.set(ref, None)
    drafts.save(start, draft)
    result = _run("import-ledger", ledger, "--into", draft)
    assert result.returncode == 0, result.stderr
    assert "计入 3153 件" in result.stdout
    back = drafts.load(draft)
    assert {ref: back.get(ref) for ref in form.ALL_CELLS} == {ref: report.get(ref) for ref in form.ALL_CELLS}
    assert back.texts == report.texts and back.info.organ == "淮安市人民政府"
    assert "（空） → 3119" in result.stdout


def test_bad_rows_stop_the_import_unless_forced(tmp_path):
    rows = [["1", dt.date(2024, 3, 1), "自然人", None, "本年新收", "（一）予以公开", dt.date(2024, 3, 5)],
            ["2", dt.date(2024, 3, 2), "火星人", None, "本年新收", "（一）予以公开", dt.date(2024, 3, 5)]]
    ledger = tmp_path / "台账.xlsx"
    write_our_ledger(ledger, rows)
    draft = tmp_path / "d.json"
    drafts.save(Report(Info(organ="某镇人民政府", year=2024)), draft)
    before = draft.read_bytes()
    result = _run("import-ledger", ledger, "--into", draft)
    assert result.returncode == 1
    assert "第 3 行" in result.stderr and "火星人" in result.stderr and "--force" in result.stderr
    assert draft.read_bytes() == before
    forced = _run("import-ledger", ledger, "--into", draft, "--force")
    assert forced.returncode == 0
    assert drafts.load(draft).get(CellRef("requests", "open", "natural")) == 1


def test_unreadable_ledger_and_year_mismatch_exit_2(tmp_path):
    fake = tmp_path / "台账.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    result = _run("import-ledger", fake, "--into", tmp_path / "d.json")
    assert result.returncode == 2 and "不是有效的 Excel 工作簿" in result.stderr
    assert "Traceback" not in result.stderr
    ledger = tmp_path / "ok.xlsx"
    write_our_ledger(ledger, [])
    draft = tmp_path / "d.json"
    drafts.save(Report(Info(organ="某镇人民政府", year=2023)), draft)
    mismatch = _run("import-ledger", ledger, "--into", draft, "--year", "2024")
    assert mismatch.returncode == 2 and "2023" in mismatch.stderr
