"""The letters a county sends back: one item per cause, each label named once, an expected value
only where the arithmetic fixes it, figures without spaces around them, items numbered 1．2．."""
from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from gui.report import pdf
from gui.report.problems import ERROR, WARNING
from gui.report.review.letters import build_letter, causes, item_text, plain
from gui.report.review.model import Finding, UnitReview

ROW = "表三「（六）其他处理—1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请」行"
OTHER = "表三「（六）其他处理—2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」行"
BLANK = Finding("BLANK", ERROR, "三", f"{ROW}「自然人」列",
                f"表三有 21 个空白单元格：{ROW}「自然人」列、{ROW}「商业企业」列、{ROW}「科研机构」列等 21 个。"
                "空白不等于 0，没有发生的请填 0。", "空白单元格填 0")
OLD = Finding("OLD_FORMAT", ERROR, "三", f"{ROW}「总计」列",
              "表三的「（六）其他处理」只有一行，没有分为 1.、2.、3. 三项：这是已废止的 2019 年试行格式。", "请改正")
PROSE = Finding("R9", WARNING, "一", "「一、总体情况（二）依申请公开」",
                "「一、总体情况（二）依申请公开」写「受理申请17件」（17 件），但表三「一、本年新收政府信息公开申请数量」"
                "行「总计」列为 95 件。", "应为 95")
SUM = Finding("R3", ERROR, "三", "表三「（七）总计」行「总计」列", "表三「（七）总计」行「总计」列为 10，"
              "但各项之和为 12。", "应为 12")


def _letter(findings):
    unit = UnitReview(Path("甲镇.docx"), organ="甲镇人民政府", year=2024, findings=findings)
    buffer = io.BytesIO()
    build_letter(unit).save(buffer)
    return [p.text for p in docx.Document(io.BytesIO(buffer.getvalue())).paragraphs]


def test_the_2019_format_and_the_blanks_it_leaves_are_one_item():
    assert [f.rule for f in causes([BLANK, OLD, SUM])] == ["OLD_FORMAT", "R3"]
    text = item_text(1, causes([BLANK, OLD])[0])
    assert text.startswith("1．表三的「（六）其他处理」只有一行") and "21个空白单元格" in text
    assert ROW not in text                                     # the cause is the format, not a cell


def test_a_row_label_is_named_once_and_figures_stand_without_spaces():
    text = plain(BLANK.message)
    assert text.count("申请人无正当理由逾期不补正") == 1
    assert f"{ROW}「自然人」「商业企业」「科研机构」列等21个" in text
    assert "填0。" in text and " " not in text.replace("1.、2.、3. ", "")
    other = plain(f"{ROW}「自然人」列、{OTHER}「自然人」列")
    assert other == f"{ROW}「自然人」列、{OTHER}「自然人」列"     # different rows stay apart


def test_an_expected_value_only_where_the_arithmetic_fixes_it():
    assert "修改意见：应为12。" in item_text(1, SUM)
    prose = item_text(1, PROSE)
    assert "应为" not in prose and prose.count("「一、总体情况（二）依申请公开」") == 1


def test_the_letter_numbers_its_items_and_lists_each_cause_once():
    paragraphs = _letter([BLANK, OLD, SUM, PROSE])
    items = [p for p in paragraphs if p[:2] in ("1．", "2．", "3．")]
    assert [p[:2] for p in items] == ["1．", "2．", "1．"]
    assert sum("空白单元格" in p for p in paragraphs) == 1


def test_a_label_quoted_in_the_message_is_not_written_again_before_it():
    label = Finding("IMPORT_LABEL", WARNING, "三", "表三「（三）不予公开—2.其他法律行政法规禁止公开」行「自然人」列",
                    "表三中的标签「2.其他法律行政止公开」与正式标签「2.其他法律行政法规禁止公开」不一致，请使用正式标签。",
                    "请核实")
    text = item_text(2, label)
    assert text.startswith("2．表三中的标签") and text.count("2.其他法律行政法规禁止公开") == 1
    blank = Finding("BLANK", ERROR, "三", "表三「（七）总计」行「总计」列", "空白不等于 0。", "填 0")
    assert item_text(1, blank) == "1．表三「（七）总计」行「总计」列：空白不等于0。修改意见：填0。"


def test_quoted_words_keep_their_spaces():
    assert plain("文件「报告 2024.docx」中有 3 处") == "文件「报告 2024.docx」中有3处"


def test_the_letter_as_libreoffice_prints_it_has_no_grid_gap_at_figures(tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    soffice = pdf.find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    unit = UnitReview(Path("甲镇.docx"), organ="甲镇人民政府", year=2024, findings=[BLANK, OLD, SUM, PROSE])
    build_letter(unit).save(tmp_path / "意见.docx")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "意见.docx")],
                   check=True, capture_output=True, timeout=300)
    with pdfplumber.open(tmp_path / "意见.pdf") as document:
        chars = [c for page in document.pages for c in page.chars if abs(c["size"] - 16) < 0.6]
    text = "".join(c["text"] for c in chars)
    assert "21个空白单元格" in text and text.count("1．") >= 2
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:])
            if abs(a["top"] - b["top"]) < 1 and a["text"].isdigit() and "\u4e00" <= b["text"] <= "\u9fff"]
    assert gaps and max(gaps) <= 0.3 * 16


def test_the_letter_opens_in_word_as_the_report_does_without_compatibility_mode():
    """Word shows 「兼容模式」 in the title bar below mode 15, and a Japanese theme language makes its
    theme fonts take Japanese glyph forms; the letter starts from the export's own page."""
    unit = UnitReview(Path("甲镇.docx"), organ="甲镇人民政府", year=2024, findings=[SUM])
    settings = build_letter(unit).settings.element
    modes = [s.get(qn("w:val")) for s in settings.iter(qn("w:compatSetting"))
             if s.get(qn("w:name")) == "compatibilityMode"]
    assert modes == ["15"]
    assert settings.find(qn("w:themeFontLang")).get(qn("w:eastAsia")) == "zh-CN"
