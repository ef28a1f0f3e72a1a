"""What the narratives say about the figures of tables 三 and 四 (read for R9).

A sentence (split on 。；！？ and line breaks) counts only when it is about 政府信息公开申请: it names
them (信息公开申请, 依申请公开 …) or stands in 一（二）依申请公开. The demo's
「全年受理市民12345处理单504件」 is hotline work: it names no application and is ignored.

Inside a sentence, clauses (split on ，：（）) are cut at each keyword — 收到/受理/新收 (new applications),
上年结转 (carried in), 结转/顺延 (carried over), 行政复议, 行政诉讼 — and each keyword takes the first
「N件」 after it in its clause. Clauses that break the figures down (其中, 自然人 …), compare with
other years (上年, 同比, another year's number) or say 各 are skipped rather than guessed at.
Negations (未收到政府信息公开申请, 未发生行政复议、行政诉讼) state a zero.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .form import REQUESTS_COLUMNS, REQUESTS_ORGANISATIONS, TEXT_FIELDS, CellRef, describe
from .numerals import find_counts
from .places import field_name
from .problems import TEXT_PREFIX, WARNING, Problem

NEW, NONE, CARRY_IN, CARRY_OUT, REVIEW, SUIT = "new", "none", "carry_in", "carry_out", "review", "suit"
REQUEST_FIELD = "overview_request"          # 一（二）依申请公开: every sentence there is about applications

_SENTENCES = re.compile(r"[^。；;！!？?\n]+")
_CLAUSES = re.compile(r"(?:[^，,：:（）()]|(?<=[0-9０-９]),(?=[0-9０-９]{3}))+")   # 3,119 stays whole
_ABOUT_REQUESTS = re.compile(r"信息公开申请|依申请公开|公开申请|申请公开")
_ABOUT_DISCLOSURE = re.compile(r"信息公开")     # 行政复议 of other work (a 司法局) is not table 四
_OTHER_WORK = re.compile(r"12345|热线|处理单|信访|许可|提案|建议|投诉|留言|来信|咨询")
_KEYWORDS = re.compile(
    r"(?P<carry_in>上一?年度?(?:结转|转入))|(?P<carry_out>结转|顺延)|(?P<review>行政复议)|"
    r"(?P<suit>行政诉讼)|(?P<new>新收|收到|受理|接到|接收|收悉)")
_APPEAL_WORDS = re.compile(r"复议|诉讼|起诉")
_NEGATED_REQUEST = re.compile(r"(?:未|没有|没)(?:收到|受理|接到|接收|新收)|无(?:政府)?信息公开申请|零申请")
_NEGATION = re.compile(r"未|没有|没|无")
_INCLUDES_CARRY = re.compile(r"(?:含|包括|包含)上一?年度?结转")
_MENTIONS_CARRY = re.compile(r"上一?年度?(?:结转|转入)")
_OTHER_PERIOD = re.compile(r"去年|上年|上一年|同期|同比|比")
_BREAKDOWN = re.compile("|".join(["其中", "法人", REQUESTS_ORGANISATIONS] +
                                 [c.label for c in REQUESTS_COLUMNS[:-1] if len(c.label) >= 3]))
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?=年)")


class Statement(NamedTuple):
    kind: str            # NEW, NONE, CARRY_IN, CARRY_OUT, REVIEW or SUIT
    value: int           # the number stated (0 for a negation)
    snippet: str         # the clause it was read from, for the message
    carry: str           # for NEW: "with" (含上年结转), "maybe" (the sentence mentions 上年结转), ""
    years: tuple[int, ...]   # years named in the clause (a statement about another year is not compared)


def _assign(clause: str) -> list[tuple[str, int, int, int]]:
    """(kind, value, keyword position, number position) for every keyword of the clause with a number."""
    hits = list(_KEYWORDS.finditer(clause))
    counts = find_counts(clause)
    if not hits or not counts:
        return []
    if re.search("[各均都]", clause):      # 行政复议、行政诉讼均为0件: one number for each
        kinds = {h.lastgroup for h in hits}
        if len(counts) == 1 and kinds <= {REVIEW, SUIT}:
            return [(k, counts[0][2], clause.find(w), counts[0][0])
                    for k, w in ((REVIEW, "行政复议"), (SUIT, "行政诉讼")) if k in kinds]
        return []
    out = []
    for i, hit in enumerate(hits):
        end = hits[i + 1].start() if i + 1 < len(hits) else len(clause)
        after = [c for c in counts if hit.end() <= c[0] < end]
        if after:
            out.append((hit.lastgroup, after[0][2], hit.start(), after[0][0]))
        elif len(hits) == 1 and len(counts) == 1:       # 另有3件结转下年度办理
            out.append((hit.lastgroup, counts[0][2], hit.start(), counts[0][0]))
    return out


def _clause_statements(clause: str, carry: str, years: tuple[int, ...]) -> list[Statement]:
    appeal = bool(_APPEAL_WORDS.search(clause))
    snippet = clause.strip()
    out = []
    for kind, value, kw_at, num_at in _assign(clause):
        if kind in (REVIEW, SUIT):
            out.append(Statement(kind, value, snippet, "", years))
            continue
        if appeal or _OTHER_WORK.search(clause):
            continue
        before = clause[:num_at]
        if kind == NEW and (_BREAKDOWN.search(before) or _OTHER_PERIOD.search(before)):
            continue
        out.append(Statement(kind, value, snippet, carry if kind == NEW else "", years))
    if not find_counts(clause):
        if appeal:
            negation = _NEGATION.search(clause)
            for kind, word in ((REVIEW, "行政复议"), (SUIT, "行政诉讼")):
                at = clause.find(word)
                if negation and 0 <= at and negation.start() < at:
                    out.append(Statement(kind, 0, snippet, "", years))
        elif _NEGATED_REQUEST.search(clause) and not _OTHER_WORK.search(clause):
            out.append(Statement(NONE, 0, snippet, "", years))
    return out


@lru_cache(maxsize=512)
def statements(field_key: str, text: str) -> tuple[Statement, ...]:
    """Every figure a narrative states about applications, reviews and suits (memoized per text)."""
    out: list[Statement] = []
    for sentence in _SENTENCES.findall(text):
        about_requests = field_key == REQUEST_FIELD or bool(_ABOUT_REQUESTS.search(sentence))
        about_disclosure = about_requests or bool(_ABOUT_DISCLOSURE.search(sentence))
        if not about_disclosure:
            continue
        carry = ("with" if _INCLUDES_CARRY.search(sentence)
                 else "maybe" if _MENTIONS_CARRY.search(sentence) else "")
        for m in _CLAUSES.finditer(sentence):
            clause = m.group()
            # A clause without a year of its own is about the year named before it (2023年，收到…).
            years = _YEAR.findall(clause) or _YEAR.findall(sentence[:m.start()])[-1:]
            years = tuple(int(y) for y in years)
            for st in _clause_statements(clause, carry, years):
                if st.kind in (REVIEW, SUIT) or about_requests:
                    out.append(st)
    return tuple(out)


# ── R9: compare with the tables ──────────────────────────────────────────────────────────
_NEW = CellRef("requests", "new", "total")
_CARRY_IN = CellRef("requests", "carry_in", "total")
_CARRY_OUT = CellRef("requests", "carry_out", "total")
_REVIEW = CellRef("appeals", "review", "total")
_SUITS = (CellRef("appeals", "suit_direct", "total"), CellRef("appeals", "suit_after_review", "total"))


def _table_side(st: Statement, cells) -> tuple[tuple[CellRef, ...], set[int], int, str] | None:
    """The cells a statement is about, the values that agree with it, the tables' figure, its words."""
    if st.kind in (NEW, NONE):
        new = cells[_NEW]
        if new is None:
            return None
        if st.kind == NEW and st.carry:
            carry = cells[_CARRY_IN]
            if carry is None:
                return None
            words = f"{describe(_NEW)} {new} 件加{describe(_CARRY_IN)} {carry} 件共 {new + carry} 件"
            if st.carry == "with":
                return (_NEW, _CARRY_IN), {new + carry}, new + carry, words
            return (_NEW, _CARRY_IN), {new, new + carry}, new, words
        return (_NEW,), {new}, new, f"{describe(_NEW)}为 {new} 件"
    if st.kind == SUIT:
        values = [cells[r] for r in _SUITS]
        if None in values:
            return None
        names = "、".join(f"{describe(r)} {x} 件" for r, x in zip(_SUITS, values))
        return _SUITS, {sum(values)}, sum(values), f"{names}，共 {sum(values)} 件"
    ref = {CARRY_IN: _CARRY_IN, CARRY_OUT: _CARRY_OUT, REVIEW: _REVIEW}[st.kind]
    value = cells[ref]
    return None if value is None else ((ref,), {value}, value, f"{describe(ref)}为 {value} 件")


def check_r9(report) -> list[Problem]:
    """R9: a warning for every figure in the narratives that disagrees with the tables."""
    out = []
    year = report.info.year
    for field in TEXT_FIELDS:
        text = report.texts.get(field.key, "")
        if not text:
            continue
        seen: dict[str, int] = {}
        for st in statements(field.key, text):
            n = seen[st.kind] = seen.get(st.kind, -1) + 1
            if year and any(y != year for y in st.years):
                continue
            side = _table_side(st, report.cells)
            if side is None or st.value in side[1]:
                continue
            refs, _, figure, table_text = side
            stated = "未收到申请" if st.kind == NONE else f"{st.value} 件"
            message = f"{field_name(TEXT_PREFIX + field.key)}写「{st.snippet}」（{stated}），但{table_text}。"
            out.append(Problem("R9", WARNING, message, field.section, cells=refs,
                               field=TEXT_PREFIX + field.key, expected=figure, actual=st.value,
                               key=f"R9:{field.key}:{st.kind}:{n}",
                               fingerprint=f"{st.value}|{','.join(str(report.cells[r]) for r in refs)}"))
    return out
