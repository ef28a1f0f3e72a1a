"""What a message may quote and what a file may be called.

one_line(): a value quoted from a file never breaks the one line a message is (line breaks and other
control characters are shown escaped). name_problem(): a target name Windows would refuse, or one
too long for any disk, explained in Chinese with a name that would do.
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

MAX_NAME = 255              # characters in one file name (Windows, and bytes in UTF-8 on Linux/macOS)
_FORBIDDEN = '<>:"/\\|?*'
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
             *(f"LPT{n}" for n in range(1, 10))}
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": " "}


def one_line(text: str) -> str:
    """`text` with every line break and control character escaped (\\n, \\x00 …): one line of output."""
    return _BREAKS.sub(lambda m: _ESCAPES.get(m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                            else f"\\u{ord(m.group()):04x}"), text)


def shortened(name: str) -> str:
    """A name as a message shows it: whole up to 60 characters, else its start and its end."""
    return name if len(name) <= 60 else name[:40] + "…" + name[-10:]


def _too_long(name: str) -> bool:
    return len(name) > MAX_NAME or len(name.encode("utf-8")) > MAX_NAME


def proposed_name(name: str) -> str:
    """A name close to `name` that every disk accepts: forbidden characters 「_」, no trailing dots or
    spaces, a reserved word followed by 「_」, and shortened (the suffix kept) when too long."""
    stem, suffix = os.path.splitext(name)
    if not re.fullmatch(r"\.[A-Za-z0-9]{1,8}", suffix or "."):
        stem, suffix = name, ""
    clean = "".join("_" if c in _FORBIDDEN or unicodedata.category(c) == "Cc" else c for c in stem)
    clean = clean.rstrip(" .") or "报告"
    if clean.split(".")[0].upper().rstrip() in _RESERVED:
        clean = clean + "_"
    if _too_long(clean + suffix):
        clean = clean[:80]               # a name one can still read in a dialog
    return clean + suffix


def name_problem(path: str | os.PathLike, what: str = "文件") -> str | None:
    """Why `path`'s last part cannot be a file on the clerk's Windows PC, or None when it can."""
    name = Path(path).name
    if not name:
        return None
    reason = None
    bad = sorted({c for c in name if c in _FORBIDDEN or unicodedata.category(c) == "Cc"})
    stem = name.split(".")[0].upper().rstrip()
    if _too_long(name):
        reason = f"名称过长（{len(name)} 个字符，最多 {MAX_NAME} 个）"
    elif bad:
        shown = " ".join(one_line(c) for c in bad)
        reason = f"名称中有 Windows 不允许的字符（{shown}）"
    elif stem in _RESERVED:
        reason = f"「{stem}」是 Windows 保留的设备名"
    elif name != name.rstrip(" ."):
        reason = "名称以空格或句点结尾，Windows 会去掉它们"
    if reason is None:
        return None
    return f"{what}名「{one_line(shortened(name))}」不能使用：{reason}。可改为「{proposed_name(name)}」。"


class NameRefused(ValueError):
    """A target name refused by name_problem(); str(error) is the Chinese reason."""


def refuse_bad_names(*paths, what: str = "文件") -> None:
    """Raise NameRefused for the first of `paths` (None skipped) that name_problem() refuses."""
    for path in paths:
        refused = name_problem(path, what) if path else None
        if refused:
            raise NameRefused(refused)


__all__ = ["MAX_NAME", "NameRefused", "one_line", "name_problem", "proposed_name", "refuse_bad_names",
           "shortened"]
