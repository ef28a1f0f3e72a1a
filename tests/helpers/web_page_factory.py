"""Saved portal pages made here: the report's tables laid out as our own export lays them
(form.py's grid: rowspan/colspan), written the way Word pasted into a web editor writes them
(<span style><font face>, <o:p>, &nbsp;, nested <p>), inside a portal page (menus, search box, the
索引号/发布机构/公开日期 table, scripts holding numbers, footer); foreign layouts; .mhtml."""
from __future__ import annotations

import base64
import quopri
from html import escape

from gui.report.form import OVERVIEW_THEMES, REQUESTS, REQUESTS_COLUMNS, SECTIONS, TABLES, CellRef
from gui.report.model import Report
from page_factory import shown, table_rows

WORD_RUN = '<span style="font-family:仿宋_GB2312;font-size:16pt"><font face="仿宋_GB2312">{}</font></span>'


def run(text: str) -> str:
    return WORD_RUN.format(escape(text))


def cell(text: str, rowspan: int = 1, colspan: int = 1, paragraphs: bool = True, tag: str = "td") -> str:
    spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    if not text:
        inner = '<p class="MsoNormal"><span>&nbsp;<o:p></o:p></span></p>' if paragraphs else "&nbsp;"
    elif paragraphs:
        inner = f'<p class="MsoNormal" align="center">{run(text)}<o:p></o:p></p>'
    else:
        inner = escape(text)
    return f'<{tag} valign="middle" style="border:solid windowtext 1.0pt"{spans}>{inner}</{tag}>'


def official_tables(report: Report, blank: str = "") -> dict[str, str]:
    """Each table as one <table> laid out cell for cell as form.py's printed grid."""
    out = {}
    for table in TABLES:
        rows: dict[int, list] = {}
        for c in table.grid:
            text = shown(report, c.ref, blank) if c.ref else c.text
            rows.setdefault(c.row, []).append((c.col, cell(text, c.rowspan, c.colspan)))
        body = "".join("<tr>" + "".join(html for _, html in sorted(cells)) + "</tr>\n"
                       for _, cells in sorted(rows.items()))
        out[table.key] = f'<table class="MsoNormalTable" border="1" cellspacing="0">\n<tbody>{body}</tbody></table>'
    return out


def flat_tables(report: Report, blank: str = "", split_requests_at: int | None = None) -> dict[str, str]:
    """A foreign layout typed by hand: no merged cells in the body (every row has two label cells:
    the group or nothing, then the item), one header row of <th>, labels as typed (（一） and
    1、), table 二 as four small tables, and table 三 cut in two <table>s at a page break."""
    from docx_import_factory import GROUPS, HAND_LABELS
    flat = lambda texts, tag="td": "<tr>" + "".join(cell(t, paragraphs=False, tag=tag) for t in texts) + "</tr>"  # noqa: E731
    out = {}
    active = []
    for labels, values in table_rows(report, blank)["active"]:
        if len(labels) == 1 and labels[0].startswith("第二十条") and active:
            active.append("</table><table border=1>")
        active.append(flat(labels + values, "th" if not values or not values[0][:1].isdigit() and values[0] else "td"))
    out["active"] = "<table border=1>" + "".join(active) + "</table>"
    header = flat(["项目", ""] + [c.label for c in REQUESTS_COLUMNS], "th")
    body = []
    for row in REQUESTS.rows:
        group = GROUPS.get(row.key.split("_")[0], "") if row.key[-1].isdigit() else ""
        values = [shown(report, CellRef("requests", row.key, c.key), blank) for c in REQUESTS_COLUMNS]
        body.append(flat([group, HAND_LABELS[row.key]] + values))
    if split_requests_at:
        first, second = body[:split_requests_at], body[split_requests_at:]
        out["requests"] = (f"<table border=1>{header}{''.join(first)}</table><p>&nbsp;</p>"
                           f"<table border=1>{''.join(second)}</table>")
    else:
        out["requests"] = f"<table border=1>{header}{''.join(body)}</table>"
    out["appeals"] = official_tables(report, blank)["appeals"]
    return out


