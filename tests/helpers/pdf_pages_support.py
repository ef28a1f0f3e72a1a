"""Reports to render through LibreOffice and what to read back from the PDF pages (pdfplumber).

Reports carry 5- or 9-digit figures in every cell, and a few lines of text before the tables so
that 表三 starts at different heights of a page. Reading is geometric: characters grouped into
lines by their top, figures into words with a tight gap, body lines measured in characters of 3号.
"""
from __future__ import annotations

from gui.report.form import ALL_CELLS
from gui.report.samples import huaian_2024

LEFT, RIGHT = 28 / 25.4 * 72, 184 / 25.4 * 72        # the text block's edges, in points
BODY_SIZE = 16
FILLER = "本机关持续推进政务公开。"                     # 12 characters: one line of body text


def big_report(digits: int, shift_lines: int = 0):
    """淮安 2024 with every count of tables 二–四 made of `digits` nines, and shift_lines more
    one-line paragraphs just before section 二."""
    report = huaian_2024()
    for ref in ALL_CELLS:
        report.set(ref, None if ref.table == "active" and ref.row == "fees" else int("9" * digits))
    report.texts["overview_supervision"] += "\n" + "\n".join([FILLER] * shift_lines)
    return report


def table_stream(page) -> str:
    """The page's table text (smaller than body text) in the order LibreOffice wrote it: one
    cell's paragraph after another."""
    return "".join(c["text"] for c in page.chars if c["size"] < 12)


def figures(page) -> list[str]:
    """The figures printed in the tables of the page, each as it sits on one line (the item
    numbers of labels, 「1.属于…」, are not figures)."""
    words = page.extract_words(x_tolerance=1, y_tolerance=1, extra_attrs=["size"])
    return [w["text"] for w in words if w["size"] < 12 and w["text"].isdigit()]


def lines(page, size: float) -> list[list[dict]]:
    """Characters of one font size grouped into printed lines, left to right."""
    rows: dict[int, list[dict]] = {}
    for c in page.chars:
        if abs(c["size"] - size) < 0.6 and c["text"].strip():
            rows.setdefault(round(c["top"]), []).append(c)
    return [sorted(chars, key=lambda c: c["x0"]) for _, chars in sorted(rows.items())]


def measure(chars: list[dict]) -> float:
    """A line's length in characters of its size, each glyph by its own width (Chinese 1, digits
    and the quotes LibreOffice sets in Liberation Serif ½); a full stop or comma hanging past the
    right edge is not counted."""
    inside = [c for c in chars if c["x0"] < RIGHT - 1]
    return sum(max(0.5, round(c["width"] / c["size"] * 2) / 2) for c in inside)


def is_full(chars: list[dict]) -> bool:
    """A justified line that reaches the right edge (not the last line of a paragraph)."""
    return chars[0]["x0"] < LEFT + 2 and max(c["x1"] for c in chars) > RIGHT - 2


def label_lines(page, label: str) -> list[str] | None:
    """The printed lines of a table label found whole in the page's table text, else None."""
    stream = table_stream(page)
    start = stream.find(label)
    if start < 0:
        return None
    chars = [c for c in page.chars if c["size"] < 12][start:start + len(label)]
    out: dict[int, str] = {}
    for c in chars:
        out.setdefault(round(c["top"]), "")
        out[round(c["top"])] += c["text"]
    return [text for _, text in sorted(out.items())]
