"""Dates as clerks keep them in ledgers: real Excel dates, serial numbers, or text in many styles."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

_TEXT_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\D.*)?$")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class DateError(ValueError):
    """str() is the Chinese reason."""


def parse_date(value) -> dt.date | None:
    """None for blank; a date; or DateError for something that is not a date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise DateError(f"「{value}」不是日期")
    if isinstance(value, (int, float)):
        if 20000 <= value <= 80000:          # an Excel serial date in a cell without a date format
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        if float(value).is_integer():
            return _from_match(_COMPACT.match(str(int(value))), value)
        raise DateError(f"「{value}」不是日期")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    return _from_match(_TEXT_DATE.match(text) or _COMPACT.match(text), value)


def _from_match(match, raw) -> dt.date:
    if not match:
        raise DateError(f"「{str(raw).strip()}」不是日期（请写成 2024-03-05 或 2024年3月5日）")
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise DateError(f"「{str(raw).strip()}」不是有效的日期") from None
