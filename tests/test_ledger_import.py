"""Table 三 from ledgers: ours, foreign layouts, bad rows with their Excel row numbers, formulas."""
import datetime as dt
import random

import openpyxl
import pytest

from gui.report import form
from gui.report.excel.ledger_import import read_ledger
from gui.report.excel.safety import ExcelError
from gui.report.form import CellRef
from gui.report.samples import huaian_2024
from ledger_factory import (FOREIGN_KIND, applications, expected_requests, loose_result, our_row,
                            write_our_ledger)


def _mixed_apps(n, seed=1):
    rng = random.Random(seed)
    apps = []
    for i in range(n):
        received = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(360))
        source = "carry_in" if rng.random() < 0.1 else "new"
        if source == "carry_in":
            received = dt.date(2023, 12, 1) + dt.timedelta(days=rng.randrange(30))
        result = rng.choice(form.DETAIL_ROWS + ("unfinished",))
        done = None if result == "unfinished" else max(received, dt.date(2024, 1, 1)) + dt.timedelta(days=1)
        apps.append({"id": f"A{i}", "kind": rng.choice(form.APPLICANT_COLUMNS), "source": source,
                     "result": result, "received": received, "done": min(done, dt.date(2024, 12, 31))
                     if done else None})
    return apps


def test_hundreds_of_mixed_rows_with_a_few_bad_ones(tmp_path):
    apps = _mixed_apps(600)
    rows = [our_row(a) for a in apps]
    bad = {  # index in rows → what is wrong
        17: ("kind", "外星人"), 99: ("result", "不予公开"), 250: ("kind", None),
        400: ("received", dt.date(2025, 2, 1)), 555: ("id", "A3"),
    }
    column = {"id": 0, "received": 1, "kind": 2, "result": 5}
    for i, (field, value) in bad.items():
        rows[i][column[field]] = value
    path = tmp_path / "台账.xlsx"
    write_our_ledger(path, rows)
    result = read_ledger(path, 2024)
    good = [a for i, a in enumerate(apps) if i not in bad]
    assert result.values == expected_requests(good)
    assert [b.row for b in result.bad_rows] == [i + 2 for i in sorted(bad)]
    reasons = {b.row: b.reason for b in result.bad_rows}
    assert "外星人" in reasons[19] and "申请人类型" in reasons[19]
    assert "8 种情形" in reasons[101]
    assert "申请人类型为空" in reasons[252]
    assert "2025-02-01" in reasons[402]
    assert "重复" in reasons[557] and "第 5 行" in reasons[557]
    assert result.counted == len(good)


def test_a_real_reports_distribution_gives_exactly_its_table(tmp_path):
    report = huaian_2024()
    apps = applications(report, 2024, random.Random(5))
    path = tmp_path / "淮安.xlsx"
    write_our_ledger(path, [our_row(a) for a in apps])
    result = read_ledger(path)          # year found from the dates
    assert result.year == 2024
    assert result.bad_rows == []
    assert result.values == {ref: report.get(ref) for ref in form.REQUESTS.cells()}


def test_foreign_ledger_other_headers_order_wording_and_text_dates(tmp_path):
    report = huaian_2024()
    rng = random.Random(9)
    apps = applications(report, 2024, rng)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["某某市2024年政府信息公开申请登记台账"])
    sheet.merge_cells("A1:H1")
    sheet.append(["答复 结果", "申请人姓名", "序号", "申请人身份（个人/企业等）", "申请时间", "申请事项",
                  "答复日期", "联系电话"])
    for a in apps:
        received = a["received"]
        text_date = rng.choice((f"{received.year}年{received.month}月{received.day}日",
                                f"{received.year}/{received.month}/{received.day}", received.isoformat(),
                                received))
        sheet.append([loose_result(a["result"], rng), "张三", a["id"], FOREIGN_KIND[a["kind"]],
                      text_date, "某信息", a["done"], "0000"])
    sheet.append([None, None, "合计", None, None, f"{len(apps)}件"])
    path = tmp_path / "外单位台账.xlsx"
    workbook.save(path)
    result = read_ledger(path, 2024)
    assert result.bad_rows == []
    assert result.values == {ref: report.get(ref) for ref in form.REQUESTS.cells()}
    assert result.columns["kind"] == "申请人身份（个人/企业等）"
    assert any("来源" in n for n in result.notes)      # carried-over rows found from their dates


