"""A disk that fails on request: wraps the os calls of gui/report/atomic.py for some folders.

Each step of write_atomic has a name (see STEPS); `disk.fail(step, error)` makes that step raise,
`disk.space` is how many bytes still fit before os.write reports a full disk, and `disk.chunk`
makes os.write write at most that many bytes per call (a short write). Calls outside the folder
go straight through, so pytest and everything else keep working while the test runs.
(Qt writes through its own C++ calls, never through these.)
"""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

STEPS = ("open temp", "write", "fsync", "close", "chmod", "link backup", "copy backup",
         "replace backup", "replace", "open folder", "fsync folder")
_REAL = {name: getattr(os, name) for name in ("open", "write", "fsync", "close", "replace", "link",
                                              "chmod")}
_REAL_COPY2 = shutil.copy2


def os_error(code: int) -> OSError:
    return OSError(code, os.strerror(code))


class FaultyDisk:
    def __init__(self, monkeypatch, *folders: Path):
        self.folders = {Path(f) for f in folders}
        self.failing: dict[str, BaseException] = {}
        self.steps: list[str] = []
        self.space: int | None = None
        self.chunk: int | None = None
        self._temp_fds: set[int] = set()
        self._folder_fds: set[int] = set()
        for name in _REAL:
            monkeypatch.setattr(os, name, getattr(self, f"_{name}"))
        monkeypatch.setattr(shutil, "copy2", self._copy2)

    def fail(self, step: str, error: BaseException) -> "FaultyDisk":
        assert step in STEPS, step
        self.failing[step] = error
        return self

    def _step(self, step: str) -> None:
        self.steps.append(step)
        if step in self.failing:
            raise self.failing[step]

    def _ours(self, path) -> bool:
        return Path(os.fsdecode(path)).parent in self.folders

    def _open(self, path, flags, mode=0o777, **kwargs):
        if self._ours(path) and os.fsdecode(path).endswith(".tmp") and flags & os.O_CREAT:
            self._step("open temp")
            fd = _REAL["open"](path, flags, mode, **kwargs)
            self._temp_fds.add(fd)
            return fd
        if Path(os.fsdecode(path)) in self.folders:
            self._step("open folder")
            fd = _REAL["open"](path, flags, mode, **kwargs)
            self._folder_fds.add(fd)
            return fd
        return _REAL["open"](path, flags, mode, **kwargs)

    def _write(self, fd, data):
        if fd not in self._temp_fds:
            return _REAL["write"](fd, data)
        self._step("write")
        size = len(data) if self.chunk is None else min(len(data), self.chunk)
        if self.space is not None:
            if self.space <= 0:
                raise os_error(errno.ENOSPC)
            size = min(size, self.space)
            self.space -= size
        return _REAL["write"](fd, bytes(data[:size]))

    def _fsync(self, fd):
        if fd in self._temp_fds:
            self._step("fsync")
        elif fd in self._folder_fds:
            self._step("fsync folder")
        return _REAL["fsync"](fd)

    def _close(self, fd):
        ours = fd in self._temp_fds
        self._temp_fds.discard(fd)
        self._folder_fds.discard(fd)
        _REAL["close"](fd)                   # closed either way, as a real close that reports EIO
        if ours:
            self._step("close")

    def _chmod(self, path, mode, **kwargs):
        if self._ours(path):
            self._step("chmod")
        return _REAL["chmod"](path, mode, **kwargs)

    def _link(self, src, dst, **kwargs):
        if self._ours(dst):
            self._step("link backup")
        return _REAL["link"](src, dst, **kwargs)

    def _copy2(self, src, dst, **kwargs):
        if self._ours(dst) and "copy backup" in self.failing:
            self.steps.append("copy backup")
            Path(dst).write_bytes(Path(src).read_bytes()[:100])    # half written, then the disk is full
            raise self.failing["copy backup"]
        if self._ours(dst):
            self.steps.append("copy backup")
        return _REAL_COPY2(src, dst, **kwargs)

    def _replace(self, src, dst, **kwargs):
        if self._ours(dst):
            self._step("replace backup" if os.fsdecode(dst).endswith(".bak") else "replace")
        return _REAL["replace"](src, dst, **kwargs)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the folder (hidden temporary files too) with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(Path(folder).iterdir()) if p.is_file()}
