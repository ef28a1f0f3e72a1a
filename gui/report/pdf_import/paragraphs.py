"""The text lines of a PDF into paragraphs: page numbers (「-3-」, 「第 3 页」, 「3/5」) and running
headers and footers dropped, lines joined into paragraphs by indentation, line ends and spacing.
"""
from __future__ import annotations

import re
from collections import Counter
from statistics import median

from .layout import Line, Page

_PAGE_NUMBER = re.compile(r"^[-—–－_~\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–－_~\s]*$"
                          r"|^[-—–－\s]*[ivxIVX]{1,5}[-—–－\s]*$")
MARGIN_SHARE = 0.12    # top and bottom share of the page where headers, footers and numbers stand


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def drop_furniture(pages: list[Page]) -> int:
    """Remove page numbers and running headers/footers from the pages' lines; how many removed."""
    edges = Counter()
    for page in pages:
        for line in _edge_lines(page):
            edges[_key(line.text)] += 1
    repeated = {k for k, n in edges.items() if n >= 2 and n >= len(pages) / 2 and len(pages) > 1}
    removed = 0
    for page in pages:
        edge = {id(line) for line in _edge_lines(page)}
        keep = []
        for item in page.items:
            if id(item) in edge and (_PAGE_NUMBER.match(item.text) or _key(item.text) in repeated):
                removed += 1
                continue
            keep.append(item)
        page.items = keep
    return removed


def _edge_lines(page: Page) -> list[Line]:
    """Lines in the top or bottom margin band of the page."""
    low, high = page.offset + page.height * MARGIN_SHARE, page.offset + page.height * (1 - MARGIN_SHARE)
    return [it for it in page.items if isinstance(it, Line) and (it.bottom < low or it.top > high)]


def _is_cjk_end(a: str, b: str) -> bool:
    return not (re.match(r"[A-Za-z0-9,.;:!?)]", a[-1:]) and re.match(r"[A-Za-z0-9(]", b[:1]))


def paragraphs(items: list, pages: list[Page]) -> list:
    """Items in reading order (Lines and tables) → paragraphs (str) with the tables between."""
    lines = [it for it in items if isinstance(it, Line)]
    if not lines:
        return [it for it in items if not isinstance(it, Line)]
    size = median(l.size for l in lines)
    left = Counter(round(l.x0) for l in lines).most_common(1)[0][0]
    rights = sorted(l.x1 for l in lines)
    right = rights[int(len(rights) * 0.9)]
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:]) if a.page == b.page and 0 < b.top - a.top < 4 * size]
    pitch = median(pitches) if pitches else 2 * size
    out: list = []
    current: Line | None = None
    text = ""
    for item in items:
        if not isinstance(item, Line):
            if text:
                out.append(text)
            out.append(item)
            current, text = None, ""
            continue
        new = (current is None or item.x0 > left + 1.2 * size or current.x1 < right - 1.5 * size
               or abs(item.size - current.size) > 1.5
               or (item.page == current.page and item.top - current.top > 1.6 * pitch))
        if new:
            if text:
                out.append(text)
            text = item.text
        else:
            text += ("" if _is_cjk_end(text, item.text) else " ") + item.text
        current = item
    if text:
        out.append(text)
    return out
