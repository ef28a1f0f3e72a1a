"""Text hints say what they found where it is: a year opening a sentence inside a paragraph is quoted
with its sentence (not said to open the paragraph), and the hint selects that sentence."""
from rules_support import clean_report, only


def test_a_stale_year_inside_a_paragraph_is_quoted_with_its_sentence_and_selects_it():
    report = clean_report()
    text = "依申请公开情况。2023年，全区共收到政府信息公开申请3119件。"
    report.texts["overview_request"] = text
    p = only(report, "STALE_YEAR")
    assert "中的句子以「2023年，全区共收到政府信息…」开头" in p.message and "段落以" not in p.message
    assert text[p.passage[0]:p.passage[1]] == "2023年，全区共收到政府信息公开申请3119件"


def test_a_stale_year_opening_the_paragraph_says_so():
    report = clean_report()
    report.texts["overview_active"] = "2023年，我镇主动公开政府信息。"
    p = only(report, "STALE_YEAR")
    assert "的段落以「2023年，我镇主动公开政府信息」开头" in p.message


def test_a_lead_in_hint_selects_the_words_in_their_own_paragraph():
    report = clean_report()
    text = "2024年，本机关主动公开政府信息5000余条。\n依申请公开情况。全年收到申请3119件。"
    report.texts["overview_request"] = text
    p = only(report, "LEAD_IN")
    assert "「依申请公开情况。」" in p.message
    assert text[p.passage[0]:p.passage[1]] == "依申请公开情况。"
