"""Every QSettings key the window keeps between sessions, declared once; and the folder last used."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

LAST_FOLDER = "lastFolder"                  # 打开, 从上年报告新建: the folder of the file last opened
RECENT_FILES = "recentFiles"
WINDOW_GEOMETRY = "window/geometry"
PROBLEMS_SHOWN = "window/problemsShown"      # the problem list folded away or not
PROBLEMS_WIDTH = "window/problemsWidth"      # where its splitter was left
EXPORT_FOLDER = "export/folder"
EXPORT_PAGE_NUMBERS = "export/pageNumbers"
EXPORT_FONTS = "export/fonts"
LEDGER_FOLDER = "ledger/folder"
SUMMARY_FOLDER = "summary/folder"
REVIEW_FOLDER = "review/folder"              # 审查多个单位的报告: where the units' files were
REVIEW_LAST_YEAR = "review/lastYear"         # its 上年报告文件夹: where the chooser starts


def documents() -> Path:
    """文档 (Documents): where a clerk keeps files, and where dialogs start before any was used."""
    place = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(place) if place and Path(place).is_dir() else Path.home()


def folder(key: str = LAST_FOLDER) -> str:
    """The folder remembered under `key` (the last one used) while it still exists, else 文档 — never
    the program's own folder, where a dialog given no folder starts."""
    remembered = QSettings().value(key) or QSettings().value(LAST_FOLDER)
    if remembered and Path(str(remembered)).is_dir():
        return str(remembered)
    return str(documents())


def remember_folder(path: Path, key: str = LAST_FOLDER) -> None:
    """Remember the folder of the file `path`, or `path` itself when it is a folder."""
    path = Path(path)
    QSettings().setValue(key, str(path if path.is_dir() else path.parent))
