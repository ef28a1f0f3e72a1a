"""Recovery copies: the open report saved every 30 s, at most two seconds after an edit (even while
the clerk keeps typing) and on every step change, to the user's data folder (never over the user's
own file); removed on a clean close, offered again after a crash. A copy also records the wizard step
shown, so the restored report opens where the clerk was (copies without it open at the first step).

Each running window holds a QLockFile beside its copy; a copy whose lock is stale (its process is
gone) is an orphan left by a crash or a kill, and the next start offers to restore it.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal

if TYPE_CHECKING:     # imported where a copy is read: the start page paints without the core
    from gui.report.atomic import FileStamp
# json and datetime are imported where a copy is written or read, and Recovery is a NamedTuple, not a
# dataclass: the window's first paint waits for none of them (about 10 ms together).

RECOVERY_DIR_ENV = "NIANBAO_RECOVERY_DIR"
INTERVAL_ENV = "NIANBAO_AUTOSAVE_MS"         # tests shorten the 30 s interval
INTERVAL_MS = 30_000
# Also shortly after the typing stops, so a kill loses at most the last couple of seconds.
QUIET_ENV = "NIANBAO_AUTOSAVE_QUIET_MS"
QUIET_MS = 2_000
FORMAT_ID = "nianbao-zhushou/recovery"
SHORT_ORGAN = 60          # a damaged copy may hold any text there; the question stays readable


def recovery_dir() -> Path:
    override = os.environ.get(RECOVERY_DIR_ENV)
    if override:
        folder = Path(override)
    else:
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        folder = Path(base) / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Recovery(NamedTuple):
    path: Path                 # the recovery copy
    file: Path | None          # the user's file it belongs to (None: never saved)
    saved_at: str
    draft: dict
    file_stamp: FileStamp | None = None     # the user's file as that window knew it
    step: str | None = None                 # the wizard step shown (None in older copies)

    @property
    def saved_at_text(self) -> str:
        import datetime as dt
        try:
            t = dt.datetime.fromisoformat(self.saved_at)
        except (TypeError, ValueError):
            return str(self.saved_at)
        return f"{t.year}年{t.month}月{t.day}日 {t:%H:%M}"

    def _info(self, key: str):
        """A field of the draft's 基本信息 as written, or None where the copy is damaged."""
        info = self.draft.get("info") if isinstance(self.draft, dict) else None
        return info.get(key) if isinstance(info, dict) else None

    @property
    def organ(self) -> str | None:
        """机关全称 ("" when not filled in yet; None when it cannot be read)."""
        organ = self._info("organ")
        if not isinstance(organ, str):
            return None
        organ = " ".join(organ.split())
        return organ if len(organ) <= SHORT_ORGAN else organ[:SHORT_ORGAN] + "…"

    @property
    def year(self) -> int | None:
        year = self._info("year")
        return year if isinstance(year, int) and not isinstance(year, bool) else None

    def report(self):
        from gui.report.drafts import from_json
        return from_json(self.draft)

    def discard(self) -> None:
        for p in (self.path, _lock_path(self.path)):
            p.unlink(missing_ok=True)


def _lock_path(copy: Path) -> Path:
    return copy.with_suffix(".lock")


def _stamp_from(value) -> FileStamp | None:
    from gui.report.atomic import FileStamp
    try:
        return FileStamp(int(value["size"]), int(value["mtime_ns"]), str(value["sha256"]))
    except (TypeError, KeyError, ValueError):
        return None


def _window_gone(copy: Path) -> bool:
    """True when no running window holds the lock of `copy` (a stale lock file is removed)."""
    lock = QLockFile(str(_lock_path(copy)))
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):
        return False
    lock.unlock()
    return True


