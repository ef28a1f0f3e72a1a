"""审查多个单位的报告 with 上年报告文件夹: the reviewer chooses last year's folder in the window, the
round matches the units, the window names the unmatched both ways, the saved workbook has 年度比对."""
from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from gui.report import drafts
from gui.report.review.yearly_sheet import YEARLY
from review_factory import unit_report
from window_support import app_env  # noqa: F401 — fixture


def test_last_years_folder_chosen_in_the_window(qtbot, tmp_path, monkeypatch, app_env):  # noqa: F811
    from gui.qt.review_dialog import ReviewDialog
    this, last = tmp_path / "2024", tmp_path / "2023"
    this.mkdir(), last.mkdir()
    for name, seed in (("甲镇人民政府", 1), ("乙镇人民政府", 2), ("丙镇人民政府", 3)):
        drafts.save(unit_report(name, seed), this / f"{name}.json")
    drafts.save(unit_report("甲镇政府", 1, year=2023, factor=2), last / "甲镇.json")
    drafts.save(unit_report("乙镇人民政府", 2, year=2023), last / "乙镇.json")
    drafts.save(unit_report("丁镇人民政府", 4, year=2023), last / "丁镇.json")
    dialog = ReviewDialog(None, [this])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.last_year.clear_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(last))
    qtbot.mouseClick(dialog.last_year.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.last_year.edit.text() == str(last)
    qtbot.mouseClick(dialog.buttons["start"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=240_000)
    line = dialog.yearly_label.text()
    assert dialog.yearly_label.isVisible()
    assert line.startswith("与上年比对：2 个单位与上年报告对应")
    assert "上年没有对应的报告：丙镇人民政府" in line and "上年有报告、本年未报送：丁镇人民政府" in line
    saved = tmp_path / "审查.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(dialog.buttons["save"], Qt.MouseButton.LeftButton)
    sheet = openpyxl.load_workbook(saved)[YEARLY]
    assert {"甲镇人民政府", "乙镇人民政府"} <= {c.value for c in sheet["A"]}
    # 清除: the next round is this year's alone, and the chooser starts in last year's folder again
    qtbot.mouseClick(dialog.last_year.clear_button, Qt.MouseButton.LeftButton)
    assert dialog.last_year.folder() is None
    qtbot.mouseClick(dialog.buttons["start"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=240_000)
    assert dialog.review.yearly is None and not dialog.yearly_label.isVisible() and len(dialog.review.units) == 3
    from gui.qt import settings
    assert settings.folder(settings.REVIEW_LAST_YEAR) == str(last)
