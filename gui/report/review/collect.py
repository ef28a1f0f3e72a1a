"""Finding the units' files: folders searched recursively, every file accounted for.

A file is taken when its suffix has a reader in sources.READERS (readers registered later join by
themselves). Anything else found in a folder is listed with the reason, except the bookkeeping
files an operating system leaves everywhere.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..excel.summary import distinct_files
from .model import Skipped

# Files Windows, macOS and Office leave in folders: never a unit's report, not worth a line.
SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})
_LOCK_PREFIXES = ("~$", ".~lock.")


def readable_suffixes() -> frozenset[str]:
    from ..old_formats import NEWER
    from ..sources import READERS
    return frozenset(READERS) | frozenset(NEWER)     # old formats: converted, or unreadable with advice


def _why_not(path: Path, suffixes) -> str | None:
    if path.name.startswith(_LOCK_PREFIXES):
        return "是 Word、WPS 打开文件时留下的临时文件，不是报告。"
    if path.suffix.lower() not in suffixes:
        what = f"「{path.suffix}」" if path.suffix else "没有扩展名"
        return f"不支持的文件类型（{what}），未审查。"
    return None


def _walk(folder: Path):
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower() not in SYSTEM_FILES:
                yield Path(root) / name


def collect(paths) -> tuple[list[Path], list[Skipped]]:
    """The files to read, in a stable order, and those left out with the reason."""
    suffixes = readable_suffixes()
    found: list[Path] = []
    skipped: list[Skipped] = []
    for given in (Path(p).absolute() for p in paths):
        if given.is_dir():
            candidates = list(_walk(given))
            if not candidates:
                skipped.append(Skipped(given, "文件夹中没有文件。"))
        elif given.exists():
            candidates = [given]
        else:
            skipped.append(Skipped(given, "文件或文件夹不存在。"))
            continue
        for path in candidates:
            reason = _why_not(path, suffixes)
            if reason:
                skipped.append(Skipped(path, reason))
            else:
                found.append(path)
    files = []
    for path, again in distinct_files(found):
        if again:
            skipped.append(Skipped(path, again))
        else:
            files.append(path)
    return files, skipped


def inside(path, folders) -> Path | None:
    """The input folder `path` lies in, if any (an output there would be read by the next round)."""
    target = Path(path).resolve()
    for folder in map(Path, folders):
        if folder.is_dir():
            folder = folder.resolve()
            if target == folder or folder in target.parents:
                return folder
    return None
