"""The faults review bulletins send reports back for, as a clerk or a reviewer meets them in `check`:
late or early publication (LATE, EARLY), 一/五/六 copied from last year (R11), stale years (STALE_YEAR),
the superseded trial notice (OLD_NOTICE), 五 without measures or without last year's problems."""
import datetime as dt

import pytest

from gui import cli
from gui.report import deadlines, drafts, rules
from gui.report.model import Info
from gui.report.problems import ERROR, WARNING
from rules_support import LAST_TEXTS, clean_report, last_year_of, only, rules_of
from test_rules_prose import DEMO

NEW_RULES = {"LATE", "EARLY", "STALE_YEAR", "OLD_NOTICE", "MEASURES", "LAST_PROBLEMS", "R9U"}


def with_last():
    report = clean_report()
    report.last_year = last_year_of(report)
    return report


def check_lines(tmp_path, report, capsys, *extra):
    path = tmp_path / "报告.json"
    drafts.save(report, path)
    code = cli.main(["check", str(path), *extra])
    return code, capsys.readouterr().out.splitlines()


# ── dates ───────────────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("level, due", [
    ("乡镇/街道", dt.date(2025, 1, 31)), ("县级部门", dt.date(2025, 1, 31)), ("市级部门", dt.date(2025, 1, 31)),
    ("县级人民政府", dt.date(2025, 3, 31)), ("市级人民政府", dt.date(2025, 3, 31)),
])
def test_the_default_deadline_follows_article_49_and_the_level(level, due):
    info = Info(organ="某机关", year=2024, level=level)
    assert info.effective_deadline() == due
    assert f"{due.month}月{due.day}日" in deadlines.default_explanation(level, 2024)
    info.deadline = dt.date(2025, 2, 15)                    # the county set another date
    assert info.effective_deadline() == dt.date(2025, 2, 15)


def test_a_department_report_published_after_31_january_is_late(tmp_path, capsys):
    report = clean_report()
    report.info.level = "县级部门"
    report.info.publish_date = dt.date(2025, 2, 20)
    code, lines = check_lines(tmp_path, report, capsys)
    assert code == 1
    line = next(x for x in lines if " LATE " in x)
    assert line.startswith("错误 LATE 基本信息「发布日期」")
    assert "2025年2月20日" in line and "2025年1月31日" in line and "逾期 20 天" in line
    p = only(report, "LATE")
    assert p.severity == ERROR and p.field == "info.publish_date"
    assert (p.actual, p.expected) == ("2025-02-20", "2025-01-31")


def test_a_government_report_published_in_march_is_on_time_and_the_county_date_counts():
    report = clean_report()                                   # 淮安市人民政府: due 3月31日
    report.info.publish_date = dt.date(2025, 3, 20)
    assert "LATE" not in rules_of(report)
    report.info.publish_date = dt.date(2025, 4, 1)
    assert "逾期 1 天" in only(report, "LATE").message
    town = clean_report()
    town.info.level = "乡镇/街道"
    town.info.deadline = dt.date(2025, 1, 15)                 # the county collects earlier
    town.info.publish_date = dt.date(2025, 1, 20)
    assert "基本信息中填写的截止日期" in only(town, "LATE").message


def test_a_date_before_the_year_has_ended_is_an_error():
    report = clean_report()
    report.info.publish_date = dt.date(2024, 12, 20)
    p = only(report, "EARLY")
    assert p.is_error and "2024年12月20日" in p.message and "2024年12月31日" in p.message
    report.info.publish_date = dt.date(2025, 1, 2)
    assert not {"EARLY", "LATE"} & set(rules_of(report))


def test_no_publication_date_is_no_problem_while_typing():
    report = clean_report()
    report.info.publish_date = None
    assert not {"EARLY", "LATE"} & set(rules_of(report))


