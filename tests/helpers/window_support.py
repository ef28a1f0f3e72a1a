"""Shared set-up for the window tests: private settings and recovery folder, a window fixture."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


@pytest.fixture
def app_env(tmp_path, monkeypatch, qapp):
    """Settings, recent files and recovery copies in a temporary folder, never the user's."""
    monkeypatch.setenv("NIANBAO_RECOVERY_DIR", str(tmp_path / "recovery"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    from gui.qt.app import make_application
    make_application()
    QSettings().clear()
    return tmp_path


@pytest.fixture
def window(app_env, qtbot):
    from gui.qt.window.main_window import MainWindow
    win = MainWindow()
    show_active(win, qtbot)
    yield win
    if win.document is not None:
        win.document.undo_stack.setClean()      # no prompt while tearing down
    win.close()
    win.deleteLater()


def show_active(win, qtbot) -> None:
    """Shown and active, as a clerk's window is: shortcuts (Ctrl+Z, Ctrl+O …) only reach the active
    window. Offscreen it always is; on a real X server without a window manager it must be asked."""
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)


def open_sample(window, report=None, path=None):
    from gui.report.samples import huaian_2024
    window.open_report(report or huaian_2024(), path, ask=False)
    return window.document


def answer_next_box(button_text: str, seen: list | None = None, delay: int = 0):
    """Click the button labelled `button_text` on the next modal message box (recording its text)."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        if seen is not None:
            seen.append(box.text() + "\n" + box.informativeText())
        for b in box.buttons():
            if b.text() == button_text:
                b.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")
    QTimer.singleShot(delay, click)


def type_into_cell(qtbot, window, ref, text: str):
    """Go to the cell like a clerk (the step, then the cell), type, press Enter."""
    from PySide6.QtCore import Qt
    page = window.wizard.go_to(ref.table)
    page.select_cell(ref)
    view = page.editor.view
    qtbot.keyClicks(view, text)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    return page


def type_text(widget, text: str):
    """Type like a clerk with a Chinese input method: each character committed by the IME."""
    from PySide6.QtGui import QInputMethodEvent
    widget.setFocus()
    for ch in text:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)
