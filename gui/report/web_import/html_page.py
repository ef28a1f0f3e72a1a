"""A saved web page as the Word reader sees a document: paragraphs and tables in page order.

Parsed with lxml.html without network access; libxml2's HTML parser expands no entity declared in
a DOCTYPE (a billion-laughs page stays a few bytes of text) and, without huge_tree, keeps the tree
at most 255 levels deep, so every walk here is bounded. Scripts, styles, forms and the <head> give
no text (a <script> holding numbers cannot land in a table). Word pasted into a web editor wraps
every run in <span>/<font> and adds <o:p>: inline elements only give their text; a block element
(<p>, <div>, <li> …) or <br> ends a paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SKIP = {"script", "style", "noscript", "template", "textarea", "select", "button", "iframe", "object",
         "embed", "svg", "math", "head", "title", "input", "map", "canvas", "audio", "video"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
          "header", "footer", "nav", "aside", "main", "blockquote", "pre", "center", "dd", "dt", "dl",
          "form", "hr", "address", "figure", "figcaption", "caption", "body", "fieldset", "legend",
          "tbody", "thead", "tfoot", "tr", "td", "th"}
_CJK = "\u3000-\u9fff\uff00-\uffef"
_SOURCE_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n\s*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0\u200b\ufeff]+")
MAX_BLOCKS = 5000             # a report is a few hundred paragraphs; a portal page a few hundred more
# a report's tables are at most ~30 rows × 15 columns: far larger ones are not read (bounded work)
MAX_TABLE_ROWS = 400
MAX_TABLE_CELLS = 4000
MAX_TABLE_AREA = 20000         # grid positions covered, rowspan × colspan summed
MAX_ROWSPAN, MAX_COLSPAN = 60, 30


@dataclass
class Text:
    text: str
    element: object           # the block element it came from (for finding the report's container)


@dataclass
class TableBlock:
    element: object


def clean(text: str) -> str:
    return _SPACES.sub(" ", _SOURCE_BREAK.sub("", text)).strip()


def _tag(element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""                                  # comments, processing instructions
    return tag.lower()                             # Word's <o:p> stays "o:p": an inline element


def is_layout_table(table) -> bool:
    """A table the page is laid out with (it holds other tables), not one of the report's."""
    return any(True for _ in table.iterdescendants("table"))


class _Walker:
    def __init__(self):
        self.blocks: list[Text | TableBlock] = []
        self.parts: list[str] = []
        self.owner = None

    def flush(self) -> None:
        text = clean("".join(self.parts))
        if text and len(self.blocks) < MAX_BLOCKS:
            self.blocks.append(Text(text, self.owner))
        self.parts = []

    def walk(self, element, owner) -> None:
        for child in element:
            tag = _tag(child)
            if tag in _SKIP or not tag:
                pass
            elif tag == "table" and not is_layout_table(child):
                self.flush()
                if len(self.blocks) < MAX_BLOCKS:
                    self.blocks.append(TableBlock(child))
            elif tag == "br":
                self.flush()
            elif tag in _BLOCK or tag == "table":
                self.flush()
                self.owner = child
                if child.text:
                    self.parts.append(child.text)
                self.walk(child, child)
                self.flush()
                self.owner = owner
            else:
                if child.text:
                    self.parts.append(child.text)
                self.walk(child, owner)
            if child.tail:
                if self.owner is not owner:
                    self.owner = owner
                self.parts.append(child.tail)


def blocks(root) -> list[Text | TableBlock]:
    """The paragraphs and report tables of a parsed page, in page order."""
    walker = _Walker()
    body = root.find(".//body")
    start = body if body is not None else root
    walker.owner = start
    if start.text:
        walker.parts.append(start.text)
    walker.walk(start, start)
    walker.flush()
    return walker.blocks


def cell_text(cell) -> str:
    """A cell's text, its paragraphs and <br> as line breaks (a wrapped label is joined later)."""
    walker = _Walker()
    walker.owner = cell
    if cell.text:
        walker.parts.append(cell.text)
    walker.walk(cell, cell)
    walker.flush()
    return "\n".join(b.text for b in walker.blocks if isinstance(b, Text))


def table_rows(table) -> list[list[tuple[str, int, int]]] | None:
    """The rows of a <table> as (text, colspan, rowspan), its own rows only (not a nested table's);
    None for a table far larger than any report's."""
    rows, cells, area = [], 0, 0
    for tr in table.iter("tr"):
        if _owning_table(tr) is not table:
            continue
        row = []
        for cell in tr:
            if _tag(cell) not in ("td", "th"):
                continue
            colspan, rowspan = _span(cell.get("colspan"), MAX_COLSPAN), _span(cell.get("rowspan"), MAX_ROWSPAN)
            cells += 1
            area += colspan * rowspan
            if cells > MAX_TABLE_CELLS or area > MAX_TABLE_AREA:
                return None
            row.append((cell_text(cell), colspan, rowspan))
        rows.append(row)
        if len(rows) > MAX_TABLE_ROWS:
            return None
    return rows


def _owning_table(element):
    parent = element.getparent()
    while parent is not None and _tag(parent) != "table":
        parent = parent.getparent()
    return parent


def _span(value: str | None, most: int) -> int:
    try:
        return max(1, min(int(str(value).strip()[:6] or 1), most))
    except ValueError:
        return 1
