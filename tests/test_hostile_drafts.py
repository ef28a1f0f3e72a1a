"""The draft reader under hostile files: a Report, or a DraftError in Chinese — and the file untouched.

Attacks: arbitrary bytes; every truncation of the demo draft and of a report at the limits; valid JSON
of the wrong shape; every field of a valid draft (and of its embedded last-year report) replaced in
turn by values of other types; numbers that are huge or written to explode; newer format versions.
Whatever is accepted saves and reopens as the same report.
"""
from __future__ import annotations

import copy
import json
import os
import re
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from gui.report import drafts
from gui.report.drafts import DraftError
from gui.report.model import Report
from limits_factory import ceiling_report

CJK = re.compile(r"[\u4e00-\u9fff]")
DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo-2024.json"
STAMP = "2025-01-20T09:00:00+08:00"
REMOVED = object()
HEADER = b'{"format": "nianbao-zhushou/draft", "version": 1'


def ceiling_draft() -> bytes:
    return drafts.dumps(ceiling_report(text_length=300), STAMP).encode("utf-8")


def outcome(load, source):
    """load(source) → the Report, or the DraftError; asserting nothing else can come out."""
    try:
        report = load(source)
    except DraftError as exc:
        assert CJK.search(str(exc)), f"not a Chinese reason: {exc!r}"
        return exc
    assert isinstance(report, Report)
    assert drafts.loads(drafts.dumps(report, STAMP)) == report     # what is accepted reopens the same
    return report


def load_file_untouched(folder: Path, content: bytes):
    path = folder / "草稿.json"
    path.write_bytes(content)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    result = outcome(drafts.load, path)
    assert path.read_bytes() == content and os.stat(path).st_mtime_ns == 1_000_000_000
    assert [p.name for p in folder.iterdir()] == ["草稿.json"]           # no .bak, no temp file
    return result


# ── bytes ───────────────────────────────────────────────────────────────────────────────────
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000) | st.builds(lambda b: HEADER + b, st.binary(max_size=300))
       | st.builds(lambda b: b"\xef\xbb\xbf" + b, st.binary(max_size=300)))
def test_arbitrary_bytes_are_read_or_refused_in_chinese_and_the_file_is_untouched(tmp_path_factory, content):
    load_file_untouched(tmp_path_factory.mktemp("b"), content)      # HEADER + b"}" is a blank draft


def test_the_smallest_draft_is_a_blank_report(tmp_path):
    assert load_file_untouched(tmp_path, HEADER + b"}") == Report()


@pytest.mark.parametrize("name, content", [("demo", DEMO.read_bytes()), ("ceiling", ceiling_draft())])
def test_every_truncation_says_the_file_is_incomplete(name, content):
    end = len(content.rstrip())
    for length in range(end):
        error = outcome(drafts.loads, content[:length])
        assert isinstance(error, DraftError), f"{name} cut at {length} was accepted"
        assert "不完整" in str(error) or (not content[:length].strip() and "空的" in str(error)), \
            f"{name} cut at {length}: {error}"
    assert isinstance(outcome(drafts.loads, content[:end]), Report)


def test_a_truncated_file_on_disk_is_refused_and_left_as_it_was(tmp_path):
    content = ceiling_draft()
    for length in (1, len(content) // 3, len(content) - 2):
        folder = tmp_path / str(length)
        folder.mkdir()
        assert "不完整" in str(load_file_untouched(folder, content[:length]))


# ── valid JSON of the wrong shape ──────────────────────────────────────────────────────────
json_leaves = (st.none() | st.booleans() | st.integers() | st.integers(10 ** 20, 10 ** 400)
               | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20))
json_trees = st.recursive(json_leaves, lambda inner: st.lists(inner, max_size=6)
                          | st.dictionaries(st.text(max_size=10), inner, max_size=6), max_leaves=40)
draft_keys = st.sampled_from(["format", "version", "info", "texts", "opening", "opening_enabled", "fee",
                              "active", "requests", "appeals", "confirmations", "last_year", "app",
                              "saved_at", "organ", "year", "new", "fees", "amount_yuan"])
draft_like = st.builds(lambda body: {"format": "nianbao-zhushou/draft", "version": 1, **body},
                       st.dictionaries(draft_keys, json_trees, max_size=6))


@settings(max_examples=600, deadline=None)
@given(json_trees | draft_like)
def test_json_of_any_shape_is_read_or_refused_in_chinese(tree):
    text = json.dumps(tree, ensure_ascii=False)        # floats' NaN/Infinity reach the parser too
    outcome(drafts.loads, text.encode("utf-8"))


