"""This year's report beside last year's: every figure of tables 二/三/四 with both years, the change
and the change in per cent; the passages of 一/五/六 identical to last year's with each section's
repetition rate (the figure R11 reports); and the unusual changes as warnings of their own
(YEAR_JUMP, YEAR_VANISH) that rules.check() lists once last year's report is attached.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from . import text_rules
from .cells import Value, format_value
from .form import (DETAIL_ROWS, SECTION_BY_KEY, TABLES, TEXT_FIELD_BY_KEY, CellRef, Row, Table, describe)
from .problems import TEXT_PREFIX, WARNING, Problem
from .relations import CARRY_IN, CARRY_OUT, TOTAL

YEAR_JUMP = "YEAR_JUMP"        # a figure more than JUMP_FACTOR times last year's, or under 1/JUMP_FACTOR of it
YEAR_VANISH = "YEAR_VANISH"    # a figure that was at least FLOOR last year and is 0 now
JUMP_FACTOR = 5
FLOOR = 10                     # both years at least this much before a jump counts: 1 → 6 is no news
_OPENING_TRIM = frozenset("。；;！!？?，,、 \t\r\n\u3000")
# the rows a table's reader looks at first: 三's totals and the rows that carry its balance
_LEADING = {"requests": (TOTAL, "new", CARRY_IN, CARRY_OUT)}


@dataclass(frozen=True)
class CellChange:
    ref: CellRef
    this: Value
    last: Value

    @property
    def change(self) -> Value:
        """This year minus last year; None where either is blank."""
        return None if self.this is None or self.last is None else self.this - self.last

    @property
    def percent(self) -> float | None:
        """The change in per cent of last year's; None where last year is 0 or blank."""
        change = self.change
        return None if change is None or not self.last else float(change) * 100 / float(self.last)


@dataclass(frozen=True)
class RowChange:
    table: str
    row: Row
    cells: tuple[CellChange, ...]
    leading: bool              # a total or balance row, shown first and never folded

    @property
    def label(self) -> str:
        """The row as the form names it, its group included: 「（三）不予公开 1.属于国家秘密」."""
        return " ".join(self.row.path[1:]) or self.row.label


@dataclass(frozen=True)
class Passage:
    """A stretch of this year's text identical to last year's: text[start:end] of the field."""
    field: str                 # "text.<TextField key>"
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SectionChange:
    section: str
    heading: str
    keys: tuple[str, ...]      # the text fields it is made of
    rate: float                # 0 … 1, as R11 computes it
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class Comparison:
    this: object               # Report
    last: object
    tables: dict[str, tuple[RowChange, ...]]
    sections: tuple[SectionChange, ...]
    problems: tuple[Problem, ...]

    def problems_at(self, ref: CellRef) -> list[Problem]:
        return [p for p in self.problems if p.target == ref]


def ordered_rows(table: Table) -> tuple[Row, ...]:
    leading = _LEADING.get(table.key, ())
    first = [table.row(k) for k in leading]
    return tuple(first) + tuple(r for r in table.rows if r.key not in leading)


def compare_tables(this, last) -> dict[str, tuple[RowChange, ...]]:
    out = {}
    for table in TABLES:
        lead = _LEADING.get(table.key, ())
        out[table.key] = tuple(
            RowChange(table.key, row, tuple(CellChange(ref, this.cells.get(ref), last.cells.get(ref))
                                            for ref in (CellRef(table.key, row.key, c.key) for c in row.columns)),
                      row.key in lead)
            for row in ordered_rows(table))
    return out


def _watched(ref: CellRef) -> bool:
    """The figures whose jumps are news: a row's 总计 where the row has one, else every cell (表二)."""
    return ref.table == "active" or ref.column == TOTAL


_WATCHED = tuple(ref for t in TABLES for ref in t.cells() if _watched(ref))


def _jump(ref: CellRef, this: Value, last: Value) -> Problem | None:
    if this is None or last is None:
        return None
    key, fingerprint = f"{ref.table}:{ref.row}:{ref.column}", f"{this}|{last}"
    if this == 0 and last >= FLOOR:
        return Problem(YEAR_VANISH, WARNING, f"{describe(ref)}上年为 {format_value(last)}，本年为 0：上年有的业务"
                       "本年全无，请核对是否漏填；如属实，可核实后确认。", ref.table, ref, (ref,), actual=this,
                       key=f"{YEAR_VANISH}:{key}", fingerprint=fingerprint)
    if this < FLOOR or last < FLOOR:
        return None
    if this > last * JUMP_FACTOR:
        how = f"是上年的 {float(this) / float(last):.1f} 倍"
    elif this * JUMP_FACTOR < last:
        how = f"只有上年的 {float(this) * 100 / float(last):.0f}%"
    else:
        return None
    return Problem(YEAR_JUMP, WARNING, f"{describe(ref)}本年为 {format_value(this)}，上年为 {format_value(last)}，"
                   f"{how}：变化异常，请核对数字；如属实，可核实后确认。", ref.table, ref, (ref,), actual=this,
                   key=f"{YEAR_JUMP}:{key}", fingerprint=fingerprint)


