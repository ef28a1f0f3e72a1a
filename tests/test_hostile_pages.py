"""Hostile pages and texts: too large, nested past the parser's depth, a billion-laughs DOCTYPE,
spans that would cover millions of cells, numbers in <script>, random bytes, damaged .mhtml —
each a correct read or one Chinese message, never a traceback, in bounded time."""
from __future__ import annotations

import time

import pytest

from gui.report.form import ALL_CELLS
from gui.report.samples import huaian_2024
from gui.report.web_import import WebImportError, read_html_file, read_mhtml_file, read_pasted, read_text_file
from gui.report.web_import.safety import MAX_HTML_BYTES, MAX_TEXT_BYTES
from web_page_factory import mhtml, official_tables, portal_page, report_html

LAUGHS = ('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
          '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>')
SOURCE = huaian_2024()
CONTENT = report_html(SOURCE, official_tables(SOURCE))


def same_cells(report) -> bool:
    return all(report.get(ref) == SOURCE.get(ref) for ref in ALL_CELLS)


def read(tmp_path, data: bytes, name: str = "page.html"):
    path = tmp_path / name
    path.write_bytes(data)
    started = time.perf_counter()
    try:
        return (read_mhtml_file if name.endswith((".mhtml", ".mht")) else read_html_file)(path), None
    except WebImportError as exc:
        message = str(exc)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in message) and "\n" not in message
        return None, message
    finally:
        assert time.perf_counter() - started < 20


def test_billion_laughs_doctype_is_not_expanded(tmp_path):
    page = LAUGHS + portal_page(CONTENT.replace("编制本报告。", "编制本报告&f;。"))
    result, _ = read(tmp_path, page.encode())
    assert same_cells(result.report)
    assert len(result.report.opening) < 100            # &f; stayed a few characters


def test_numbers_in_scripts_and_noscript_never_reach_the_tables(tmp_path):
    result, _ = read(tmp_path, portal_page(CONTENT).encode())
    assert same_cells(result.report)
    assert "9 9 9" not in "".join(result.report.texts.values())


def test_report_nested_deeper_than_the_parser_allows_is_a_message(tmp_path):
    page = portal_page("<div>" * 400 + CONTENT + "</div>" * 400)
    result, message = read(tmp_path, page.encode())
    assert result is None and "不是政府信息公开工作年度报告" in message


def test_spans_covering_millions_of_cells_are_not_expanded(tmp_path):
    huge = "<table>" + ("<tr>" + '<td rowspan="999999" colspan="999">1</td>' * 50 + "</tr>") * 200 + "</table>"
    result, _ = read(tmp_path, portal_page(CONTENT.replace("<b>", huge + "<b>", 1)).encode())
    assert same_cells(result.report)
    assert any("表格过大" in m for m in result.unrecognised)


def test_thousands_of_tables_and_paragraphs_stay_bounded(tmp_path):
    noise = "<table><tr><td>规章</td><td>1</td></tr></table>" * 3000 + "<p>一、总体情况 二、主动</p>" * 20000
    result, message = read(tmp_path, portal_page(CONTENT + noise).encode())
    assert result is None or same_cells(result.report)


def test_a_page_over_the_size_limit_is_refused_before_parsing(tmp_path):
    result, message = read(tmp_path, b"<html>" + b" " * (MAX_HTML_BYTES + 10))
    assert result is None and "MB" in message


@pytest.mark.parametrize("data", [b"", b"   \n", bytes(range(256)) * 400, b"%PDF-1.7\n" + b"\x00\xff" * 5000,
                                  "<html><body><p>会议纪要</p></body></html>".encode("gbk")])
def test_empty_random_or_foreign_pages_are_a_chinese_message(tmp_path, data):
    result, message = read(tmp_path, data)
    assert result is None and message


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_truncated_and_damaged_single_file_pages(tmp_path, cut):
    data = mhtml(portal_page(CONTENT), "utf-8", "base64")
    result, message = read(tmp_path, data[:int(len(data) * cut)], "page.mhtml")
    assert result is not None or message
    result, message = read(tmp_path, b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n"
                           b"Content-Type: image/png\r\n\r\nabc\r\n--x--\r\n", "page.mht")
    assert result is None and "没有网页内容" in message


def test_texts_too_long_or_binary_are_refused_in_chinese(tmp_path):
    with pytest.raises(WebImportError, match="过长"):
        read_pasted("一、总体情况\n" * (MAX_TEXT_BYTES // 6))
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(256)) * 100)
    with pytest.raises(WebImportError, match="不是政府信息公开工作年度报告"):
        read_text_file(path)
