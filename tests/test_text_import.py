"""Pasted text (a .txt or the clipboard): the seed report copied from its PDF, and texts made here
from a full report as a browser, a PDF viewer or a cell-per-line copy gives them."""
from __future__ import annotations

import pytest

from gui.report.form import ALL_CELLS, APPEALS, REQUESTS, CellRef
from gui.report.samples import huaian_2024
from gui.report.sources import read_report
from gui.report.web_import import WebImportError, read_pasted, read_text_file
from page_factory import SEED_TEXT, pasted_text



def differing(a, b) -> list:
    return [ref for ref in ALL_CELLS if a.get(ref) != b.get(ref)]


def test_seed_text_every_slash_cell_blank_and_reported_and_table_four_not_guessed():
    result = read_text_file(SEED_TEXT)
    report = result.report
    assert report.blank_cells() == list(ALL_CELLS)          # 185 「/」 and the 15 cells of 表四
    missed = "\n".join(result.unrecognised)
    assert "185 个单元格" in missed and "「/」" in missed
    assert "表四的数字「1 1」共 2 个，应为 15 个" in missed and "全部留空" in missed
    assert not any(m.startswith("表四：全部") for m in result.recognised)
    assert not any("单元格是空白" in m for m in result.unrecognised)      # not empty: not placed
    assert "表二：全部 6 行已按标签读取。" in result.recognised
    assert "表三：全部 25 行已按标签读取。" in result.recognised


def test_seed_text_prose_lands_in_its_sections_with_wrapped_lines_joined():
    report = read_text_file(SEED_TEXT).report
    texts = report.texts
    assert report.opening.startswith("2024 年，我镇严格贯彻落实《中华人民共和国政府信息公开条例》以及省、市、县")
    assert report.opening.endswith("现将 2024 年工作总结如下：")
    assert "主动公开政府信息 113 条，其中，信息公开年度工作报告 1 篇；工作动态类信息 112 条。" in texts["overview_active"]
    assert "2024 年，马营镇未收到政府信息公开申请。" in texts["overview_request"]
    assert texts["overview_platform"].startswith("政府信息公开平台建设情况。为了不断拓宽群众获取信息途径")
    # a paragraph of 五 runs over a page break: the page number 「- 6 -」 is dropped, the text joined
    assert "认真对照《政府信息公开条例》对政府信息主动公开" in texts["problems"]
    assert "- 6 -" not in texts["problems"] and texts["problems"].count("\n") == 1
    assert texts["other"] == "2024 年度我镇暂无其他报告的事项。"
    for key in ("overview_active", "problems", "other"):
        assert "/ / /" not in texts[key] and "结果维持" not in texts[key]


def test_seed_text_is_accepted_by_every_command_that_reads_a_report():
    assert read_report(SEED_TEXT).texts["other"] == "2024 年度我镇暂无其他报告的事项。"


@pytest.mark.parametrize("mode", ["tabs", "spaces", "cells"])
def test_pasted_full_report_puts_every_number_in_its_cell(mode):
    source = huaian_2024()
    result = read_pasted(pasted_text(source, mode))
    assert differing(result.report, source) == []
    assert result.report.info.organ == "淮安市人民政府" and result.report.info.year == 2024
    assert result.report.texts["overview_request"] == source.texts["overview_request"]
    assert result.report.info.publish_date.isoformat() == "2025-01-20"


def test_portal_menus_copied_before_the_title_are_left_out():
    source = huaian_2024()
    result = read_pasted(pasted_text(source, "tabs", portal=True))
    assert result.report.info.organ == "淮安市人民政府"
    assert any("标题之前的 7 段" in m for m in result.recognised)
    assert "索引号" not in result.report.opening


def test_browser_copy_with_empty_cells_keeps_them_blank_in_place():
    source = huaian_2024()
    source.set(CellRef("requests", "deny_4", "commercial"), None)
    source.set(CellRef("appeals", "review", "other"), None)
    source.set(CellRef("active", "rules", "repealed"), None)
    result = read_pasted(pasted_text(source, "tabs"))
    assert differing(result.report, source) == []


def test_pdf_copy_with_a_missing_number_leaves_that_row_blank_and_names_it():
    source = huaian_2024()
    source.set(CellRef("requests", "deny_4", "commercial"), None)     # vanishes between spaces
    source.set(CellRef("active", "normative", "in_force"), None)
    result = read_pasted(pasted_text(source, "spaces"))
    report = result.report
    wrong = differing(report, source)
    assert {ref.row for ref in wrong} == {"deny_4", "normative"}
    assert all(report.get(ref) is None for ref in wrong)              # nothing shifted into a wrong column
    assert report.row_values("requests", "deny_4") == [None] * 7
    missed = "\n".join(result.unrecognised)
    assert "表三中「4.保护第三方合法权益」行应有 7 个数字，文本中是 6 个" in missed
    assert "表二「行政规范性文件」行应有 3 个数字（本年制发、本年废止、现行有效），文件中是 2 个单元格，未导入" in missed


def test_pdf_copy_of_table_four_with_blanks_is_not_guessed():
    source = huaian_2024()
    for col in ("upheld", "corrected"):
        source.set(CellRef("appeals", "suit_direct", col), None)
    result = read_pasted(pasted_text(source, "spaces"))
    assert all(result.report.get(ref) is None for ref in APPEALS.cells())
    assert all(result.report.get(ref) == source.get(ref) for ref in REQUESTS.cells())
    assert any("共 13 个，应为 15 个" in m for m in result.unrecognised)


def test_text_that_is_not_a_report_is_refused_in_chinese():
    with pytest.raises(WebImportError, match="不是政府信息公开工作年度报告"):
        read_pasted("会议通知\n请各单位于周五下午三点到三楼会议室开会。\n")


@pytest.mark.parametrize("encoding", ["gbk", "utf-8", "utf-8-sig", "utf-16"])
def test_text_files_in_the_encodings_windows_saves(tmp_path, encoding):
    source = huaian_2024()
    path = tmp_path / "年报.txt"
    path.write_text(pasted_text(source, "tabs"), encoding=encoding)
    result = read_text_file(path)
    assert result.report.info.organ == "淮安市人民政府"
    assert differing(result.report, source) == []


def test_import_and_check_commands_accept_the_seed_text(tmp_path):
    from test_cli import main_py
    draft = tmp_path / "马营镇.json"
    done = main_py("import", SEED_TEXT, "-o", draft)
    assert done.returncode == 0, done.stderr
    assert "未识别或需要核对" in done.stdout and "表四的数字「1 1」" in done.stdout
    from gui.report import drafts
    assert drafts.load(draft).blank_cells() == list(ALL_CELLS)
    checked = main_py("check", SEED_TEXT)
    assert "Traceback" not in checked.stderr and checked.returncode in (0, 1)
    assert "R6" in checked.stdout or "空" in checked.stdout
