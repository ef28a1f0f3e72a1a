"""Standard output and error in UTF-8, whatever the console's code page.

Every message is Chinese; an English Windows (cp1252), a CI runner or Wine would otherwise raise
UnicodeEncodeError on the first print. The frozen build ignores PYTHONIOENCODING and PYTHONUTF8,
so the program switches its own streams, once, at start (main.py) — and the spec also starts the
frozen interpreter in UTF-8 mode (nianbao.spec: `X utf8`)."""
from __future__ import annotations

import sys


def use_utf8() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")      # None on the Windows window launcher: no console
        except (AttributeError, ValueError, OSError):
            pass
