"""County summary: the sum by hand, fee exactly; other years and unreadable files refused by name."""
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl

from gui.report import drafts, form
from gui.report.excel.summary import summarise
from gui.report.excel.tables_read import read_tables
from gui.report.excel.tables_xlsx import export_tables
from gui.report.form import CellRef
from gui.report.samples import huaian_2024

ROOT = Path(__file__).resolve().parent.parent
FEE = CellRef("active", "fees", "value")


def _unit(name, factor, fee, year=2024):
    report = huaian_2024()
    report.info.organ, report.info.year = name, year
    for ref in form.ALL_CELLS:
        if form.kind_of(ref) == form.COUNT:
            report.set(ref, report.get(ref) * factor)
    report.set(FEE, Decimal(fee))
    return report


def _units(tmp_path):
    specs = [("甲镇人民政府", 1, "0.1"), ("乙镇人民政府", 2, "0.2"), ("丙县教育局", 3, "59237.2449")]
    paths = []
    for i, (name, factor, fee) in enumerate(specs):
        path = tmp_path / f"u{i}.json"
        drafts.save(_unit(name, factor, fee), path)
        paths.append(path)
    xlsx = tmp_path / "丁.xlsx"                       # a unit that sent its tables as a workbook
    export_tables(_unit("丁街道办事处", 5, "7.50"), xlsx)
    return paths + [xlsx]


def test_summary_equals_the_sum_by_hand_fee_exactly(tmp_path):
    summary = summarise(_units(tmp_path))
    assert summary.refused == [] and len(summary.units) == 4 and summary.year == 2024
    base = huaian_2024()
    for ref in form.ALL_CELLS:
        if form.kind_of(ref) == form.COUNT:
            assert summary.report.get(ref) == base.get(ref) * (1 + 2 + 3 + 5), ref
    assert summary.report.get(FEE) == Decimal("59245.0449")
    assert str(summary.report.get(FEE)) == "59245.0449"          # 0.1 + 0.2 is exactly 0.3 here
    assert summary.report.fee.amount_yuan == Decimal(3940 * 4)
    assert summary.report.info.organ == "汇总（4个单位）"


def test_other_year_and_unreadable_files_are_refused_by_name(tmp_path):
    paths = _units(tmp_path)
    old = tmp_path / "去年.json"
    drafts.save(_unit("戊镇人民政府", 1, "1", year=2023), old)
    broken = tmp_path / "坏.json"
    broken.write_text("{not json", encoding="utf-8")
    same = tmp_path / "甲镇副本.json"
    drafts.save(_unit("甲镇人民政府", 1, "0.1"), same)
    summary = summarise(paths + [old, broken, same, tmp_path / "没有.xlsx"])
    assert len(summary.units) == 4
    refused = {r.path.name: r.reason for r in summary.refused}
    assert set(refused) == {"去年.json", "坏.json", "甲镇副本.json", "没有.xlsx"}
    assert "2023" in refused["去年.json"] and "2024" in refused["去年.json"]
    assert "同一单位" in refused["甲镇副本.json"]
    assert summary.report.get(CellRef("requests", "new", "total")) == 3119 * 11


def test_a_units_own_errors_are_counted(tmp_path):
    report = _unit("甲镇人民政府", 1, "0")
    report.set(CellRef("requests", "new", "natural"), None)
    path = tmp_path / "a.json"
    drafts.save(report, path)
    from gui.report.problems import ERROR, Problem

    def check(r):
        return [Problem("BLANK", ERROR, "空", "requests") for _ in r.blank_cells()]
    summary = summarise([path], check=check)
    assert summary.units[0].errors == 1
    assert summary.partial_cells == 0


def test_cli_writes_the_workbook_and_a_draft_of_the_summary(tmp_path):
    paths = _units(tmp_path)
    old = tmp_path / "去年.json"
    drafts.save(_unit("戊镇人民政府", 1, "1", year=2023), old)
    out, draft = tmp_path / "汇总.xlsx", tmp_path / "汇总.json"
    result = subprocess.run([sys.executable, "main.py", "summary", *map(str, paths), str(old), "-o", str(out),
                             "--draft", str(draft)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr           # one file refused, the rest summed
    assert "去年.json" in result.stdout and "2023" in result.stdout
    back = drafts.load(draft)
    assert back.info.organ == "汇总（4个单位）" and back.get(FEE) == Decimal("59245.0449")
    assert read_tables(out).report.get(FEE) == Decimal("59245.0449")
    workbook = openpyxl.load_workbook(out)
    units = [tuple(c.value for c in row) for row in workbook["各单位"].iter_rows()]
    assert units[0][:3] == ("文件", "机关", "年度")
    assert [u[1] for u in units[1:]] == ["甲镇人民政府", "乙镇人民政府", "丙县教育局", "丁街道办事处",
                                         "汇总（4个单位）"]
    assert units[-1][3] == 3119 * 11
    refused = [tuple(c.value for c in row) for row in workbook["未汇总的文件"].iter_rows()]
    assert refused[1][0].endswith("去年.json")


def test_cli_with_nothing_to_sum_exits_2(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("[]", encoding="utf-8")
    result = subprocess.run([sys.executable, "main.py", "summary", str(bad), "-o", str(tmp_path / "s.xlsx")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "s.xlsx").exists()


def test_a_summary_summed_again_with_its_own_units_is_pointed_out(tmp_path):
    paths = _units(tmp_path)
    first = summarise(paths)
    assert first.cautions == []
    nested = tmp_path / "上次汇总.json"
    drafts.save(first.report, nested)
    again = summarise(paths + [nested])
    assert len(again.units) == 5                    # still summed: the county decides
    assert any("上次汇总.json" in c and "4 个单位的汇总" in c and "重复计算" in c for c in again.cautions)
    result = subprocess.run([sys.executable, "main.py", "summary", *map(str, paths), str(nested), "-o",
                             str(tmp_path / "再汇总.xlsx")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "重复计算" in result.stdout
