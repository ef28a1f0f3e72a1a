"""工具 → 与上年比较…: the comparison driven through its real widgets — a changed figure shows its
change and its warning, clicking a figure goes to its cell, a passage to its paragraph; the models
pass qtmodeltester; the dialog renders to PNG."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from gui.report.form import CellRef
from rules_support import clean_report, last_year_of
from window_support import app_env, open_sample, window  # noqa: F401

REVIEW_TOTAL = CellRef("appeals", "review", "total")
COPIED = "本机关认真贯彻落实政府信息公开条例，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。"


def _window_with_last_year(window):
    this = clean_report()
    last = last_year_of(this)
    last.set(REVIEW_TOTAL, 12)
    this.set(REVIEW_TOTAL, 70)
    last.texts["problems"] = COPIED
    this.texts["problems"] = "一是公开内容不够全面。" + COPIED + "下一步将整改。"
    this.last_year = last
    open_sample(window, this)
    return this


def _compare_action(window):
    tools = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("工具"))
    tools.aboutToShow.emit()
    return window.compare_action


def test_menu_entry_only_with_last_year(window):
    open_sample(window)
    assert not _compare_action(window).isEnabled()
    _window_with_last_year(window)
    assert _compare_action(window).isEnabled()


def test_changed_figure_shows_change_and_warning_and_clicking_goes_to_the_cell(window, qtbot, qtmodeltester, tmp_path):
    _window_with_last_year(window)
    _compare_action(window).trigger()
    dialog = window.compare_dialog
    qtbot.waitExposed(dialog)
    for model in dialog.models.values():
        qtmodeltester.check(model)
    model, view = dialog.models["appeals"], dialog.views["appeals"]
    row = model.row_of(REVIEW_TOTAL)
    shown = [model.index(row, c).data() for c in range(6)]
    assert shown == ["行政复议", "总计", "70", "12", "+58", "⚠ +483.3%"]
    assert "5.8 倍" in model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, 2).data(Qt.ItemDataRole.BackgroundRole) is not None
    quiet = model.row_of(CellRef("appeals", "review", "upheld"))
    assert model.index(quiet, 2).data(Qt.ItemDataRole.BackgroundRole) is None

    dialog.tabs.setCurrentIndex(2)
    rect = view.visualRect(model.index(row, 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.wizard.pages["appeals"]
    assert window.wizard.stack.currentWidget() is page
    current = page.editor.view.currentIndex()
    assert page.editor.model.ref_at(current.row(), current.column()) == REVIEW_TOTAL

    requests = dialog.models["requests"]
    assert requests.index(0, 0).data() == "（七）总计"
    before = requests.rowCount()
    dialog.fold.setChecked(False)
    assert requests.rowCount() == before - 21 * 7
    qtmodeltester.check(requests)

    dialog.tabs.setCurrentIndex(4)
    window.wizard.go_to("info")
    section = dialog.sections["problems"]
    assert "重复率" in section.rate_label.text()
    item = section.passages.item(0)
    assert item.text().endswith(COPIED)
    qtbot.mouseClick(section.passages.viewport(), Qt.MouseButton.LeftButton,
                     pos=section.passages.visualItemRect(item).center())
    editor = window.wizard.pages["problems"].editors["problems"].edit
    assert window.wizard.stack.currentWidget() is window.wizard.pages["problems"]
    assert editor.textCursor().selectedText() == COPIED

    out = Path(os.environ.get("COMPARE_SHOTS", tmp_path))      # COMPARE_SHOTS=folder keeps them to look at
    dialog.tabs.setCurrentIndex(2)
    assert dialog.grab().save(str(out / "compare_dialog.png"))
    dialog.tabs.setCurrentIndex(4)
    assert dialog.grab().save(str(out / "compare_dialog_text.png"))


def test_export_buttons_write_word_and_excel(window, qtbot, monkeypatch, tmp_path):
    import docx
    import openpyxl
    from PySide6.QtWidgets import QFileDialog
    _window_with_last_year(window)
    _compare_action(window).trigger()
    dialog = window.compare_dialog
    for button, name in ((dialog.word_button, "比较"), (dialog.excel_button, "比较")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, n=name: (str(tmp_path / n), ""))
        button.click()
    assert len(docx.Document(tmp_path / "比较.docx").tables) == 3
    appeals = openpyxl.load_workbook(tmp_path / "比较.xlsx").worksheets[2]
    assert ("行政复议", "总计", 70, 12, 58) in [r[:5] for r in appeals.iter_rows(values_only=True)]
