"""The county review's quick bound on copied text never hides a copy that R11's exact count sees."""
from hypothesis import given, settings, strategies as st

from gui.report.text_rules import COMMON_BLOCK, copied_share, copied_share_bound, copy_marks
from budgets import examples

# few letters and much punctuation: shared runs, repeated runs and shared sentences all happen
texts = st.text(alphabet="公开政务信息。；工作\n ", min_size=0, max_size=120)


@given(texts, texts)
@settings(max_examples=examples(400), deadline=None)
def test_the_bound_is_never_below_the_exact_share(this, last):
    assert copied_share_bound(copy_marks(this), copy_marks(last)) >= copied_share(this, last) - 1e-9


@given(st.text(alphabet="一二三四五六七八九十百千", min_size=COMMON_BLOCK, max_size=60),
       st.text(alphabet="甲乙丙丁戊己庚辛壬癸", min_size=0, max_size=60))
@settings(max_examples=200, deadline=None)
def test_a_copied_passage_is_counted_whole(copied, own):
    this, last = copied + own, "前言" + copied + "结束"
    bound = copied_share_bound(copy_marks(this), copy_marks(last))
    assert bound >= copied_share(this, last) >= len(copied) / len(this) - 1e-9


def test_texts_alike_only_in_a_few_runs_are_ruled_out():
    this = "我镇汛期前深入推进征地拆迁补偿标准，确保信息准确及时。政务公开办公室结合专项检查统筹安排民生实事办理情况。"
    last = "我县全年深入推进征地拆迁补偿标准，确保信息准确及时。文化站每月依法办理营商环境举措，取得明显成效。"
    assert copied_share_bound(copy_marks(this), copy_marks(last)) < 0.5
