"""The report as a python-docx Document in the official layout (FORMAT.md §2–5, §9)."""
from __future__ import annotations

import datetime as dt
import re

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

from ..form import OVERVIEW_THEMES, SECTIONS, TABLE_BY_KEY
from ..lead_ins import without_lead_in
from ..model import Report
from . import oxml, styles
from ..opening import opening_text
from .options import OUTER, ExportOptions, FontSet
from .layout import organ_lines
from .tables import TEXT_WIDTH, add_table

LINE_PITCH = styles.LINE_PITCH
CHARS_PER_LINE = styles.CHARS_PER_LINE
# Word's character pitch is the default size (16 pt) plus charSpace/4096 pt: 28 in 156 mm
# (15.79 pt), so Word's 页面设置 shows 每行 28 字、每页 22 行. No paragraph snaps to it (styles.py):
# the text keeps 28 a line and 22 a page by its own spacing.
CHAR_SPACE = int((TEXT_WIDTH / CHARS_PER_LINE / 20 - styles.SIZE_3 / 2) * 4096) - 1
PAGE_NUMBER_INDENT = 100    # one character, in hundredths of a character
PAGE_NUMBER_TWIPS = styles.SIZE_4 * 10      # the same character of 4号 in twips (14 pt)
_STRIP = " \t\u3000"
# Text pasted from Word carries \v (manual line break) and \f; other control characters cannot be
# stored in XML at all.
_BREAKS = str.maketrans({"\v": "\n", "\f": "\n", "\u2028": "\n", "\u2029": "\n"})
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text.translate(_BREAKS))


_STYLE_IDS: dict[str, str] = {}


def build(report: Report, options: ExportOptions) -> docx.document.Document:
    """The document: 22 lines of 28 characters a page in Word, WPS and LibreOffice alike."""
    fonts = options.font_set
    document = new_document(fonts)
    document.settings.odd_and_even_pages_header_footer = options.page_numbers == OUTER
    _body(document, report, fonts)
    footers(document.sections[0], options, fonts)
    _properties(document, report)
    finish(document, fonts)
    return document


def new_document(fonts: FontSet) -> docx.document.Document:
    """An empty A4 page with the report's styles, margins and grid: the report, the comparison with
    last year and the review letters all start here, so they print alike."""
    document = docx.Document()
    _STYLE_IDS.clear()
    styles.set_up(document, fonts)
    settings = document.settings.element
    oxml.set_theme_font_lang(settings)
    _compat_mode(settings)
    _page_setup(document.sections[0])
    return document


def finish(document, fonts: FontSet) -> None:
    """What every document gets last: only its own fonts declared, nothing left of the template."""
    _drop_template_extras(document)
    _font_table(document, fonts)


def _font_table(document, fonts: FontSet) -> None:
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            rel.target_part._blob = oxml.font_table_xml(
                (fonts.body, fonts.kai, fonts.hei, fonts.title, fonts.song))


def _drop_template_extras(document) -> None:
    """The template's stylesWithEffects copy (theme fonts again, for Word 2010) and its thumbnail
    of an empty page: neither describes this document."""
    for rel in document.part.package.rels.values():
        if rel.reltype.endswith("/extended-properties"):     # the template's page counts, Mac Word
            rel.target_part._blob = oxml.APP_PROPERTIES
    for rels, suffix in ((document.part.rels, "/stylesWithEffects"),
                         (document.part.package.rels, "/metadata/thumbnail")):
        for r_id, rel in list(rels.items()):
            if rel.reltype.endswith(suffix):
                rels.pop(r_id)


def add_run(paragraph, text: str, latin: str, east_asian: str):
    run = paragraph.add_run(clean(text))
    oxml.set_fonts(run._r.get_or_add_rPr(), latin, east_asian)
    return run


def add_paragraph(document, text: str, style: str, east_asian: str, fonts: FontSet):
    # By id: python-docx's add_paragraph(style=name) scans every style each time (2 s for long texts).
    paragraph = document.add_paragraph()
    paragraph._p.get_or_add_pPr().style = _style_id(document, style)
    if text:
        add_run(paragraph, text, fonts.latin, east_asian)
    return paragraph


def _style_id(document, name: str) -> str:
    if name not in _STYLE_IDS:                   # cleared by build() for each document
        _STYLE_IDS[name] = document.styles[name].style_id
    return _STYLE_IDS[name]


def _texts(document, text: str, fonts: FontSet) -> None:
    """A multi-paragraph text: one paragraph per non-empty line, typed indents removed."""
    for line in clean(text).splitlines():
        line = line.strip(_STRIP)
        if line:
            add_paragraph(document, line, styles.BODY, fonts.body, fonts)


