"""The styles of the exported report (FORMAT.md §9): fonts, sizes, indents, no theme fonts.

python-docx's default template maps East Asian text to theme fonts (MS Mincho) on the document
defaults and the heading styles; a theme attribute beats an explicit font, so every one of them is
removed and every style used names its East Asian font and zh-CN.
"""
from __future__ import annotations

import copy

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from . import oxml
from .options import FontSet

# Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt.
SIZE_2, SIZE_3, SIZE_4, SIZE_5 = 44, 32, 28, 21
CHARS_PER_LINE = 28
GRID_PITCH = 8844 / CHARS_PER_LINE   # twips: the character pitch of the document grid (15.79 pt)
# Two pitches in twips, the fallback for firstLineChars (LibreOffice reads only this).
BODY_INDENT = int(2 * GRID_PITCH)
# No paragraph snaps to the document grid: on a character grid Word, WPS and LibreOffice give a
# run of Latin digits a whole number of grid cells, so 「1月」 printed as 「1  月」. Instead every
# character, Chinese or Latin, is its own width less 0.25 pt (字符间距 紧缩 0.25 磅): 3号 Chinese
# 15.75 pt, 28 in the 156 mm line (29 would need 456.75 pt of 442.2), digits 7.75 pt with no gap;
# and the lines are exactly the grid's pitch, so a page still holds 22 (README 「文档网格」).
TIGHTEN = -8               # twentieths of a point
LINE_PITCH = 579           # 22 lines in the 225 mm text block (580 overflows it)

TITLE = "Title"
HEADING_1 = "Heading 1"
HEADING_2 = "Heading 2"
BODY = "Body Text"
FOOTER = "Footer"
TABLE_TEXT = "表格文字"       # a style of our own: its name is shown in Word's style list
SIGN_OFF = "落款"


def set_up(document, fonts: FontSet) -> None:
    styles = document.styles
    root = styles.element
    oxml.strip_theme_fonts(root)
    _defaults(root, fonts)
    _paragraph(styles[TITLE].element, fonts.latin, fonts.title, SIZE_2, fonts.title_bold,
               jc="center", first=0, pitched=False)
    _remove_borders(styles[TITLE].element)
    _paragraph(styles[HEADING_1].element, fonts.latin, fonts.hei, SIZE_3, False, outline=0)
    _paragraph(styles[HEADING_2].element, fonts.latin, fonts.kai, SIZE_3, False, outline=1)
    _paragraph(styles["Normal"].element, fonts.latin, fonts.body, SIZE_3, False, first=0)
    _paragraph(styles[BODY].element, fonts.latin, fonts.body, SIZE_3, False)
    _paragraph(styles[FOOTER].element, fonts.song, fonts.song, SIZE_4, False, jc="center",
               first=0, pitched=False)
    table = styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    table.base_style = styles["Normal"]
    _paragraph(table.element, fonts.latin, fonts.song, SIZE_5, False, jc="center", first=0,
               pitched=False)
    sign = styles.add_style(SIGN_OFF, WD_STYLE_TYPE.PARAGRAPH)
    sign.base_style = styles["Normal"]
    _paragraph(sign.element, fonts.latin, fonts.body, SIZE_3, False, jc="right", first=0)
    # 右空二字 (GB/T 9704 7.3.5.2, no seal): two characters in Word, two grid pitches elsewhere.
    oxml.set_indent(sign.element.pPr, right_chars=200, right_twips=BODY_INDENT)
    for heading in (HEADING_1, HEADING_2):
        styles[heading].next_paragraph_style = styles[BODY]
    _linked_character_styles(styles)


def _linked_character_styles(styles) -> None:
    """Word applies 「标题 1 字符」 etc. when a clerk formats part of a paragraph with a paragraph
    style: each takes the run formatting of its paragraph style, not the template's blue bold
    14 pt in theme fonts."""
    # the style elements themselves, found once by id: python-docx's proxies cost a search each
    elements = styles.element.findall(qn("w:style"))
    by_id = {element.get(qn("w:styleId")): element for element in reversed(elements)}   # the first of an id
    for element in elements:
        link = element.find(qn("w:link"))
        if element.get(qn("w:type")) != "character" or link is None:
            continue
        paragraph = by_id.get(link.get(qn("w:val")))
        target = oxml.get_or_add_after_name(element, "w:rPr")
        for el in list(target):
            target.remove(el)
        source = paragraph.find(qn("w:rPr")) if paragraph is not None else None
        if source is not None:
            for el in source:
                target.append(copy.deepcopy(el))


def _defaults(root, fonts: FontSet) -> None:
    defaults = root.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    oxml.set_fonts(rpr, fonts.latin, fonts.body, hint=False)
    oxml.set_size(rpr, SIZE_3)
    oxml.set_lang(rpr)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    oxml.set_spacing(ppr)
    oxml.set_cjk_breaking(ppr)


def _paragraph(style, latin: str, east_asian: str, size: int, bold: bool, *, jc: str = "both",
               first: int = 200, outline: int | None = None, pitched: bool = True) -> None:
    ppr = oxml.get_or_add_after_name(style, "w:pPr")
    oxml.remove(ppr, "w:tabs")
    if pitched:
        oxml.set_spacing(ppr, line=LINE_PITCH, rule="exact")
    else:
        oxml.set_spacing(ppr)
    oxml.set_snap_to_grid(ppr, False)
    oxml.set_cjk_breaking(ppr)
    oxml.set_indent(ppr, first_chars=first, first_twips=BODY_INDENT * first // 200)
    oxml.set_jc(ppr, jc)
    if outline is not None:
        oxml.set_outline_level(ppr, outline)
        oxml.child(ppr, "w:keepNext")
    rpr = oxml.get_or_add_after_name(style, "w:rPr")
    oxml.remove(rpr, "w:color", "w:spacing", "w:kern")
    oxml.set_fonts(rpr, latin, east_asian)
    oxml.remove(rpr, "w:w")
    if pitched:
        oxml.set_spacing_run(rpr, TIGHTEN)
    oxml.set_bold(rpr, bold)
    oxml.set_size(rpr, size)
    oxml.set_lang(rpr)


def _remove_borders(style) -> None:
    ppr = style.find(qn("w:pPr"))
    oxml.remove(ppr, "w:pBdr", "w:contextualSpacing")
