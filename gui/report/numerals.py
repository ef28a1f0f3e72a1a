"""Reading the numbers a clerk writes in prose: 3119, 3,119, ３１１９, 1.2万, 十二, 两千三百零五, 一万二千.

Used by the prose checks (R9, R10) to find 「N件」 and 「N元」 in the narratives.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_CHARS = "".join(_CN_DIGITS) + "".join(_CN_UNITS) + "万"

_ARABIC = r"[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+"
# A Chinese numeral starts where its run of numeral characters starts and is at most 20 long (九千九百
# 九十九万九千九百九十九 is 15): else every character of a long run starts a new attempt that scans
# the rest of it — quadratic (a 150,000-character paragraph of numerals took minutes to check).
MAX_CN_NUMERAL = 20
NUMBER = rf"(?:(?:{_ARABIC})(?:[.．][0-9０-９]+)?\s*万?|(?<![{_CN_CHARS}])[{_CN_CHARS}]{{1,{MAX_CN_NUMERAL}}})"
# A number directly followed by its unit; not an ordinal (第一件) and not the tail of a longer number.
_UNIT_CACHE: dict[str, re.Pattern] = {}


def chinese_to_int(text: str) -> int | None:
    """一…九十九, 两, 百, 千, 万 and 零: the value, or None when it is not a well-formed numeral."""
    if not text or not any(ch in _CN_DIGITS or ch == "十" for ch in text):
        return None
    total = section = 0
    digit: int | None = None
    last_unit = 10_000
    for ch in text:
        if ch in _CN_DIGITS:
            value = _CN_DIGITS[ch]
            if value == 0:
                if digit is not None:
                    return None
                continue
            if digit is not None:
                return None               # 一一: digits without a unit between them
            digit = value
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last_unit:
                return None               # 十百, 百百
            if digit is None:
                if unit != 10:
                    return None
                digit = 1                 # 十二 = 12
            section += digit * unit
            digit, last_unit = None, unit
        else:                             # 万
            if total:
                return None
            section += digit or 0
            if not section:
                return None
            total, section, digit, last_unit = section * 10_000, 0, None, 10_000
    return total + section + (digit or 0)


def to_decimal(text: str) -> Decimal | None:
    """Any number NUMBER matches, as a Decimal (1.2万 → 12000); None when it is not a number."""
    text = re.sub(r"\s+", "", text.translate(_FULL_WIDTH))
    if not text:
        return None
    if text[0] in _CN_CHARS:
        value = chinese_to_int(text)
        return None if value is None else Decimal(value)
    scale = 1
    if text.endswith("万"):
        text, scale = text[:-1], 10_000
    try:
        return Decimal(text.replace(",", "")) * scale
    except InvalidOperation:
        return None


def to_int(text: str) -> int | None:
    value = to_decimal(text)
    return int(value) if value is not None and value == value.to_integral_value() else None


def _pattern(unit: str) -> re.Pattern:
    if unit not in _UNIT_CACHE:
        _UNIT_CACHE[unit] = re.compile(rf"(?<![0-9０-９.,第每])({NUMBER})\s*{re.escape(unit)}")
    return _UNIT_CACHE[unit]


def find_quantities(text: str, unit: str) -> list[tuple[int, int, Decimal]]:
    """Every 「N<unit>」 in text: (start, end, value). Ill-formed numerals are left out."""
    out = []
    for m in _pattern(unit).finditer(text):
        value = to_decimal(m.group(1))
        if value is not None:
            out.append((m.start(), m.end(), value))
    return out


def find_counts(text: str, unit: str = "件") -> list[tuple[int, int, int]]:
    """Every whole 「N件」 in text: (start, end, value)."""
    return [(s, e, int(v)) for s, e, v in find_quantities(text, unit) if v == v.to_integral_value()]
