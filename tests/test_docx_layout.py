"""The exported page and text, read back: A4 and margins, the 22×28 grid, fonts everywhere,
real headings in order, the opening, the sign-off and the page numbers."""
import datetime as dt
import re

import docx
import pytest
from docx.oxml.ns import qn

from docx_support import REPORTS, W, part, parts, township_report
from gui.report.docx_export import ExportOptions, export_docx, generated_opening
from gui.report.samples import huaian_2024

HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项"]
THEMES = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设",
          "（五）监督保障"]
THEME_ATTRS = ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme")


def export(tmp_path, report=None, **options):
    path = export_docx(report or township_report(), tmp_path / "报告.docx", ExportOptions(**options))
    return path, docx.Document(str(path))


def test_a4_with_gbt_9704_margins_and_a_22_line_28_character_grid(tmp_path):
    path, document = export(tmp_path)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm, 1) for m in margins] == [37.0, 35.0, 28.0, 26.0]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    assert grid.get(qn("w:linePitch")) == "579"
    text_height = section.page_height.twips - section.top_margin.twips - section.bottom_margin.twips
    assert text_height // 579 == 22
    pitch = (16 + int(grid.get(qn("w:charSpace"))) / 4096) * 20        # twips per character
    text_width = section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    assert 28 * pitch <= text_width < 29 * pitch


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_no_theme_font_anywhere_and_chinese_fonts_on_defaults_styles_and_runs(tmp_path, name):
    path, document = export(tmp_path, REPORTS[name]())
    xml = part(path, "word/styles.xml") + "".join(parts(path, "word/").values())
    for attr in THEME_ATTRS:
        assert f"w:{attr}=" not in xml
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    assert defaults.find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.find(f"{W}rPr/{W}lang").get(qn("w:eastAsia")) == "zh-CN"
    used = {"Normal", "Title", "Heading 1", "Heading 2", "Body Text", "Footer", "表格文字", "落款"}
    for style_name in used:
        rpr = document.styles[style_name].element.rPr
        assert rpr.find(qn("w:rFonts")).get(qn("w:eastAsia")), style_name
        assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN", style_name
    body = document.element.body
    runs = [r for r in body.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    assert len(runs) > 100
    for r in runs:
        rfonts = r.find(f"{W}rPr/{W}rFonts")
        assert rfonts.get(qn("w:eastAsia")) and rfonts.get(qn("w:hint")) == "eastAsia"
        assert rfonts.get(qn("w:ascii")) in ("Times New Roman", "宋体")


@pytest.mark.parametrize("fonts, body, kai, title", [
    ("gb", "仿宋_GB2312", "楷体_GB2312", "方正小标宋简体"), ("common", "仿宋", "楷体", "宋体")])
def test_font_setting_names_the_fonts_on_the_styles(tmp_path, fonts, body, kai, title):
    _, document = export(tmp_path, fonts=fonts)

    def east_asian(style):
        return document.styles[style].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert (east_asian("Body Text"), east_asian("Heading 2"), east_asian("Title")) == (body, kai, title)
    assert east_asian("Heading 1") == "黑体"
    assert document.styles["Body Text"].font.name == "Times New Roman"   # digits and Latin


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_six_headings_in_order_as_real_headings_with_the_themes_of_one_below(tmp_path, name):
    _, document = export(tmp_path, REPORTS[name]())
    paragraphs = document.paragraphs
    assert [p.text for p in paragraphs if p.style.name == "Heading 1"] == HEADINGS
    assert [p.text for p in paragraphs if p.style.name == "Heading 2"] == THEMES
    texts = [p.text for p in paragraphs]
    assert texts.index(THEMES[0]) > texts.index(HEADINGS[0])
    assert texts.index(THEMES[-1]) < texts.index(HEADINGS[1])
    for style, level, size, bold in (("Heading 1", "0", 16, False), ("Heading 2", "1", 16, False)):
        style = document.styles[style]
        assert style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == level
        assert style.font.size.pt == size and not style.font.bold
        assert style.font.color.rgb is None


def test_title_is_centred_22_point_not_bold_without_indent_and_breaks_after_the_organ(tmp_path):
    _, document = export(tmp_path, huaian_2024())
    title = document.paragraphs[0]
    assert title.style.name == "Title"
    assert title.text == "淮安市人民政府\n2024年政府信息公开工作年度报告"
    style = document.styles["Title"]
    assert style.font.size.pt == 22 and not style.font.bold
    assert style.paragraph_format.alignment == 1
    assert not style.paragraph_format.first_line_indent
    assert style.element.pPr.find(qn("w:pBdr")) is None


def test_body_is_justified_with_a_two_character_first_line_indent(tmp_path):
    _, document = export(tmp_path)
    style = document.styles["Body Text"]
    ind = style.element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert style.paragraph_format.alignment == 3                    # justify
    assert style.font.size.pt == 16


def test_texts_split_into_paragraphs_at_line_breaks_and_typed_indents_go(tmp_path):
    report = huaian_2024()
    report.texts["problems"] = "\u3000\u3000一是时效性不够。\n\n  二是队伍建设不足。\n"
    _, document = export(tmp_path, report)
    texts = [p.text for p in document.paragraphs]
    start = texts.index(HEADINGS[4])
    assert texts[start + 1:start + 3] == ["一是时效性不够。", "二是队伍建设不足。"]
    assert document.paragraphs[start + 1].style.name == "Body Text"


def test_generated_opening_names_compiler_period_and_contact(tmp_path):
    report = huaian_2024()
    report.info.address, report.info.postcode, report.info.phone = "淮安市健康东路1号", "223001", "0517-12345678"
    _, document = export(tmp_path, report)
    opening = document.paragraphs[2].text
    assert opening == generated_opening(report.info)
    for piece in ("淮安市人民政府办公室", "《中华人民共和国政府信息公开条例》", "2024年1月1日",
                  "2024年12月31日", "淮安市健康东路1号", "223001", "0517-12345678"):
        assert piece in opening


def test_opening_as_edited_or_switched_off(tmp_path):
    report = huaian_2024()
    report.opening = "这是编辑过的开头。"
    _, document = export(tmp_path, report)
    assert "这是编辑过的开头。" in [p.text for p in document.paragraphs]
    report.opening_enabled = False
    (tmp_path / "报告.docx").unlink()
    _, document = export(tmp_path, report)
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[1] == HEADINGS[0]


def test_sign_off_organ_and_date_right_aligned_at_the_end(tmp_path):
    report = huaian_2024()
    report.info.publish_date = dt.date(2025, 1, 20)
    _, document = export(tmp_path, report)
    organ, date = document.paragraphs[-2], document.paragraphs[-1]
    assert (organ.text, date.text) == ("淮安市人民政府", "2025年1月20日")
    assert organ.style.paragraph_format.alignment == 2 == date.style.paragraph_format.alignment


def _footer_paragraph(document, which):
    footer = getattr(document.sections[0], which)
    return footer.paragraphs[0]


def test_outer_page_numbers_odd_right_even_left_one_character_in(tmp_path):
    path, document = export(tmp_path, page_numbers="outer")
    assert "<w:evenAndOddHeaders" in part(path, "word/settings.xml")
    odd, even = _footer_paragraph(document, "footer"), _footer_paragraph(document, "even_page_footer")
    assert odd.alignment == 2 and even.alignment == 0
    assert odd._p.pPr.find(qn("w:ind")).get(qn("w:rightChars")) == "100"
    assert even._p.pPr.find(qn("w:ind")).get(qn("w:leftChars")) == "100"
    # LibreOffice ignores *Chars: the same character of 4号 in twips.
    assert odd._p.pPr.find(qn("w:ind")).get(qn("w:right")) == "280"
    assert even._p.pPr.find(qn("w:ind")).get(qn("w:left")) == "280"
    footers = parts(path, "word/footer")
    assert len(footers) == 2
    for xml in footers.values():
        assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", xml)
        assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    for p in (odd, even):
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert p.style.font.size.pt == 14
        assert p.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"


def test_centred_page_numbers_use_one_footer(tmp_path):
    path, document = export(tmp_path, page_numbers="center")
    assert "evenAndOddHeaders" not in part(path, "word/settings.xml")
    assert _footer_paragraph(document, "footer").alignment == 1
    footers = parts(path, "word/footer")
    assert len(footers) == 1 and " PAGE " in next(iter(footers.values()))


def test_chinese_is_the_theme_language_and_the_file_is_titled(tmp_path):
    path, document = export(tmp_path, huaian_2024())
    assert 'w:eastAsia="zh-CN"' in re.search(r"<w:themeFontLang[^>]*>", part(path, "word/settings.xml"))[0]
    assert document.core_properties.title == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert document.core_properties.author == "淮安市人民政府办公室"


def test_text_pasted_from_word_with_control_characters_still_exports(tmp_path):
    report = huaian_2024()
    report.texts["problems"] = "一是时效性不够。\v二是队伍建设不足。\x07"
    report.info.organ = "淮安市人民政府\x01"
    _, document = export(tmp_path, report)
    texts = [p.text for p in document.paragraphs]
    start = texts.index(HEADINGS[4])
    assert texts[start + 1:start + 3] == ["一是时效性不够。", "二是队伍建设不足。"]
    assert texts[-2] == "淮安市人民政府"


def test_a_long_organ_name_breaks_between_its_words_in_the_title_and_the_sign_off(tmp_path):
    report = huaian_2024()
    report.info.organ = "内蒙古自治区呼和浩特市赛罕区人民政府办公室机关事务服务中心"
    _, document = export(tmp_path, report)
    assert document.paragraphs[0].text.split("\n") == [
        "内蒙古自治区呼和浩特市赛罕区人民政府", "办公室机关事务服务中心", "2024年政府信息公开工作年度报告"]
    assert document.paragraphs[-2].text.split("\n") == [
        "内蒙古自治区呼和浩特市赛罕区人民政府办公室", "机关事务服务中心"]


def test_sign_off_stands_two_characters_in_from_the_right_margin(tmp_path):
    _, document = export(tmp_path, huaian_2024())
    ind = document.styles["落款"].element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:rightChars")) == "200"
    assert 620 <= int(ind.get(qn("w:right"))) <= 640          # LibreOffice reads the twips


def test_linked_character_styles_match_their_paragraph_styles_not_the_template(tmp_path):
    _, document = export(tmp_path)
    for char, para in (("Heading 1 Char", "Heading 1"), ("Title Char", "Title"),
                       ("Heading 2 Char", "Heading 2")):
        c, p = document.styles[char], document.styles[para]
        assert (c.font.size, c.font.bold) == (p.font.size, p.font.bold), char
        assert c.font.color.rgb is None and c.element.rPr.find(qn("w:color")) is None
        assert c.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == \
            p.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_after_a_heading_word_continues_with_indented_body_text(tmp_path):
    _, document = export(tmp_path)
    for heading in ("Heading 1", "Heading 2"):
        assert document.styles[heading].next_paragraph_style.name == "Body Text"


def test_a_short_title_stays_on_one_line(tmp_path):
    report = huaian_2024()
    report.info.organ = "某镇政府"
    _, document = export(tmp_path, report)
    assert document.paragraphs[0].text == "某镇政府2024年政府信息公开工作年度报告"


def test_font_table_names_our_fonts_with_chinese_fallbacks_and_no_japanese_font(tmp_path):
    path, _ = export(tmp_path)
    table = part(path, "word/fontTable.xml")
    assert "明朝" not in table and "Mincho" not in table
    entry = re.search(r'<w:font w:name="仿宋_GB2312">(.*?)</w:font>', table)[1]
    assert '<w:altName w:val="仿宋"/>' in entry and '<w:charset w:val="86"/>' in entry
    assert '<w:font w:name="方正小标宋简体">' in table and '<w:font w:name="黑体">' in table
