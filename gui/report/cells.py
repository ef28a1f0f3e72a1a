"""Reading what a clerk types into a table cell, and writing a value back as text.

Accepts what people really type (FORMAT.md §6): full-width digits, thousands separators, spaces,
the unit suffix, and Chinese numerals (十二, 两千三百零五) in typed counts. Refuses, with a reason in Chinese,
anything that is not a plain value — and never turns `/` or `-` into 0: a blank cell means "not yet
filled" (a pasted block's 「/」 becomes a blank cell, see is_blank_marker).
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .form import COUNT, COUNT_UNIT, FEE, FEE_PLACES, FEE_UNIT, MAX_COUNT, MAX_FEE_INTEGER_DIGITS
from .numerals import chinese_to_int

Value = int | Decimal | None

_DASHES = {"无", "空", "没有"}
_SEPARATORS = re.compile(r"(?<=\d)[,，、'’ ](?=\d{3}(?:\D|$))")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
MAX_INPUT = 64
_PLAIN_DIGITS = "0123456789０１２３４５６７８９"


class CellError(ValueError):
    """A cell text that cannot be read; str(error) is the Chinese reason shown to the clerk."""


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)      # full-width digits, ．, ，, spaces
    text = text.replace("\u3000", " ").strip()
    return text


_BLANK_MARKS = set("/-—–－／\\、")
_CHINESE_NUMERAL = re.compile("[零〇一二两三四五六七八九十百千万]+")


def is_blank_marker(text: str) -> bool:
    """「/」「—」「-」 (or nothing): what published tables write for "nothing here"; a paste leaves the
    cell blank, to be reported like any other blank."""
    t = _normalise(text or "")
    return not t or set(t) <= _BLANK_MARKS


def parse(text: str, kind: str = COUNT, numerals: bool = False) -> Value:
    """Return the value of a typed cell text: None for blank, int for counts, Decimal for the fee.
    `numerals`: a count may be written in Chinese numerals (what a clerk types or pastes; a file's
    reader leaves 「三千」 in a published table to be named as not a number)."""
    if text is None:
        return None
    if len(text) > MAX_INPUT:
        raise CellError("内容过长，请只填写一个数字。")
    t = _normalise(text)
    if not t:
        return None
    if any(ch.isdigit() and ch not in _PLAIN_DIGITS for ch in text) or any(
            unicodedata.category(ch) == "No" for ch in text):
        # superscripts, circled or other scripts' digits: a pasted footnote mark must not become a digit
        raise CellError(f"「{text.strip()}」含有无法识别的数字字符：请只填写阿拉伯数字。")
    if t in _DASHES or set(t) <= _BLANK_MARKS:
        raise CellError(f"「{text.strip()}」不是数字：没有发生的事项请填 0，不要用斜杠或横线。")
    unit = COUNT_UNIT if kind == COUNT else FEE_UNIT
    for suffix in (unit, "件数", "个", "条", "份", "宗", "次") if kind == COUNT else (unit, "万"):
        if t.endswith(suffix):
            t = t[: -len(suffix)].strip()
            break
    if kind == FEE and t.endswith("元"):
        raise CellError("收费金额的单位是万元：请换算成万元后填写（例如 3940 元填 0.394）。")
    if numerals and kind == COUNT and _CHINESE_NUMERAL.fullmatch(t):
        value = chinese_to_int(t)
        if value is None:
            raise CellError(f"「{text.strip()}」不是一个完整的数：请填写阿拉伯数字，例如 12。")
        t = str(value)
    t = _SEPARATORS.sub("", t)      # a space left inside is not a thousands separator: "1 2" is refused
    if not _NUMBER.fullmatch(t):
        raise CellError(f"「{text.strip()}」不是数字：请只填写阿拉伯数字{'（整数）' if kind == COUNT else ''}。")
    if t.startswith("-") and t.strip("-0.") != "":
        raise CellError("不能填负数。")
    t = t.lstrip("+-")
    if kind == COUNT:
        if "." in t:
            whole, _, frac = t.partition(".")
            if frac.strip("0"):
                raise CellError("件数必须是整数，不能有小数。")
            t = whole or "0"
        if len(t.lstrip("0")) > len(str(MAX_COUNT)) or int(t) > MAX_COUNT:
            raise CellError(f"数字过大（最多 {MAX_COUNT:,} 件），请检查是否多输了位数。")
        return int(t)
    try:
        value = Decimal(t)
    except InvalidOperation:
        raise CellError(f"「{text.strip()}」不是数字。") from None
    whole, _, frac = t.partition(".")
    if len(frac.rstrip("0")) > FEE_PLACES:
        raise CellError(f"收费金额最多保留 {FEE_PLACES} 位小数（单位：万元）。")
    if len(whole.lstrip("0")) > MAX_FEE_INTEGER_DIGITS:
        raise CellError("金额过大，请检查单位是否为万元。")
    if len(frac) > FEE_PLACES:      # "4.8480000": zeros past the last place would be printed as typed
        value = value.quantize(Decimal(1).scaleb(-FEE_PLACES))
    return value


def format_value(value: Value) -> str:
    """The cell as printed: '' for blank, '0' for zero, the fee with its decimals as entered."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


__all__ = ["CellError", "Value", "parse", "is_blank_marker", "format_value", "FEE", "COUNT"]
