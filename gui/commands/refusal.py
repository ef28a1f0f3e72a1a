"""The one way every command reports a file it cannot read or write: exit 2 and one Chinese line
naming the file and the reason, never a traceback (gui/cli.py calls it around every command)."""
from __future__ import annotations

import errno
from pathlib import Path

EXIT_UNREADABLE = 2
_FILE_ARGUMENTS = ("file", "draft", "ledger", "from_last", "last_year", "files", "output", "into")


def named_file(args) -> str:
    """The file a command was given (the first of them): the name a message without one uses."""
    for name in _FILE_ARGUMENTS:
        value = getattr(args, name, None)
        if isinstance(value, list):
            value = value[0] if value else None
        if value:
            return str(value)
    return ""


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "文件名或路径过长"
    if exc.errno == errno.ENOENT:
        return "文件或文件夹不存在"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "没有权限"
    return exc.strerror or type(exc).__name__


def refusal(args, exc: Exception) -> str:
    """The one line for a command's failure `exc`."""
    from ..report.atomic import SaveError
    from ..report.draft_reader import DraftError
    from ..report.sources import unreadable
    from ..report.target_names import NameRefused, one_line, shortened
    if isinstance(exc, (DraftError, SaveError, NameRefused)):
        return one_line(str(exc))
    if isinstance(exc, OSError):
        name = Path(str(exc.filename or named_file(args))).name
        return one_line(f"无法读取或写入「{shortened(name)}」：{_os_reason(exc)}。")
    return one_line(unreadable(named_file(args), exc))
