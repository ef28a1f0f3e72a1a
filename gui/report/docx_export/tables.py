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
from .options import FontSet

TEXT_WIDTH = 8844          # 156 mm, the GB/T 9704 text block, in twips
CELL_MARGIN = 57           # 1 mm left and right inside each cell


def column_widths(weights: tuple[int, ...], total: int = TEXT_WIDTH) -> list[int]:
    """Integer twips per grid column, proportional to the weights, summing exactly to total."""
    whole = sum(weights)
    edges = [round(total * sum(weights[:i]) / whole) for i in range(len(weights) + 1)]
    return [b - a for a, b in zip(edges, edges[1:])]


def _alignment(table: Table, cell) -> WD_ALIGN_PARAGRAPH:
    # Row labels of 表三 read left to right like text; group labels spanning rows stay centred.
    if table.key == "requests" and cell.role == "label" and cell.rowspan == 1:
        return WD_ALIGN_PARAGRAPH.LEFT
    return WD_ALIGN_PARAGRAPH.CENTER


def add_table(document, table: Table, report, fonts: FontSet):
    widths = column_widths(table.col_weights)
    doc_table = document.add_table(rows=table.grid_rows, cols=table.grid_cols)
    tbl = doc_table._tbl
    oxml.set_table_layout(tbl, widths, CELL_MARGIN)
    style_id = document.styles[styles.TABLE_TEXT].style_id
    rows = list(tbl.tr_lst)
    tcs = [list(tr.tc_lst) for tr in rows]
    for r, tr in enumerate(rows):
        oxml.set_row_flags(tr, header=r < table.header_rows)
    for cell in table.grid:
        if cell.rowspan > 1 or cell.colspan > 1:
            bottom_right = tcs[cell.row + cell.rowspan - 1][cell.col + cell.colspan - 1]
            tcs[cell.row][cell.col].merge(bottom_right)
    for tr in rows:
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            oxml.set_cell_width(tc, sum(widths[col:col + span]))
            oxml.set_cell_valign(tc)
            for p in tc.p_lst:
                p.get_or_add_pPr().style = style_id
            col += span
    for cell in table.grid:
        text = cell.text if cell.ref is None else format_value(report.get(cell.ref))
        paragraph = _Cell(tcs[cell.row][cell.col], doc_table).paragraphs[0]
        paragraph.alignment = _alignment(table, cell)
        if text:
            run = paragraph.add_run(text)
            oxml.set_fonts(run._r.get_or_add_rPr(), fonts.latin, fonts.song)
    return doc_table
