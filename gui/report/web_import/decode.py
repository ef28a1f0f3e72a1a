"""Bytes of a saved page or a text file → str, whatever its label says.

Portals label GBK pages UTF-8 and the reverse, and Notepad saves 「ANSI」 (GBK on a Chinese Windows),
UTF-8 with or without a BOM, or 「Unicode」 (UTF-16). The bytes decide: a byte order mark first; then
strict UTF-8, which Chinese text in GBK practically never is; then GB18030 (a superset of GBK and
GB2312); then Big5. The declared charset is used only when the bytes cannot tell.
"""
from __future__ import annotations

import codecs

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_FALLBACKS = ("gb18030", "big5")


def _usable(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except (LookupError, ValueError):      # ValueError: a NUL inside the label
        return None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is zero in ASCII markup."""
    sample = data[:400]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) // 4 and even == 0:
        return "utf-16-le"
    if even > len(sample) // 4 and odd == 0:
        return "utf-16-be"
    return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, the encoding it was read in). Never raises: undecodable bytes become U+FFFD."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name.removesuffix("-sig")
    utf16 = _looks_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _usable(declared)
    # a Latin label (windows-1252 …) decodes any bytes into nonsense: only a Chinese one is tried first
    first = "big5" if declared in ("big5", "big5hkscs", "cp950") else "gb18030"
    for name in (first,) + tuple(n for n in _FALLBACKS if n != first):
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    # Mostly UTF-8 with a few damaged bytes, or mostly GBK: whichever loses fewer characters.
    candidates = [(data.decode(n, errors="replace"), n) for n in ("utf-8", "gb18030")]
    return min(candidates, key=lambda c: c[0].count("\ufffd"))
