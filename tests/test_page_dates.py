"""A portal page's publication date: its 「时间：…」 line, its PubDate / publishdate <meta> tags, and in
pasted text the 「发布时间：」 copied with it; the import summary names where the date came from."""
from __future__ import annotations

import datetime as dt

import pytest

from gui.report.samples import huaian_2024
from gui.report.web_import.html_reader import read_html_bytes
from gui.report.web_import.text_reader import read_pasted
from page_factory import pasted_text
from web_page_factory import official_tables, portal_page, report_html

PORTAL_DATES = ('<tr><td>发布机构：</td><td>淮安市人民政府办公室</td><td>公开日期：</td><td>2025-01-20</td></tr>',
                "发布时间：2025-01-20 10:32")


def page_without_dates() -> str:
    source = huaian_2024()
    page = portal_page(report_html(source, official_tables(source)))
    for text in PORTAL_DATES:
        assert text in page
        page = page.replace(text, "")
    return page


def dated(result):
    return result.report.info.publish_date, [m for m in result.recognised if m.startswith("发布日期取自")]


def test_a_time_line_under_the_title_dates_the_page():
    page = page_without_dates().replace('<div class="info">', '<div class="info">时间：2025-03-10 15:35 ')
    date, said = dated(read_html_bytes(page.encode(), "年报.html"))
    assert date == dt.date(2025, 3, 10)
    assert said == ["发布日期取自网页的「时间」行：2025-03-10（报告落款日期为 2025-01-18）。"]


@pytest.mark.parametrize("tag", ['<meta name="PubDate" content="2025-03-11 09:00">',
                                 '<meta name="publishdate" content="2025/03/11">',
                                 '<meta property="article:published_time" content="2025-03-11T09:00:00+08:00">'])
def test_the_date_meta_tags_date_the_page(tag):
    page = page_without_dates().replace("<title>", tag + "<title>")
    date, said = dated(read_html_bytes(page.encode(), "年报.html"))
    assert date == dt.date(2025, 3, 11) and len(said) == 1
    written = tag.split('"')[1]                    # the tag's name as the page writes it
    assert "网页元数据「" + written + "」" in said[0]


def test_the_pages_own_publication_date_wins_over_its_meta_tag():
    source = huaian_2024()
    page = portal_page(report_html(source, official_tables(source))).replace(
        "<title>", '<meta name="PubDate" content="2025-03-11"><title>')
    date, said = dated(read_html_bytes(page.encode(), "年报.html"))
    assert date == dt.date(2025, 1, 20) and "「公开日期」" in said[0]


def test_a_pasted_page_keeps_its_publication_date():
    source = huaian_2024()
    text = "首页 > 政务公开 > 年报\n发布时间：2025-02-03 10:00 来源：淮安市人民政府办公室\n" + pasted_text(source)
    date, said = dated(read_pasted(text))
    assert date == dt.date(2025, 2, 3) and "「发布时间」" in said[0]


def test_an_update_time_is_not_the_publication_date():
    page = page_without_dates().replace('<div class="info">', '<div class="info">更新时间：2024-12-01 09:00 ')
    date, said = dated(read_html_bytes(page.encode(), "年报.html"))
    assert date == dt.date(2025, 1, 18) and said == []              # the sign-off's date stays
