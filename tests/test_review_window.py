"""The review window driven as a county reviewer would: add the folder, start, watch the progress,
sort, select a unit to see its problems, open its file in the wizard, write the letters, save the
review and reopen it; cancel stops a round."""
from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from gui.report.review import NEEDS_CHANGES, PUBLISHABLE, UNREADABLE
from review_factory import CLEAN, COPIED, LATE, WRONG, county_folder
from window_support import app_env, window  # noqa: F401 — fixtures


def _dialog(qtbot, parent=None, paths=()):
    from gui.qt.review_dialog import ReviewDialog
    dialog = ReviewDialog(parent, paths)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _run(qtbot, dialog, timeout=240_000):
    qtbot.mouseClick(dialog.buttons["start"], Qt.MouseButton.LeftButton)
    assert dialog.cancel_button.isVisible()
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=timeout)


def _row_of(dialog, name):
    return next(i for i, u in enumerate(dialog.model.units) if u.name == name)


def _select(qtbot, dialog, name):
    row = _row_of(dialog, name)
    dialog.view.selectRow(row)
    return dialog.model.units[row]


def test_review_a_county_folder_in_the_window(qtbot, tmp_path, app_env):  # noqa: F811
    folder = county_folder(tmp_path)
    dialog = _dialog(qtbot, paths=[folder])
    texts = []
    dialog.progress_label.setText = lambda t, f=dialog.progress_label.setText: (texts.append(t), f(t))
    _run(qtbot, dialog)
    assert any(t.startswith("正在检查第 ") and t.endswith(f"共 {len(dialog.review.units) + 2} 个") for t in texts), texts
    model = dialog.model
    statuses = {u.name: model.data(model.index(i, 0)) for i, u in enumerate(model.units)}
    assert statuses[WRONG] == statuses[LATE] == NEEDS_CHANGES
    assert statuses["庚镇.docx"] == UNREADABLE and statuses[CLEAN] == PUBLISHABLE
    assert model.data(model.index(0, 0)) == UNREADABLE              # worst first
    dialog.view.sortByColumn(5, Qt.SortOrder.DescendingOrder)       # 错误数, most first
    errors = [model.data(model.index(i, 5)) for i in range(model.rowCount())]
    assert errors == sorted(errors, key=int, reverse=True)
    unit = _select(qtbot, dialog, WRONG)
    shown = [dialog.problems.item(r, 2).text() for r in range(dialog.problems.rowCount())]
    assert dialog.problems.rowCount() == len(unit.findings) and "表三「（七）总计」行「总计」列" in shown
    _select(qtbot, dialog, COPIED[1])
    messages = [dialog.problems.item(r, 3).text() for r in range(dialog.problems.rowCount())]
    assert any(COPIED[0] in m and "内容雷同" in m for m in messages)


def test_letters_save_and_reopen_from_the_window(qtbot, tmp_path, monkeypatch, app_env):  # noqa: F811
    from PySide6.QtWidgets import QFileDialog
    folder = county_folder(tmp_path)
    dialog = _dialog(qtbot, paths=[folder])
    _run(qtbot, dialog)
    out = tmp_path / "意见"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    qtbot.mouseClick(dialog.buttons["letters"], Qt.MouseButton.LeftButton)
    written = sorted(p.name for p in out.glob("*.docx"))
    assert f"{WRONG}2024年报告审查意见.docx" in written and f"{CLEAN}2024年报告审查意见.docx" not in written
    saved = tmp_path / "审查.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(dialog.buttons["save"], Qt.MouseButton.LeftButton)
    assert openpyxl.load_workbook(saved).sheetnames[0] == "总览"
    again = _dialog(qtbot)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(again.buttons["reopen"], Qt.MouseButton.LeftButton)
    assert sorted(u.name for u in again.model.units) == sorted(u.name for u in dialog.model.units)
    unit = _select(qtbot, again, WRONG)
    assert again.problems.rowCount() == len(unit.findings) > 0


def test_open_shows_the_units_file_in_the_wizard(qtbot, tmp_path, window):  # noqa: F811
    folder = county_folder(tmp_path)
    dialog = _dialog(qtbot, window, [folder / "己镇.json"])
    _run(qtbot, dialog)
    _select(qtbot, dialog, WRONG)
    assert dialog.buttons["open"].isEnabled()
    qtbot.mouseClick(dialog.buttons["open"], Qt.MouseButton.LeftButton)
    assert window.document is not None and window.document.report.info.organ == WRONG
    assert any(p.rule == "R2" for p in window.document.problems)


def test_cancel_stops_the_round(qtbot, tmp_path, app_env):  # noqa: F811
    folder = county_folder(tmp_path)
    dialog = _dialog(qtbot, paths=[folder])
    qtbot.mouseClick(dialog.buttons["start"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=120_000)
    assert dialog.review.cancelled and "已取消" in dialog.heading.text()


def test_the_tools_menu_opens_the_review_window(qtbot, window, monkeypatch):  # noqa: F811
    from gui.qt.review_dialog import ReviewDialog
    shown = []
    monkeypatch.setattr(ReviewDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    tools = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("工具"))
    action = next(a for a in tools.actions() if a.text() == "审查多个单位的报告…")
    action.trigger()
    assert shown == ["审查多个单位的报告"]
