"""The review window's year selector, the files left out shown in the window with the reason, and
outputs proposed outside the reviewed folder (否 asks where instead of cancelling)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.report import drafts
from message_boxes import boxes  # noqa: F401
from review_factory import unit_report
from window_support import app_env  # noqa: F401


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "县政府办" / "各单位报送"
    folder.mkdir(parents=True)
    for i, organ in enumerate(("甲镇人民政府", "乙镇人民政府", "丙镇人民政府"), start=1):
        drafts.save(unit_report(organ, i), folder / f"{organ[:2]}.json")
    drafts.save(unit_report("丁镇人民政府", 4, year=2025), folder / "丁镇2025.json")     # sent a year early
    return folder


def _reviewed(qtbot, folder):
    from gui.qt import settings
    from gui.qt.review_dialog import ReviewDialog
    settings.remember_folder(folder, settings.REVIEW_FOLDER)       # as 「添加文件夹…」 does
    dialog = ReviewDialog(None, [folder])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.buttons["start"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=120_000)
    return dialog


def test_the_year_of_most_files_is_reviewed_and_another_can_be_chosen(qtbot, folder, app_env):  # noqa: F811
    dialog = _reviewed(qtbot, folder)
    box = dialog.year_choice.box
    assert dialog.year_choice.isVisible()
    assert [box.itemText(i) for i in range(box.count())] == ["2024年（3 份）", "2025年（1 份）"]
    assert box.currentData() == 2024 and dialog.review.year == 2024
    skipped = dialog.skipped
    assert skipped.isVisible() and skipped.rowCount() == 1
    assert skipped.item(0, 0).text() == "丁镇2025.json" and "2025" in skipped.item(0, 1).text()
    assert "原因见下方" in dialog.heading.text()
    box.setCurrentIndex(1)
    box.activated.emit(1)                                          # the reviewer picks 2025
    qtbot.waitUntil(lambda: dialog.thread is None and dialog.review.year == 2025, timeout=120_000)
    assert [u.organ for u in dialog.review.units] == ["丁镇人民政府"]
    assert dialog.skipped.rowCount() == 3


def test_saving_proposes_a_folder_outside_and_no_asks_where(qtbot, folder, app_env, boxes, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QFileDialog
    dialog = _reviewed(qtbot, folder)
    proposed = []
    answers = [folder / "审查结果.xlsx", folder.parent / "审查结果.xlsx"]

    def save_dialog(parent, title, where, *rest):
        proposed.append(Path(where))
        return str(answers.pop(0)), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    boxes.answers = ["否(&N)"]
    qtbot.mouseClick(dialog.buttons["save"], Qt.MouseButton.LeftButton)
    assert proposed[0].parent == folder.parent, "proposed beside the reviewed folder, not in it"
    assert len(proposed) == 2 and "在要审查的文件夹" in boxes.seen[0][1]      # 否: asked again where
    assert (folder.parent / "审查结果.xlsx").is_file() and not (folder / "审查结果.xlsx").exists()
    chosen = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda parent, title, where: chosen.append(where) or "")
    qtbot.mouseClick(dialog.buttons["letters"], Qt.MouseButton.LeftButton)
    assert Path(chosen[0]) == folder.parent