# ── R11 for 一 and 六 ──────────────────────────────────────────────────────────────────────
def test_an_overview_copied_from_last_year_is_warned_with_its_share(tmp_path, capsys):
    report = with_last()
    for key in ("overview_active", "overview_management", "overview_platform", "overview_supervision"):
        report.texts[key] = LAST_TEXTS[key]
    p = only(report, "R11")
    assert p.key == "R11:overview" and p.step == "overview" and p.severity == WARNING
    assert "「一、总体情况」与上年报告的重复率为" in p.message and "与上年度重复率大于 50%" in p.message
    assert isinstance(p.actual, int) and 50 < p.actual <= 100 and f"{p.actual}%" in p.message
    code, lines = check_lines(tmp_path, report, capsys)
    assert any(x.startswith("提示 R11 「一、总体情况（一）主动公开」") for x in lines)


def test_section_six_copied_from_last_year_is_warned_but_its_standard_sentences_are_not():
    report = with_last()
    other = ("本机关积极办理人大代表建议和政协提案，全年办理建议提案共计四十五件，办理结果均按要求向社会公开，"
             "并在门户网站设立专栏集中展示办理情况。")
    report.last_year.texts["other"] = other + LAST_TEXTS["other"]
    report.texts["other"] += other
    assert only(report, "R11").key == "R11:other"
    report.texts["other"] = "2024年，本机关严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。"
    report.last_year.texts["other"] = "2023年，本机关严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。"
    assert "R11" not in rules_of(report)
    report.texts["other"] += "本年度无其他需要报告的事项。"
    report.last_year.texts["other"] += "本年度无其他需要报告的事项。"
    assert "R11" not in rules_of(report)


def test_rewritten_sections_with_last_year_attached_give_no_new_problem():
    assert rules.check(with_last()) == []


# ── stale years ─────────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("text", [
    "2023年，我镇共收到政府信息公开申请3119件。",
    "严格落实公开制度。\n2023年，我镇围绕重点领域主动公开政府信息。",
    "（一）2023年度本机关主动公开政府信息5000余条。",
    "全年工作有序推进。2023年我镇持续深化政务公开。",
])
def test_a_paragraph_opening_with_last_years_year_is_warned(text):
    report = clean_report()
    report.texts["overview_active"] = text
    p = only(report, "STALE_YEAR")
    assert p.field == "text.overview_active" and p.severity == WARNING
    assert "「2023年" in p.message and "2024 年" in p.message and (p.actual, p.expected) == (2023, 2024)
    fixed = p.fix.texts[0][1]
    assert "2024" in fixed and "2023" not in fixed


@pytest.mark.parametrize("text", [
    "2024年，我镇共收到政府信息公开申请3119件，较2023年增长10%。",
    "上年结转34件均为2023年结转的申请。",
    "2023年以来，我镇持续推进政务公开标准化建设。",
    "2023年1月至12月的统计口径与本年一致。",
    "2023年，本机关收到申请2800件，2024年增加到3119件。",
    "2025年，我镇将继续深化政务公开。",
    "与2023年相比，主动公开信息数量有所增加。",
])
def test_other_years_mentioned_legitimately_are_not_stale(text):
    report = clean_report()
    report.texts["overview_active"] = text
    assert "STALE_YEAR" not in rules_of(report)


def test_a_stale_year_in_the_opening_paragraph_is_warned_without_a_fix():
    report = clean_report()
    report.opening = "2023年，我镇严格贯彻落实《中华人民共和国政府信息公开条例》。现将工作总结如下："
    p = only(report, "STALE_YEAR")
    assert p.field == "opening" and p.step == "info" and p.fix is None and "开头段落" in p.message