def report_html(report: Report, tables: dict[str, str], opening: bool = True) -> str:
    parts = [f'<p class="MsoNormal" align="center" style="text-align:center">{run(report.title)}</p>']
    if opening:
        parts.append(f'<p class="MsoNormal" style="text-indent:32pt">{run("根据《中华人民共和国政府信息公开条例》，编制本报告。")}</p>')
    for section in SECTIONS:
        parts.append(f'<p class="MsoNormal"><b>{run(section.heading)}</b><o:p></o:p></p>')
        if section.key in tables:
            parts.append(tables[section.key])
        elif section.key == "overview":
            for theme in OVERVIEW_THEMES:
                parts.append(f"<p>{run(theme.sub_number + theme.label)}</p>")
                parts.append(f"<p>&nbsp;&nbsp;{run(report.texts[theme.key])}</p>")
        else:
            parts.append(f"<p>{run(report.texts[section.key])}</p>")
    parts.append(f'<p align="right">{run(report.info.organ)}</p><p align="right">{run("2025年1月18日")}</p>')
    return "\n".join(parts)


def portal_page(content: str, charset: str = "utf-8", title_in_article: bool = True,
                organ: str = "淮安市人民政府") -> str:
    """The portal around a report: menus, search, metadata, scripts with numbers, footer."""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>2024年政府信息公开工作年度报告_{organ}</title>
<style>td {{ font-size: 12px }} .a1 {{ color: #333 }}</style>
<script>var stats = [1, 2, 3]; document.write("<p>一、总体情况 9 9 9</p>"); var visits = 31119;</script>
</head><body>
<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/nb">政府信息公开年报</a></li></ul>
<form action="/search"><input name="q" value="请输入关键词"/><button>搜索</button></form></div>
<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a>政务公开</a> &gt; 政府信息公开年报</div>
<table class="xxgk_table"><tr><td>索引号：</td><td>11320800014112345X/2025-00012</td><td>分类：</td><td>政府信息公开年报</td></tr>
<tr><td>发布机构：</td><td>{organ}办公室</td><td>公开日期：</td><td>2025-01-20</td></tr></table>
<div class="article"><h1 class="title">{'' if title_in_article else '（见正文）'}</h1>
<div class="info">发布时间：2025-01-20 10:32 来源：{organ}办公室 浏览次数：<span id="hits">1024</span></div>
<div id="zoom" class="TRS_Editor">
{content}
</div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<noscript><p>三、收到和处理政府信息公开申请情况 5 5 5</p></noscript>
<div class="related"><p>相关文章</p><ul><li><a>{organ}2023年政府信息公开工作年度报告</a></li></ul></div>
<div class="footer"><p>主办单位：{organ}办公室 版权所有 苏ICP备05000000号 网站标识码：3208000001</p></div>
<script type="text/javascript">var _hmt = [["_trackPageview", "2024", 0, 0, 0, 1, 7, 3119]];</script>
</body></html>"""


def mhtml(page: str, charset: str = "utf-8", encoding: str = "quoted-printable",
          location: str = "https://www.huaian.gov.cn/zwgk/nb/2024.html") -> bytes:
    """An Edge/Chrome 「网页，单个文件」: the page as one part, a picture as another."""
    data = page.encode(charset)
    if encoding == "base64":
        body = base64.encodebytes(data)
    else:
        body = quopri.encodestring(data)
    picture = base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    head = (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {location}\r\n"
            "Subject: =?utf-8?B?5bm05oql?=\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc123"\r\n\r\n'
            "------MultipartBoundary--abc123\r\n"
            f"Content-Type: text/html; charset={charset}\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
            f"Content-Transfer-Encoding: {encoding}\r\nContent-Location: {location}\r\n\r\n")
    tail = ("\r\n------MultipartBoundary--abc123\r\nContent-Type: image/png\r\n"
            "Content-Transfer-Encoding: base64\r\nContent-Location: https://www.huaian.gov.cn/logo.png\r\n\r\n")
    return (head.encode("ascii") + body + tail.encode("ascii") + picture +
            b"\r\n------MultipartBoundary--abc123--\r\n")


def blank_zero_cells(report: Report) -> list[CellRef]:
    """The cells holding 0, which a page shows as empty cells."""
    return [ref for ref, value in report.cells.items() if value == 0]
