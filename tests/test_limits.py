"""The limits of the form (issue 7 item 5): a report at the maximum checks, saves, exports and reimports
exactly; one more than the maximum is refused with a Chinese reason by every reader.

The maximum is MAX_COUNT = 999,999,999 件 per cell (form.py, enforced by cells.parse), the fee of 表二
below 10**9 万元 with 4 decimals, the 信息处理费 below 10**12 元 with 4 decimals. Two reports
(tests/limits_factory.py): every cell at the maximum (its relations are broken: a 总计 of six cells at
the maximum would be six times the maximum), and a consistent one whose totals reach the maximum
exactly, which forces the cells they add up to below it.
"""
from __future__ import annotations

import json
import zipfile

import openpyxl
import pytest

from gui import cli
from gui.report import drafts, rules
from gui.report.docx_export import ExportOptions, export_docx
from gui.report.docx_import import read_docx
from gui.report.draft_reader import DraftError
from gui.report.excel.tables_read import read_tables
from gui.report.excel.tables_xlsx import export_tables
from gui.report.form import ALL_CELLS, LEVELS, MAX_COUNT, CellRef, describe
from gui.report.model import Fee
from gui.report.samples import huaian_2024
from limits_factory import MAX_FEE, MAX_YUAN, ceiling_report, consistent_ceiling_report

TEXT_LENGTH = 5000
STAMP = "2025-01-20T09:00:00+08:00"
NATURAL_NEW = CellRef("requests", "new", "natural")
FEES = CellRef("active", "fees", "value")
REPORTS = {"ceiling": lambda: ceiling_report(TEXT_LENGTH),
           "consistent": lambda: consistent_ceiling_report(TEXT_LENGTH)}


def assert_same_numbers(got, want) -> None:
    wrong = [(describe(ref), want.cells[ref], got.cells[ref]) for ref in ALL_CELLS
             if (type(got.cells[ref]), str(got.cells[ref])) != (type(want.cells[ref]), str(want.cells[ref]))]
    assert wrong == []


# ── the report at the maximum ───────────────────────────────────────────────────────────────
def test_a_report_at_the_maximum_is_checked_naming_the_broken_totals():
    problems = rules.check(ceiling_report(TEXT_LENGTH))
    r2 = [p for p in problems if p.rule == "R2"]
    assert len(r2) == 7 and "（七）总计 999999999" in r2[0].message and "20999999979" in r2[0].message


def test_a_consistent_report_whose_totals_reach_the_maximum_has_no_errors():
    report = consistent_ceiling_report(TEXT_LENGTH)
    assert report.get(CellRef("requests", "total", "total")) == MAX_COUNT
    assert report.get(CellRef("appeals", "review", "total")) == MAX_COUNT
    assert [p.message for p in rules.check(report) if p.is_error] == []


@pytest.mark.parametrize("name", list(REPORTS))
def test_save_and_load_at_the_maximum_is_exact_and_stable(tmp_path, name):
    report = REPORTS[name]()
    path = tmp_path / "最大.json"
    drafts.save(report, path)
    again = drafts.load(path)
    assert again == report and again.last_year == report.last_year
    assert_same_numbers(again, report)
    assert drafts.dumps(again, STAMP) == drafts.dumps(report, STAMP)


@pytest.mark.parametrize("name", list(REPORTS))
def test_word_export_then_import_gives_back_every_number(tmp_path, name):
    report = REPORTS[name]()
    path = tmp_path / "年报.docx"
    export_docx(report, path, ExportOptions(), overwrite=True)
    result = read_docx(path)
    assert_same_numbers(result.report, report)
    assert result.unrecognised == []
    assert (result.report.info.organ, result.report.info.year) == (report.info.organ, report.info.year)
    # Word keeps no trailing space at the end of a paragraph; everything else comes back
    assert {k: v.rstrip() for k, v in result.report.texts.items()} == \
           {k: v.rstrip() for k, v in report.texts.items()}


@pytest.mark.parametrize("name", list(REPORTS))
def test_tables_workbook_export_then_read_gives_back_every_number(tmp_path, name):
    report = REPORTS[name]()
    path = tmp_path / "表格.xlsx"
    export_tables(report, path)
    result = read_tables(path)
    assert result.messages == []
    assert_same_numbers(result.report, report)
    assert result.report.fee == report.fee and str(result.report.fee.amount_yuan) == str(MAX_YUAN)
    assert result.report.info == report.info