def orphaned_recoveries() -> list[Recovery]:
    """Copies left by windows that are no longer running, newest first."""
    import json
    found = []
    try:
        folder = recovery_dir()
    except OSError:
        return []                                         # nothing could have been saved there
    for lock_path in folder.glob("recovery-*.lock"):     # locks of sessions that never wrote a copy
        if not lock_path.with_suffix(".json").exists():
            _window_gone(lock_path.with_suffix(".json"))
    # ".recovery-….json.<random>.tmp": a copy being written when its window was killed (the
    # previous copy, if any, is whole under its own name)
    for temp in folder.glob(".recovery-*.tmp"):
        if _window_gone(folder / temp.name[1:].rsplit(".", 2)[0]):
            try:
                temp.unlink(missing_ok=True)
            except OSError:
                pass
    for copy in folder.glob("recovery-*.json"):
        if not _window_gone(copy):       # its window is still running
            continue
        try:
            data = json.loads(copy.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT_ID:
                continue
            file = Path(data["file"]) if data.get("file") else None
            step = data.get("step")
            found.append(Recovery(copy, file, data.get("saved_at", ""), data["draft"],
                                  _stamp_from(data.get("file_stamp")),
                                  step if isinstance(step, str) else None))
        except (OSError, ValueError, KeyError, TypeError):
            continue                      # unreadable: leave it for the user to find
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class Autosaver(QObject):
    """Keeps this window's recovery copy up to date while the document has unsaved changes."""
    saved = Signal(str)

    def __init__(self, parent=None, current_step=lambda: None):
        super().__init__(parent)
        self.document = None
        self.current_step = current_step         # the wizard step shown, recorded in the copy
        self._saved = None                       # (revision, step) in the copy
        name = f"recovery-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{os.urandom(3).hex()}"
        self.copy: Path | None = None
        self.lock: QLockFile | None = None
        self.unavailable = ""            # why there are no recovery copies in this session
        try:
            self.copy = recovery_dir() / f"{name}.json"
        except OSError as exc:           # e.g. a read-only profile: the window must still open
            self.unavailable = (f"无法创建自动保存的文件夹「{exc.filename or ''}」，本次不会自动保存"
                                "恢复副本，请记得随时保存。")
        else:
            self.lock = QLockFile(str(_lock_path(self.copy)))
            self.lock.setStaleLockTime(0)
            self.lock.tryLock(0)
        self.timer = QTimer(self)
        self.timer.setInterval(int(os.environ.get(INTERVAL_ENV, INTERVAL_MS)))
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        self.quiet = QTimer(self)
        self.quiet.setSingleShot(True)
        self.quiet.setInterval(int(os.environ.get(QUIET_ENV, QUIET_MS)))
        self.quiet.timeout.connect(self.save_now)

    def watch(self, document) -> None:
        if self.document is not None:
            self.document.undo_stack.cleanChanged.disconnect(self._clean_changed)
            self.document.problemsChanged.disconnect(self._soon)
        self.document = document
        self._saved = None
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        document.problemsChanged.connect(self._soon)            # after every change
        if not document.modified:
            self.remove()
        bar = getattr(self.parent(), "statusBar", None)
        if self.unavailable and bar is not None:
            bar().showMessage(self.unavailable)

    def _soon(self) -> None:
        # Not restarted by later edits: continuous typing must not postpone the copy indefinitely.
        if not self.quiet.isActive():
            self.quiet.start()

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.remove()

    def save_now(self) -> bool:
        """Write the copy when there are unsaved changes not yet in it; True when written."""
        doc = self.document
        if self.copy is None or doc is None or not doc.modified:
            return False
        state = (doc.revision, self.current_step())
        if state == self._saved:
            return False
        import datetime as dt
        import json
        from gui.report.atomic import SaveError, write_atomic
        from gui.report.drafts import to_json
        data = {"format": FORMAT_ID, "version": 1,
                "file": str(doc.path) if doc.path is not None else None,
                "file_stamp": vars(doc.disk_stamp) if doc.disk_stamp is not None else None,
                "saved_at": dt.datetime.now().isoformat(timespec="seconds"), "step": state[1],
                "pid": os.getpid(), "draft": to_json(doc.report)}
        try:
            # ASCII escapes: any text, even a lone surrogate from a damaged draft, can be written
            write_atomic(self.copy, json.dumps(data).encode("ascii"), backup=False)
        except SaveError:
            return False                  # the next attempt may succeed; never bother the user
        self._saved = state
        self.saved.emit(str(self.copy))
        return True

    def remove(self) -> None:
        self._saved = None
        if self.copy is not None:
            try:
                self.copy.unlink(missing_ok=True)
            except OSError:
                pass                      # a copy that cannot be removed is offered once more

    def close(self) -> None:
        """A clean close: no copy, no lock."""
        self.timer.stop()
        self.quiet.stop()
        self.remove()
        if self.lock is not None:
            self.lock.unlock()
