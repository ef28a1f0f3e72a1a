"""A child process for the crash tests (tests/test_crash_recovery.py), killed with SIGKILL at a
random moment by its parent. Not collected by pytest.

    python tests/helpers/crash_child.py window DRAFT|--demo
        The real window (offscreen), driven like a clerk: NIANBAO_CRASH_EDITS (JSON, see
        crash_support.steps) is typed one step every NIANBAO_CRASH_STEP_MS: table cells through the
        view's keys, texts one character at a time through the input method. Prints "READY", then
        "EDIT i" after step i, and "AUTOSAVED n" once a recovery copy holding the first n steps has
        been written.

    python tests/helpers/crash_child.py save-loop TARGET A B
        Saves the bytes of file A, then B, then A … to TARGET with write_atomic, for ever.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def save_loop(target: str, first: str, second: str) -> None:
    from gui.report.atomic import write_atomic
    contents = [Path(first).read_bytes(), Path(second).read_bytes()]
    print("READY", flush=True)
    n = 0
    while True:
        write_atomic(target, contents[n % 2])
        n += 1


def _type_step(window, step) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent, QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from gui.report.form import CellRef
    if step["kind"] == "cell":
        ref = CellRef(*step["cell"])
        page = window.wizard.go_to(ref.table)
        page.select_cell(ref)
        view = page.editor.view
        QTest.keyClicks(view, step["typed"])
        QTest.keyClick(view, Qt.Key.Key_Return)
    else:
        edit = window.wizard.go_to(step["step"]).editors[step["field"]].edit
        edit.setFocus()
        edit.moveCursor(QTextCursor.MoveOperation.End)
        event = QInputMethodEvent()
        event.setCommitString(step["typed"])
        QApplication.sendEvent(edit, event)


def window(draft: str) -> int:
    from PySide6.QtCore import QTimer
    from gui.qt.app import make_application
    from gui.qt.window.main_window import MainWindow
    app = make_application()
    win = MainWindow()
    if draft == "--demo":
        win.open_demo()
    else:
        win.open_path(Path(draft))
    win.show()
    steps = json.loads(os.environ["NIANBAO_CRASH_EDITS"])
    done = [0]
    # the copy is written synchronously in a timer slot, so it holds exactly the steps done so far
    win.autosaver.saved.connect(lambda _path: print(f"AUTOSAVED {done[0]}", flush=True))

    def next_step():
        if done[0] == len(steps):
            timer.stop()
            print("FINISHED", flush=True)
            return
        _type_step(win, steps[done[0]])
        done[0] += 1
        print(f"EDIT {done[0]}", flush=True)

    timer = QTimer()
    timer.setInterval(int(os.environ.get("NIANBAO_CRASH_STEP_MS", "20")))
    timer.timeout.connect(next_step)
    QTimer.singleShot(0, lambda: (print("READY", flush=True), timer.start()))
    return app.exec()


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "save-loop":
        save_loop(*args)
    else:
        sys.exit(window(*args))
