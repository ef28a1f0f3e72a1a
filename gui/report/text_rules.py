"""Checks of 基本信息 and the narratives: INFO, EMPTY, THEME, R10 (信息处理费) and R11 (内容雷同)."""
from __future__ import annotations

import datetime as dt
import re
import zlib
from decimal import Decimal
from dataclasses import dataclass
from functools import lru_cache

from .form import (FEE_LABELS, OVERVIEW_THEMES, SECTION_BY_KEY, TEXT_FIELD_BY_KEY, CellRef, describe,
                   of_trial_format)
from .numerals import find_quantities
from .places import field_name, info_name, text_name
from .problems import ERROR, FEE_RULE, INFO_PREFIX, TEXT_PREFIX, WARNING, Fix, Problem

FIRST_YEAR = 2008            # 《政府信息公开条例》 took effect on 1 May 2008: no report is older
OTHER, PROBLEMS = "other", "problems"
FEE_SENTENCE = "{year}，本机关严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费{amount}元。"
_FEE_STATED = re.compile(r"处理费|收费|收取[^。；，]{0,8}费")
_FEE_PROCEDURE = re.compile(r"收费|缴费|缴纳|处理费")
_FEE_NONE = re.compile(r"(?:未|没有|不|无需|免)(?:收取|收|征收)[^。；]{0,12}费|免费|零收费")
_UNPAID = CellRef("requests", "other_2", "total")
COMMON_BLOCK = 20            # R11: a shared run of this many characters counts as copied
COPIED_SHARE = 0.5
_SENTENCES = re.compile(r"[^。；;！!？?\n]+")


def _crc(text: str) -> int:
    """A short stable digest of a text for fingerprints (hash() changes from run to run)."""
    return zlib.crc32(text.encode("utf-8"))


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def check_info(report) -> list[Problem]:
    out = []
    info = report.info
    if _blank(info.organ):
        out.append(Problem("INFO", ERROR, f"请填写{info_name('organ')}：报告标题和落款都要用到。", "info",
                           field=INFO_PREFIX + "organ", key="INFO:organ"))
    if info.year is None:
        out.append(Problem("INFO", ERROR, f"请填写{info_name('year')}：报告标题要写明年度。", "info",
                           field=INFO_PREFIX + "year", key="INFO:year"))
    elif not FIRST_YEAR <= info.year <= dt.date.today().year:
        out.append(Problem("INFO", ERROR, f"{info_name('year')} {info.year} 不合理：应在 {FIRST_YEAR} 年至今年之间。",
                           "info", field=INFO_PREFIX + "year", actual=info.year, key="INFO:year",
                           fingerprint=str(info.year)))
    return out


def check_texts(report) -> list[Problem]:
    """EMPTY (一 with no theme written, 五, 六) and THEME (一 missing one of its five themes)."""
    out = []
    texts = report.texts
    empty_themes = [f for f in OVERVIEW_THEMES if _blank(texts.get(f.key))]
    if len(empty_themes) == len(OVERVIEW_THEMES):
        heading = SECTION_BY_KEY["overview"].heading
        out.append(Problem("EMPTY", ERROR, f"「{heading}」还没有填写，请按五个方面分别写明本年工作情况。",
                           "overview", field=TEXT_PREFIX + OVERVIEW_THEMES[0].key, key="EMPTY:overview"))
    else:
        for f in empty_themes:
            out.append(Problem("THEME", WARNING, f"「{text_name(f.key)}」没有内容：总体情况应分五个方面写，缺少这一方面。",
                               "overview", field=TEXT_PREFIX + f.key, key=f"THEME:{f.key}"))
    for key in (PROBLEMS, OTHER):
        if _blank(texts.get(key)):
            out.append(Problem("EMPTY", ERROR, f"「{text_name(key)}」还没有填写。", TEXT_FIELD_BY_KEY[key].section,
                               field=TEXT_PREFIX + key, key=f"EMPTY:{key}"))
    return out


def yuan_text(amount: Decimal) -> str:
    """3940 → 「3940」, 3940.50 → 「3940.5」: no trailing zeros, never exponent notation."""
    return format(amount.normalize(), "f")


def fee_sentence(report) -> str | None:
    amount = report.fee.amount_yuan
    if amount is None:
        return None
    year = f"{report.info.year}年" if report.info.year else "本年度"
    return FEE_SENTENCE.format(year=year, amount=yuan_text(amount))


