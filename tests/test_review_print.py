"""The review workbook prints as a reviewer files it: landscape A4, all columns on one page width,
the header row frozen and repeated, text wrapped, each rule's Chinese name beside its code."""
from __future__ import annotations

import openpyxl
import pytest

from gui.report.review import review
from gui.report.review.workbook import DETAILS, RULE_NAMES, read_review, save_review
from review_factory import county_folder


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    folder = tmp_path_factory.mktemp("county")
    result = review([county_folder(folder)])
    path = folder.parent / "审查.xlsx"
    save_review(result, path)
    return result, path


def test_every_sheet_prints_landscape_fitted_to_the_width_with_its_header_on_each_page(saved):
    _, path = saved
    workbook = openpyxl.load_workbook(path)
    for sheet in workbook.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.print_title_rows == "$1:$1" and sheet.freeze_panes == "A2"
        assert all(c.alignment.wrap_text for row in sheet.iter_rows() for c in row)
        widths = [d.width for d in sheet.column_dimensions.values()]
        assert sum(widths) <= 300 and min(widths) >= 7, (sheet.title, widths)


def test_each_rule_code_has_its_chinese_name_beside_it(saved):
    result, path = saved
    sheet = openpyxl.load_workbook(path)[DETAILS]
    head = [c.value for c in sheet[1]]
    assert head[head.index("规则") + 1] == "规则名称"
    rules = {f.rule for u in result.units for f in u.findings}
    assert rules and rules <= set(RULE_NAMES)
    for row in sheet.iter_rows(min_row=2, values_only=True):
        assert row[head.index("规则名称")] == RULE_NAMES[row[head.index("规则")]]
    assert read_review(path).units                      # still reopens
