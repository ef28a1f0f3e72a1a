"""Saving workbooks the way drafts are saved (gui/report/atomic.py): a hidden temporary file in the
same folder, flushed and fsynced, then one os.replace, so a failure leaves nothing half-written."""
from __future__ import annotations

import io
from pathlib import Path

from ..atomic import SaveError, write_atomic
from .safety import ExcelError


def save_atomically(workbook, path) -> None:
    path = Path(path)
    buffer = io.BytesIO()
    workbook.save(buffer)
    try:
        write_atomic(path, buffer.getvalue(), backup=False)
    except SaveError as exc:
        raise ExcelError(str(exc)) from None
