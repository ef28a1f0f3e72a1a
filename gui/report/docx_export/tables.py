"""The three tables, built from form.TABLES[*].grid: merges, widths, fonts, repeated headers.

Merges first (python-docx's merge appends the merged cells' paragraphs to the top-left cell), then
every cell width, then the text written once per printed cell.
"""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import _Cell

from ..cells import format_value
from ..form import Table
from . import oxml, styles
from .layout import SIZE_5, TEXT_WIDTH, kept_rows, results_span, table_layout
from .options import FontSet

__all__ = ["TEXT_WIDTH", "add_table"]


def _alignment(table: Table, cell) -> WD_ALIGN_PARAGRAPH:
    # Row labels of 表三 read left to right like text; group labels spanning rows stay centred.
    if table.key == "requests" and cell.role == "label" and cell.rowspan == 1:
        return WD_ALIGN_PARAGRAPH.LEFT
    return WD_ALIGN_PARAGRAPH.CENTER


def add_table(document, table: Table, report, fonts: FontSet):
    layout = table_layout(table, report)
    widths = layout.widths
    doc_table = document.add_table(rows=table.grid_rows, cols=table.grid_cols)
    tbl = doc_table._tbl
    oxml.set_table_layout(tbl, widths, layout.margin)
    style_id = document.styles[styles.TABLE_TEXT].style_id
    rows = list(tbl.tr_lst)
    tcs = [list(tr.tc_lst) for tr in rows]
    keep = kept_rows(table, layout)
    for r, tr in enumerate(rows):
        oxml.set_row_flags(tr, header=r < table.header_rows)
    for cell in table.grid:
        if cell.rowspan > 1 or cell.colspan > 1:
            bottom_right = tcs[cell.row + cell.rowspan - 1][cell.col + cell.colspan - 1]
            tcs[cell.row][cell.col].merge(bottom_right)
    for r, tr in enumerate(rows):
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            oxml.set_cell_width(tc, sum(widths[col:col + span]))
            oxml.set_cell_valign(tc)
            for p in tc.p_lst:
                ppr = p.get_or_add_pPr()
                ppr.style = style_id
                if r in keep:
                    oxml.set_keep_next(ppr)
            col += span
    if table.key == "requests":
        # 「三、本年度办理结果」 read downwards, as printed on the form: vertical text, one line.
        span = results_span(table)
        oxml.set_text_direction(tcs[span.row][span.col], "tbRlV")
        # The results may run over a page: the vertical label at the top of its first part.
        oxml.set_cell_valign(tcs[span.row][span.col], "top")
    for cell in table.grid:
        # The official text as one run: a column wraps it by its width (labels.py), never a
        # typed line break.
        text = cell.text if cell.ref is None else format_value(report.get(cell.ref))
        paragraph = _Cell(tcs[cell.row][cell.col], doc_table).paragraphs[0]
        paragraph.alignment = _alignment(table, cell)
        if not text:
            continue
        rpr = paragraph.add_run(text)._r.get_or_add_rPr()
        oxml.set_fonts(rpr, fonts.latin, fonts.song)
        if layout.size != SIZE_5:
            oxml.set_size(rpr, layout.size)
        if cell.ref is not None and layout.scale != 100:
            oxml.set_scale(rpr, layout.scale)
    return doc_table
