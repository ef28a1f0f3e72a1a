"""Where the main window opens: within the available area of its screen (a 1920×1080 laptop at 150%
is 1280×720 logical), at the size it had last time when that still fits; and the problem list as it
was left (folded away or not, its width)."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication

from ..settings import PROBLEMS_SHOWN, PROBLEMS_WIDTH, WINDOW_GEOMETRY

PREFERRED = QSize(1366, 768)     # the size the steps are designed for, where the screen has room
TITLE_BAR = 32                   # the window manager's frame is not known before the window is shown
FRAME = 8


def fitted(wanted: QRect, available: QRect) -> QRect:
    """`wanted` made no larger than `available` (less the frame) and moved inside it."""
    room = available.adjusted(FRAME, TITLE_BAR, -FRAME, -FRAME)
    size = wanted.size().boundedTo(room.size())
    rect = QRect(wanted.topLeft(), size)
    rect.moveLeft(min(max(rect.left(), room.left()), room.right() - size.width() + 1))
    rect.moveTop(min(max(rect.top(), room.top()), room.bottom() - size.height() + 1))
    return rect


def first_geometry(available: QRect) -> QRect:
    """The first size: the preferred one where it fits, else the screen's available area; centred."""
    rect = fitted(QRect(available.topLeft(), PREFERRED), available)
    rect.moveCenter(available.adjusted(0, TITLE_BAR // 2, 0, 0).center())
    return fitted(rect, available)


def place(window) -> None:
    """Restore the remembered geometry, clamped to the screen it lands on; else the first size."""
    geometry = QSettings().value(WINDOW_GEOMETRY)
    restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
    screen = QGuiApplication.screenAt(window.geometry().center()) if restored else None
    screen = screen or window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    if restored:
        if window.isMaximized() or window.isFullScreen():
            return
        window.setGeometry(fitted(window.geometry(), available))
    else:
        window.setGeometry(first_geometry(available))


def remember(window) -> None:
    QSettings().setValue(WINDOW_GEOMETRY, window.saveGeometry())


def restore_problems(window) -> None:
    from PySide6.QtCore import Qt     # here: touching Qt's namespace costs the start page 20 ms
    settings = QSettings()
    dock = window.problems_dock
    dock.setVisible(str(settings.value(PROBLEMS_SHOWN, "true")).lower() != "false")
    width = settings.value(PROBLEMS_WIDTH)
    if width is not None and str(width).isdigit():
        window.resizeDocks([dock], [int(width)], Qt.Orientation.Horizontal)


def remember_problems(window) -> None:
    if window.document is None:
        return
    from gui.report.places import REVIEW        # the form loads when a report opens, not at start-up
    dock = window.problems_dock
    # on 检查与导出 the list is hidden for the step, not by the clerk
    shown = dock.isVisible() or window.wizard.current_step == REVIEW and window.dock_was_visible
    QSettings().setValue(PROBLEMS_SHOWN, "true" if shown else "false")
    if dock.isVisible():
        QSettings().setValue(PROBLEMS_WIDTH, dock.width())
