"""`main.py --screenshots DIR`: every step of the demo report rendered to PNG at 1366×768."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .steps import STEPS

SIZE = (1366, 768)


def _settle():
    for _ in range(5):
        QApplication.processEvents()


def _with_an_error(window, path: Path) -> None:
    """Table 三 with a wrong total typed in: the suspect marked, the cells it involves lightly, the list."""
    from gui.report.form import CellRef
    ref = CellRef("requests", "total", "total")
    window.document.set_cells({ref: 75})
    page = window.wizard.go_to("requests")
    page.select_cell(ref)
    _settle()
    window.grab().save(str(path))


def render_all(folder: Path) -> int:
    from .main_window import MainWindow
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"无法把截图保存到「{folder}」：{exc.strerror or exc}。请换一个文件夹。", file=sys.stderr)
        return 2
    window = MainWindow()
    window.setGeometry(0, 0, *SIZE)
    window.show()
    _settle()
    window.grab().save(str(folder / "00-start.png"))
    window.open_demo()
    for i, step in enumerate(STEPS, start=1):
        window.wizard.go_to(step.key)
        window.resize(*SIZE)
        _settle()
        window.grab().save(str(folder / f"{i:02d}-{step.key}.png"))
    _with_an_error(window, folder / f"{len(STEPS) + 1:02d}-requests-error.png")
    window.document.undo_stack.setClean()
    window.autosaver.close()
    window.hide()
    window.deleteLater()
    print(f"已保存 {len(STEPS) + 2} 张截图到 {folder}")
    return 0