# ── every field replaced in turn ────────────────────────────────────────────────────────────
HOSTILE = ["文字", "", 1, -1, 0, 10 ** 400, Decimal("1.5"), Decimal("-0.0"), Decimal("1E+999"),
           Decimal("1E+999999999"), Decimal("1E-999999999"), True, False, None, [], [1, "2", None],
           {}, {"x": 1}, "NaN", "1e999", "999999999999", "-1", "1,000", "２０２４", "2024-02-30"]


def _paths(node, path=()):
    yield path
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in items:
        yield from _paths(child, path + (key,))


def _replaced(tree, path, value):
    tree = copy.deepcopy(tree)
    _parent(tree, path)[path[-1]] = value
    return tree


def _parent(tree, path):
    for key in path[:-1]:
        tree = tree[key]
    return tree


@contextmanager
def _swapped(tree, path, value):
    """The tree with one node replaced (or removed, for value REMOVED), put back afterwards."""
    parent, key = _parent(tree, path), path[-1]
    old = parent[key]
    if value is REMOVED:
        del parent[key]
    else:
        parent[key] = value
    try:
        yield tree
    finally:
        parent[key] = old         # a removed key comes back last; the reader does not mind the order


def _valid_trees():
    demo = json.loads(DEMO.read_text(encoding="utf-8"), parse_float=Decimal)
    ceiling = json.loads(ceiling_draft(), parse_float=Decimal)
    assert ceiling["last_year"] is not None
    return {"demo": demo, "ceiling": ceiling}


@pytest.mark.parametrize("name", ["demo", "ceiling"])
def test_every_field_replaced_by_every_other_type_is_read_or_refused_in_chinese(name):
    tree = _valid_trees()[name]
    paths = [p for p in _paths(tree) if p]
    assert name == "demo" or any(p[0] == "last_year" and len(p) > 3 for p in paths)   # last year's too
    refused = 0
    for path in paths:
        attacks = HOSTILE + ([REMOVED] if isinstance(path[-1], str) else [])
        for value in attacks:
            with _swapped(tree, path, value) as hostile:
                refused += isinstance(outcome(drafts.from_json, hostile), DraftError)
    assert refused > len(paths) * len(HOSTILE) // 2      # most are wrong, and said to be wrong
    assert drafts.from_json(tree) == drafts.loads(json.dumps(tree, default=str))     # all put back


@pytest.mark.parametrize("literal", ["1e999999999", "1E-999999999", "-1e999999999", "9" * 5000,
                                     "1" + "0" * 4400 + ".5", "Infinity", "-Infinity", "NaN"])
@pytest.mark.parametrize("path", [("active", "fees"), ("fee", "amount_yuan"), ("requests", "new", 0),
                                  ("info", "year"), ("version",), ("last_year", "active", "fees")])
def test_an_exploding_number_in_the_file_is_refused(literal, path):
    """A few bytes that would be a billion digits written out, or more digits than Python reads."""
    tree = _replaced(json.loads(ceiling_draft()), path, "@@number@@")
    text = json.dumps(tree, ensure_ascii=False).replace('"@@number@@"', literal)
    error = outcome(drafts.loads, text.encode("utf-8"))
    assert isinstance(error, DraftError)
    if "e" in literal.lower() and path[-1] in ("fees", "amount_yuan"):
        assert "超出范围" in str(error)          # said at once, not after writing out a billion digits


# ── versions and the embedded last year ─────────────────────────────────────────────────────
@pytest.mark.parametrize("version", [drafts.VERSION + 1, 99, 10 ** 30])
def test_a_newer_version_is_refused_naming_it_and_asking_to_upgrade(version):
    tree = _valid_trees()["demo"]
    tree["version"] = version
    tree["a_field_from_the_future"] = {"anything": [1, 2]}
    error = outcome(drafts.from_json, tree)
    assert isinstance(error, DraftError)
    assert f"格式版本 {version}" in str(error) and "升级" in str(error)


def test_a_newer_version_of_the_embedded_last_year_is_refused_too():
    tree = _valid_trees()["ceiling"]
    tree["last_year"]["version"] = 3
    error = outcome(drafts.from_json, tree)
    assert "上年报告中" in str(error) and "格式版本 3" in str(error) and "升级" in str(error)


@pytest.mark.parametrize("last_year, message", [
    ([1, 2], "上年报告"), ("2023.json", "上年报告"), (7, "上年报告"),
    ({"format": "other"}, "不是年报助手的草稿"),
    ({"last_year": {"format": "nianbao-zhushou/draft", "version": 1}}, "更早一年"),
    ({"requests": {"new": [-1, 0, 0, 0, 0, 0, 0]}}, "上年报告中：表三「一、本年新收政府信息公开申请数量」行「自然人」列"),
])
def test_a_hostile_last_year_is_refused_saying_it_is_last_year(last_year, message):
    tree = _valid_trees()["demo"]
    tree["last_year"] = last_year
    error = outcome(drafts.from_json, tree)
    assert isinstance(error, DraftError) and message in str(error)
