"""Every QSettings key the window keeps between sessions, declared once; and the folder last used."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

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


def folder(key: str = LAST_FOLDER) -> str:
    """The folder remembered under `key`, else the home folder."""
    return str(QSettings().value(key, str(Path.home())))


def remember_folder(path: Path, key: str = LAST_FOLDER) -> None:
    """Remember the folder of the file `path`, or `path` itself when it is a folder."""
    path = Path(path)
    QSettings().setValue(key, str(path if path.is_dir() else path.parent))
