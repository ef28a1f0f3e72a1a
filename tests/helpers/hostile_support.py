"""Shared by the hostile-file tests: what a reader opened or connected to, a hang guard, checks on
messages and on the file left behind."""
from __future__ import annotations

import hashlib
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

CHINESE = frozenset(chr(c) for c in range(0x4E00, 0x9FA6))
_OUTSIDE = ("socket.", "urllib.", "http.", "ftplib.", "subprocess.", "os.system", "os.exec", "os.posix_spawn",
            "os.spawn", "os.startfile", "webbrowser.")
_recording: list | None = None


def _hook(event: str, args) -> None:
    if _recording is not None and (event == "open" or event.startswith(_OUTSIDE)):
        _recording.append((event, args[0] if args else None))


@contextmanager
def outside_access():
    """Records every file Python opens and every network or process call made inside the block
    (through the interpreter's audit hooks, which cannot be bypassed from Python code)."""
    global _recording
    if _hook not in _installed:
        sys.addaudithook(_hook)
        _installed.append(_hook)
    _recording = seen = []
    try:
        yield seen
    finally:
        _recording = None


_installed: list = []


def opened_paths(seen: list) -> list[str]:
    return [str(arg) for event, arg in seen if event == "open" and isinstance(arg, (str, bytes, Path))]


def network_or_processes(seen: list) -> list:
    return [(event, arg) for event, arg in seen if event != "open"]


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def is_chinese_message(message: str) -> bool:
    return any(ch in CHINESE for ch in message) and "Traceback" not in message


@contextmanager
def watchdog(seconds: int = 60):
    """Turns a hang (a reader walking a claimed 10^10-cell grid) into a failure instead of a stuck
    suite. Generous on purpose: it is no judge of speed."""
    def expire(*_):
        raise AssertionError(f"still reading after {seconds} s")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
