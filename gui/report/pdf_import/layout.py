"""One page of a PDF as text lines and ruled table parts, from pdfplumber's characters and the
drawn lines and rectangles (ruling lines). Letter spacing is dropped: characters are joined by
their positions, with a space only between two Latin letters or digits standing apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .guard import check_ruling

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3,
                  "join_tolerance": 3, "intersection_tolerance": 3, "edge_min_length": 3}
_ASCII_WORD = re.compile(r"[0-9A-Za-z.,%]")
_WHITE = 0.92          # a fill lighter than this (in every channel) is a background, not a line


@dataclass
class Line:
    x0: float
    x1: float
    top: float          # in document coordinates (page offset added)
    bottom: float
    text: str
    size: float
    page: int


@dataclass
class CellBox:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str


@dataclass
class TablePart:
    """The cells of one ruled table on one page (document coordinates)."""
    cells: list[CellBox]
    x0: float
    top: float
    x1: float
    bottom: float
    page: int
    first_on_page: bool = False
    last_on_page: bool = False


@dataclass
class Page:
    number: int
    height: float
    width: float
    items: list = field(default_factory=list)   # Line | TablePart in reading order
    chars: int = 0
    images: int = 0
    offset: float = 0.0      # document y of the page's top


def _is_ruling(obj) -> bool:
    """Lines, stroked rectangles and thin filled bars are ruling lines; a large fill (a white
    page background, a shaded paragraph) is not."""
    kind = obj.get("object_type")
    if kind not in ("rect", "curve"):
        return True
    if obj.get("stroke"):
        return True
    thin = min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]) < 2.5
    return thin and not _light(obj.get("non_stroking_color"))


def _light(color) -> bool:
    if color is None:
        return False
    values = color if isinstance(color, (tuple, list)) else (color,)
    try:
        values = [float(v) for v in values]
    except (TypeError, ValueError):
        return False
    if len(values) == 4:            # CMYK: light when little ink
        return max(values) < 1 - _WHITE
    return bool(values) and min(values) > _WHITE


def join_chars(chars: list[dict]) -> str:
    """One line's characters (sorted by x) as text."""
    out, prev = [], None
    for ch in chars:
        if prev is not None and _ASCII_WORD.match(prev["text"]) and _ASCII_WORD.match(ch["text"]):
            if ch["x0"] - prev["x1"] > 0.3 * max(ch["size"], 1):
                out.append(" ")
        out.append(ch["text"])
        prev = ch
    return "".join(out)


def group_lines(chars: list[dict]) -> list[list[dict]]:
    """Characters into lines (by vertical overlap), each sorted left to right, lines top to bottom."""
    lines: list[list[dict]] = []
    centres: list[float] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        centre = (ch["top"] + ch["bottom"]) / 2
        height = max(ch["bottom"] - ch["top"], 1)
        for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            if abs(centres[i] - centre) < 0.45 * height:
                lines[i].append(ch)
                break
        else:
            lines.append([ch])
            centres.append(centre)
    for line in lines:
        line.sort(key=lambda c: c["x0"])
    return lines


def cell_text(chars: list[dict]) -> str:
    """A cell's text: wrapped lines joined (a space only between two Latin words)."""
    text = ""
    for line in group_lines(chars):
        part = join_chars(line)
        if text and re.match(r"[A-Za-z]", text[-1]) and re.match(r"[A-Za-z]", part[:1]):
            text += " "
        text += part
    if re.fullmatch(r"\d(?: \d)+", text):      # one number spread over its cell (分散对齐)
        text = text.replace(" ", "")
    return text


def _inside(ch: dict, box) -> bool:
    x = (ch["x0"] + ch["x1"]) / 2
    y = (ch["top"] + ch["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def read_page(page, offset: float, tick) -> Page:
    """Lines and table parts of a pdfplumber page; `offset`: the document y of its top."""
    chars = [c for c in page.chars if c["text"].strip()]
    tick()
    result = Page(page.page_number, float(page.height), float(page.width), chars=len(chars),
                  images=len(page.images), offset=offset)
    ruled = page.filter(_is_ruling)
    check_ruling(ruled, page.page_number)          # before the table finder, which has no clock
    tables = []
    for table in ruled.find_tables(TABLE_SETTINGS):
        boxes = [c for c in table.cells if c]
        xs = {round(c[0]) for c in boxes} | {round(c[2]) for c in boxes}
        if len(boxes) >= 2 and len(_clusters(sorted(xs))) >= 3:     # 2 columns at least
            tables.append((table.bbox, boxes))
    tick()
    free, taken = [], {}
    for ch in chars:
        where = next((i for i, (bbox, _) in enumerate(tables) if _inside(ch, bbox)), None)
        if where is None:
            free.append(ch)
        else:
            taken.setdefault(where, []).append(ch)
    items = []
    for i, (bbox, boxes) in enumerate(tables):
        inside = taken.get(i, [])
        cells = []
        for box in boxes:
            own = [c for c in inside if _inside(c, box)]
            cells.append(CellBox(box[0], box[1] + offset, box[2], box[3] + offset, cell_text(own)))
        items.append(TablePart(cells, bbox[0], bbox[1] + offset, bbox[2], bbox[3] + offset, page.page_number))
    for line in group_lines(free):
        items.append(Line(min(c["x0"] for c in line), max(c["x1"] for c in line),
                          min(c["top"] for c in line) + offset, max(c["bottom"] for c in line) + offset,
                          join_chars(line), max(c["size"] for c in line), page.page_number))
    items.sort(key=lambda it: it.top)
    result.items = items
    return result


def _clusters(values: list[float], tolerance: float = 2.5) -> list[float]:
    out: list[float] = []
    for v in values:
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out
