"""What only a comparison of the units shows (the 「跨单位」 sheet).

- Narratives largely the same text in two units, per section, as the share of the shorter text
  found in the other (R11's measure, text_rules.copied_share). Not copying: the fee sentence the
  application inserts, the official headings, and sentences written by many units alike
  (STANDARD_SHARE of them, at least STANDARD_UNITS) — those are removed before comparing.
- Identical tables in two units (only tables with real content: examine.SAME_TABLE_*).
- Totals changed by an order of magnitude from the unit's attached last year.
Candidate pairs come from an index of a sample of each text's COMMON_BLOCK-character runs, so the
work grows with the amount of text, not with the square of the number of units; a bound made of
set operations (text_rules.copied_share_bound) rules out the pairs that share only a few phrases
before the exact count.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import combinations

from .. import form
from ..text_rules import (COMMON_BLOCK, COPIED_SHARE, FEE_SENTENCE, copied_share, copied_share_bound,
                          copy_marks)
from .examine import TOTALS, Traits
from .model import CrossFinding, Finding, WARNING

STANDARD_UNITS = 3
STANDARD_SHARE = 0.1
MIN_CHARS = 2 * COMMON_BLOCK         # shorter (what remains of) sections are not compared
SAMPLE = 8                           # one run in SAMPLE (by hash) goes into the index
MAGNITUDE = 10
MAGNITUDE_FLOOR = 10                 # the larger of the two values must be at least this
LAST_YEAR = "上年报告"
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_FEE = re.compile(re.escape(re.sub(r"\s", "", FEE_SENTENCE)).replace(r"\{year\}", r"(?:\d{4}年|本年度)")
                  .replace(r"\{amount\}", r"[\d.]+").rstrip("。"))
_HEADINGS = frozenset({s.heading for s in form.SECTIONS}
                      | {f"{t.sub_number}{t.label}" for t in form.OVERVIEW_THEMES}
                      | {t.label for t in form.OVERVIEW_THEMES})


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(re.sub(r"[ \t\u3000\r]", "", text)) if s]


def _own_words(text: str, common: set[str]) -> str:
    kept = [s for s in _sentences(text)
            if s not in common and s not in _HEADINGS and not _FEE.fullmatch(s)]
    return "。".join(kept)


def copied_sections(units: list[tuple[str, Traits]]) -> list[CrossFinding]:
    counts = Counter(s for _, t in units for text in t.texts.values() for s in set(_sentences(text)))
    floor = max(STANDARD_UNITS, int(STANDARD_SHARE * len(units) + 0.999))
    common = {s for s, n in counts.items() if n >= floor}
    out = []
    parts = sorted({part for _, t in units for part in t.texts})
    for part in parts:
        texts = [(name, _own_words(t.texts.get(part, ""), common)) for name, t in units]
        index: dict[int, list[int]] = defaultdict(list)
        for i, (_, text) in enumerate(texts):
            if len(text) < MIN_CHARS:
                continue
            for h in {hash(text[j:j + COMMON_BLOCK]) for j in range(len(text) - COMMON_BLOCK + 1)}:
                if h % SAMPLE == 0:
                    index[h].append(i)
        pairs = set()
        for members in index.values():
            if 1 < len(members) < floor:         # in more units: a standard phrase
                pairs.update(combinations(members, 2))
        marks = {i: copy_marks(texts[i][1]) for i in {i for pair in pairs for i in pair}}
        for i, j in sorted(pairs):
            # phrases shared by a few dozen units make many pairs: most are ruled out by the bound
            if max(copied_share_bound(marks[i], marks[j]),
                   copied_share_bound(marks[j], marks[i])) <= COPIED_SHARE:
                continue
            (a, text_a), (b, text_b) = texts[i], texts[j]
            share = max(copied_share(text_a, text_b), copied_share(text_b, text_a))
            if share > COPIED_SHARE:
                percent = round(share * 100)
                out.append(CrossFinding("COPY", a, b, part, percent,
                                        f"「{part}」与「{b}」的报告有 {percent}% 的内容相同（内容雷同）。"))
    return out


def same_tables(units: list[tuple[str, Traits]]) -> list[CrossFinding]:
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, traits in units:
        for table, digest in traits.tables.items():
            groups[(table, digest)].append(name)
    out = []
    order = {t.short_name: i for i, t in enumerate(form.TABLES)}
    for (table, _), names in sorted(groups.items(), key=lambda item: (order[item[0][0]], item[0][1])):
        for a, b in combinations(names, 2):
            out.append(CrossFinding("SAME_TABLE", a, b, _table_title(table), None,
                                    f"{_table_title(table)}的全部数字与「{b}」的报告完全相同。"))
    return out


def _table_title(short_name: str) -> str:
    table = next(t for t in form.TABLES if t.short_name == short_name)
    return f"{short_name}（{form.SECTION_BY_KEY[table.section].heading}）"


def magnitude_changes(name: str, totals, last_totals) -> list[CrossFinding]:
    out = []
    for (heading, _), now, then in zip(TOTALS, totals or (), last_totals or ()):
        if not now or not then:
            continue
        big, small = max(now, then), min(now, then)
        if big >= MAGNITUDE_FLOOR and big >= MAGNITUDE * small:
            out.append(CrossFinding("MAGNITUDE", name, LAST_YEAR, heading, None,
                                    f"「{heading}」本年为 {now}，上年为 {then}，相差 {big / small:.0f} 倍"
                                    "（数量级变化），请核实是否多填或少填了位数。"))
    return out


def as_findings(cross: CrossFinding) -> list[tuple[str, Finding]]:
    """The finding as each unit concerned sees it (a pair: both units; last year: the unit)."""
    step = cross.part if cross.part in {s.heading for s in form.SECTIONS} else _step_of(cross.part)
    mine = Finding(cross.rule, WARNING, step, cross.part, cross.message, "请核实")
    if cross.other == LAST_YEAR:
        return [(cross.unit, mine)]
    theirs = Finding(cross.rule, WARNING, step, cross.part,
                     cross.message.replace(f"「{cross.other}」", f"「{cross.unit}」"), "请核实")
    return [(cross.unit, mine), (cross.other, theirs)]


def _step_of(part: str) -> str:
    for table in form.TABLES:
        if part.startswith(table.short_name):
            return form.SECTION_BY_KEY[table.section].heading
    for heading, refs in TOTALS:
        if part == heading:
            return form.SECTION_BY_KEY[refs[0].table].heading
    return part
