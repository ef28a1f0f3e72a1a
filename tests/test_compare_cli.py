"""`main.py compare THIS LAST -o FILE`: the comparison as .xlsx and .docx for any pair of readable files,
read back; Chinese errors and exit 2 for what cannot be read or written."""
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from gui.report import drafts
from gui.report.docx_export import export_docx
from gui.report.excel.comparison import PASSAGES_SHEET
from rules_support import app, clean_report, last_year_of

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
COPIED = "本机关认真贯彻落实政府信息公开条例，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。"


def main_py(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, timeout=120, encoding="utf-8")


@pytest.fixture
def pair(tmp_path):
    """This year as a draft, last year as a Word document of the official layout."""
    this = clean_report()
    last = last_year_of(this)
    last.set(app("review", "total"), 12)
    this.set(app("review", "total"), 70)
    last.texts["overview_platform"] = COPIED
    this.texts["overview_platform"] = "新建政务公开专区。\n" + COPIED
    drafts.save(this, tmp_path / "this.json")
    export_docx(last, tmp_path / "last.docx")
    return tmp_path / "this.json", tmp_path / "last.docx"


def test_xlsx_has_a_sheet_per_table_with_both_years_and_the_passages(pair, tmp_path):
    out = tmp_path / "比较.xlsx"
    done = main_py("compare", *pair, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "YEAR_JUMP" in done.stdout and "已生成比较表" in done.stdout
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["表二（主动公开政府信息情况）", "表三（收到和处理政府信息公开申请情况）",
                               "表四（政府信息公开行政复议、行政诉讼情况）", PASSAGES_SHEET]
    appeals = book.worksheets[2]
    rows = {(r[0], r[1]): r for r in appeals.iter_rows(min_row=2, values_only=True)}
    this, last, change, percent, note = rows[("行政复议", "总计")][2:]
    assert (this, last, change, percent) == (70, 12, 58, 483.3)
    assert "5.8 倍" in note
    requests = [r for r in book.worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert requests[0][:2] == ("（七）总计", "自然人") and requests[6][:4] == ("（七）总计", "总计", 3050, 3050)
    assert len(requests) == 25 * 7
    passages = [r for r in book[PASSAGES_SHEET].iter_rows(min_row=2, values_only=True)]
    assert (None, None, "政府信息公开平台建设", COPIED) in passages
    assert passages[0][:2] == ("一、总体情况", 27)


def test_docx_has_the_tables_and_the_copied_passage_highlighted(pair, tmp_path):
    out = tmp_path / "比较.docx"
    assert main_py("compare", *pair, "-o", out).returncode == 0
    document = docx.Document(out)
    highlighted = "".join(r.text for p in document.paragraphs for r in p.runs
                          if r._r.find(f"{qn('w:rPr')}/{qn('w:highlight')}") is not None)
    assert highlighted == COPIED
    assert len(document.tables) == 3
    rows = [[c.text for c in row.cells] for row in document.tables[2].rows]
    assert ["行政复议", "总计", "70", "12", "+58", "+483.3%"] in rows
    assert document.sections[0].top_margin.mm == pytest.approx(37, abs=0.1)


def test_any_pair_of_published_files(tmp_path):
    out = tmp_path / "c.xlsx"
    done = main_py("compare", FIXTURES / "hongze-district-2024-report.pdf",
                   FIXTURES / "maying-town-2024-report.txt", "-o", out)
    assert done.returncode == 0, done.stderr
    values = [r[2] for r in openpyxl.load_workbook(out).worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert any(v for v in values)


def test_unreadable_input_and_bad_output_are_said_in_chinese(pair, tmp_path):
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"not a zip")
    done = main_py("compare", pair[0], broken, "-o", tmp_path / "x.xlsx")
    assert done.returncode == 2 and "坏.docx" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.xlsx").exists()
    done = main_py("compare", *pair, "-o", tmp_path / "x.pdf")
    assert done.returncode == 2 and ".docx 或 .xlsx" in done.stderr
    (tmp_path / "y.xlsx").write_bytes(b"keep")
    done = main_py("compare", *pair, "-o", tmp_path / "y.xlsx")
    assert done.returncode == 2 and "--force" in done.stderr and (tmp_path / "y.xlsx").read_bytes() == b"keep"
