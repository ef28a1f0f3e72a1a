"""The self-check's parts that need Qt: the window's modules and plugin, Qt's zh_CN translation."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator

from ..missing import Missing


def check_translation(folder: Path) -> str:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load("qtbase_zh_CN", folder):
        raise Missing(f"找不到 Qt 的中文翻译 qtbase_zh_CN.qm（{folder}）：Qt 自带的按钮和对话框会显示英文")
    cancel = translator.translate("QPlatformTheme", "Cancel")
    if cancel != "取消":
        raise Missing(f"Qt 的中文翻译无法使用（「Cancel」译为「{cancel}」）")
    return f"qtbase_zh_CN.qm（「Cancel」→「{cancel}」）"


def check_window(folder: Path) -> str:
    try:
        from . import app
        from .window import main_window
    except ImportError as exc:
        raise Missing(f"窗口的模块缺失（{exc.name}）") from exc
    plugin = {"win32": "qwindows.dll", "darwin": "libqcocoa.dylib"}.get(sys.platform, "libqxcb.so")
    platforms = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    if not (platforms / plugin).is_file():
        raise Missing(f"缺少 Qt 的窗口插件 {plugin}（{platforms}）：窗口无法打开")
    return f"{app.__name__}、{main_window.__name__} 等模块，Qt 插件 {plugin}"


def check_x11_libraries(folder: Path) -> str:
    if not sys.platform.startswith("linux"):
        return "不需要（只有 Linux 的窗口需要 X11 系统库）"
    from .app import missing_x11_libraries
    missing = missing_x11_libraries()
    if missing:
        raise Missing(f"缺少窗口所需的系统库 {'、'.join(missing)}：窗口无法打开（命令行功能不受影响）。"
                      f"请安装：sudo apt-get install {' '.join(sorted(set(missing.values())))}")
    return "窗口所需的 X11 系统库齐全"