def check(report) -> list[Problem]:
    """YEAR_JUMP and YEAR_VANISH against the attached last year's report (none without one)."""
    last = report.last_year
    if last is None:
        return []
    this_cells, last_cells = report.cells, last.cells
    found = (_jump(ref, this_cells.get(ref), last_cells.get(ref)) for ref in _WATCHED)
    return [p for p in found if p is not None]


def _spans(cover: bytearray, text: str) -> list[tuple[int, int]]:
    """The covered runs of the text without white space, as (start, end) in `text` itself."""
    places = [m.start() for m in re.finditer(r"\S", text)]
    out, i, n = [], 0, len(cover)
    while i < n:
        if not cover[i]:
            i += 1
            continue
        j = i
        while j < n and cover[j]:
            j += 1
        out.append((places[i], places[j - 1] + 1))
        i = j
    return out


def identical_passages(this, last, section: str, keys) -> tuple[Passage, ...]:
    """The passages of this year's fields `keys` found in last year's text of the same fields; as
    R11, not the standard sentences every report may repeat (but in 五)."""
    last_text = text_rules.normal(text_rules.compared_texts(this, last, section, keys)[1])
    out = []
    for key in keys:
        text = this.texts.get(key) or ""
        if not text.strip() or not last_text:
            continue
        normal = text_rules.normal(text)
        cover = text_rules.copied_cover(normal, last_text)
        if section != text_rules.PROBLEMS:
            for m in text_rules.boilerplate(normal):
                cover[m.start():m.end()] = bytes(m.end() - m.start())
        for start, end in _spans(cover, text):
            while start < end and text[start] in _OPENING_TRIM:   # the run may begin at the end of the sentence before
                start += 1
            if start < end:
                out.append(Passage(TEXT_PREFIX + key, start, end, text[start:end]))
    return tuple(out)


def compare_sections(this, last) -> tuple[SectionChange, ...]:
    out = []
    for section, keys in text_rules.COPIED_SECTIONS:
        out.append(SectionChange(section, SECTION_BY_KEY[section].heading, keys,
                                 text_rules.section_share(this, last, section, keys),
                                 identical_passages(this, last, section, keys)))
    return tuple(out)


def compare(this, last) -> Comparison:
    """The whole comparison of two reports (`last` need not be attached to `this`)."""
    attached = this.last_year
    this.last_year = last
    try:
        problems = tuple(check(this))
    finally:
        this.last_year = attached
    return Comparison(this, last, compare_tables(this, last), compare_sections(this, last), problems)


# The figures the comparison's chart shows: (name, the cells added up)
MAIN_FIGURES = (
    ("新收申请", (CellRef("requests", "new", TOTAL),)),
    ("办理结果总计", (CellRef("requests", TOTAL, TOTAL),)),
    ("结转下年度", (CellRef("requests", CARRY_OUT, TOTAL),)),
    ("行政复议", (CellRef("appeals", "review", TOTAL),)),
    ("行政诉讼", (CellRef("appeals", "suit_direct", TOTAL), CellRef("appeals", "suit_after_review", TOTAL))),
)


def main_figures(this, last) -> list[tuple[str, int, int]]:
    """(name, this year, last year) of MAIN_FIGURES, blanks counted as 0."""
    return [(name, sum(this.cells.get(r) or 0 for r in refs), sum(last.cells.get(r) or 0 for r in refs))
            for name, refs in MAIN_FIGURES]


def field_label(field: str) -> str:
    return TEXT_FIELD_BY_KEY[field[len(TEXT_PREFIX):]].label


def is_detail(row: RowChange) -> bool:
    """A row the view may fold: 三's 21 results (the others are few)."""
    return row.table == "requests" and row.row.key in DETAIL_ROWS


def change_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return ("+" if value > 0 else "") + format_value(value)
    return f"{value:+d}" if value else "0"


def percent_text(percent: float | None) -> str:
    return "" if percent is None else f"{percent:+.1f}%"


__all__ = ["Comparison", "RowChange", "CellChange", "SectionChange", "Passage", "compare", "check",
           "YEAR_JUMP", "YEAR_VANISH", "JUMP_FACTOR", "FLOOR", "ordered_rows", "is_detail",
           "change_text", "percent_text", "field_label", "main_figures", "MAIN_FIGURES"]