# ── one more than the maximum ───────────────────────────────────────────────────────────────
def _draft_with(**changes) -> bytes:
    data = drafts.to_json(huaian_2024(), STAMP)
    for path, value in changes.items():
        node = data
        *parents, last = path.split("__")
        for key in parents:
            node = node[key]
        node[last] = value
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("path, largest, too_large, reason", [
    ("requests__new", [MAX_COUNT] * 7, [10 ** 9] + [0] * 6,
     "表三「一、本年新收政府信息公开申请数量」行「自然人」列的值 1000000000 无效：数字过大"),
    ("active__fees", str(MAX_FEE), "1000000000", "表二「行政事业性收费」本年收费金额（单位：万元）的值「1000000000」无效：金额过大"),
    ("fee__amount_yuan", str(MAX_YUAN), "1000000000000", "最多 12 位整数"),
    ("fee__charged", MAX_COUNT, 10 ** 9, "0–999999999 之间的整数"),
])
def test_the_draft_reader_takes_the_maximum_and_refuses_one_more(path, largest, too_large, reason):
    assert drafts.loads(_draft_with(**{path: largest}))
    with pytest.raises(DraftError) as refused:
        drafts.loads(_draft_with(**{path: too_large}))
    assert reason in str(refused.value)


def test_the_tables_workbook_reader_reports_a_value_above_the_maximum_and_leaves_it_blank(tmp_path):
    path = tmp_path / "表格.xlsx"
    export_tables(huaian_2024(), path)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    numbers = [c for row in sheet.iter_rows() for c in row if type(c.value) is int and c.value == 3001]
    numbers[0].value = 10 ** 9                                      # 表三 一、本年新收 自然人
    fee = next(c for row in sheet.iter_rows() for c in row if c.value == 96171.6)
    fee.value = "1,000,000,000"
    info = book["基本信息"]
    info["B2"].value, info["B3"].value = 99999, "第五级"
    info["B10"].value, info["B11"].value = "99999999999999", True
    book.save(path)
    result = read_tables(path)
    text = "\n".join(result.messages)
    assert result.report.get(NATURAL_NEW) is None and result.report.get(FEES) is None
    assert f"{describe(NATURAL_NEW)}（工作表「{sheet.title}」单元格 {numbers[0].coordinate}）：数字过大" in text
    assert f"单元格 {fee.coordinate}）：金额过大" in text
    assert "报告年度" in text and "单位层级" in text and "全年收取信息处理费（元）" in text and "收费的申请件数" in text
    info_read = result.report.info
    assert info_read.year == 2024 and info_read.level == LEVELS[0]       # the title's year; the default level
    assert result.report.fee.amount_yuan is None and result.report.fee.charged is None
    assert drafts.loads(drafts.dumps(result.report)) == result.report          # what was read reopens


def _docx_with_cell(tmp_path, text: str, other: str | None = None):
    """Our export of the sample with 表三 一、本年新收 自然人 (3001) typed as `text`."""
    report = huaian_2024()
    if other is not None:
        report.texts["other"] = other
    path = tmp_path / "年报.docx"
    export_docx(report, path, ExportOptions(), overwrite=True)
    edited = tmp_path / "改过.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                assert data.count(b">3001<") == 1
                data = data.replace(b">3001<", f">{text}<".encode())
            target.writestr(item, data)
    return edited


@pytest.mark.parametrize("text", ["1000000000", "1,000,000,000", "99999999999"])
def test_the_word_importer_reports_a_value_above_the_maximum_and_leaves_it_blank(tmp_path, text):
    result = read_docx(_docx_with_cell(tmp_path, text))
    assert result.report.get(NATURAL_NEW) is None
    assert any(describe(NATURAL_NEW) in m and "数字过大" in m for m in result.unrecognised)


def test_the_import_command_prints_the_value_it_left_blank(tmp_path, capsys):
    source = _docx_with_cell(tmp_path, "1000000000")
    assert cli.main(["import", str(source), "-o", str(tmp_path / "导入.json")]) == 0
    out = capsys.readouterr().out
    assert f"{describe(NATURAL_NEW)}的内容「1000000000」无法识别为数字，已留空：数字过大" in out
    assert drafts.load(tmp_path / "导入.json").get(NATURAL_NEW) is None


@pytest.mark.parametrize("amount", ["1000000000000", "12345678901234567890", "0.123456"])
def test_a_fee_in_the_text_beyond_what_a_draft_holds_is_reported_not_imported(tmp_path, amount):
    other = f"2024年，本机关全年收取政府信息公开信息处理费{amount}元。"
    result = read_docx(_docx_with_cell(tmp_path, "3001", other=other))
    assert result.report.fee.amount_yuan is None
    assert any("信息处理费" in m and amount in m for m in result.unrecognised)
    assert drafts.loads(drafts.dumps(result.report)) == result.report


def test_the_largest_fee_in_the_text_is_imported_exactly(tmp_path):
    other = f"2024年，本机关全年收取政府信息公开信息处理费{MAX_YUAN}元。"
    result = read_docx(_docx_with_cell(tmp_path, "3001", other=other))
    assert str(result.report.fee.amount_yuan) == str(MAX_YUAN)


