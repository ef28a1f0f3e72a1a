"""`review --last-year DIR`: units matched by organ name across the years (人民政府/政府, 办公室/办),
the unmatched reported, the sheet 年度比对 with both years and the change, and two native charts in
the workbook's XML that LibreOffice renders."""
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from gui.report import drafts
from gui.report.docx_export import export_docx
from gui.report.review.yearly import organ_key
from gui.report.review.yearly_sheet import YEARLY
from review_factory import unit_report

ROOT = Path(__file__).resolve().parent.parent


def main_py(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, timeout=300, encoding="utf-8")


@pytest.mark.parametrize("this, last", [
    ("洪泽区人民政府", "洪泽区政府"),
    ("淮安市洪泽区人民政府办公室", "淮安市洪泽区政府办"),
    ("马营镇人民政府", "马营镇 人民政府"),
    ("高良涧街道办事处", "高良涧街道办事处"),
])
def test_organ_name_variants_match(this, last):
    assert organ_key(this) == organ_key(last)


def test_different_organs_do_not_match():
    assert organ_key("洪泽区人民政府") != organ_key("洪泽区人民政府办公室")
    assert organ_key("甲镇人民政府") != organ_key("乙镇人民政府")


@pytest.fixture
def folders(tmp_path):
    this, last = tmp_path / "2024", tmp_path / "2023"
    this.mkdir(), last.mkdir()
    for name, seed in (("甲镇人民政府", 1), ("乙镇人民政府", 2), ("丙镇人民政府", 3)):
        drafts.save(unit_report(name, seed), this / f"{name}.json")
    drafts.save(unit_report("甲镇政府", 1, year=2023, factor=2), last / "甲镇.json")
    drafts.save(unit_report("乙镇人民政府", 2, year=2023, factor=1), last / "乙镇.json")
    export_docx(unit_report("丁镇人民政府", 4, year=2023), last / "丁镇.docx")      # read in a worker process
    (last / "坏.docx").write_bytes(b"PK\x03\x04 not a Word document")
    return this, last


def test_review_with_last_years_folder(folders, tmp_path):
    this, last = folders
    out = tmp_path / "审查.xlsx"
    done = main_py("review", this, "--last-year", last, "-o", out)
    assert done.returncode in (0, 1), done.stderr
    assert "年度比对：2 个单位与上年报告对应" in done.stdout
    assert "上年没有对应的报告：丙镇人民政府" in done.stdout
    assert "上年有报告、本年未报送：丁镇人民政府" in done.stdout
    assert "上年的文件无法读取：坏.docx" in done.stdout
    sheet = openpyxl.load_workbook(out)[YEARLY]
    head = [c.value for c in sheet[1]]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0]}
    jia = rows["甲镇人民政府"]
    this_new, last_new = unit_report("甲镇人民政府", 1).get(_new()), unit_report("甲镇政府", 1, 2023, 2).get(_new())
    column = head.index("本年新收（2024年）")
    assert jia[1] == "甲镇政府"
    assert (jia[column], jia[column + 1], jia[column + 2]) == (this_new, last_new, this_new - last_new)
    assert rows["合计"][column] == this_new + unit_report("乙镇人民政府", 2).get(_new())
    with zipfile.ZipFile(out) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        xml = "".join(z.read(n).decode() for n in charts)
    assert len(charts) == 2 and "<barChart>" in xml and "<pieChart>" in xml


def test_missing_last_year_folder_is_said_in_chinese(folders, tmp_path):
    done = main_py("review", folders[0], "--last-year", tmp_path / "没有", "-o", tmp_path / "a.xlsx")
    assert done.returncode == 2 and "不存在或不是文件夹" in done.stderr


def _new():
    from gui.report.form import CellRef
    return CellRef("requests", "new", "total")
