"""行政事业性收费 in 万元 to six decimals, as real reports print it (4166.241619): read from a published
page, kept by the draft, accepted by R6 and the window's cell reading, exported as written."""
from __future__ import annotations

from decimal import Decimal

import docx
import pytest

from gui.report import drafts, rules
from gui.report.cells import CellError, parse
from gui.report.docx_export import export_docx
from gui.report.excel.tables_read import load_report
from gui.report.excel.tables_xlsx import export_tables
from gui.report.form import FEE, CellRef
from gui.report.samples import huaian_2024
from gui.report.web_import.html_reader import read_html_bytes
from web_page_factory import official_tables, portal_page, report_html

FEES = CellRef("active", "fees", "value")


@pytest.mark.parametrize("written", ["4166.241619", "5949.088667", "24252.311082"])
def test_a_published_fee_to_six_decimals_is_imported_checked_and_exported_as_written(tmp_path, written):
    source = huaian_2024()
    source.set(FEES, Decimal(written))
    result = read_html_bytes(portal_page(report_html(source, official_tables(source))).encode(), "年报.html")
    report = result.report
    assert str(report.get(FEES)) == written
    assert not any(FEES in p.cells for p in rules.check(report) if p.is_error)
    assert str(drafts.loads(drafts.dumps(report)).get(FEES)) == written
    target = tmp_path / "报告.docx"
    export_docx(report, target)
    cells = [c.text for t in docx.Document(str(target)).tables for row in t.rows for c in row.cells]
    assert written in cells


def test_a_typed_fee_takes_six_decimals_and_refuses_a_seventh():
    assert parse("4166.241619", FEE) == Decimal("4166.241619")
    assert format(parse("7.5000000", FEE), "f") == "7.500000"
    with pytest.raises(CellError, match="最多保留 6 位小数"):
        parse("4166.2416191", FEE)


@pytest.mark.parametrize("written", ["4166.241619", "7.500000", "0.000001"])
def test_the_tables_workbook_gives_back_a_six_place_fee_as_written(tmp_path, written):
    report = huaian_2024()
    report.set(FEES, Decimal(written))
    path = tmp_path / "表格.xlsx"
    export_tables(report, path)
    assert str(load_report(path).get(FEES)) == written
