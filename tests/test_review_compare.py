"""Cross-unit comparison: copying is found with its share, standard sentences are not copying."""
from __future__ import annotations

from gui.report.review.compare import copied_sections, magnitude_changes
from gui.report.review.examine import Traits
from review_factory import own_texts

FIVE = "五、存在的主要问题及改进情况"
SIX = "六、其他需要报告的事项"
STANDARD = "我镇严格落实《中华人民共和国政府信息公开条例》，认真做好政府信息公开各项工作，切实保障人民群众知情权参与权监督权"


def _units(texts: dict[str, str], extra: dict[str, str] | None = None):
    return [(name, Traits({FIVE: text, SIX: (extra or {}).get(name, "")})) for name, text in texts.items()]


def test_a_half_copied_section_is_paired_with_its_share_and_nothing_else():
    own = {f"{n}镇": own_texts(i)["problems"] for i, n in enumerate("甲乙丙丁戊", start=1)}
    half = own["甲镇"][:len(own["甲镇"]) * 3 // 5]
    own["戊镇"] = half + own["戊镇"][:len(own["戊镇"]) // 2]
    found = copied_sections(_units(own))
    assert [(c.unit, c.other, c.part) for c in found] == [("甲镇", "戊镇", FIVE)]
    assert 55 <= found[0].share <= 100


def test_sentences_every_unit_writes_the_fee_sentence_and_headings_are_not_copying():
    texts = {f"{n}镇": f"{STANDARD}。{FIVE}。" + own_texts(i)["problems"][:30]
             for i, n in enumerate("甲乙丙丁", start=1)}
    fees = {name: f"2024年，本机关严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费{i}元。"
            for i, name in enumerate(texts)}
    assert copied_sections(_units(texts, fees)) == []


def test_an_order_of_magnitude_is_named_small_numbers_and_zeros_are_not():
    found = magnitude_changes("甲镇", (3119, 30, 0, 5, 2), (31, 29, 7, 0, 1))
    assert [c.part for c in found] == ["本年新收"]
    assert "3119" in found[0].message and "31" in found[0].message