# ── fixes and hints never go above the maximum ─────────────────────────────────────────────
def test_no_fix_or_hint_offers_a_total_above_the_maximum():
    report = ceiling_report(100, with_last_year=False)
    for problem in rules.check(report):
        if problem.fix is not None:
            assert all(v is None or v <= MAX_COUNT for _, v in problem.fix.cells), problem.message
    r2 = next(p for p in rules.check(report) if p.rule == "R2")
    assert r2.fix is None and r2.expected == 20_999_999_979     # said, but not offered as a fix
    report.set(CellRef("requests", "total", "natural"), None)
    assert CellRef("requests", "total", "natural") not in rules.hints(report)


def test_every_offered_fix_leaves_a_report_that_saves_and_reopens(tmp_path):
    report = ceiling_report(100, with_last_year=False)
    for row, parts, total in (("review", (0, MAX_COUNT, MAX_COUNT, MAX_COUNT), 5), ("suit_direct", (1, 2, 3, 4), 5)):
        for column, value in zip(("upheld", "corrected", "other", "pending", "total"), parts + (total,)):
            report.set(CellRef("appeals", row, column), value)
    for problem in rules.check(report):
        for ref, value in problem.fix.cells if problem.fix else ():
            report.set(ref, value)
    assert report.get(CellRef("appeals", "suit_direct", "total")) == 10          # fixed
    assert report.get(CellRef("appeals", "review", "total")) == 5                # 3 × MAX_COUNT: left to the clerk
    drafts.save(report, tmp_path / "修正后.json")
    assert drafts.load(tmp_path / "修正后.json") == report


# ── what is saved always reopens ────────────────────────────────────────────────────────────
def test_a_value_above_the_maximum_is_not_saved_where_it_could_not_be_reopened(tmp_path):
    path = tmp_path / "草稿.json"
    drafts.save(huaian_2024(), path)
    before = path.read_bytes()
    report = huaian_2024()
    report.set(NATURAL_NEW, MAX_COUNT + 1)           # only a sum can get here: a typed cell refuses it
    with pytest.raises(drafts.SaveError, match="无法保存为草稿：表三「一、本年新收政府信息公开申请数量」行「自然人」列"
                                               "的值 1000000000 无效：数字过大"):
        drafts.save(report, path)
    assert path.read_bytes() == before


def test_a_draft_too_large_to_reopen_is_not_saved(tmp_path, monkeypatch):
    monkeypatch.setattr(drafts, "MAX_BYTES", 20_000)
    with pytest.raises(drafts.SaveError, match="正文过长"):
        drafts.save(ceiling_report(3000), tmp_path / "草稿.json")
    assert list(tmp_path.iterdir()) == []


def test_a_summary_whose_sums_pass_the_maximum_writes_the_workbook_but_no_draft(tmp_path, capsys):
    units = []
    for n in (1, 2):
        report = ceiling_report(100, with_last_year=False)
        report.info.organ = f"第{n}镇人民政府"
        report.fee = Fee()                       # (their sums would be refused first, for the same reason)
        units.append(tmp_path / f"单位{n}.json")
        drafts.save(report, units[-1])
    code = cli.main(["summary", *map(str, units), "-o", str(tmp_path / "汇总.xlsx"),
                     "--draft", str(tmp_path / "汇总.json")])
    err = capsys.readouterr().err
    assert code == 2 and "无法保存为草稿" in err and "1999999998" in err and "数字过大" in err
    assert (tmp_path / "汇总.xlsx").is_file() and not (tmp_path / "汇总.json").exists()


# ── the paste limit (gui/qt/tables/clipboard.py) ───────────────────────────────────────────────
def _paste(qtbot, text: str):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from table_support import R, make_editor
    editor = make_editor(qtbot, "requests")
    before = dict(editor.document.report.cells)
    editor.select_cell(R("new", "natural"))
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(editor.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.document.report.cells == before and editor.document.undo_stack.count() == 0
    return editor.message_text()


@pytest.mark.parametrize("text, reason", [
    ("1\n" * 10_000, "复制的内容有 10000 行 1 列"),
    ("1\t2\t3\t4\t5\t6\t21\r\n" * 10_000, "复制的内容有 10000 行 7 列"),
    ("1\n" * 10_001, "粘贴的内容超过 10,000 行"),
    ("\r" * 30_000, "粘贴的内容超过 10,000 行"),
    ("9" * 10 * 1024 * 1024, "粘贴的内容过大"),
    ("１\t" * (5 * 1024 * 1024), "粘贴的内容过大"),
], ids=["10000-lines", "10000-rows-of-7", "10001-lines", "30000-bare-CR", "10MB-one-line", "10MB-of-tabs"])
def test_a_huge_paste_into_a_table_is_refused_whole_with_a_chinese_message(qtbot, text, reason):
    assert reason in _paste(qtbot, text)
