"""Tolerant matching of what people write in ledgers: headers, applicant kinds, results, sources.

Everything is compared after fold(): NFKC (full-width → half-width), no spaces, no punctuation, no
enumerators such as （三）, 三、, 1. or 1、 — so 「(三)不予公开-1、属于国家秘密」 and
「（三）不予公开—1.属于国家秘密」 are the same text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ENUMERATORS = re.compile(r"[(（][一二三四五六七八九十\d]{1,3}[)）]|(?<![一二三四五六七八九十])"
                          r"[一二三四五六七八九十]{1,3}、|(?<!\d)\d{1,2}[.、．](?!\d)")
_PARENTHESES = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text))
    text = _ENUMERATORS.sub("", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN").lower()


def fold_header(text: str) -> str:
    """A header without its explanation in brackets: 「收到日期（年月日）」 → 收到日期."""
    text = unicodedata.normalize("NFKC", str(text))
    return fold(_PARENTHESES.sub("", text)) or fold(text)


class Ambiguous(ValueError):
    """The text names more than one option; str() is the Chinese reason."""


class Matcher:
    """Resolves free text to one key: exact phrases first, then unique containment of long phrases."""

    def __init__(self, phrases: dict[str, tuple[str, ...]], *, contain_min: int = 4,
                 keywords: dict[str, tuple[str, ...]] | None = None,
                 ambiguous: dict[str, str] | None = None, strip: tuple[str, ...] = (),
                 folder=fold):
        self._fold = folder
        self._exact: dict[str, str | None] = {}
        self._contained: list[tuple[str, str]] = []
        self._ambiguous = {folder(k): v for k, v in (ambiguous or {}).items()}
        self._strip = tuple(folder(s) for s in strip)
        for key, texts in phrases.items():
            for text in texts:
                f = folder(text)
                if not f:
                    continue
                if self._exact.get(f, key) != key:
                    self._exact[f] = None      # the same words for two options: never guess
                else:
                    self._exact[f] = key
                if len(f) >= contain_min:
                    self._contained.append((f, key))
        for key, texts in (keywords or {}).items():
            self._contained += [(folder(t), key) for t in texts]
        self._cache: dict[str, str | None] = {}

    def match(self, text) -> str | None:
        """The key, None when nothing matches; raises Ambiguous when several options match."""
        raw = str(text)
        if raw in self._cache:
            found = self._cache[raw]
            if found is None or not found.startswith("\0"):
                return found
            raise Ambiguous(found[1:])
        try:
            found = self._match(raw)
        except Ambiguous as exc:
            self._cache[raw] = "\0" + str(exc)
            raise
        self._cache[raw] = found
        return found

    def _match(self, raw: str) -> str | None:
        f = self._fold(raw)
        if not f:
            return None
        if f in self._ambiguous:
            raise Ambiguous(self._ambiguous[f])
        if f in self._exact:
            if self._exact[f] is None:
                raise Ambiguous(f"「{raw.strip()}」可以对应多个选项，请写得更具体。")
            return self._exact[f]
        for prefix in self._strip:
            if f.startswith(prefix) and len(f) > len(prefix):
                f = f[len(prefix):]
                if f in self._exact and self._exact[f] is not None:
                    return self._exact[f]
        hits = [(p, k) for p, k in self._contained if p in f]
        # a phrase inside a longer matching phrase is not evidence of its own (其他 ⊂ 其他法律…)
        hits = [(p, k) for p, k in hits if not any(p != q and p in q for q, _ in hits)]
        keys = {k for _, k in hits}
        if len(keys) == 1:
            return keys.pop()
        if len(keys) > 1:
            raise Ambiguous(f"「{raw.strip()}」同时像多个选项，请写得更具体。")
        return None


def match_header_row(cells, matcher: Matcher) -> dict[str, int]:
    """field key → column index (0-based) for one candidate header row; the first match wins."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        if cell is None or not isinstance(cell, str):
            continue
        try:
            key = matcher.match(cell)
        except Ambiguous:
            continue
        if key and key not in found:
            found[key] = i
    return found
