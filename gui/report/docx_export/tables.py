"""The three tables, built from form.TABLES[*].grid: merges, widths, fonts, repeated headers.

The rows are written as one XML string per table and parsed once: python-docx's _Cell.merge and
per-cell proxies cost about 145 ms per export (issue 26). The markup is what they produced: a
merged cell is its top-left w:tc with w:gridSpan and w:vMerge="restart", the rows below it carry
a w:tc with the same gridSpan and a bare w:vMerge (continue) holding one empty paragraph.
"""
from __future__ import annotations

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls

from ..cells import format_value
from ..form import Table
from . import oxml, styles
from .layout import SIZE_5, TEXT_WIDTH, kept_rows, results_span, table_layout
from .options import FontSet

__all__ = ["TEXT_WIDTH", "add_table"]

_W = nsdecls("w")


def _alignment(table: Table, cell) -> str:
    # Row labels of 表三 read left to right like text; group labels spanning rows stay centred.
    if table.key == "requests" and cell.role == "label" and cell.rowspan == 1:
        return "left"
    return "center"


def _markup(el) -> str:
    """An element built with the oxml helpers, as markup inside a w-namespaced parent."""
    return el.xml.replace(f" {_W}", "")   # pretty-printed: parse_xml drops the blank text between elements


def _ppr(style_id: str, keep: bool, jc: str | None) -> str:
    ppr = OxmlElement("w:pPr")
    oxml.child(ppr, "w:pStyle", val=style_id)
    if keep:
        oxml.set_keep_next(ppr)
    if jc is not None:
        oxml.set_jc(ppr, jc)
    return _markup(ppr)


def _rpr(fonts: FontSet, size: int, scale: int | None) -> str:
    rpr = OxmlElement("w:rPr")
    oxml.set_fonts(rpr, fonts.latin, fonts.song)
    if size != SIZE_5:
        oxml.set_size(rpr, size)
    if scale is not None:
        oxml.set_scale(rpr, scale)
    return _markup(rpr)


def _text(text: str) -> str:
    space = ' xml:space="preserve"' if text != text.strip() else ""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<w:t{space}>{escaped}</w:t>"


def add_table(document, table: Table, report, fonts: FontSet):
    layout = table_layout(table, report)
    widths = layout.widths
    doc_table = document.add_table(rows=0, cols=table.grid_cols)
    tbl = doc_table._tbl
    oxml.set_table_layout(tbl, widths, layout.margin)
    style_id = document.styles[styles.TABLE_TEXT].style_id
    keep = kept_rows(table, layout)
    scale = layout.scale if layout.scale != 100 else None
    rpr_label = _rpr(fonts, layout.size, None)
    rpr_value = _rpr(fonts, layout.size, scale)
    ppr_cache: dict[tuple, str] = {}

    def ppr(keep_row: bool, jc: str | None) -> str:
        key = (keep_row, jc)
        if key not in ppr_cache:
            ppr_cache[key] = _ppr(style_id, keep_row, jc)
        return ppr_cache[key]

    vertical = results_span(table) if table.key == "requests" else None
    covering = {}
    for cell in table.grid:
        for r in range(cell.row, cell.row + cell.rowspan):
            covering[(r, cell.col)] = cell
    odd_runs = []  # (row, col, text) whose text holds tabs or breaks: written by python-docx
    parts = [f"<w:tbl {_W}>"]
    for r in range(table.grid_rows):
        keep_row = r in keep
        parts.append("<w:tr><w:trPr><w:cantSplit/>")
        if r < table.header_rows:
            parts.append("<w:tblHeader/>")
        parts.append("</w:trPr>")
        col = 0
        while col < table.grid_cols:
            cell = covering.get((r, col))
            span = cell.colspan if cell is not None else 1
            tcpr = [f'<w:tcW w:type="dxa" w:w="{sum(widths[col:col + span])}"/>']
            if span > 1:
                tcpr.append(f'<w:gridSpan w:val="{span}"/>')
            top = cell is not None and cell.row == r
            if cell is not None and cell.rowspan > 1:
                tcpr.append('<w:vMerge w:val="restart"/>' if top else "<w:vMerge/>")
            valign = "center"
            if top and vertical is not None and (cell.row, cell.col) == (vertical.row, vertical.col):
                # 「三、本年度办理结果」 read downwards, as printed on the form: vertical text, one
                # line; the results may run over a page: the label at the top of its first part.
                tcpr.append('<w:textDirection w:val="tbRlV"/>')
                valign = "top"
            tcpr.append(f'<w:vAlign w:val="{valign}"/>')
            parts.append("<w:tc><w:tcPr>" + "".join(tcpr) + "</w:tcPr><w:p>")
            if top:
                parts.append(ppr(keep_row, _alignment(table, cell)))
                # The official text as one run: a column wraps it by its width (labels.py),
                # never a typed line break.
                text = cell.text if cell.ref is None else format_value(report.get(cell.ref))
                if text:
                    rpr = rpr_label if cell.ref is None else rpr_value
                    if any(ch in text for ch in "\t\n\r"):
                        odd_runs.append((r, col, text))
                        parts.append(f"<w:r>{rpr}</w:r>")
                    else:
                        parts.append(f"<w:r>{rpr}{_text(text)}</w:r>")
            else:
                parts.append(ppr(keep_row, None))
            parts.append("</w:p></w:tc>")
            col += span
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    built = parse_xml("".join(parts))
    rows = list(built.tr_lst)
    for tr in rows:
        tbl.append(tr)
    for r, col, text in odd_runs:
        tcs = list(rows[r].tc_lst)
        c = 0
        for tc in tcs:
            if c == col:
                tc.p_lst[0].r_lst[0].text = text
                break
            c += tc.grid_span
    return doc_table