@lru_cache(maxsize=128)
def stated_fees(text: str) -> tuple[Decimal, ...]:
    """The 信息处理费 amounts (元) a text states; a 「未收取…费」 states 0."""
    out = []
    for sentence in _SENTENCES.findall(text):
        if not _FEE_STATED.search(sentence):
            continue
        amounts = find_quantities(sentence, "元")
        out += [v for _, _, v in amounts]
        if not amounts and _FEE_NONE.search(sentence):
            out.append(Decimal(0))
    return tuple(out)


def check_fee(report) -> list[Problem]:
    """R10: 六 states the 信息处理费; unpaid-fee cases are explained; the amount agrees with the fee fields."""
    out = []
    field = TEXT_PREFIX + OTHER
    where = field_name(field)
    text = report.texts.get(OTHER) or ""
    amount = report.fee.amount_yuan
    # the statement is asked for from the 2021 format on (《政府信息公开信息处理费管理办法》, in force 2021)
    if not _FEE_STATED.search(text) and not _FEE_NONE.search(text) and not of_trial_format(report.info.year):
        sentence = fee_sentence(report)
        if sentence is None:
            message = f"{where}没有说明信息处理费的收取情况。请先在本节填写「{FEE_LABELS['fee_yuan']}」，再插入标准表述。"
            fix = None
        else:
            message = f"{where}没有说明信息处理费的收取情况，可插入：「{sentence}」"
            fix = Fix("插入信息处理费表述", texts=((OTHER, f"{text.rstrip()}\n{sentence}" if text.strip() else sentence),))
        out.append(Problem(FEE_RULE, WARNING, message, "other", field=field, fix=fix, key=f"{FEE_RULE}:statement",
                           fingerprint=f"{amount}|{_crc(text)}"))
    unpaid = report.cells.get(_UNPAID)
    if unpaid and not any(_FEE_PROCEDURE.search(t or "") for t in report.texts.values()):
        out.append(Problem(FEE_RULE, WARNING, f"{describe(_UNPAID)}为 {unpaid} 件，说明本年发出过收费通知，"
                           f"但正文没有提到信息处理费的收取程序和情况，请在{where}中说明。", "other",
                           cells=(_UNPAID,), field=field, actual=unpaid, key="R10:unpaid",
                           fingerprint=f"{unpaid}|{_crc(text)}"))
    if amount is not None:
        wrong = sorted({v for v in stated_fees(text) if v != amount})
        if wrong:
            said = "、".join(f"{yuan_text(v)} 元" for v in wrong)
            out.append(Problem(FEE_RULE, WARNING, f"{where}写的信息处理费 {said}，与填写的全年收取信息处理费 "
                               f"{yuan_text(amount)} 元不一致。", "other", field=field, expected=amount,
                               actual=wrong[0], key="R10:amount", fingerprint=f"{amount}|{said}"))
    return out


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", text)


normal = _normal        # what R11 compares: the text without white space


@lru_cache(maxsize=64)
def copied_share(this: str, last: str) -> float:
    """The share of this year's characters that repeat last year's text (R11).

    A character counts as copied when it lies inside a run of at least COMMON_BLOCK characters that
    also occurs in last year's text (found with a set of last year's COMMON_BLOCK-grams, linear time),
    or inside a sentence that occurs word for word last year (catches short repeated sentences).
    """
    a, b = _normal(this), _normal(last)
    if not a or not b:
        return 0.0
    return sum(copied_cover(a, b)) / len(a)


def copied_cover(a: str, b: str) -> bytearray:
    """For each character of `a` (white space removed), 1 where it counts as copied from `b` (R11)."""
    covered = bytearray(len(a))
    n = COMMON_BLOCK
    grams = {b[i:i + n] for i in range(len(b) - n + 1)}
    for i in range(len(a) - n + 1):
        if a[i:i + n] in grams:
            covered[i:i + n] = b"\x01" * n
    last_sentences = set(_SENTENCES.findall(b))
    at = 0
    for sentence in _SENTENCES.findall(a):
        start = a.index(sentence, at)
        if sentence in last_sentences:
            covered[start:start + len(sentence)] = b"\x01" * len(sentence)
        at = start + len(sentence)
    return covered


@dataclass(frozen=True)
class CopyMarks:
    """Enough of a text to bound copied_share from above quickly, for many pairs of texts."""
    length: int                       # of the text without white space
    runs: dict[int, int]              # hash of each COMMON_BLOCK-character run → where it first starts
    again: dict[int, list[int]]       # … and where it starts again, for the few runs that repeat
    run_set: frozenset[int]           # the hashes again: sets intersect without copying either
    sentences: tuple[tuple[str, int], ...]       # each sentence and where it starts
    sentence_set: frozenset[str]