# ── the superseded trial notice ─────────────────────────────────────────────────────────
@pytest.mark.parametrize("text", [
    "本报告按照《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）编制。",
    "依据国办公开办函[2019]60号要求编制。",
    "按照国办公开办函（2019）60 号的格式填写。",
])
def test_a_reference_to_the_2019_trial_notice_is_warned_with_a_safe_fix(text):
    report = clean_report()
    report.texts["other"] = report.texts["other"] + text
    p = only(report, "OLD_NOTICE")
    assert p.field == "text.other" and "〔2019〕60号" in p.message and "〔2021〕30号" in p.message
    report.texts["other"] = p.fix.texts[0][1]
    assert "OLD_NOTICE" not in rules_of(report) and "〔2021〕30号" in report.texts["other"]


def test_the_current_notice_is_not_warned():
    report = clean_report()
    report.texts["other"] += "本报告按照国办公开办函〔2021〕30号规定的格式编制。"
    assert "OLD_NOTICE" not in rules_of(report)


# ── 五 ─────────────────────────────────────────────────────────────────────────────────
def test_problems_without_measures_are_warned():
    report = clean_report()
    report.texts["problems"] = "一是政务公开的时效性有待加强。二是工作人员业务能力和水平有待提升。三是公开内容有待改进。"
    p = only(report, "MEASURES")
    assert p.field == "text.problems" and "改进措施" in p.message and p.severity == WARNING


@pytest.mark.parametrize("measures", ["下一步，我镇将加强培训。", "针对上述问题，我们将进一步完善制度。",
                                      "整改措施：建立信息发布台账。", "今后要定期开展自查。"])
def test_problems_with_measures_pass(measures):
    report = clean_report()
    report.texts["problems"] = "一是政务公开的时效性有待加强。" + measures
    assert "MEASURES" not in rules_of(report)


def test_last_years_problems_not_mentioned_when_last_year_is_attached():
    report = with_last()
    report.texts["problems"] = "一是公开内容不够全面。下一步，我们将进一步丰富公开内容。"
    p = only(report, "LAST_PROBLEMS")
    assert p.field == "text.problems" and "上年" in p.message and "整改" in p.message
    report.last_year = None                                 # nothing to compare with: no warning
    assert "LAST_PROBLEMS" not in rules_of(report)


@pytest.mark.parametrize("sentence", ["2023年报告中指出的栏目更新不及时问题已整改。",
                                      "上年度存在的问题均已整改到位。", "去年提出的不足，今年已全部解决。",
                                      "针对上一年度报告所列问题，逐项制定整改措施。"])
def test_last_years_problems_mentioned_pass(sentence):
    report = with_last()
    report.texts["problems"] = "一是公开内容不够全面。下一步，我们将进一步丰富公开内容。" + sentence
    assert "LAST_PROBLEMS" not in rules_of(report)


# ── no new false alarms ─────────────────────────────────────────────────────────────────
def test_the_demo_and_the_samples_give_no_new_problem():
    demo = drafts.load(DEMO)
    assert not NEW_RULES & set(rules_of(demo))
    demo.info.publish_date = dt.date(2025, 1, 20)
    assert not NEW_RULES & set(rules_of(demo))
    assert rules.check(clean_report()) == []


def test_a_missing_publication_date_is_a_hint_at_export(tmp_path, capsys):
    report = clean_report()                                   # no 发布日期, 淮安市人民政府
    path = tmp_path / "报告.json"
    drafts.save(report, path)
    assert cli.main(["export", str(path), "-o", str(tmp_path / "年报.docx")]) == 0
    err = capsys.readouterr().err
    assert "未填写发布日期" in err and "「年 月 日」" in err and "2025年3月31日" in err
    report.info.publish_date = dt.date(2025, 1, 20)
    drafts.save(report, path)
    assert cli.main(["export", str(path), "-o", str(tmp_path / "年报2.docx")]) == 0
    assert "未填写发布日期" not in capsys.readouterr().err


def test_a_reference_to_the_old_format_by_name_is_warned_without_a_fix():
    report = clean_report()
    report.texts["other"] += "本报告仍按2019年版格式编制。"
    p = only(report, "OLD_NOTICE")
    assert p.fix is None and "2019年版格式" in p.message
