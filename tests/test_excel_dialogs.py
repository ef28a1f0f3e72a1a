"""The ledger and summary dialogs, driven like a clerk: file choosers answered, buttons clicked."""
import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QTableWidget

from gui.qt import ledger_dialog, summary_dialog
from gui.qt.document import ReportDocument
from gui.report import drafts, form
from gui.report.excel.tables_read import read_tables
from gui.report.form import CellRef
from gui.report.model import Info, Report
from gui.report.samples import huaian_2024
from ledger_factory import write_our_ledger

SHOTS = os.environ.get("EXCEL_SCREENSHOTS")      # a folder to save screenshots of the dialogs in


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


def _when_modal(qtbot, action):
    """Run action(dialog) once the modal dialog is showing."""
    done = []

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        done.append(dialog)
        action(dialog)
    QTimer.singleShot(0, poll)
    return done


def _shot(widget, name):
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


def _ledger(tmp_path):
    rows = [["1", dt.date(2024, 3, 1), "自然人", None, "本年新收", "（一）予以公开", dt.date(2024, 3, 5)],
            ["2", dt.date(2024, 3, 2), "商业企业", None, "本年新收", "（四）无法提供—1.本机关不掌握相关政府信息",
             dt.date(2024, 3, 8)],
            ["3", dt.date(2023, 12, 2), "自然人", None, "上年结转", "尚未办结", None],
            ["4", dt.date(2024, 3, 2), "外星人", None, "本年新收", "（一）予以公开", dt.date(2024, 3, 5)]]
    path = tmp_path / "台账.xlsx"
    write_our_ledger(path, rows)
    return path


def test_import_shows_changes_and_bad_rows_then_applies_as_one_undo_step(qtbot, tmp_path, monkeypatch):
    path = _ledger(tmp_path)
    report = Report(Info(organ="某镇人民政府", year=2024))
    report.set(CellRef("requests", "open", "natural"), 5)
    document = ReportDocument(report)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen = {}

    def inspect_and_apply(dialog):
        _shot(dialog, "ledger-import.png")
        changes = dialog.findChild(QTableWidget, "changesTable")
        bad = dialog.findChild(QTableWidget, "badRowsTable")
        seen["changes"] = {changes.item(r, 0).text(): (changes.item(r, 1).text(), changes.item(r, 2).text())
                           for r in range(changes.rowCount())}
        seen["bad"] = [(bad.item(r, 0).text(), bad.item(r, 2).text()) for r in range(bad.rowCount())]
        assert document.report.get(CellRef("requests", "open", "natural")) == 5   # nothing yet
        qtbot.mouseClick(dialog.findChild(QPushButton, "applyButton"), Qt.MouseButton.LeftButton)

    _when_modal(qtbot, inspect_and_apply)
    assert ledger_dialog.import_ledger(None, document) is True
    open_natural = form.describe(CellRef("requests", "open", "natural"))
    assert seen["changes"][open_natural] == ("5", "1")
    assert seen["changes"][form.describe(CellRef("requests", "carry_out", "total"))] == ("（空）", "1")
    assert seen["bad"][0][0] == "5" and "外星人" in seen["bad"][0][1]
    assert document.report.get(CellRef("requests", "open", "natural")) == 1
    assert document.report.get(CellRef("requests", "unable_1", "commercial")) == 1
    assert document.undo_stack.count() == 1
    assert document.undo_stack.text(0) == "从台账导入"
    document.undo_stack.undo()
    assert document.report.get(CellRef("requests", "open", "natural")) == 5
    assert document.report.get(CellRef("requests", "carry_out", "total")) is None