def copy_marks(text: str) -> CopyMarks:
    a = _normal(text)
    runs: dict[int, int] = {}
    again: dict[int, list[int]] = {}
    for i in range(len(a) - COMMON_BLOCK + 1):
        h = hash(a[i:i + COMMON_BLOCK])
        if runs.setdefault(h, i) != i:
            again.setdefault(h, []).append(i)
    sentences, at = [], 0
    for sentence in _SENTENCES.findall(a):
        at = a.index(sentence, at)
        sentences.append((sentence, at))
        at += len(sentence)
    return CopyMarks(len(a), runs, again, frozenset(runs), tuple(sentences),
                     frozenset(s for s, _ in sentences))


def copied_share_bound(this: CopyMarks, last: CopyMarks) -> float:
    """At least copied_share(this, last), and equal but for a hash collision (which can only raise
    it): the same covering, from hashes. Pairs at or below COPIED_SHARE need no exact count."""
    if not this.length or not last.length:
        return 0.0
    shared = this.run_set & last.run_set
    starts = [this.runs[h] for h in shared]
    for h in shared & this.again.keys():
        starts += this.again[h]
    spans = [(start, start + COMMON_BLOCK) for start in starts]
    spans += [(start, start + len(s)) for s, start in this.sentences if s in last.sentence_set]
    covered = reached = 0
    for start, end in sorted(spans):
        if end > reached:
            covered += end - max(start, reached)
            reached = end
    return covered / this.length


# R11 compares these sections with last year's: (section, the fields it is made of)
COPIED_SECTIONS = (("overview", tuple(f.key for f in OVERVIEW_THEMES)), (PROBLEMS, (PROBLEMS,)), (OTHER, (OTHER,)))
MIN_COPIED_CHARS = 40        # shorter texts (「无其他需要报告的事项」) are alike every year, legitimately
# standard sentences every report may repeat: the 信息处理费 statement, 「暂无其他需要报告的事项」
_BOILERPLATE = re.compile(r"[^。；;！!？?\n]*(?:信息处理费|无其他[^。；;\n]{0,6}事项)[^。；;！!？?\n]*[。；;！!？?]?")


def boilerplate(text: str):
    """The standard sentences in `text` R11 does not count."""
    return _BOILERPLATE.finditer(text)


def _section_text(report, keys) -> str:
    return "\n".join(report.texts.get(k) or "" for k in keys)


@lru_cache(maxsize=64)
def _without_boilerplate(text: str) -> str:
    return _BOILERPLATE.sub("", text)


def compared_texts(report, last, section: str, keys) -> tuple[str, str]:
    """This year's and last year's text of a section as R11 compares them (boilerplate removed but in 五)."""
    this_text, last_text = _section_text(report, keys), _section_text(last, keys)
    if section != PROBLEMS:
        this_text, last_text = _without_boilerplate(this_text), _without_boilerplate(last_text)
    return this_text, last_text


def section_share(report, last, section: str, keys) -> float:
    """The repetition rate of a section with last year's: the figure R11 reports."""
    return copied_share(*compared_texts(report, last, section, keys))


def check_copied(report) -> list[Problem]:
    """R11: a section of this year's narratives more than half identical to last year's (内容雷同)."""
    last = report.last_year
    if last is None:
        return []
    out = []
    for section, keys in COPIED_SECTIONS:
        this_text, last_text = compared_texts(report, last, section, keys)
        if section != PROBLEMS and len(_normal(this_text)) < MIN_COPIED_CHARS:
            continue
        share = copied_share(this_text, last_text)
        if share <= COPIED_SHARE:
            continue
        percent = round(share * 100)
        field = TEXT_PREFIX + (max(keys, key=lambda k: copied_share(report.texts.get(k) or "",
                                                                   last.texts.get(k) or "")))
        name = f"「{SECTION_BY_KEY[section].heading}」" if len(keys) > 1 else field_name(field)
        out.append(Problem("R11", WARNING, f"{name}与上年报告的重复率为 {percent}%（与上年度重复率大于 "
                           f"{round(COPIED_SHARE * 100)}%，内容雷同），请结合本年实际重写。", section,
                           field=field, actual=percent, key=f"R11:{section}",
                           fingerprint=f"{percent}|{_crc(this_text)}"))
    return out
