"""The recent files list, kept in QSettings."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..settings import RECENT_FILES

MAX_RECENT = 8


def recent_files() -> list[Path]:
    value = QSettings().value(RECENT_FILES, [])
    if isinstance(value, str):
        value = [value]
    return [Path(v) for v in (value or [])]


def existing_recent_files() -> list[Path]:
    return [p for p in recent_files() if p.is_file()]


def add_recent(path: Path) -> None:
    path = Path(path).resolve()
    files = [p for p in recent_files() if p != path]
    QSettings().setValue(RECENT_FILES, [str(p) for p in ([path] + files)[:MAX_RECENT]])