def test_cancel_changes_nothing(qtbot, tmp_path, monkeypatch):
    path = _ledger(tmp_path)
    document = ReportDocument(Report(Info(organ="某镇人民政府", year=2024)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    _when_modal(qtbot, lambda d: qtbot.mouseClick(d.findChild(QPushButton, "cancelButton"),
                                                  Qt.MouseButton.LeftButton))
    assert ledger_dialog.import_ledger(None, document) is False
    assert document.undo_stack.count() == 0
    assert document.report.get(CellRef("requests", "new", "total")) is None


def test_unreadable_ledger_gives_a_chinese_message(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "坏.xlsx"
    bad.write_text("x", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: messages.append(text))
    document = ReportDocument(Report(Info(organ="某镇人民政府", year=2024)))
    assert ledger_dialog.import_ledger(None, document) is False
    assert messages and "不是有效的 Excel 工作簿" in messages[0]


def test_write_template_adds_the_suffix_and_confirms(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "我的台账"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: messages.append(text))
    assert ledger_dialog.write_template(None) == tmp_path / "我的台账.xlsx"
    assert (tmp_path / "我的台账.xlsx").exists() and "从台账导入" in messages[0]


def test_summary_dialog_lists_units_refuses_other_years_and_saves(qtbot, tmp_path, monkeypatch):
    paths = []
    for i, (name, year) in enumerate((("甲镇人民政府", 2024), ("乙镇人民政府", 2024), ("丙镇人民政府", 2023))):
        report = huaian_2024()
        report.info.organ, report.info.year = name, year
        paths.append(tmp_path / f"{name}.json")
        drafts.save(report, paths[-1])
    out = tmp_path / "汇总.xlsx"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    seen = {}

    def inspect_and_save(dialog):
        table = dialog.findChild(QTableWidget, "unitsTable")
        seen["rows"] = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
        qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)
        _shot(dialog, "summary.png")
        qtbot.mouseClick(dialog.findChild(QPushButton, "closeButton"), Qt.MouseButton.LeftButton)

    _when_modal(qtbot, inspect_and_save)
    dialog = summary_dialog.open_summary(None)
    assert [r[1] for r in seen["rows"][:2]] == ["甲镇人民政府", "乙镇人民政府"]
    assert seen["rows"][2][:2] == ["合计", "汇总（2个单位）"]
    assert seen["rows"][3][0] == "丙镇人民政府.json" and "2023" in seen["rows"][3][3]
    assert dialog.saved == out
    back = read_tables(out).report
    assert back.get(CellRef("requests", "new", "total")) == 2 * 3119
    assert back.get(CellRef("active", "fees", "value")) == Decimal("192343.2")


def test_summary_can_be_opened_as_a_draft_of_its_own(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QWidget

    class Window(QWidget):
        opened = None

        def open_report(self, report, path=None, modified=False):
            self.opened = (report, path, modified)
            return True

    window = Window()
    qtbot.addWidget(window)
    path = tmp_path / "甲.json"
    drafts.save(huaian_2024(), path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    _when_modal(qtbot, lambda d: qtbot.mouseClick(d.findChild(QPushButton, "openButton"),
                                                  Qt.MouseButton.LeftButton))
    summary_dialog.open_summary(window)
    report, where, modified = window.opened
    assert report.info.organ == "汇总（1个单位）" and where is None and modified
    assert report.get(CellRef("requests", "total", "total")) == 3050


def test_the_summary_is_never_saved_over_one_of_the_files_it_sums(qtbot, tmp_path, monkeypatch):
    from gui.report.excel.tables_xlsx import export_tables
    draft, workbook = tmp_path / "甲.json", tmp_path / "乙.xlsx"
    drafts.save(huaian_2024(), draft)
    other = huaian_2024()
    other.info.organ = "乙镇人民政府"
    export_tables(other, workbook)
    before = workbook.read_bytes()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(draft), str(workbook)], ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(workbook), ""))
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: messages.append(text))

    def save_and_close(dialog):
        qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.findChild(QPushButton, "closeButton"), Qt.MouseButton.LeftButton)

    _when_modal(qtbot, save_and_close)
    dialog = summary_dialog.open_summary(None)
    assert dialog.saved is None and workbook.read_bytes() == before
    assert messages and "乙.xlsx" in messages[0] and "要汇总的文件之一" in messages[0]
