"""A clerk who types without pausing still gets a recovery copy within seconds, not at the next
30-second tick: the copy follows the first unsaved edit, however the typing goes on."""
from __future__ import annotations

import json
import time

import pytest
from PySide6.QtWidgets import QApplication

from window_support import app_env, open_sample, show_active, type_text  # noqa: F401

QUIET_MS = 300


@pytest.fixture
def typing_window(app_env, qtbot, monkeypatch):
    monkeypatch.setenv("NIANBAO_AUTOSAVE_MS", "600000")          # the periodic tick never comes
    monkeypatch.setenv("NIANBAO_AUTOSAVE_QUIET_MS", str(QUIET_MS))
    from gui.qt.window.main_window import MainWindow
    win = MainWindow()
    show_active(win, qtbot)
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()


def test_continuous_typing_is_copied_within_the_quiet_interval(typing_window, qtbot):
    window = typing_window
    open_sample(window)
    edit = window.wizard.go_to("problems").editors["problems"].edit
    copies = []
    window.autosaver.saved.connect(copies.append)
    start = time.monotonic()
    while time.monotonic() - start < 4 * QUIET_MS / 1000:        # a keystroke every 50 ms, no pause
        type_text(edit, "改")
        qtbot.wait(50)
    assert copies, "no recovery copy while the clerk kept typing"
    saved = json.loads(open(copies[-1], encoding="utf-8").read())
    assert "改" in saved["draft"]["texts"]["problems"]
    QApplication.processEvents()
