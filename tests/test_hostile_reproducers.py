"""The fuzzing campaign's defects (issue 27), each kept as a small file the test makes: every reader
refuses it with its own Chinese error (a DraftError) or reads it — never another exception."""
from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from gui.report import docx_import, excel
from gui.report.docx_export import export_docx
from gui.report.draft_reader import DraftError
from gui.report.excel.safety import ExcelError, check_spans
from gui.report.excel.tables_xlsx import export_tables
from gui.report.samples import huaian_2024
from gui.report.sources import read_report
from gui.report.pdf_import import read_pdf
from gui.report.web_import import read_mhtml_file
from gui.report.web_import.decode import decode
import pdf_factory
from hostile_support import is_chinese_message
from web_page_factory import mhtml, portal_page, report_html, official_tables

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def refused_or_read(reader, path: Path):
    """The reader's result, or its DraftError's Chinese message (any other exception fails)."""
    try:
        return reader(path)
    except DraftError as exc:
        assert is_chinese_message(str(exc)) and "\n" not in str(exc), str(exc)
        return str(exc)


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory) -> Path:
    return export_docx(huaian_2024(), tmp_path_factory.mktemp("docx") / "报告.docx")


@pytest.fixture(scope="module")
def xlsx_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "表格.xlsx"
    export_tables(huaian_2024(), path)
    return path


