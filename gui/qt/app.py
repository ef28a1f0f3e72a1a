"""The window application: `python main.py [FILE] [--demo] [--screenshots DIR]`."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from gui import APP_NAME, __version__

from . import translations

FIRST_PAINT_ENV = "NIANBAO_FIRST_PAINT"        # print "FIRST_PAINT <time.time()>" when first painted
EXIT_AFTER_PAINT_ENV = "NIANBAO_EXIT_AFTER_PAINT"
TEST_EDITS_ENV = "NIANBAO_TEST_EDITS"          # tests only: JSON edits applied after start


# What Qt's xcb platform plugin loads on Linux, and the Debian/Ubuntu packages that carry it.
X11_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1", "libdbus-1.so.3": "libdbus-1-3",
}


def missing_x11_libraries() -> dict[str, str]:
    """Linux: the libraries of X11_LIBRARIES that cannot be loaded (a frozen folder finds its own first)."""
    import ctypes
    missing = {}
    for library, package in X11_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing[library] = package
    return missing


def missing_display_support() -> str | None:
    """Linux only: a Chinese explanation when the window cannot open, before Qt aborts in English."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None                       # offscreen, wayland, vnc …: Qt's own business
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None
    if not os.environ.get("DISPLAY"):
        return ("没有找到图形界面（未设置 DISPLAY）。请在桌面环境中运行年报助手；"
                "在服务器上可用 xvfb-run，或设置 QT_QPA_PLATFORM=offscreen 只生成截图。")
    missing = list(missing_x11_libraries().values())
    if not missing:
        return None
    return ("缺少显示窗口所需的系统库，请先安装：\n"
            f"  sudo apt-get install {' '.join(missing)}\n"
            "（命令行功能如 check、export 不需要这些库。）")


def parse_args(argv: list[str]) -> argparse.Namespace:
    from gui.arguments import ChineseArgumentParser
    parser = ChineseArgumentParser(prog="main.py", description=f"{APP_NAME}：政府信息公开工作年度报告")
    parser.add_argument("file", nargs="?", help="要打开的报告草稿")
    parser.add_argument("--demo", action="store_true", help="打开示例报告")
    parser.add_argument("--screenshots", metavar="DIR", help="把示例报告的每一步截图保存到 DIR 后退出")
    return parser.parse_args(argv)


def make_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("nianbao-zhushou")
    app.setApplicationName("nianbao-zhushou")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    if not getattr(app, "_translators", None):
        app._translators = translations.install(app)
    return app


# No screen to answer a modal box on: tests, --screenshots on a server, a CI runner.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})


def _excepthook(exc_type, exc, tb):
    """No traceback for the clerk: a message, the details on stderr; autosave keeps the work.

    Headless, the message goes to stderr only: a modal box there waits for ever for a click."""
    import traceback                          # here: the start page paints without it
    if sys.stderr is not None:                # the Windows window launcher has no console
        traceback.print_exception(exc_type, exc, tb)
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox
        for widget in QApplication.topLevelWidgets():
            autosaver = getattr(widget, "autosaver", None)
            if autosaver is not None:
                autosaver.save_now()          # the recovery copy first, before anything else can fail
        if QApplication.instance() is not None and QApplication.platformName() in HEADLESS_PLATFORMS:
            if sys.stderr is not None:
                print(f"年报助手发生了意外错误：{exc_type.__name__}: {exc}", file=sys.stderr)
        elif QApplication.instance() is not None:
            QMessageBox.critical(None, "出错了", "发生了意外错误，刚才的操作可能没有完成。\n"
                                 "已填写的内容会自动保存；请保存报告后重新启动年报助手。\n\n"
                                 f"详细信息：{exc_type.__name__}: {exc}")
    except Exception:
        pass


def _test_edits(window) -> None:
    """Tests only (a child process): apply edits as if typed, report each autosave on stdout."""
    import json
    from gui.report.form import CellRef
    window.autosaver.saved.connect(lambda path: print(f"AUTOSAVED {path}", flush=True))
    for edit in json.loads(os.environ[TEST_EDITS_ENV]):
        if "cell" in edit:
            window.document.set_cells({CellRef(*edit["cell"]): edit["value"]})
        else:
            window.document.set_field(f"text.{edit['text']}", edit["value"])
    print("EDITED", flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    problem = missing_display_support()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    app = make_application()
    sys.excepthook = _excepthook
    if args.screenshots:
        from .window.screenshots import render_all
        return render_all(Path(args.screenshots))
    from PySide6.QtCore import QTimer
    from .window.main_window import MainWindow
    window = MainWindow()
    if os.environ.get(FIRST_PAINT_ENV):
        def painted():
            print(f"FIRST_PAINT {time.time():.6f}", flush=True)
            print("QT_CANCEL " + app.translate("QPlatformTheme", "Cancel"), flush=True)
            if os.environ.get(EXIT_AFTER_PAINT_ENV):
                QTimer.singleShot(0, app.quit)
        window.firstPainted.connect(painted)
    if args.demo:
        window.open_demo()
    elif args.file:
        window.open_path(Path(args.file))
    window.show()
    if os.environ.get(TEST_EDITS_ENV):
        QTimer.singleShot(50, lambda: _test_edits(window))
    elif not os.environ.get(EXIT_AFTER_PAINT_ENV):
        QTimer.singleShot(0, window.offer_recovery)
    code = app.exec()
    window.autosaver.timer.stop()
    return code
