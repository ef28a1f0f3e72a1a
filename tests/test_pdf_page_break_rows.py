"""A table row drawn at a page break with partial ruling lines (no top rule or no bottom rule, no
column rules) is read into its table, at its cells, and the summary says so."""
from __future__ import annotations

import pytest

from gui.report.form import REQUESTS
from gui.report.pdf_import import read_pdf
from gui.report.samples import huaian_2024
from ruled_pdf_factory import split_requests_pdf


@pytest.mark.parametrize("loose, row", [("head", "unable_2"), ("foot", "unable_1"), ("head", "noproc_5")])
def test_a_row_at_a_page_break_without_its_rules_is_read_into_its_table(tmp_path, loose, row):
    source = huaian_2024()
    path = tmp_path / "年报.pdf"
    break_before = row if loose == "head" else REQUESTS.rows[[r.key for r in REQUESTS.rows].index(row) + 1].key
    path.write_bytes(split_requests_pdf(source, break_before, loose))
    result = read_pdf(path)
    wrong = {r.key: result.report.row_values("requests", r.key) for r in REQUESTS.rows
             if result.report.row_values("requests", r.key) != source.row_values("requests", r.key)}
    assert wrong == {}
    assert any("分页处有 1 行表格缺少表格线" in m for m in result.unrecognised)


def test_a_fully_ruled_table_over_two_pages_needs_no_such_note(tmp_path):
    source = huaian_2024()
    path = tmp_path / "年报.pdf"
    path.write_bytes(split_requests_pdf(source, "unable_2", loose="none"))
    result = read_pdf(path)
    assert result.report.row_values("requests", "unable_2") == source.row_values("requests", "unable_2")
    assert not any("缺少表格线" in m for m in result.unrecognised)
