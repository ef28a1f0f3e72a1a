"""A report saved from the portal as a web page (.html/.htm, or inside an .mhtml): the report found
inside the page by its title and the six section headings, the portal around it left out, its
metadata (公开日期, 发布机构) handed to the builder (gui/report/published/) with the paragraphs and
the tables, which it places where the report itself does not say.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..form import SECTIONS
from ..published import Grid, ImportResult, Metadata, import_report, quote
from ..published.structure import find_title, heading_of
from .decode import decode
from .html_page import Text, blocks, table_rows
from .metadata import PUBLISHER, date_tags, is_metadata_line, pairs, publication_date
from .safety import MAX_HTML_BYTES, WebImportError, check_attributes, read_limited

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,20})""", re.I)
# the portal's own lines after a report: print/close links, sharing, footers
_CHROME = re.compile(r"打印本页|打印此页|关闭窗口|【打印】|【关闭】|^打印$|^关闭$|上一篇|下一篇|分享到|扫一扫|网站地图|"
                     r"版权所有|主办单位|承办单位|ICP备|网站标识码|公网安备|相关链接|相关文章|相关阅读|责任编辑|"
                     r"【字体|字体[:：]?\s*[【\[]?大|我要纠错|浏览次数|访问次数")
_TITLE_SEPARATORS = re.compile(r"\s*[_|—–-]{1,2}\s*")
MAX_PARSE_CHARS = 12 * 1024 * 1024
MAX_TABLES = 40                # a report has 3 to about 10 <table>s


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii", "replace") if match else None


def parse(text: str, name: str):
    from lxml import etree, html
    check_attributes(text[:MAX_PARSE_CHARS], name)
    parser = html.HTMLParser(encoding="utf-8", no_network=True, huge_tree=False, remove_comments=True,
                             remove_pis=True, default_doctype=False, compact=True)
    try:
        return html.document_fromstring(text[:MAX_PARSE_CHARS].encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        raise WebImportError(f"「{name}」不是可以读取的网页：文件为空或内容无法识别。") from None


def _headings(texts: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """(block index, section index) of the section headings, in order."""
    found, after = [], -1
    for i, text in texts:
        hit = heading_of(text, after)
        if hit is not None:
            after = hit[0]
            found.append((i, after))
    return found


def _title(texts: list[tuple[int, str]], before: int) -> tuple[int, int] | None:
    """(first, last) block index of the report's title: the last title above the first heading
    (a list of other years' reports may also name titles), the organ perhaps on the line above."""
    best = None
    for n, (i, text) in enumerate(texts):
        if i >= before:
            break
        title, _ = find_title([text])
        if title is None or is_metadata_line(text):      # 「标题：……」 in the portal's metadata
            continue
        best = (i, i)
        if not title.organ and n:
            above, _ = find_title([texts[n - 1][1], text])
            if above is not None and above.organ:
                best = (texts[n - 1][0], i)
    return best


def _container(elements):
    """The innermost element holding all the headings (the page's article area)."""
    chains = [[e] + list(e.iterancestors()) for e in elements]
    common = set(chains[0]).intersection(*map(set, chains[1:])) if len(chains) > 1 else set(chains[0][1:2] or chains[0])
    return next((e for e in chains[0] if e in common), None)


def _inside(block, container) -> bool:
    element = block.element
    return element is container or any(a is container for a in element.iterancestors())


def _page_title(root) -> str | None:
    title = root.find(".//title")
    text = (title.text_content() if title is not None else "") or ""
    for piece in _TITLE_SEPARATORS.split(" ".join(text.split())):
        if find_title([piece])[0] is not None:
            return piece
    return None


def read_html_bytes(data: bytes, name: str, declared: str | None = None) -> ImportResult:
    text, _ = decode(data, declared or declared_charset(data))
    root = parse(text, name)
    found = blocks(root)
    texts = [(i, b.text) for i, b in enumerate(found) if isinstance(b, Text)]
    headings = _headings(texts)
    if not headings:
        raise WebImportError(f"「{name}」不是政府信息公开工作年度报告：网页中没有找到一至六部分的标题"
                             f"（「{SECTIONS[0].heading}」……「{SECTIONS[-1].heading}」）。")
    first = headings[0][0]
    title = _title(texts, first)
    container = _container([found[i].element for i, _ in headings])
    chosen, notes = _region(found, headings, title, container)
    paragraphs, grids = [], []
    if title is None:
        page_title = _page_title(root)
        if page_title:
            paragraphs.append(page_title)
            notes.append((True, f"报告标题取自网页的标题栏{quote(page_title)}。"))
    for block in chosen:
        if isinstance(block, Text):
            paragraphs.append(block.text)
        elif len(grids) >= MAX_TABLES:
            notes.append((False, f"报告中的表格超过 {MAX_TABLES} 个，其余的表格未读取。"))
            break
        else:
            rows = table_rows(block.element)
            if rows is None:
                notes.append((False, f"报告中第 {len(grids) + 1} 个表格过大（年报的表格不超过几十行），未读取。"))
            else:
                grids.append(rows)
    outside = _outside_texts(found, set(map(id, chosen)))
    return _build(name, paragraphs, grids, pairs(outside), notes, date_tags(root))


def _region(found, headings, title, container) -> tuple[list, list[tuple[bool, str]]]:
    last_heading = headings[-1][0]
    start = title[0] if title else headings[0][0]
    chosen, notes, dropped = [], [], 0
    for i in range(start, len(found)):
        block = found[i]
        in_title = title is not None and title[0] <= i <= title[1]
        if not in_title and container is not None and not _inside(block, container):
            continue
        if isinstance(block, Text) and not in_title:
            if i > last_heading and _CHROME.search(block.text):
                break
            if i < headings[0][0] and is_metadata_line(block.text) or _CHROME.search(block.text) and len(block.text) < 40:
                dropped += 1
                continue
        chosen.append(block)
    if dropped:
        notes.append((True, f"报告中 {dropped} 行网页信息（发布时间、字号、打印等）未导入。"))
    return chosen, notes


def _outside_texts(found, chosen: set[int]) -> list[str]:
    out = []
    for block in found:
        if id(block) in chosen:
            continue
        if isinstance(block, Text):
            out.append(block.text)
        else:
            out += [text for row in table_rows(block.element) or [] for text, _, _ in row]
    return out


def _build(name, paragraphs, grids, meta: dict[str, str], notes: list[tuple[bool, str]],
           tags: dict[str, str]) -> ImportResult:
    publisher = next((meta[k] for k in PUBLISHER if meta.get(k)), "")
    date, date_from = publication_date(meta, tags)
    metadata = Metadata(notes=tuple(notes), organ=publisher, organ_from="网页的「发布机构」",
                        publish_date=date, publish_date_from=date_from)
    return import_report(name, paragraphs, [Grid.from_html_rows(rows) for rows in grids], metadata,
                         error=WebImportError)


def read_html_file(path: str | os.PathLike) -> ImportResult:
    path = Path(path)
    return read_html_bytes(read_limited(path, MAX_HTML_BYTES, "网页文件"), path.name)
