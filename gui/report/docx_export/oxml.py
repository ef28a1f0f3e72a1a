"""The raw WordprocessingML details python-docx has no API for, in one place.

Everything that touches element names lives here; styles.py, tables.py and document.py call these
helpers with plain values (twips, half-points, font names).
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

THEME_FONT_ATTRS = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")

# Children of w:rPr / w:pPr / w:tcPr / w:trPr / w:tblPr must appear in schema order or Word refuses
# the file; these are the orders of the elements we insert (ECMA-376 Part 1, §17).
_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
              "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
              "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
              "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
              "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang")
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
              "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
              "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
              "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
              "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
              "w:sectPr", "w:pPrChange")
_TCPR_ORDER = ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders",
               "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
               "w:hideMark")
_TRPR_ORDER = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter",
               "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")
_TBLPR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
                "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
_ORDERS = {"w:rPr": _RPR_ORDER, "w:pPr": _PPR_ORDER, "w:tcPr": _TCPR_ORDER,
           "w:trPr": _TRPR_ORDER, "w:tblPr": _TBLPR_ORDER}


def child(parent, tag: str, **attrs):
    """The parent's `tag` child (created in schema order if missing), with `attrs` set."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        order = _ORDERS.get(_prefixed(parent.tag), ())
        rank = order.index(tag) if tag in order else len(order)
        for i, sibling in enumerate(parent):
            name = _prefixed(sibling.tag)
            if name in order and order.index(name) > rank:
                parent.insert(i, el)
                break
        else:
            parent.append(el)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), str(value))
    return el


def _prefixed(tag: str) -> str:
    return "w:" + tag.rpartition("}")[2] if tag.startswith("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}") else tag


