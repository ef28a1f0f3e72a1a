"""The window application: `python main.py [FILE] [--demo] [--screenshots DIR]`."""
from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

from . import APP_NAME, __version__

FIRST_PAINT_ENV = "NIANBAO_FIRST_PAINT"        # print "FIRST_PAINT <time.time()>" when first painted
EXIT_AFTER_PAINT_ENV = "NIANBAO_EXIT_AFTER_PAINT"
TEST_EDITS_ENV = "NIANBAO_TEST_EDITS"          # tests only: JSON edits applied after start


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description=f"{APP_NAME}：政府信息公开工作年度报告")
    parser.add_argument("file", nargs="?", help="要打开的报告草稿")
    parser.add_argument("--demo", action="store_true", help="打开示例报告")
    parser.add_argument("--screenshots", metavar="DIR", help="把示例报告的每一步截图保存到 DIR 后退出")
    return parser.parse_args(argv)


def _install_translations(app) -> None:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    app._translators = []
    for name in ("qtbase_zh_CN",):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            app._translators.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def make_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("nianbao-zhushou")
    app.setApplicationName("nianbao-zhushou")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    if not getattr(app, "_translators", None):
        _install_translations(app)
    return app


def _excepthook(exc_type, exc, tb):
    """No traceback for the clerk: a message, the details on stderr; autosave keeps the work."""
    traceback.print_exception(exc_type, exc, tb)
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox
        if QApplication.instance() is not None:
            QMessageBox.critical(None, "出错了", "发生了意外错误，刚才的操作可能没有完成。\n"
                                 "已填写的内容会自动保存；请保存报告后重新启动年报助手。\n\n"
                                 f"详细信息：{exc_type.__name__}: {exc}")
    except Exception:
        pass


def _test_edits(window) -> None:
    """Tests only (a child process): apply edits as if typed, report each autosave on stdout."""
    import json
    from .report.form import CellRef
    window.autosaver.saved.connect(lambda path: print(f"AUTOSAVED {path}", flush=True))
    for edit in json.loads(os.environ[TEST_EDITS_ENV]):
        if "cell" in edit:
            window.document.set_cells({CellRef(*edit["cell"]): edit["value"]})
        else:
            window.document.set_text(edit["text"], edit["value"])
    print("EDITED", flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
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
