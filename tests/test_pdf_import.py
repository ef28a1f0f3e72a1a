"""Importing a published report from its PDF: the district's real 2024 report (every cell of its
tables as printed, its prose in its sections, its R9 contradiction found by `check`)."""
from __future__ import annotations

import json

import pytest

from gui import cli
from gui.report.form import ACTIVE, ALL_CELLS, APPEALS, REQUESTS, CellRef
from gui.report.pdf_import import read_pdf
from gui.report.sources import read_report
from page_factory import HONGZE_PDF

EXAMPLE = HONGZE_PDF

# read off the printed pages (pdftoppm), row by row
ACTIVE_PRINTED = {"rules": [0, 0, 0], "normative": [3, 0, 8], "licensing": [9487], "penalty": [2776],
                  "coercion": [84], "fees": [7545]}
REQUESTS_PRINTED = {
    "new": [95, 0, 0, 0, 0, 0, 95], "carry_in": [0] * 7, "open": [50, 0, 0, 0, 0, 0, 50],
    "partial": [9, 0, 0, 0, 0, 0, 9], "deny_1": [0] * 7, "deny_2": [0] * 7, "deny_3": [1, 0, 0, 0, 0, 0, 1],
    "deny_4": [0] * 7, "deny_5": [0] * 7, "deny_6": [1, 0, 0, 0, 0, 0, 1], "deny_7": [1, 0, 0, 0, 0, 0, 1],
    "deny_8": [0] * 7, "unable_1": [31, 0, 0, 0, 0, 0, 31], "unable_2": [1, 0, 0, 0, 0, 0, 1],
    "unable_3": [0] * 7, "noproc_1": [1, 0, 0, 0, 0, 0, 1], "noproc_2": [0] * 7, "noproc_3": [0] * 7,
    "noproc_4": [0] * 7, "noproc_5": [0] * 7,
    # the old single row （六）其他处理 (0 … 0) cannot be split into 1./2./3.: left blank, reported
    "other_1": [None] * 7, "other_2": [None] * 7, "other_3": [None] * 7,
    "total": [95, 0, 0, 0, 0, 0, 95], "carry_out": [0] * 7,
}
APPEALS_PRINTED = {"review": [1, 1, 0, 0, 2], "suit_direct": [1, 0, 0, 0, 1], "suit_after_review": [2, 0, 1, 0, 3]}


@pytest.fixture(scope="module")
def example():
    return read_pdf(EXAMPLE)


def printed_cells() -> dict:
    cells = {}
    for table, printed in ((ACTIVE, ACTIVE_PRINTED), (REQUESTS, REQUESTS_PRINTED), (APPEALS, APPEALS_PRINTED)):
        for row in table.rows:
            for col, value in zip(row.columns, printed[row.key], strict=True):
                cells[CellRef(table.key, row.key, col.key)] = value
    return cells


def test_every_cell_of_the_three_tables_is_the_printed_number(example):
    expected = printed_cells()
    assert set(expected) == set(ALL_CELLS)
    wrong = {ref: (example.report.get(ref), want) for ref, want in expected.items() if example.report.get(ref) != want}
    assert wrong == {}
    assert "表三中的「2.其他法律行政止公开」是「2.其他法律行政法规禁止公开」的常见误写，已按「2.其他法律行政法规禁止公开」读取。" \
        in example.recognised
    assert any("「（六）其他处理」只有一行" in m for m in example.unrecognised)
    assert any("2 处跨页续表已接上" in m for m in example.recognised)


def test_title_over_two_lines_opening_and_contact_details(example):
    info = example.report.info
    assert (info.organ, info.year, info.level) == ("淮安市洪泽区人民政府", 2024, "县级人民政府")
    assert (info.compiler, info.address, info.postcode, info.phone) == (
        "淮安市洪泽区人民政府办公室", "淮安市洪泽区洪泽湖大道90号", "223100", "0517-87290606")
    assert example.report.opening.startswith("本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》")
    assert example.report.opening.endswith("电话：0517-87290606）。")


def test_prose_in_its_sections_lines_joined_page_numbers_gone(example):
    texts = example.report.texts
    assert texts["overview_request"].endswith("受理政府信息公开申请17件，均已在法定期限内予以答复。")
    assert texts["overview_management"].startswith("政府信息管理情况。加强区政府门户网站及政务新媒体日常管理")
    assert texts["overview_supervision"].endswith("及时转载党中央、国务院重大方针政策。")
    problems = texts["problems"].split("\n")
    assert len(problems) == 2                      # the second paragraph runs over the page break
    assert "答复书模板，使各行政机关答复的方式" in problems[1]
    assert problems[1].endswith("不断提高各单位政府信息公开工作人员的思想认识和业务工作水平。")
    assert texts["other"] == "2024年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。"
    assert example.report.fee.amount_yuan == 0
    everything = "\n".join(texts.values()) + example.report.opening
    assert not any(mark in everything for mark in ("-1-", "-2-", "-3-", "-4-", "-5-"))
    assert "主动公开情况。主要通过政府门户网站主动公开政府文件" in texts["overview_active"]


def test_check_finds_the_r9_contradiction_and_import_writes_a_draft(tmp_path, capsys):
    assert cli.main(["check", str(EXAMPLE), "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)
    problems = problems.get("problems", problems) if isinstance(problems, dict) else problems
    r9 = [p for p in problems if p["rule"] == "R9"]
    assert len(r9) == 1 and "17" in r9[0]["message"] and "95" in r9[0]["message"]
    draft = tmp_path / "hongze.json"
    assert cli.main(["import", str(EXAMPLE), "-o", str(draft)]) == 0
    out = capsys.readouterr().out
    assert "已识别：" in out and "未识别或需要核对：" in out
    assert read_report(draft).get(CellRef("requests", "unable_1", "natural")) == 31


def _chars(text: str, x: float, gap: float) -> list[dict]:
    out = []
    for ch in text:
        out.append({"text": ch, "x0": x, "x1": x + 6, "top": 100, "bottom": 112, "size": 12})
        x += 6 + gap
    return out


def test_a_number_spread_over_its_cell_is_one_number_two_numbers_apart_are_not_joined():
    from gui.report.pdf_import.layout import cell_text
    assert cell_text(_chars("2776", 10, 20)) == "2776"                 # distributed alignment
    assert cell_text(_chars("95", 10, 0.5)) == "95"
    two = _chars("12", 10, 0.5) + _chars("34", 60, 0.5)
    assert cell_text(two) == "12 34"                                   # refused by the cell parser, not read as 1234
    assert cell_text(_chars("总计", 10, 20)) == "总计"