def get_or_add(parent, tag: str):
    """pPr / rPr / tcPr … of a paragraph, run, cell or row, created first among its children."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.insert(0, el)
    return el


# ── fonts ──
def set_fonts(rpr, latin: str, east_asian: str, hint: bool = True) -> None:
    """Latin and East Asian fonts, no theme fonts; hint="eastAsia" makes quotes and dashes CJK."""
    rfonts = child(rpr, "w:rFonts")
    for attr in THEME_FONT_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), east_asian)
    if hint:
        rfonts.set(qn("w:hint"), "eastAsia")


def set_lang(rpr) -> None:
    child(rpr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")


def set_size(rpr, half_points: int) -> None:
    child(rpr, "w:sz", val=half_points)
    child(rpr, "w:szCs", val=half_points)


def set_scale(rpr, percent: int) -> None:
    """Horizontal character scale (Word's 字符缩放)."""
    child(rpr, "w:w", val=percent)


def set_spacing_run(rpr, twips: int) -> None:
    """Character spacing (Word's 字符间距 加宽/紧缩) in twentieths of a point."""
    child(rpr, "w:spacing", val=twips)


def set_bold(rpr, bold: bool) -> None:
    for tag in ("w:b", "w:bCs"):
        child(rpr, tag, val="1" if bold else "0")


def remove(parent, *tags: str) -> None:
    for tag in tags:
        for el in parent.findall(qn(tag)):
            parent.remove(el)


def strip_theme_fonts(root) -> int:
    """Remove every theme font attribute under root (a theme beats an explicit font in Word)."""
    n = 0
    for rfonts in root.iter(qn("w:rFonts")):
        for attr in THEME_FONT_ATTRS:
            if rfonts.attrib.pop(qn(attr), None) is not None:
                n += 1
    return n


# ── paragraphs ──
def set_indent(ppr, first_chars: int = 0, first_twips: int = 0, left_chars: int | None = None,
               right_chars: int | None = None, left_twips: int = 0, right_twips: int = 0) -> None:
    """Indents in hundredths of a character (what Word shows as 字符) with the same in twips,
    which LibreOffice reads instead (it ignores the *Chars attributes)."""
    ind = child(ppr, "w:ind")
    ind.attrib.clear()
    ind.set(qn("w:firstLineChars"), str(first_chars))
    ind.set(qn("w:firstLine"), str(first_twips))
    if left_chars is not None:
        ind.set(qn("w:leftChars"), str(left_chars))
        ind.set(qn("w:left"), str(left_twips))
    if right_chars is not None:
        ind.set(qn("w:rightChars"), str(right_chars))
        ind.set(qn("w:right"), str(right_twips))


def set_spacing(ppr, before: int = 0, after: int = 0, line: int = 240, rule: str = "auto") -> None:
    sp = child(ppr, "w:spacing")
    sp.attrib.clear()
    child(ppr, "w:spacing", before=before, after=after, line=line, lineRule=rule)


def set_snap_to_grid(ppr, snap: bool) -> None:
    child(ppr, "w:snapToGrid", val="1" if snap else "0")


def set_cjk_breaking(ppr) -> None:
    """Chinese line breaking: kinsoku on (、，。）」 never start a line, （「 never end one); no
    punctuation hanging past the margin (LibreOffice dropped a hanging 、 at a line end); no extra
    space where Chinese meets Latin letters or digits (autoSpaceDE/DN, on by default in Word)."""
    for tag, value in (("w:kinsoku", "1"), ("w:overflowPunct", "1"), ("w:autoSpaceDE", "0"),
                       ("w:autoSpaceDN", "0")):
        child(ppr, tag, val=value)


def set_keep_next(ppr) -> None:
    child(ppr, "w:keepNext")


def set_jc(ppr, value: str) -> None:
    child(ppr, "w:jc", val=value)


def set_outline_level(ppr, level: int) -> None:
    child(ppr, "w:outlineLvl", val=level)


# ── sections and settings ──
def set_doc_grid(sect_pr, line_pitch: int, char_space: int | None) -> None:
    grid = child(sect_pr, "w:docGrid")
    grid.attrib.clear()
    grid.set(qn("w:type"), "lines" if char_space is None else "linesAndChars")
    grid.set(qn("w:linePitch"), str(line_pitch))
    if char_space is not None:
        grid.set(qn("w:charSpace"), str(char_space))


def set_theme_font_lang(settings) -> None:
    el = settings.find(qn("w:themeFontLang"))
    if el is not None:
        el.set(qn("w:eastAsia"), "zh-CN")


def add_field(paragraph, instruction: str, placeholder: str):
    """A complex field (e.g. PAGE) as four runs; returns the runs for formatting."""
    runs = []
    for kind in ("begin", "instr", "separate", "text", "end"):
        run = paragraph.add_run()
        r = run._r
        if kind in ("begin", "separate", "end"):
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            r.append(fld)
        elif kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            r.append(instr)
        else:
            run.text = placeholder
        runs.append(run)
    return runs


# ── tables ──
def set_table_layout(tbl, widths: list[int], cell_margin: int) -> None:
    """Fixed layout, full width, every gridCol set: WPS reads tblGrid and ignores autofit."""
    tbl_pr = tbl.tblPr
    child(tbl_pr, "w:tblW", w=sum(widths), type="dxa")
    child(tbl_pr, "w:jc", val="center")
    child(tbl_pr, "w:tblLayout", type="fixed")
    borders = child(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        child(borders, f"w:{side}", val="single", sz=4, space=0, color="000000")
    mar = child(tbl_pr, "w:tblCellMar")
    for side, value in (("top", 0), ("left", cell_margin), ("bottom", 0), ("right", cell_margin)):
        child(mar, f"w:{side}", w=value, type="dxa")
    grid = tbl.tblGrid
    for col in list(grid):
        grid.remove(col)
    for w in widths:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(w))
        grid.append(col)


def set_cell_width(tc, twips: int) -> None:
    child(get_or_add(tc, "w:tcPr"), "w:tcW", w=twips, type="dxa")


def set_cell_valign(tc, value: str = "center") -> None:
    child(get_or_add(tc, "w:tcPr"), "w:vAlign", val=value)


def set_text_direction(tc, value: str) -> None:
    """Vertical text in a cell: tbRlV sets Chinese upright, top to bottom."""
    child(get_or_add(tc, "w:tcPr"), "w:textDirection", val=value)


def set_row_flags(tr, header: bool) -> None:
    """Rows never split across pages; leading header rows repeat on each page."""
    tr_pr = get_or_add(tr, "w:trPr")
    child(tr_pr, "w:cantSplit")
    if header:
        child(tr_pr, "w:tblHeader")


_STYLE_ORDER = ("w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine",
                "w:hidden", "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat",
                "w:locked", "w:personal", "w:personalCompose", "w:personalReply", "w:rsid",
                "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")


def get_or_add_after_name(style, tag: str):
    """A style's pPr or rPr, created in schema order."""
    el = style.find(qn(tag))
    if el is not None:
        return el
    el = OxmlElement(tag)
    rank = _STYLE_ORDER.index(tag)
    for i, sibling in enumerate(style):
        name = _prefixed(sibling.tag)
        if name in _STYLE_ORDER and _STYLE_ORDER.index(name) > rank:
            style.insert(i, el)
            return el
    style.append(el)
    return el


# The fonts the document names, as Word describes them: a computer that lacks one substitutes by
# altName, charset (86 = GB2312) and PANOSE, so 仿宋_GB2312 falls back to 仿宋, not to a Latin face.
_FONT_FACTS = {
    "仿宋_GB2312": ("仿宋", "02010609030101010101", "modern", "fixed"),
    "楷体_GB2312": ("楷体", "02010609030101010101", "modern", "fixed"),
    "方正小标宋简体": ("宋体", "02000000000000000000", "script", "variable"),
    "宋体": ("SimSun", "02010600030101010101", "auto", "variable"),
    "仿宋": ("FangSong", "02010609060101010101", "modern", "fixed"),
    "楷体": ("KaiTi", "02010609060101010101", "modern", "fixed"),
    "黑体": ("SimHei", "02010609060101010101", "modern", "fixed"),
}
_MAIN_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def stand_in(name: str) -> str | None:
    """The font the document's font table names for Word/WPS to use where `name` is not installed."""
    facts = _FONT_FACTS.get(name)
    return facts[0] if facts else None


def font_table_xml(names) -> bytes:
    """word/fontTable.xml for exactly these fonts (the template's lists Japanese ＭＳ 明朝)."""
    entries = ['<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/>'
               '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>']
    for name in dict.fromkeys(names):
        if name not in _FONT_FACTS:
            continue
        alt, panose, family, pitch = _FONT_FACTS[name]
        # no escaping: names and alternatives are _FONT_FACTS's own, none with XML's special characters
        entries.append(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/>'
                       f'<w:panose1 w:val="{panose}"/><w:charset w:val="86"/>'
                       f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:fonts xmlns:w="{_MAIN_NS}">{"".join(entries)}</w:fonts>').encode("utf-8")


APP_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    '<Application>年报助手</Application><DocSecurity>0</DocSecurity></Properties>').encode("utf-8")
