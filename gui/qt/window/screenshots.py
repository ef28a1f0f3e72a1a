"""`main.py --screenshots DIR`: every step of the demo report rendered to PNG at 1366×768, then table 三
on a laptop's logical screen: 1280×720 (1920×1080 at 150%) and 1093×614 (1366×768 at 125%), scrolled to
its last column with the row labels frozen."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .steps import STEPS

SIZE = (1366, 768)
LAPTOPS = ((1280, 720), (1093, 614))


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


def _on_a_laptop(window, size, path: Path) -> None:
    """Table 三 at a laptop's size, following the error to 总计 of 「四、结转下年度继续办理」."""
    from gui.report.form import CellRef
    window.resize(*size)
    page = window.wizard.go_to("requests")
    _settle()
    page.select_cell(CellRef("requests", "carry_out", "total"))
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
    window.problems_dock.show()         # as on a first start, whatever this user folded away
    for i, step in enumerate(STEPS, start=1):
        window.wizard.go_to(step.key)
        window.resize(*SIZE)
        _settle()
        window.grab().save(str(folder / f"{i:02d}-{step.key}.png"))
    _with_an_error(window, folder / f"{len(STEPS) + 1:02d}-requests-error.png")
    for i, size in enumerate(LAPTOPS, start=len(STEPS) + 2):
        _on_a_laptop(window, size, folder / f"{i:02d}-requests-{size[0]}x{size[1]}.png")
    window.document.undo_stack.setClean()
    window.autosaver.close()
    window.hide()
    window.deleteLater()
    print(f"已保存 {len(STEPS) + 2 + len(LAPTOPS)} 张截图到 {folder}")
    return 0
