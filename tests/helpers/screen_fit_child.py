"""Run by test_screen_fit.py in a child process with QT_SCALE_FACTOR and a configured offscreen screen:
opens the window (optionally after a remembered geometry larger than the screen), visits every step
and prints one JSON line of what a clerk could reach."""
import json
import sys
import tempfile

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import QApplication


def inside(widget, window) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return widget.isVisible() and QRect(top_left, widget.size()).intersected(window.rect()) == \
        QRect(top_left, widget.size())


def following(window, key) -> dict:
    """Table `key` scrolled to its last data cell, as a clerk following an error there would: what of
    its row labels and header rows is still in sight, and whether the cell itself is."""
    from PySide6.QtWidgets import QApplication
    page = window.wizard.go_to(key)
    view = page.editor.view
    last = view.grid.data_cells[-1]
    page.select_cell(last.ref)
    QApplication.processEvents()
    viewport = view.viewport().rect()
    cell = view.visualRect(view.currentIndex())
    labels = view.frozen_labels
    header = view.frozen
    covered_left = labels.width() if labels is not None and labels.isVisible() else 0
    covered_top = header.height() if header is not None and header.isVisible() else 0
    return {
        "sideways": view.horizontalScrollBar().value(),
        "down": view.verticalScrollBar().value(),
        "labels_shown": labels is not None and labels.isVisible(),
        "labels_width": sum(view.columnWidth(c) for c in range(view.label_cols)),
        "header_shown": header is not None and header.isVisible(),
        "cell_in_sight": viewport.contains(cell) and cell.left() >= covered_left and cell.top() >= covered_top,
        "viewport_width": viewport.width(),
    }


def main() -> int:
    remember_big = sys.argv[1:] == ["remember-big"]
    folder = tempfile.mkdtemp()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    from gui.qt.app import make_application
    from gui.qt.window.main_window import MainWindow
    from gui.qt.window.steps import STEP_KEYS
    from gui.qt.settings import WINDOW_GEOMETRY
    app = make_application()
    QSettings().clear()
    if remember_big:          # last closed on a larger screen, at the size the issue saw: 2049×1152
        from PySide6.QtWidgets import QMainWindow
        before = QMainWindow()
        before.setGeometry(QRect(300, 200, 2049, 1152))
        QSettings().setValue(WINDOW_GEOMETRY, before.saveGeometry())
    window = MainWindow()
    window.open_demo()
    window.show()
    app.processEvents()
    available = window.screen().availableGeometry()
    steps = {}
    for key in STEP_KEYS:
        window.wizard.go_to(key)
        app.processEvents()
        wizard = window.wizard
        reachable = [inside(w, window) for w in (wizard.back, wizard.next)] + \
            ([inside(window.problems_dock, window)] if window.problems_dock.isVisible() else [])
        page = wizard.stack.currentWidget()
        minimum = window.minimumSizeHint()
        steps[key] = {"reachable": all(reachable), "page_width": page.width(),
                      "minimum": [minimum.width(), minimum.height()]}
    editor = window.wizard.page("requests").editor
    window.wizard.go_to("requests")
    app.processEvents()
    frozen = {key: following(window, key) for key in ("active", "requests", "appeals")}
    print(json.dumps({
        "frozen": frozen,
        "problems_toggle": window.problems_toggle.isEnabled(),
        "available": [available.width(), available.height()],
        "window": [window.geometry().x(), window.geometry().y(), window.width(), window.height()],
        "steps": steps,
        "requests_hscroll": editor.view.horizontalScrollBar().maximum() if hasattr(editor, "view") else None,
    }, ensure_ascii=False))
    window.document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