def test_formula_without_a_cached_value_is_reported_not_treated_as_empty(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["申请编号", "收到日期", "申请人类型", "来源", "办理结果", "办结日期"])
    sheet.append(["1", dt.date(2024, 3, 1), "自然人", "本年新收", "（一）予以公开", dt.date(2024, 3, 9)])
    sheet.append(["2", dt.date(2024, 3, 2), "自然人", "本年新收", "=Sheet2!A1", dt.date(2024, 3, 9)])
    sheet.append(["3", dt.date(2024, 3, 3), "=Sheet2!B1", "=Sheet2!C1", "=Sheet2!D1", None])
    path = tmp_path / "公式.xlsx"
    workbook.save(path)          # openpyxl saves formulas without cached values
    result = read_ledger(path, 2024)
    assert [b.row for b in result.bad_rows] == [3, 4]
    assert "公式" in result.bad_rows[0].reason and "办理结果" in result.bad_rows[0].reason
    assert result.counted == 1


def test_unfinished_late_and_inconsistent_rows(tmp_path):
    rows = [
        ["1", dt.date(2024, 12, 20), "自然人", None, "本年新收", "（一）予以公开", dt.date(2025, 1, 6), None],
        ["2", dt.date(2024, 12, 21), "商业企业", None, "本年新收", None, None, None],
        ["3", dt.date(2024, 5, 1), "自然人", None, "上年结转", "（一）予以公开", dt.date(2024, 5, 2), None],
        ["4", "2024-05-01", "自然人", None, "本年新收", "（一）予以公开", "2024-04-01", None],
        ["5", "昨天", "自然人", None, "本年新收", "尚未办结", None, None],
    ]
    path = tmp_path / "l.xlsx"
    write_our_ledger(path, rows)
    result = read_ledger(path, 2024)
    carry_out = CellRef("requests", "carry_out", "total")
    assert result.values[carry_out] == 2            # finished in 2025 and blank result
    assert any("2025" in n or "之后才办结" in n for n in result.notes)
    assert [b.row for b in result.bad_rows] == [4, 5, 6]
    assert "上年结转" in result.bad_rows[0].reason
    assert "早于收到日期" in result.bad_rows[1].reason
    assert "不是日期" in result.bad_rows[2].reason


def test_workbook_without_ledger_headers_is_refused_in_chinese(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["姓名", "电话"])
    path = tmp_path / "x.xlsx"
    workbook.save(path)
    with pytest.raises(ExcelError, match="找不到台账的表头"):
        read_ledger(path, 2024)


def test_openpyxl_reading_path_gives_the_same_results(tmp_path, monkeypatch):
    """The fallback used if openpyxl's internals change: same table, same formula report."""
    import gui.report.excel.ledger_import as ledger_import
    apps = _mixed_apps(200, seed=3)
    rows = [our_row(a) for a in apps]
    rows[10][5] = "=Sheet2!A1"
    path = tmp_path / "台账.xlsx"
    write_our_ledger(path, rows)
    fast = read_ledger(path, 2024)
    monkeypatch.setattr(ledger_import, "can_read_fast", lambda *a: False)
    slow = read_ledger(path, 2024)
    assert slow.values == fast.values == expected_requests(apps[:10] + apps[11:])
    assert slow.bad_rows == fast.bad_rows and [b.row for b in slow.bad_rows] == [12]


def test_a_source_column_that_records_the_channel_is_ignored_for_dates(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["编号", "申请日期", "申请人类型", "来源", "答复结果", "答复日期"])
    sheet.append(["1", "2024-03-01", "自然人", "网上申请", "予以公开", "2024-03-05"])
    sheet.append(["2", "2023-12-20", "自然人", "信函", "本机关不掌握相关政府信息", "2024-01-05"])
    sheet.append(["3", "2024-12-30", "律师事务所", "当面", "办理中", None])
    path = tmp_path / "渠道.xlsx"
    workbook.save(path)
    result = read_ledger(path)
    assert result.year == 2024 and result.bad_rows == []
    assert result.values[CellRef("requests", "new", "total")] == 2
    assert result.values[CellRef("requests", "carry_in", "natural")] == 1
    assert result.values[CellRef("requests", "carry_out", "legal")] == 1
    assert any("申请方式" in n for n in result.notes)
