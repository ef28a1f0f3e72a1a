"""Column widths of 表三 and 表四 from the widest figure present, by arithmetic (Times New Roman
digits are ½ em): every count up to 999,999,999 fits its cell; labels break between words."""
import io

import docx
import pytest
from docx.oxml.ns import qn

from docx_support import W
from gui.report.docx_export import docx_bytes
from gui.report.docx_export.labels import between_words, fill, wrapped
from gui.report.docx_export.layout import (DIGIT_EM, SIZE_5, SIZE_SMALL_5, TEXT_WIDTH, chars_per_line,
                                           table_layout, wrapping_labels)
from gui.report.form import ACTIVE, APPEALS, REQUESTS
from pdf_pages_support import big_report


def _room(layout, col):
    """Twips left for text in a column: its width less both cell margins."""
    return layout.widths[col] - 2 * layout.margin


@pytest.mark.parametrize("digits", range(1, 10))
@pytest.mark.parametrize("table", [REQUESTS, APPEALS], ids=["表三", "表四"])
def test_every_figure_fits_its_column_within_the_text_block(table, digits):
    layout = table_layout(table, big_report(digits))
    assert sum(layout.widths) == TEXT_WIDTH
    data_cols = {c.col for c in table.grid if c.role == "data"}
    for col in data_cols:
        figure = digits * DIGIT_EM * layout.size * 10 * layout.scale / 100
        assert figure <= _room(layout, col), (col, layout)


def test_table_3_keeps_its_font_up_to_eight_digits_and_shrinks_one_step_for_nine():
    sizes = [table_layout(REQUESTS, big_report(d)).size for d in range(1, 10)]
    assert sizes == [SIZE_5] * 8 + [SIZE_SMALL_5]
    assert all(table_layout(REQUESTS, big_report(d)).scale == 100 for d in range(1, 10))


def test_table_4_keeps_its_font_up_to_five_digits():
    assert [table_layout(APPEALS, big_report(d)).size for d in range(1, 6)] == [SIZE_5] * 5
    assert table_layout(APPEALS, big_report(9)).scale < 100        # 15 columns of nine digits


def test_small_figures_keep_the_usual_proportions():
    layout = table_layout(REQUESTS, big_report(1))
    assert layout.margin == 57 and layout.widths[2] > 2800          # item labels stay wide


def test_group_labels_break_between_words_only():
    assert fill("（三）不予公开", 4) == ["（三）", "不予公开"]
    assert fill("（三）不予公开", 3) == ["（三）", "不予", "公开"]
    assert fill("社会公益组织", 3) == ["社会", "公益", "组织"]
    assert fill("自然人", 2) == ["自然", "人"] and fill("自然人", 3) == ["自然人"]


@pytest.mark.parametrize("digits", (1, 5, 9))
def test_every_label_is_the_official_text_without_a_typed_line_break(digits):
    """A label copied into the portal or searched for is the form's text: the columns wrap it."""
    document = docx.Document(io.BytesIO(docx_bytes(big_report(digits))))
    for table, tbl in zip((ACTIVE, REQUESTS, APPEALS), (t._tbl for t in document.tables)):
        assert list(tbl.iter(qn("w:br"))) == []
        printed = {"".join(t.text for t in p.iter(qn("w:t"))) for p in tbl.iter(qn("w:p"))}
        assert {c.text for c in table.grid if c.ref is None and c.text} <= printed
    tbl = document.tables[1]._tbl
    vertical = [tc for tc in tbl.iter(qn("w:tc")) if "三、本年度办理结果" in
                "".join(t.text for t in tc.iter(qn("w:t")))]
    assert vertical[0].find(f"{W}tcPr/{W}textDirection").get(qn("w:val")) == "tbRlV"
    if digits == 9:
        sizes = {r.find(f"{W}rPr/{W}sz").get(qn("w:val")) for r in tbl.iter(qn("w:r"))}
        assert sizes == {str(SIZE_SMALL_5)}


@pytest.mark.parametrize("digits", (1, 3, 5, 9))
@pytest.mark.parametrize("table", [REQUESTS, APPEALS], ids=["表三", "表四"])
def test_label_columns_are_as_wide_as_a_wrap_between_words_needs(table, digits):
    layout = table_layout(table, big_report(digits))
    for col, texts in wrapping_labels(table).items():
        n = chars_per_line(layout.widths[col], layout)
        assert all(between_words(t, n) for t in texts), (col, n, texts)


def test_a_column_wraps_as_a_word_processor_does_keeping_brackets_with_their_words():
    assert wrapped("社会公益组织", 3) == ["社会公", "益组织"] and not between_words("社会公益组织", 3)
    assert wrapped("社会公益组织", 2) == ["社会", "公益", "组织"] and between_words("社会公益组织", 2)
    assert wrapped("（三）不予公开", 5) == ["（三）不予", "公开"]
    assert wrapped("（三）不予公开", 4) == ["（三）不", "予公开"]
    assert wrapped("三、本年度", 2) == ["三、", "本年", "度"]
