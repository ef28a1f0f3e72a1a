"""The body of a .docx as a flat list in document order: paragraphs (their text) and tables
(a grid of cells with their merges), read from the WordprocessingML with python-docx's parser.

Text is taken from the runs themselves (w:t, w:tab, w:br), so revisions' deleted text, field codes
and tab-stop definitions never leak in; content controls (w:sdt) are entered.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

from ..published.grid import Grid, Slot

Table = Grid      # a table of the document is a grid of the builder (gui/report/published/)

_P, _TBL, _SDT, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:tr"), qn("w:tc")
_RUN_TEXT = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
             qn("w:noBreakHyphen"): "-"}
# Runs directly in the paragraph, or inside the inline wrappers Word and WPS write.
_RUNS = ("./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r"
         " | ./w:sdt/w:sdtContent/w:r | ./w:customXml/w:r | ./w:ins/w:hyperlink/w:r")
MAX_BLOCKS = 20000


@dataclass
class Paragraph:
    text: str


def paragraph_text(p) -> str:
    parts = []
    for run in p.xpath(_RUNS):
        for child in run:
            if child.tag in _RUN_TEXT:
                parts.append(child.text or "" if _RUN_TEXT[child.tag] is None else _RUN_TEXT[child.tag])
    return "".join(parts)


def _cell_text(tc) -> str:
    lines = []
    for child in tc:
        if child.tag == _P:
            lines.append(paragraph_text(child))
        elif child.tag == _SDT:
            lines += [paragraph_text(p) for p in child.iterfind(f"{qn('w:sdtContent')}/{_P}")]
    return "\n".join(lines).strip()


def _int_attr(element, tag: str, default: int, low: int = 1) -> int:
    found = element.find(tag) if element is not None else None
    if found is None:
        return default
    try:
        return max(low, min(int(found.get(qn("w:val"), default)), 100))
    except ValueError:
        return default


def _cells_of(tr):
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag in (_SDT, qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            yield from (content if content is not None else child).iterfind(_TC)


def read_table(tbl) -> Table:
    table = Table()
    above: dict[int, str] = {}        # grid column → text of the cell that a vMerge continues
    for tr in tbl.iterfind(_TR):
        row, col = [], _int_attr(tr.find(qn("w:trPr")), qn("w:gridBefore"), 0, low=0)
        for tc in _cells_of(tr):
            tc_pr = tc.find(qn("w:tcPr"))
            span, merge = 1, None
            if tc_pr is not None:
                span = _int_attr(tc_pr, qn("w:gridSpan"), 1)
                v_merge = tc_pr.find(qn("w:vMerge"))
                if v_merge is not None:
                    merge = v_merge.get(qn("w:val"), "continue")
            if merge == "continue":
                row.append(Slot(col, span, above.get(col, ""), continued=True))
            else:
                text = _cell_text(tc)
                above[col] = text
                row.append(Slot(col, span, text))
            col += span
        table.rows.append(row)
    return table


def blocks(body) -> list[Paragraph | Table]:
    """Paragraphs and tables of a w:body (or w:sdtContent) in document order."""
    found: list[Paragraph | Table] = []

    def walk(parent):
        for child in parent:
            if len(found) > MAX_BLOCKS:
                return
            if child.tag == _P:
                found.append(Paragraph(paragraph_text(child)))
            elif child.tag == _TBL:
                found.append(read_table(child))
            elif child.tag in (_SDT, qn("w:customXml")):
                content = child.find(qn("w:sdtContent"))
                walk(content if content is not None else child)
    walk(body)
    return found
