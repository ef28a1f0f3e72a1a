"""The cell reader under hostile text: a value of the right kind within the limits, or a Chinese reason.

Whatever is typed or pasted into a cell — control characters, other scripts, a whole page of text,
digits with every kind of separator — parse() either returns a value the rest of the application can
trust (an int 0…MAX_COUNT, a Decimal ≥ 0 with at most FEE_PLACES decimals below 10**9 万元) or raises
CellError with a sentence in Chinese. Anything accepted prints and reads back to the same value.
"""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from gui.report.cells import CellError, format_value, parse
from gui.report.form import COUNT, FEE, FEE_PLACES, MAX_COUNT, MAX_FEE_INTEGER_DIGITS

CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_FEE = Decimal(10 ** MAX_FEE_INTEGER_DIGITS) - Decimal(1).scaleb(-FEE_PLACES)   # 999999999.999999

any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120)
# What clerks type, and what a paste from a spreadsheet or a PDF brings with it.
numberish = st.text(alphabet="0123456789０１２３４５６７８９.．,，、'’ \u3000+-－/件万元个\t\n\x00\u200b",
                    max_size=30)
huge = st.builds(lambda unit, n: unit * n, st.sampled_from(["9", "９", "1,", "件", "中", "\x00"]),
                 st.integers(60, 5000))
kinds = st.sampled_from([COUNT, FEE])


def read(text: str, kind: str):
    """parse(), asserting the contract: the right type within the limits, or a Chinese CellError."""
    try:
        value = parse(text, kind)
    except CellError as exc:
        assert CJK.search(str(exc)), f"not a Chinese reason: {exc!r}"
        return CellError
    if value is None:
        return None
    if kind == COUNT:
        assert type(value) is int and 0 <= value <= MAX_COUNT
    else:
        assert type(value) is Decimal and value.is_finite() and 0 <= value <= MAX_FEE
        assert -value.as_tuple().exponent <= FEE_PLACES, f"{text!r} kept {value} (too many places)"
    return value


def assert_round_trip(value, kind: str) -> None:
    if value is None or value is CellError:
        return
    again = parse(format_value(value), kind)
    assert again == value and str(again) == str(value)


@settings(max_examples=1500, deadline=None)
@given(any_text | numberish | huge, kinds)
def test_any_text_is_a_value_within_the_limits_or_a_chinese_reason(text, kind):
    assert_round_trip(read(text, kind), kind)


@settings(max_examples=1000, deadline=None)
@given(st.integers(0, 10 ** 12), st.sampled_from(["", ",", "，", "、", " ", "'"]),
       st.booleans(), st.sampled_from(["", "件", " 件", "　件", ".0", ".000"]))
def test_digits_with_separators_read_as_the_number_or_are_refused_as_too_large(n, sep, wide, suffix):
    text = f"{n:,}".replace(",", sep) + suffix
    if wide:
        text = text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    value = read(text, COUNT)
    if n <= MAX_COUNT:
        assert value == n
    else:
        with pytest.raises(CellError, match="数字过大"):
            parse(text, COUNT)


@settings(max_examples=1000, deadline=None)
@given(st.integers(0, 10 ** 10), st.integers(0, 7), st.integers(0, 3))
def test_a_fee_keeps_at_most_its_places_and_stays_below_the_limit(digits, places, zeros):
    text = format(Decimal(digits).scaleb(-places), "f") + "0" * zeros
    assert_round_trip(read(text, FEE), FEE)


def test_trailing_zeros_beyond_six_places_are_dropped_not_kept():
    value = parse("4.8480000", FEE)
    assert value == Decimal("4.848") and str(value) == "4.848000"
    assert str(parse("0.00000000", FEE)) == "0.000000"


@pytest.mark.parametrize("text", ["999999999", "999,999,999", "９９９，９９９，９９９", "999999999件",
                                  "0999999999", "999999999.0", "999 999 999"])
def test_the_largest_count_is_accepted_in_every_form(text):
    assert parse(text, COUNT) == MAX_COUNT


@pytest.mark.parametrize("text", ["1000000000", "1,000,000,000", "１０００００００００", "1000000000件",
                                  "1000000000.0", "99999999999", "1" + "0" * 60])
def test_one_more_than_the_largest_count_is_refused_in_chinese(text):
    with pytest.raises(CellError, match="数字过大（最多 999,999,999 件）"):
        parse(text, COUNT)


def test_the_fee_boundary():
    assert parse("999999999.999999", FEE) == MAX_FEE
    assert parse("999,999,999.999999万元", FEE) == MAX_FEE
    for text in ("1000000000", "1000000000.0", "1,000,000,000"):
        with pytest.raises(CellError, match="金额过大"):
            parse(text, FEE)
    with pytest.raises(CellError, match="最多保留 6 位小数"):
        parse("999999999.9999999", FEE)


@pytest.mark.parametrize("text", ["1" * 10 ** 6, "１" * 10 ** 6, "\x00" * 10 ** 5, "中" * 10 ** 5])
def test_a_huge_paste_into_one_cell_is_refused_as_too_long(text):
    for kind in (COUNT, FEE):
        with pytest.raises(CellError, match="内容过长"):
            parse(text, kind)
