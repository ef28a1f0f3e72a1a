"""Comparing the labels people type with the official ones (form.py): width, spaces, quotes,
`(一)` for `（一）`, `1、` for `1.`, and the typos seen in published reports (FORMAT.md §8).

A match says how it was made, so that anything not exact can be listed for the clerk.
"""
from __future__ import annotations

import difflib
import re
import unicodedata

EXACT, VARIANT, TYPO, APPROXIMATE = "exact", "variant", "typo", "approximate"
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans("", "", "\u201c\u201d\u2018\u2019\"'「」『』")
_NUMBERING = re.compile(r"^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、.]|\d+[.、)]|\(\d+\))")
# Typed variants of official labels (after normalise()): the variant → the official text.
VARIANTS = {
    "其他法律行政止公开": "其他法律行政法规禁止公开",
    "其他法律行政法规禁止公开的": "其他法律行政法规禁止公开",
    "现行有效件": "现行有效件数",
    "规范性文件": "行政规范性文件",
    "本年收费金额(万元)": "本年收费金额(单位:万元)",
    "本年收费金额": "本年收费金额(单位:万元)",
}
BLANK_MARKS = {"/", "\\", "-", "--", "—", "——", "–", "无", "空", "－", "／", "一", "×", "x", "X"}
APPROXIMATE_RATIO = 0.8
MEMO_SIZE = 4096
_NOT_A_LABEL = re.compile(r"[\d.,/\\\-—–－／%]*")


def normalise(text: str) -> str:
    """Width, spaces, quotes and trailing punctuation removed; `1、` → `1.`."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _SPACE.sub("", text).translate(_QUOTES)
    text = re.sub(r"^(\d+)、", r"\1.", text)
    text = re.sub(r"^(\([一二三四五六七八九十]+\))[、.]", r"\1", text)
    return text.rstrip("。:;，,")


def strip_numbering(normalised: str) -> str:
    return _NUMBERING.sub("", normalised, count=1)


def is_blank_mark(text: str) -> bool:
    """Blank, or the marks published reports use for 'nothing' (`/`, dashes): read as blank."""
    t = normalise(text)
    return not t or t in BLANK_MARKS or set(t) <= set("/\\-—–－／")


class Labels:
    """Official labels → keys, with the lookups of match()."""

    def __init__(self, labels: dict[str, str], avoid: tuple[str, ...] = ()):
        """`avoid`: other labels of the same table that a label without its number (「其他」 for
        「3.其他」, 「总计」 for 「（七）总计」) must not be taken for."""
        self.exact = {}
        self.stripped: dict[str, set[str]] = {}
        avoided = {normalise(a) for a in avoid}
        self._memo: dict[str, tuple[str | None, str]] = {}     # typed text → match (a table is read twice)
        for label, key in labels.items():
            n = normalise(label)
            self.exact[n] = key
            if strip_numbering(n) not in avoided:
                self.stripped.setdefault(strip_numbering(n), set()).add(key)

    def match(self, text: str) -> tuple[str | None, str]:
        """(key, how) for a typed label; (None, "") when it is not one of these labels."""
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) > MEMO_SIZE:
                self._memo.clear()
            found = self._memo[text] = self._match(text)
        return found

    def _match(self, text: str) -> tuple[str | None, str]:
        n = normalise(text)
        if not n or _NOT_A_LABEL.fullmatch(n):
            return None, ""
        if n in self.exact:
            return self.exact[n], EXACT
        fixed = _with_variants(n)
        if fixed in self.exact:
            return self.exact[fixed], TYPO if fixed != n else VARIANT
        keys = self.stripped.get(strip_numbering(fixed), set())
        if len(keys) == 1:
            return next(iter(keys)), VARIANT
        return self._closest(fixed)

    def _closest(self, n: str) -> tuple[str | None, str]:
        # A ratio is at most 2·min(len)/(len+len): a label that cannot reach APPROXIMATE_RATIO − 0.1
        # can be neither the match nor a close second, so difflib is not run for it (same result).
        least = APPROXIMATE_RATIO - 0.1
        scored = sorted(((difflib.SequenceMatcher(None, n, label).ratio(), key)
                         for label, key in self.exact.items()
                         if 2 * min(len(n), len(label)) >= least * (len(n) + len(label))), reverse=True)
        if not scored or scored[0][0] < APPROXIMATE_RATIO:
            return None, ""
        if len(scored) > 1 and scored[1][1] != scored[0][1] and scored[0][0] - scored[1][0] < 0.1:
            return None, ""
        return scored[0][1], APPROXIMATE


def _with_variants(n: str) -> str:
    head = _NUMBERING.match(n)
    prefix = head.group(0) if head else ""
    rest = n[len(prefix):]
    return prefix + VARIANTS.get(rest, rest)


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normalise(a), normalise(b)).ratio()
