"""A draft is byte-for-byte stable: save → load → save writes the same bytes, a thousand times over,
for the demo and for a report holding everything a draft can; any generated report reads back equal.
Drafts that went through Windows tools (CRLF line endings, a byte order mark, Notepad's 「Unicode」)
still open. Timings are in tests/bench_core.py, not here."""
from __future__ import annotations

import datetime as dt
import os
import tempfile
import types
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from full_report_factory import full_report
from gui.report import drafts
from gui.report.draft_reader import MAX_YEAR, MIN_YEAR
from gui.report.form import ALL_CELLS, FEE, FEE_PLACES, YUAN_PLACES, LEVELS, MAX_COUNT, TEXT_FIELDS, kind_of
from gui.report.model import Confirmation, Fee, Info, Report
from gui.qt.window.main_window import DEMO_PATH

CYCLES = 1000
REPORT_EXAMPLES = 200
SURROGATE_EXAMPLES = 100
SAVED_AT = "2025-01-20T09:30:00+08:00"


@pytest.fixture
def frozen_clock(monkeypatch):
    """saved_at is the time of saving; held still so that bytes can be compared across saves."""
    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime.fromisoformat(SAVED_AT)
    monkeypatch.setattr(drafts, "dt", types.SimpleNamespace(datetime=Frozen, date=dt.date))


@pytest.mark.parametrize("make", [lambda: drafts.load(DEMO_PATH), full_report], ids=["demo", "full"])
def test_a_thousand_save_load_cycles_write_the_same_bytes(make, frozen_clock, tmp_path):
    report = make()
    # in memory where the system has it: ext4 flushes on every replace, a thousand times is slow
    with tempfile.TemporaryDirectory(dir="/dev/shm" if os.path.isdir("/dev/shm") else tmp_path) as name:
        folder = Path(name)
        path = folder / "草稿.json"
        drafts.save(report, path)
        first = path.read_bytes()
        for _ in range(CYCLES):
            loaded = drafts.load(path)
            assert loaded == report
            drafts.save(loaded, path)
            assert path.read_bytes() == first
        assert drafts.load(path.with_name("草稿.json.bak")) == report
        assert sorted(p.name for p in folder.iterdir()) == ["草稿.json", "草稿.json.bak"]


def test_the_bytes_are_the_same_on_every_system(frozen_clock):
    """No raw carriage return anywhere (line breaks in texts are escaped) and no byte order mark:
    a draft saved on Windows is the very same file as one saved on Linux or macOS."""
    data = drafts.encode(drafts.dumps(full_report()))
    assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"}\n") and data.count(b"\n") > 100


# ── drafts that went through Windows tools ──
def _windows_variants(text: str) -> dict[str, bytes]:
    crlf = text.replace("\n", "\r\n")
    return {
        "CRLF": crlf.encode("utf-8"),
        "BOM": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "BOM+CRLF": b"\xef\xbb\xbf" + crlf.encode("utf-8"),
        "Notepad Unicode (UTF-16 LE)": crlf.encode("utf-16"),     # with its byte order mark
        "UTF-16 BE": b"\xfe\xff" + crlf.encode("utf-16-be"),
    }


@pytest.mark.parametrize("variant", list(_windows_variants("")))
def test_a_draft_saved_by_windows_tools_opens_unchanged(variant, tmp_path):
    report = full_report()
    path = tmp_path / "windows.json"
    path.write_bytes(_windows_variants(drafts.dumps(report))[variant])
    before = path.read_bytes()
    assert drafts.load(path) == report
    assert path.read_bytes() == before


def test_a_broken_utf16_draft_is_refused_in_chinese():
    data = drafts.dumps(full_report()).encode("utf-16")[:-1]         # cut inside a character
    with pytest.raises(drafts.DraftError, match="UTF-16"):
        drafts.loads(data)


# ── generated reports ──
TEXT = st.text(max_size=60)
DECIMAL = st.builds(lambda whole, places: Decimal(whole).scaleb(-places),       # the 信息处理费 in 元
                    st.integers(0, 10**13 - 1), st.integers(0, YUAN_PLACES))


def _cell_value(ref):
    if kind_of(ref) == FEE:
        return st.builds(lambda whole, places: Decimal(whole).scaleb(-places),
                         st.integers(0, 10**9 - 1), st.integers(0, FEE_PLACES))
    return st.integers(0, MAX_COUNT)


@st.composite
def reports(draw, text=TEXT, with_last_year=True):
    report = Report(Info(
        organ=draw(text), year=draw(st.none() | st.integers(MIN_YEAR, MAX_YEAR)),
        level=draw(st.sampled_from(LEVELS)), compiler=draw(text), address=draw(text),
        postcode=draw(text), phone=draw(text), publish_date=draw(st.none() | st.dates()),
        deadline=draw(st.none() | st.dates())))
    report.texts = {f.key: draw(text) for f in TEXT_FIELDS}
    report.opening = draw(st.none() | text)
    report.opening_enabled = draw(st.booleans())
    report.fee = Fee(draw(st.none() | DECIMAL.filter(lambda d: d < 10**12)),
                     draw(st.none() | st.integers(0, MAX_COUNT)))
    for ref in draw(st.lists(st.sampled_from(ALL_CELLS), max_size=40, unique=True)):
        report.set(ref, draw(_cell_value(ref)))
    report.confirmations = draw(st.dictionaries(
        text, st.builds(Confirmation, text, st.text("0123456789abcdef", max_size=64)), max_size=3))
    if with_last_year and draw(st.booleans()):
        report.last_year = draw(reports(text=text, with_last_year=False))
    return report


@settings(max_examples=REPORT_EXAMPLES, deadline=None)
@given(report=reports())
def test_any_report_reads_back_equal_and_saves_to_the_same_bytes(report):
    data = drafts.encode(drafts.dumps(report, SAVED_AT))
    loaded = drafts.loads(data)
    assert loaded == report
    assert drafts.encode(drafts.dumps(loaded, SAVED_AT)) == data


SURROGATE_TEXT = st.text(st.characters(categories=["Cs", "Lo", "Zs", "So"]), max_size=20)


@settings(max_examples=SURROGATE_EXAMPLES, deadline=None)
@given(report=reports(text=SURROGATE_TEXT, with_last_year=False))
def test_text_with_lone_surrogates_is_saved_and_then_stable(report):
    """Only a damaged draft holds such text; saving never fails, and after one reading (a high and
    a low surrogate side by side become the one character they stand for) the bytes stay put."""
    once = drafts.loads(drafts.encode(drafts.dumps(report, SAVED_AT)))
    data = drafts.encode(drafts.dumps(once, SAVED_AT))
    twice = drafts.loads(data)
    assert twice == once and drafts.encode(drafts.dumps(twice, SAVED_AT)) == data
    joined = report.texts["problems"].encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
    assert once.texts["problems"] == joined
