"""Drafts in the window: save, open, recent files, the unsaved-changes prompt, unreadable files."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from gui.report import drafts
from gui.report.form import CellRef
from gui.report.model import report_year_being_prepared
from gui.report.samples import huaian_2024
from window_support import answer_next_box, app_env, open_sample, type_into_cell, window  # noqa: F401

CELL = CellRef("appeals", "review", "upheld")


def test_save_as_then_reopen_from_the_recent_list(window, qtbot, tmp_path, monkeypatch):
    open_sample(window)
    type_into_cell(qtbot, window, CELL, "71")
    assert window.windowTitle().startswith("未命名报告[*]") and window.isWindowModified()
    target = tmp_path / "淮安2024.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert target.is_file()
    assert drafts.load(target).get(CELL) == 71
    assert window.windowTitle().startswith("淮安2024.json") and not window.isWindowModified()
    window.new_report()
    assert window.document.path is None
    window.central.setCurrentWidget(window.start_page)
    window.start_page.refresh()
    item = window.start_page.recent.item(0)
    assert item.text().startswith("淮安2024.json")
    window.start_page.recent.itemClicked.emit(item)
    assert window.document.path == target and window.document.report.get(CELL) == 71


def test_close_with_unsaved_changes_asks_save_discard_cancel(window, qtbot, tmp_path):
    path = tmp_path / "draft.json"
    drafts.save(huaian_2024(), path)
    window.open_path(path)
    type_into_cell(qtbot, window, CELL, "1")
    seen = []
    answer_next_box("取消", seen)
    window.close()
    assert window.isVisible() and window.document.modified
    assert "draft.json" in seen[0] and "保存" in seen[0]
    answer_next_box("保存")
    window.close()
    assert not window.isVisible()
    assert drafts.load(path).get(CELL) == 1


def test_discard_leaves_the_file_as_it_was(window, qtbot, tmp_path):
    path = tmp_path / "draft.json"
    drafts.save(huaian_2024(), path)
    before = path.read_bytes()
    window.open_path(path)
    type_into_cell(qtbot, window, CELL, "5")
    answer_next_box("不保存")
    window.close()
    assert not window.isVisible() and path.read_bytes() == before


def test_a_corrupt_file_gives_the_cores_message_and_the_window_carries_on(window, qtbot, tmp_path):
    bad = tmp_path / "坏文件.json"
    bad.write_text('{"format": "nianbao-zhushou/draft", "version": 1, "info": {', encoding="utf-8")
    seen = []
    answer_next_box("确定", seen)           # Qt's own button, in Chinese through qtbase_zh_CN
    assert window.open_path(bad) is False
    assert "坏文件.json" in seen[0]
    assert window.document is None and window.central.currentWidget() is window.start_page
    qtbot.mouseClick(window.start_page.buttons["new"], Qt.MouseButton.LeftButton)
    assert window.document is not None and window.wizard.current_step == "info"


def test_a_file_of_another_kind_is_refused_with_a_reason(window, tmp_path):
    other = tmp_path / "notes.odt"
    other.write_text("hello", encoding="utf-8")
    seen = []
    answer_next_box("确定", seen)
    assert window.open_path(other) is False
    assert "不支持" in seen[0]


def test_demo_opens_from_the_start_page(window, qtbot):
    qtbot.mouseClick(window.start_page.buttons["demo"], Qt.MouseButton.LeftButton)
    assert window.document.report.info.organ == "马营镇人民政府"
    assert not window.isWindowModified()


def test_open_draft_through_the_dialog(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    path.write_text(json.dumps(drafts.to_json(huaian_2024()), ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.document.path == path
    assert window.windowTitle().startswith("a.json")


def test_window_size_and_position_are_remembered(app_env, qtbot):
    from gui.qt.window.main_window import MainWindow
    first = MainWindow()
    first.show()
    first.resize(700, 500)
    qtbot.wait(10)
    first.close()
    second = MainWindow()
    assert (second.width(), second.height()) == (700, 500)
    second.autosaver.close()


@pytest.mark.parametrize("today, year", [
    (dt.date(2026, 1, 10), 2025),       # January: last year's report is due on the 31st
    (dt.date(2026, 10, 31), 2025),
    (dt.date(2026, 11, 1), 2026),       # from November the clerk prepares this year's
    (dt.date(2026, 12, 31), 2026),
])
def test_the_year_being_prepared(today, year):
    assert report_year_being_prepared(today) == year


def test_new_report_from_the_start_page_is_for_the_year_being_prepared(window, qtbot):
    qtbot.mouseClick(window.start_page.buttons["new"], Qt.MouseButton.LeftButton)
    info = window.wizard.page("info")
    assert window.document.report.info.year == report_year_being_prepared()
    assert f"{report_year_being_prepared()}年政府信息公开工作年度报告" in info.title.text()


@pytest.mark.parametrize("file, promise", [(None, "起个文件名"), (Path("马营镇2024.json"), "原文件不会被改动")])
def test_the_restore_question_speaks_of_a_file_only_when_there_is_one(window, file, promise):
    from gui.qt.window import dialogs
    from gui.qt.window.autosave import Recovery
    seen = []
    answer_next_box("以后再说", seen)
    recovery = Recovery(Path("copy.json"), file, "2026-11-29T02:03:00", {})
    assert dialogs.ask_restore(window, recovery) == dialogs.LATER
    assert promise in seen[0] and ("原文件" in seen[0]) == (file is not None)


def test_a_reader_that_fails_unexpectedly_still_gives_a_message_and_keeps_the_window(window, tmp_path,
                                                                                     monkeypatch):
    from gui.report import sources
    workbook = tmp_path / "表格.xlsx"
    workbook.write_bytes(b"PK\x05\x06" + bytes(18))

    def broken(path):
        raise KeyError("xl/workbook.xml")            # a bug in a reader, not a known bad file
    monkeypatch.setitem(sources.READERS, ".xlsx", broken)
    seen = []
    answer_next_box("确定", seen)
    assert window.open_path(workbook) is False
    assert "表格.xlsx" in seen[0] and "无法识别" in seen[0]
    assert window.central.currentWidget() is window.start_page