def rewrite(source: Path, target: Path, parts: dict[str, bytes | None], extra: list | None = None) -> Path:
    """`source` with some parts replaced (None: removed), and `extra` (name, bytes) entries appended."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = parts.get(info.filename, old.read(info))
            if data is not None:
                new.writestr(info.filename, data)
        for name, data in extra or ():
            new.writestr(name, data)
    return target


# 1, 2 — web pages saved as one file
@pytest.mark.parametrize("header", ["Snapshot-Content-Location", "Content-Location"])
def test_mhtml_with_a_chinese_location_header_is_read(tmp_path, header):
    page = portal_page(report_html(huaian_2024(), official_tables(huaian_2024())))
    data = mhtml(page, location="https://example.gov.cn/a.html")
    data = data.replace(f"{header}: https://example.gov.cn/a.html".encode(),
                        f"{header}: https://例子.政府.cn/年报.html".encode("utf-8"), 1)
    path = tmp_path / "页.mhtml"
    path.write_bytes(data)
    result = refused_or_read(read_mhtml_file, path)
    assert not isinstance(result, str), result
    assert result.report.info.year == 2024


def test_a_nul_inside_a_declared_charset_is_only_ignored(tmp_path):
    text = "年度报告，统计表。"
    assert decode(text.encode("gbk"), "utf\x00-8") == (text, "gb18030")
    page = portal_page(report_html(huaian_2024(), official_tables(huaian_2024())), charset="gbk")
    data = mhtml(page, charset="gbk").replace(b"charset=gbk", b"charset=gb\x00k", 1)
    path = tmp_path / "页.mht"
    path.write_bytes(data)
    assert not isinstance(refused_or_read(read_mhtml_file, path), str)


# 3 — Word documents whose main part is not a document
@pytest.mark.parametrize("xml", [
    f'<w:ftr xmlns:w="{W}"><w:p><w:r><w:t>页脚</w:t></w:r></w:p></w:ftr>',
    '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
    f'<w:document xmlns:w="{W}"/>',
])
def test_docx_whose_main_part_is_a_footer_a_foreign_root_or_has_no_body(tmp_path, docx_file, xml):
    path = rewrite(docx_file, tmp_path / "坏.docx", {"word/document.xml": xml.encode("utf-8")})
    assert isinstance(refused_or_read(docx_import.read_docx, path), str)


# 4 — an entry needing a zip version zipfile cannot extract
def needing_version(source: Path, target: Path, version: int = 84) -> Path:
    data = bytearray(source.read_bytes())
    for signature, offset in ((b"PK\x01\x02", 6), (b"PK\x03\x04", 4)):
        at = data.find(signature)
        data[at + offset:at + offset + 2] = struct.pack("<H", version)
    target.write_bytes(bytes(data))
    return target


def test_a_zip_entry_needing_version_8_4_is_refused(tmp_path, docx_file, xlsx_file):
    for source, reader in ((docx_file, docx_import.read_docx), (xlsx_file, excel.read_tables_report)):
        path = needing_version(source, tmp_path / ("版本" + source.suffix))
        assert "无法读取" in refused_or_read(reader, path)


# 5 — a local header naming another part than the central directory
def test_an_xlsx_entry_whose_local_name_differs_is_refused(tmp_path, xlsx_file):
    data = bytearray(xlsx_file.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    at = data.find(name)                                    # its first occurrence is a local header
    assert data[:at].rfind(b"PK\x03\x04") > data[:at].rfind(b"PK\x01\x02")
    data[at:at + len(name)] = b"xl/worksheets/sheetX.xml"
    path = tmp_path / "改名.xlsx"
    path.write_bytes(bytes(data))
    message = refused_or_read(excel.read_tables_report, path)
    assert isinstance(message, str) and "名称不一致" in message


# 11 — the main part's limit: a second entry of one name, a main part named through _rels
def test_a_second_entry_of_the_same_name_is_refused(tmp_path, docx_file):
    with zipfile.ZipFile(docx_file) as archive:
        document = archive.read("word/document.xml")
    with pytest.warns(UserWarning, match="Duplicate name"):
        path = rewrite(docx_file, tmp_path / "重名.docx", {}, extra=[("word/document.xml", document * 2)])
    assert "同名的部件" in refused_or_read(docx_import.read_docx, path)


def test_every_part_has_the_main_parts_limit_whatever_rels_call_it(tmp_path, docx_file, monkeypatch):
    from gui.report.docx_import import safety
    monkeypatch.setattr(safety, "MAX_DOCUMENT_XML_BYTES", 50_000)
    with zipfile.ZipFile(docx_file) as archive:
        rels = archive.read("word/_rels/document.xml.rels")
        types = archive.read("[Content_Types].xml")
    big = f'<w:document xmlns:w="{W}"><w:body>'.encode() + b"<w:p/>" * 20_000 + b"</w:body></w:document>"
    path = rewrite(docx_file, tmp_path / "改名.docx",
                   {"word/document.xml": f'<w:document xmlns:w="{W}"><w:body/></w:document>'.encode(),
                    "_rels/.rels": rels.replace(b"word/document.xml", b"word/main.bin"),
                    "[Content_Types].xml": types},
                   extra=[("word/main.bin", big)])
    assert "过大" in refused_or_read(docx_import.read_docx, path)


# 12 — merged cells in a part whatever its name
def test_merges_are_counted_in_a_worksheet_stored_as_bin(tmp_path, xlsx_file):
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>'
             '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>').encode()
    path = rewrite(xlsx_file, tmp_path / "合并.xlsx", {}, extra=[("xl/worksheets/sheet1.bin", sheet)])
    with pytest.raises(ExcelError):
        check_spans(path)


def test_readers_still_read_the_sample_files(docx_file, xlsx_file):
    assert docx_import.read_docx(docx_file).report.info.year == 2024
    assert read_report(xlsx_file).cells == huaian_2024().cells


# 9, 10 — PDF limits where the work is done: glyphs and paths counted while the page is drawn, the
# ruling lines before the table finder, a font's width ranges cut to the CIDs that exist
@pytest.mark.parametrize("make, words", [
    (lambda: pdf_factory.ruled_grid(401), "表格线过多"),
    (lambda: pdf_factory.many_glyphs(1_000_000), "文字超过"),
])
def test_a_pdf_page_of_absurd_lines_or_characters_is_refused_at_once(tmp_path, make, words):
    import time
    path = tmp_path / "页.pdf"
    path.write_bytes(make())
    started = time.monotonic()
    message = refused_or_read(read_pdf, path)
    assert words in message and time.monotonic() - started < 10


def test_a_font_width_range_to_four_billion_is_cut_to_the_cids_that_exist(tmp_path):
    from gui.report.pdf_import import guard
    guard.install()
    from pdfminer import pdffont
    widths = pdffont.get_widths([0, 4294967295, 1000, 5, [600, 700]])
    assert len(widths) == 65536 and widths[5] == 600 and widths[6] == 700
    path = tmp_path / "字宽.pdf"
    path.write_bytes(pdf_factory.wide_width_range())
    assert isinstance(refused_or_read(read_pdf, path), str)


# 8 — HTML: attributes per element counted before libxml2 (quadratic in them); nesting stops at 255
@pytest.mark.parametrize("attribute", ['a{}="1"', "a{}"])
def test_an_element_with_200000_attributes_is_refused_at_once(attribute):
    import time
    from gui.report.web_import.html_reader import read_html_bytes
    from gui.report.web_import.safety import MAX_ATTRIBUTES
    many = " ".join(attribute.format(i) for i in range(200_000))
    started = time.monotonic()
    with pytest.raises(DraftError, match=f"超过 {MAX_ATTRIBUTES} 个属性"):
        read_html_bytes(f"<html><body><div {many}>一、总体情况</div></body></html>".encode(), "页.html")
    assert time.monotonic() - started < 5
    allowed = " ".join(attribute.format(i) for i in range(MAX_ATTRIBUTES))
    with pytest.raises(DraftError, match="不是政府信息公开工作年度报告"):
        read_html_bytes(f"<html><body><div {allowed}>x</div></body></html>".encode(), "页.html")


def test_a_million_nested_elements_are_read_in_bounded_time():
    import time
    from gui.report.web_import.html_reader import read_html_bytes
    started = time.monotonic()
    with pytest.raises(DraftError):
        read_html_bytes(b"<html><body>" + b"<div><span>" * 500_000 + "一、总体情况".encode(), "页.html")
    assert time.monotonic() - started < 5


# 7 — the checks stay quick whatever a paragraph holds (the window checks on every edit)
@pytest.mark.parametrize("unit", ["一二三四五六七八九十", "收到申请3件答复2件", "本机关依法公开政府信息12件，"])
def test_a_150000_character_paragraph_is_checked_in_a_moment(unit):
    import time
    from gui.report import rules
    report = huaian_2024()
    report.texts["overview_request"] = (unit * (150_000 // len(unit) + 1))[:150_000]
    started = time.monotonic()
    rules.check(report)
    assert time.monotonic() - started < 5


def test_figures_in_an_ordinary_paragraph_are_still_all_checked():
    from gui.report import rules
    from gui.report.numerals import find_counts
    report = huaian_2024()
    assert rules.prose_view(report) is report
    assert find_counts("共收到申请一百二十三件，答复两千三百零五件。") == [(5, 11, 123), (14, 21, 2305)]
    assert find_counts("十一万元", "万元") == [(0, 4, 11)] and find_counts("一" * 30 + "件") == []


def test_a_tables_workbook_of_two_million_cells_is_refused_before_openpyxl(tmp_path, xlsx_file):
    from gui.report.excel.safety import MAX_FULL_LOAD_CELLS
    row = b"".join(b'<c r="A1" t="n"><v>1</v></c>' for _ in range(1000))
    rows = b"".join(b'<row r="%d">' % r + row + b"</row>" for r in range(1, MAX_FULL_LOAD_CELLS // 1000 + 2))
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows \
        + b"</sheetData></worksheet>"
    path = rewrite(xlsx_file, tmp_path / "大.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    message = refused_or_read(excel.read_tables_report, path)
    assert isinstance(message, str) and "单元格超过" in message
