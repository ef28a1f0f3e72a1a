"""Message boxes answered as they appear, so a test sees every question and never hangs on one."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


class Boxes:
    """Answers every message box as it appears: records (title, text) and clicks the next planned
    answer, or the only button; an unplanned question is recorded and closed, never left hanging."""

    def __init__(self):
        self.seen: list[tuple[str, str]] = []
        self.answers: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self._poll)
        self.timer.start(20)

    def _poll(self):
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        self.seen.append((box.windowTitle(), box.text() + "\n" + box.informativeText()))
        buttons = {b.text(): b for b in box.buttons()}
        if self.answers:
            buttons[self.answers.pop(0)].click()
        elif len(buttons) == 1:
            next(iter(buttons.values())).click()
        else:
            box.reject()


@pytest.fixture
def boxes(qapp):
    recorder = Boxes()
    yield recorder
    recorder.timer.stop()
