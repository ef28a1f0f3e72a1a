"""The lines of a pasted report: page numbers out, sections found, paragraphs rebuilt.

Text copied from a web page has one paragraph per line. Text copied from a PDF (the seed
example) is wrapped at the printed line width, often with a blank line after every line: there a
line that reaches the right margin continues on the next line, a shorter one ends its paragraph.
Which of the two a text is, the widths of its lines say.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..published.structure import THEME_START, heading_of
from ..form import SECTIONS

_PAGE_NUMBER = re.compile(r"\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*")
_DATE_LINE = re.compile(r"\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*")
WRAP_TOLERANCE = 6            # half-width units (3 Chinese characters) short of the widest lines
MIN_WRAPPED_LINES = 5
WRAPPED_SHARE = 0.4
TABLE_SECTIONS = ("active", "requests", "appeals")


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text.strip())


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.fullmatch(text))


@dataclass
class Sections:
    before: list[str] = field(default_factory=list)                 # lines before 一、
    headings: dict[str, str] = field(default_factory=dict)           # key → the heading line
    lines: dict[str, list[str]] = field(default_factory=dict)        # key → its lines
    page_numbers_in_tables: list[str] = field(default_factory=list)


def split_lines(text: str) -> Sections:
    """The lines in their sections (headings found as the Word reader finds them)."""
    out = Sections()
    index, current = -1, None
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").split("\n"):
        line = raw.replace("\u00a0", " ").replace("\u3000", " ").rstrip(" ")
        if is_page_number(line):
            if current in TABLE_SECTIONS:
                out.page_numbers_in_tables.append(line.strip())
            continue
        found = heading_of(line, index) if line.strip() else None
        if found is not None:
            index, _ = found
            current = SECTIONS[index].key
            out.headings[current] = line.strip()       # a run-in text after it stays on this line
            out.lines[current] = []
            continue
        (out.lines[current] if current else out.before).append(line)
    return out


def is_wrapped(lines: list[str]) -> tuple[bool, int]:
    """(whether the prose is wrapped at a fixed width, that width)."""
    widths = sorted(width(line) for line in lines if line.strip())
    if len(widths) < MIN_WRAPPED_LINES:
        return False, 0
    widest = widths[int(len(widths) * 0.9)]
    full = sum(1 for w in widths if w >= widest - WRAP_TOLERANCE)
    return full >= WRAPPED_SHARE * len(widths) and widest <= 160, widest


def _starts_paragraph(line: str) -> bool:
    return bool(THEME_START.match(line)) or bool(_DATE_LINE.fullmatch(line))


def paragraphs(lines: list[str], wrapped: bool, full_width: int) -> list[str]:
    """The paragraphs of prose lines: each non-empty line, or wrapped lines joined."""
    out: list[str] = []
    joining = False
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if joining and out and not _starts_paragraph(text):
            out[-1] += text
        else:
            out.append(text)
        joining = wrapped and width(line) >= full_width - WRAP_TOLERANCE
    return out
