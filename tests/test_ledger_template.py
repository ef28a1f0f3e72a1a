"""The ledger template: drop-downs with the official wording, frozen header, instructions; it imports."""
import datetime as dt

import openpyxl

from gui.report import form
from gui.report.excel.ledger_import import read_ledger
from gui.report.excel.ledger_template import write_template
from gui.report.form import CellRef


def _list(workbook, formula):
    sheet_name, _, ref = formula.lstrip("=").partition("!")
    sheet_name = sheet_name.strip("'")
    return [c.value for row in workbook[sheet_name][ref.replace("$", "")] for c in row]


def test_template_offers_the_official_kinds_and_results(tmp_path):
    path = tmp_path / "台账模板.xlsx"
    write_template(path, 2024)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["台账"]
    assert [c.value for c in sheet[1]] == ["申请编号", "收到日期", "申请人类型", "申请内容", "来源",
                                          "办理结果", "办结日期", "备注"]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["F"].width > 30
    lists = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation if v.type == "list"}
    assert _list(workbook, lists["C2"].formula1) == [c.label for c in form.REQUESTS_COLUMNS[:-1]]
    assert _list(workbook, lists["E2"].formula1) == ["本年新收", "上年结转"]
    results = _list(workbook, lists["F2"].formula1)
    assert len(results) == 22 and results[-1] == "尚未办结"
    assert "（三）不予公开—1.属于国家秘密" in results
    assert "（四）无法提供—1.本机关不掌握相关政府信息" in results
    assert "（三）不予公开—3.危及\u201c三安全一稳定\u201d" in results
    assert workbook["选项"].sheet_state == "hidden"
    help_text = "\n".join(str(c.value) for c in workbook["填写说明"]["A"] if c.value)
    assert "尚未办结" in help_text and "（四）无法提供" in help_text


def test_a_filled_template_imports(tmp_path):
    path = tmp_path / "台账模板.xlsx"
    write_template(path, 2024)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["台账"]
    sheet.append(["2024-1", dt.date(2024, 2, 3), "科研机构", None, "本年新收",
                  "（五）不予处理—2.重复申请", dt.date(2024, 2, 9)])
    sheet["A3"], sheet["B3"], sheet["C3"], sheet["E3"] = "2024-2", dt.date(2024, 2, 4), "自然人", "本年新收"
    sheet["F3"] = "尚未办结"
    workbook.save(path)
    result = read_ledger(path, 2024)
    assert result.bad_rows == []
    assert result.values[CellRef("requests", "noproc_2", "research")] == 1
    assert result.values[CellRef("requests", "carry_out", "natural")] == 1
    assert result.values[CellRef("requests", "new", "total")] == 2


def test_a_ledger_sheet_with_a_broken_header_never_counts_the_option_lists(tmp_path):
    path = tmp_path / "台账模板.xlsx"
    write_template(path, 2024)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["台账"]
    sheet.append(["2024-1", dt.date(2024, 2, 3), "自然人", None, "本年新收", "（一）予以公开", dt.date(2024, 2, 9)])
    sheet["C1"] = "类型"           # the clerk overwrote the header
    workbook.save(path)
    import pytest
    from gui.report.excel.safety import ExcelError
    with pytest.raises(ExcelError, match="找不到台账的表头"):
        read_ledger(path, 2024)
