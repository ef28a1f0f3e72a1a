"""One draft, one window: the window showing a draft holds a lock named after the draft's path, and a
second window (or a second copy of the program) asked to open that draft brings the first to the front
instead of opening it twice.

The locks live beside the recovery copies, not beside the draft (nothing is written into the clerk's
or the county's folders). QLockFile records the holder's process: a lock left by a program that
crashed is stale and taken over at once. The holder watches a companion file; the second copy writes
to it to ask the holder to come forward (QtCore only — the build leaves QtNetwork out).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject

from .autosave import recovery_dir


def _files(path: Path) -> tuple[Path, Path] | None:
    """The lock and the companion file of the draft `path`; None without a data folder to hold them."""
    import getpass                  # here, not at the top: the start page paints without them
    import hashlib
    try:
        user = getpass.getuser()
    except Exception:               # no user name in the environment: the path alone still tells
        user = ""
    key = f"{user}\n{os.path.normcase(str(Path(path).resolve()))}"
    name = hashlib.sha1(key.encode("utf-8")).hexdigest()[:24]
    try:
        folder = recovery_dir().parent / "open-drafts"
    except OSError:                 # no data folder: drafts open unguarded, as without the lock
        return None
    return folder / f"{name}.lock", folder / f"{name}.show"


def bring_forward(path: Path) -> bool:
    """True when a running window already holds the draft `path`; it has been asked to come forward."""
    files = _files(path)
    if files is None or not files[0].exists():
        return False
    lock_path, show = files
    lock = QLockFile(str(lock_path))
    lock.setStaleLockTime(0)                # stale only when its holder is gone, never by age
    if lock.tryLock(0):
        lock.unlock()
        return False
    try:
        show.write_text(str(time.time()), encoding="utf-8")
    except OSError:
        return False
    return True


class DraftClaim(QObject):
    """The window's claim on the draft it shows (at most one at a time)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.lock: QLockFile | None = None
        self.path: Path | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._asked)

    def claim(self, path: Path | None) -> None:
        if path is not None and self.path is not None and Path(path) == self.path:
            return
        self.release()
        if path is None:
            return
        files = _files(path)
        if files is None:
            return
        lock_path, show = files
        try:
            lock_path.parent.mkdir(parents=True, exist_ok=True)
            show.write_text("", encoding="utf-8")
        except OSError:
            return                          # no room for the lock: the draft opens, unguarded
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            return
        self.lock, self.path = lock, Path(path)
        self.watcher.addPath(str(show))

    def release(self) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        if self.lock is not None:
            self.lock.unlock()
        self.lock, self.path = None, None

    def _asked(self, show: str) -> None:
        from PySide6.QtCore import Qt     # here: touching Qt's namespace costs the start page 20 ms
        if Path(show).exists() and show not in self.watcher.files():
            self.watcher.addPath(show)      # some editors replace a file: keep watching it
        if self.lock is None:
            return
        window = self.window
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        window.statusBar().showMessage("这份草稿又被要求打开一次：它已在本窗口中打开，没有再开一个。", 8000)
