"""Saving workbooks: through a temporary file in the same folder, so a failure leaves nothing half-written."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .safety import ExcelError


def save_atomically(workbook, path) -> None:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, tmp = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=folder)
    except OSError as exc:
        raise ExcelError(f"无法写入「{path}」：{_reason(exc)}。") from None
    os.close(handle)
    try:
        workbook.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise ExcelError(f"无法写入「{path.name}」：{_reason(exc)}。") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "没有写入权限，或文件正在 Excel/WPS 中打开，请关闭后重试"
    if isinstance(exc, FileNotFoundError):
        return "文件夹不存在"
    return exc.strerror or str(exc)
