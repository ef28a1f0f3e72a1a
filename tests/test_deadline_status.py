"""The hint beside 报送截止日期 judges a published report by its 发布日期, not by today."""
import datetime as dt

from gui.report.deadlines import deadline_status

DEADLINE = dt.date(2026, 1, 31)
LATER = dt.date(2026, 10, 9)            # the day the window is opened, long after


def test_a_report_published_before_its_deadline_is_not_overdue_whatever_today_is():
    said = deadline_status(DEADLINE, LATER, dt.date(2026, 1, 20))
    assert "已按期发布" in said and "11 天" in said and "超过" not in said
    assert "当天" in deadline_status(DEADLINE, LATER, DEADLINE)


def test_a_report_published_after_its_deadline_says_by_how_much():
    assert deadline_status(DEADLINE, LATER, dt.date(2026, 2, 3)) == "发布日期晚于截止日期 3 天"


def test_without_a_publication_date_the_days_left_count_from_today():
    assert deadline_status(DEADLINE, dt.date(2026, 1, 21)) == "距截止还有 10 天"
    assert deadline_status(DEADLINE, LATER) == "已超过截止日期 251 天"
    assert deadline_status(None, LATER).startswith("填写报告年度")
