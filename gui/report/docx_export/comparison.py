"""The comparison with last year (compare.py) as a Word document for the meeting: the report's own
page set-up and styles (document.py, styles.py), a table per table 二/三/四 with both years, the
change and the change in per cent (warned figures shaded), and the texts of 一/五/六 with the
passages identical to last year's highlighted and each section's repetition rate."""
from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from ..compare import Comparison, change_text, percent_text
from ..cells import format_value
from ..form import SECTION_BY_KEY, TEXT_FIELD_BY_KEY
from . import document as report_document
from . import oxml, styles
from .options import ExportOptions
from .writer import write_file

HEADERS = ("项目", "栏目", "本年", "上年", "增减", "增减%")
WIDTHS = (3300, 1900, 900, 900, 900, 944)     # twips, the 156 mm text block (8844)
WARNED_FILL = "FFF2CC"
HIGHLIGHT = "yellow"
ZERO_NOTE = "注：两年均为 0 的栏目未列出（合计行全部列出）；底色标出变化异常的数字。"


def build(comparison: Comparison, options: ExportOptions | None = None) -> docx.document.Document:
    options = options or ExportOptions()
    fonts = options.font_set
    doc = report_document.new_document(fonts)
    report_document.footers(doc.sections[0], ExportOptions(page_numbers="center", fonts=options.fonts), fonts)
    this, last = comparison.this, comparison.last
    organ = this.info.organ or last.info.organ
    title = f"{organ}政府信息公开工作年度报告与上年比较"
    report_document.add_paragraph(doc, title, styles.TITLE, fonts.title, fonts)
    years = f"本年：{this.info.year or '年度未填'}年度　上年：{last.info.year or '年度未填'}年度"
    report_document.add_paragraph(doc, years, "Normal", fonts.body, fonts).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for key, rows in comparison.tables.items():
        report_document.add_paragraph(doc, SECTION_BY_KEY[key].heading, styles.HEADING_1, fonts.hei, fonts)
        _table(doc, comparison, rows, fonts)
        report_document.add_paragraph(doc, ZERO_NOTE, "Normal", fonts.body, fonts)
    if comparison.problems:
        report_document.add_paragraph(doc, "变化异常的数字", styles.HEADING_1, fonts.hei, fonts)
        for p in comparison.problems:
            report_document.add_paragraph(doc, p.message, styles.BODY, fonts.body, fonts)
    for section in comparison.sections:
        heading = f"{section.heading}（与上年重复率 {round(section.rate * 100)}%）"
        report_document.add_paragraph(doc, heading, styles.HEADING_1, fonts.hei, fonts)
        for key in section.keys:
            text = this.texts.get(key) or ""
            if len(section.keys) > 1:
                field = TEXT_FIELD_BY_KEY[key]
                report_document.add_paragraph(doc, f"{field.sub_number}{field.label}", styles.HEADING_2, fonts.kai, fonts)
            marks = [(p.start, p.end) for p in section.passages if p.field == "text." + key]
            _marked_text(doc, text, marks, fonts)
    report_document.finish(doc, fonts)
    doc.core_properties.title = title
    return doc


def _cell_text(cell, text: str, fonts, bold: bool = False, fill: str | None = None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = styles.TABLE_TEXT
    run = report_document.add_run(paragraph, text, fonts.latin, fonts.song)
    run.bold = bold or None
    if fill:
        oxml.child(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=fill)


def _table(doc, comparison, rows, fonts) -> None:
    table = doc.add_table(rows=1, cols=len(HEADERS))
    for cell, text in zip(table.rows[0].cells, HEADERS):
        _cell_text(cell, text, fonts, bold=True)
    oxml.set_row_flags(table.rows[0]._tr, header=True)
    for row in rows:
        for c in row.cells:
            if not row.leading and not c.this and not c.last and c.this is not None and c.last is not None:
                continue                      # 0 both years: said once under the table
            column = next(col.label for col in row.row.columns if col.key == c.ref.column)
            fill = WARNED_FILL if comparison.problems_at(c.ref) else None
            values = (row.label, column, format_value(c.this), format_value(c.last), change_text(c.change),
                      percent_text(c.percent))
            for cell, text in zip(table.add_row().cells, values):
                _cell_text(cell, text, fonts, bold=row.leading and text == row.label, fill=fill)
    oxml.set_table_layout(table._tbl, list(WIDTHS), 60)


def _marked_text(doc, text: str, marks, fonts) -> None:
    """One paragraph per non-empty line, the marked stretches highlighted."""
    at = 0
    for line in text.split("\n"):
        start, end = at, at + len(line)
        at = end + 1
        if not line.strip():
            continue
        paragraph = report_document.add_paragraph(doc, "", styles.BODY, fonts.body, fonts)
        cuts = sorted({start, end} | {x for s, e in marks for x in (s, e) if start < x < end})
        for a, b in zip(cuts, cuts[1:]):
            piece = text[a:b].strip(" \t\u3000") if a == start else text[a:b]
            if not piece:
                continue
            run = report_document.add_run(paragraph, piece, fonts.latin, fonts.body)
            if any(s <= a and b <= e for s, e in marks):
                oxml.child(run._r.get_or_add_rPr(), "w:highlight", val=HIGHLIGHT)


def comparison_bytes(comparison: Comparison, options: ExportOptions | None = None) -> bytes:
    buffer = io.BytesIO()
    build(comparison, options).save(buffer)
    return buffer.getvalue()


def export_comparison(comparison: Comparison, path, options: ExportOptions | None = None) -> Path:
    """Write the comparison as a Word document (atomically; the caller decides about overwriting)."""
    path = Path(path)
    write_file(path, comparison_bytes(comparison, options))
    return path
