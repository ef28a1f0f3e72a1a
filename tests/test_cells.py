"""Reading what a clerk types into a cell (FORMAT.md §6): what is accepted, what is refused and why."""
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from gui.report.cells import CellError, format_value, parse
from gui.report.form import COUNT, FEE

ACCEPTED = [
    ("0", COUNT, 0),
    ("12", COUNT, 12),
    ("１２", COUNT, 12),                  # full-width digits
    ("３，１１９", COUNT, 3119),          # full-width digits and comma
    ("3,119", COUNT, 3119),
    ("1,000,000", COUNT, 1_000_000),
    ("3 119", COUNT, 3119),              # a space as thousands separator
    ("1、000", COUNT, 1000),
    ("  12 ", COUNT, 12),
    ("\u300012\u3000", COUNT, 12),       # ideographic spaces
    ("12件", COUNT, 12),
    ("１２　件", COUNT, 12),
    ("12 件", COUNT, 12),
    ("0012", COUNT, 12),
    ("12.0", COUNT, 12),                 # a whole number written with a zero fraction
    ("+5", COUNT, 5),
    ("-0", COUNT, 0),
    ("999999999", COUNT, 999_999_999),
    ("96171.6", FEE, Decimal("96171.6")),
    ("7.50", FEE, Decimal("7.50")),
    ("59237.2449", FEE, Decimal("59237.2449")),
    ("7.5万元", FEE, Decimal("7.5")),
    ("7.5 万元", FEE, Decimal("7.5")),
    ("12万", FEE, Decimal("12")),
    ("１２．５", FEE, Decimal("12.5")),
    ("1,234.5", FEE, Decimal("1234.5")),
    (".5", FEE, Decimal("0.5")),
    ("0", FEE, Decimal("0")),
    ("", COUNT, None),                   # blank: not yet filled
    ("   ", COUNT, None),
    ("", FEE, None),
    (None, COUNT, None),
]

REFUSED = [
    ("/", COUNT, "没有发生的事项请填 0"),
    ("／", COUNT, "没有发生的事项请填 0"),
    ("-", COUNT, "没有发生的事项请填 0"),
    ("—", COUNT, "没有发生的事项请填 0"),
    ("--", COUNT, "没有发生的事项请填 0"),
    ("无", COUNT, "没有发生的事项请填 0"),
    ("/", FEE, "没有发生的事项请填 0"),
    ("-1", COUNT, "不能填负数"),
    ("-3.5", FEE, "不能填负数"),
    ("1.5", COUNT, "必须是整数"),
    ("3.0001", COUNT, "必须是整数"),
    ("abc", COUNT, "不是数字"),
    ("十二", COUNT, "不是数字"),          # from a file; typed or pasted it is read (below)
    ("1e3", COUNT, "不是数字"),
    ("1 2", COUNT, "不是数字"),          # two numbers, not a thousands separator
    ("1,2345", COUNT, "不是数字"),
    ("1..2", FEE, "不是数字"),
    ("12万元", COUNT, "不是数字"),
    ("¹²", COUNT, "无法识别的数字字符"),  # a pasted footnote mark must not become a digit
    ("12³", COUNT, "无法识别的数字字符"),
    ("①", COUNT, "无法识别的数字字符"),
    ("٣", COUNT, "无法识别的数字字符"),
    ("1000000000", COUNT, "数字过大"),
    ("0000000000001000000000", COUNT, "数字过大"),
    ("1.2345678", FEE, "最多保留 6 位小数"),
    ("0.0000001", FEE, "最多保留 6 位小数"),
    ("1234567890", FEE, "金额过大"),
    ("3940元", FEE, "单位是万元"),
    ("1" * 65, COUNT, "内容过长"),
]


@pytest.mark.parametrize("text, kind, value", ACCEPTED, ids=[repr(t) for t, *_ in ACCEPTED])
def test_accepted(text, kind, value):
    result = parse(text, kind)
    assert result == value and type(result) is type(value)
    if isinstance(value, Decimal):
        assert str(result) == str(value)      # the places as typed: 7.50 stays 7.50


@pytest.mark.parametrize("text, kind, reason", REFUSED, ids=[repr(t) for t, *_ in REFUSED])
def test_refused_with_a_chinese_reason(text, kind, reason):
    with pytest.raises(CellError) as caught:
        parse(text, kind)
    assert reason in str(caught.value)


def test_format_value():
    assert format_value(None) == ""
    assert format_value(0) == "0"
    assert format_value(3119) == "3119"
    assert format_value(Decimal("7.50")) == "7.50"
    assert format_value(Decimal("96171.6")) == "96171.6"
    assert format_value(Decimal("1E+2")) == "100"


@given(st.integers(0, 999_999_999))
def test_a_count_reads_back_as_printed(value):
    assert parse(format_value(value), COUNT) == value


@given(st.integers(0, 10 ** 9 - 1), st.integers(0, 4))
def test_a_fee_reads_back_exactly_as_printed(digits, places):
    value = Decimal(digits).scaleb(-places)
    text = format_value(value)
    assert str(parse(text, FEE)) == text


@given(st.text(max_size=70), st.sampled_from([COUNT, FEE]))
def test_any_text_is_a_value_or_a_reason_never_a_crash(text, kind):
    try:
        value = parse(text, kind)
    except CellError as exc:
        assert str(exc)
    else:
        assert value is None or value >= 0
        assert type(value) in ((type(None), int) if kind == COUNT else (type(None), Decimal))


@pytest.mark.parametrize("text, value", [("十二", 12), ("十二件", 12), ("两千三百零五", 2305), ("一万二千", 12000),
                                         ("零", 0), ("〇", 0)])
def test_typed_chinese_numerals_are_read(text, value):
    assert parse(text, COUNT, numerals=True) == value


@pytest.mark.parametrize("text", ["十二三", "一一", "十百"])
def test_a_malformed_chinese_numeral_is_refused_with_a_reason(text):
    with pytest.raises(CellError, match="不是一个完整的数"):
        parse(text, COUNT, numerals=True)