def _body(document, report: Report, fonts: FontSet) -> None:
    _title(document, report, fonts)
    add_paragraph(document, "", "Normal", fonts.body, fonts)
    _texts(document, opening_text(report), fonts)
    for section in SECTIONS:
        add_paragraph(document, section.heading, styles.HEADING_1, fonts.hei, fonts)
        if section.key == "overview":
            for theme in OVERVIEW_THEMES:
                add_paragraph(document, f"{theme.sub_number}{theme.label}", styles.HEADING_2,
                           fonts.kai, fonts)
                _texts(document, without_lead_in(theme.key, report.texts.get(theme.key, "")), fonts)
        elif section.key in TABLE_BY_KEY:
            add_table(document, TABLE_BY_KEY[section.key], report, fonts)
        else:
            _texts(document, without_lead_in(section.key, report.texts.get(section.key, "")), fonts)
    _sign_off(document, report, fonts)


def _width(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2000 else 1 for ch in text)


def _title(document, report: Report, fonts: FontSet) -> None:
    """The title; too long for one line, it breaks after the organ name as units do, so that
    「YYYY年政府信息公开工作年度报告」 stays whole on its own line, and a long organ name breaks
    between its words (「……赛罕区人民政府」「办公室……」), never inside one."""
    paragraph = document.add_paragraph(style=styles.TITLE)
    organ = clean(report.info.organ).strip()
    title = clean(report.title)
    line = int(TEXT_WIDTH / 20 / (styles.SIZE_2 / 2))          # characters of 2号 per line
    if organ and title.startswith(organ) and _width(title) > line:
        _lines(paragraph, organ_lines(organ, line) + [title[len(organ):]], fonts.latin, fonts.title)
    else:
        add_run(paragraph, title, fonts.latin, fonts.title)


def _lines(paragraph, lines: list[str], latin: str, east_asian: str) -> None:
    for i, text in enumerate(lines):
        run = add_run(paragraph, text, latin, east_asian)
        if i < len(lines) - 1:
            run.add_break()


def format_date(date: dt.date | None) -> str:
    return f"{date.year}年{date.month}月{date.day}日" if date else "\u3000\u3000年\u3000\u3000月\u3000\u3000日"


def _sign_off(document, report: Report, fonts: FontSet) -> None:
    add_paragraph(document, "", "Normal", fonts.body, fonts)
    organ = clean(report.info.organ).strip()
    if organ:
        paragraph = add_paragraph(document, "", styles.SIGN_OFF, fonts.body, fonts)
        _lines(paragraph, organ_lines(organ, CHARS_PER_LINE - 2), fonts.latin, fonts.body)
    add_paragraph(document, format_date(report.info.publish_date), styles.SIGN_OFF, fonts.body, fonts)


def _page_setup(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance = Mm(15)
    # The page number's dash sits 7 mm below the text block (GB/T 9704 §7.5).
    section.footer_distance = Mm(25)
    oxml.set_doc_grid(section._sectPr, LINE_PITCH, CHAR_SPACE)


def footers(section, options: ExportOptions, fonts: FontSet) -> None:
    section.different_first_page_header_footer = False
    if options.page_numbers == OUTER:
        _page_number(section.footer.paragraphs[0], "right", fonts)
        section.even_page_footer.is_linked_to_previous = False
        _page_number(section.even_page_footer.paragraphs[0], "left", fonts)
    else:
        _page_number(section.footer.paragraphs[0], "center", fonts)


def _page_number(paragraph, side: str, fonts: FontSet) -> None:
    """`— N —` in 4号宋体; outer numbers sit one character in from the margin."""
    paragraph.style = styles.FOOTER
    ppr = paragraph._p.get_or_add_pPr()
    if side == "right":
        oxml.set_indent(ppr, right_chars=PAGE_NUMBER_INDENT, right_twips=PAGE_NUMBER_TWIPS)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif side == "left":
        oxml.set_indent(ppr, left_chars=PAGE_NUMBER_INDENT, left_twips=PAGE_NUMBER_TWIPS)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(paragraph, "— ", fonts.song, fonts.song)
    for run in oxml.add_field(paragraph, "PAGE", "1"):
        oxml.set_fonts(run._r.get_or_add_rPr(), fonts.song, fonts.song)
    add_run(paragraph, " —", fonts.song, fonts.song)


def _compat_mode(settings) -> None:
    # Mode 15 (Word 2013+): no 「兼容模式」 in the title bar.
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def _properties(document, report: Report) -> None:
    props = document.core_properties
    props.title = clean(report.title)
    props.author = clean(report.info.compiler.strip() or report.info.organ.strip())
    props.last_modified_by = props.author
    props.subject = "政府信息公开工作年度报告"
    props.language = "zh-CN"
    props.comments = ""
    props.keywords = ""
    # python-docx writes these as UTC ("Z").
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    props.revision = 1
