"""Saved portal pages (.html/.htm, .mhtml/.mht) made here: our own tables rendered in a portal page,
a foreign hand-made layout split over several <table>s, GBK and UTF-8 pages labelled the other
way, MHTML in quoted-printable and base64, the portal's metadata."""
from __future__ import annotations

import datetime as dt

import pytest

from gui.report.form import ALL_CELLS, CellRef
from gui.report.samples import huaian_2024
from gui.report.sources import import_published, read_report
from gui.report.web_import import WebImportError, read_html_file, read_mhtml_file
from web_page_factory import flat_tables, mhtml, official_tables, portal_page, report_html


def differing(a, b) -> list:
    return [ref for ref in ALL_CELLS if a.get(ref) != b.get(ref)]


def page_file(tmp_path, text: str, name: str = "年报.html", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_own_tables_in_a_portal_page_read_exactly_and_the_portal_is_left_out(tmp_path):
    source = huaian_2024()
    result = read_html_file(page_file(tmp_path, portal_page(report_html(source, official_tables(source)))))
    report = result.report
    assert differing(report, source) == []
    assert report.info.organ == "淮安市人民政府" and report.info.year == 2024
    assert report.texts["overview_request"] == source.texts["overview_request"]
    assert report.texts["other"] == source.texts["other"]          # no 打印本页, 主办单位 or footer
    assert report.opening == "根据《中华人民共和国政府信息公开条例》，编制本报告。"
    assert result.unrecognised == []
    # the portal's 公开日期 is the publication date, stated as such (the sign-off says 1月18日)
    assert report.info.publish_date == dt.date(2025, 1, 20)
    assert any("「公开日期」：2025-01-20" in m and "落款日期为 2025-01-18" in m for m in result.recognised)


def test_empty_cells_where_zeros_belong_stay_blank_and_are_reported(tmp_path):
    source = huaian_2024()
    zeros = [ref for ref, value in source.cells.items() if value == 0]
    for ref in zeros:
        source.set(ref, None)
    result = read_html_file(page_file(tmp_path, portal_page(report_html(source, official_tables(source)))))
    assert differing(result.report, source) == []
    assert f"有 {len(zeros)} 个单元格是空白" in "\n".join(result.unrecognised)


@pytest.mark.parametrize("split", [None, 12])
def test_foreign_layout_split_over_several_tables_reads_every_number(tmp_path, split):
    source = huaian_2024()
    source.set(CellRef("requests", "deny_2", "legal"), None)
    page = portal_page(report_html(source, flat_tables(source, split_requests_at=split), opening=False))
    result = read_html_file(page_file(tmp_path, page, "report.htm"))
    assert differing(result.report, source) == []
    assert any("常见误写" in m for m in result.recognised)          # 其他法律行政止公开


@pytest.mark.parametrize("declared, written", [("utf-8", "gbk"), ("gb2312", "utf-8"), ("gbk", "gb18030"),
                                               ("utf-8", "utf-8")])
def test_pages_whose_declared_encoding_is_wrong_read_correctly(tmp_path, declared, written):
    source = huaian_2024()
    page = portal_page(report_html(source, official_tables(source)), charset=declared)
    result = read_html_file(page_file(tmp_path, page, encoding=written))
    assert result.report.info.organ == "淮安市人民政府"
    assert differing(result.report, source) == []


@pytest.mark.parametrize("charset, transfer", [("utf-8", "quoted-printable"), ("gbk", "base64"),
                                               ("gbk", "quoted-printable")])
def test_single_file_pages_from_edge_and_chrome(tmp_path, charset, transfer):
    source = huaian_2024()
    data = mhtml(portal_page(report_html(source, official_tables(source)), charset=charset), charset, transfer)
    path = tmp_path / "年报.mhtml"
    path.write_bytes(data)
    result = read_mhtml_file(path)
    assert differing(result.report, source) == []
    assert result.report.info.organ == "淮安市人民政府"
    mht = tmp_path / "年报.mht"
    mht.write_bytes(data)
    assert differing(read_report(mht), source) == []


def test_title_only_in_the_window_title_and_organ_from_the_publisher(tmp_path):
    source = huaian_2024()
    content = report_html(source, official_tables(source)).split("\n", 1)[1]     # no title paragraph
    result = read_html_file(page_file(tmp_path, portal_page(content, organ="马营镇人民政府")))
    info = result.report.info
    assert info.year == 2024
    assert info.organ == "马营镇人民政府办公室"
    assert any("「发布机构」" in m for m in result.recognised)
    assert any("网页的标题栏" in m for m in result.recognised)


def test_every_command_reader_accepts_the_page_suffixes(tmp_path):
    source = huaian_2024()
    path = page_file(tmp_path, portal_page(report_html(source, official_tables(source))))
    assert differing(read_report(path), source) == []
    assert import_published(path).summary().startswith("导入：淮安市人民政府2024年政府信息公开工作年度报告")


def test_a_page_that_is_not_a_report_is_refused_in_chinese(tmp_path):
    page = portal_page("<p>关于开展2025年春季植树活动的通知</p><table><tr><td>1</td><td>2</td></tr></table>")
    with pytest.raises(WebImportError, match="不是政府信息公开工作年度报告"):
        read_html_file(page_file(tmp_path, page))


def test_import_command_reads_a_saved_page(tmp_path):
    from test_cli import main_py
    source = huaian_2024()
    path = tmp_path / "年报.mhtml"
    path.write_bytes(mhtml(portal_page(report_html(source, official_tables(source)))))
    draft = tmp_path / "d.json"
    done = main_py("import", path, "-o", draft)
    assert done.returncode == 0, done.stderr
    assert "发布日期取自网页的「公开日期」" in done.stdout
    from gui.report import drafts
    assert differing(drafts.load(draft), source) == []
