"""Actions other parts of the application provide; a button is hidden or disabled while absent."""
from __future__ import annotations

import importlib
import importlib.util


def optional(module: str, name: str):
    """gui.<module>.<name>, or None when that module is not part of this build."""
    try:
        mod = importlib.import_module(f"gui.{module}")
    except ModuleNotFoundError as exc:
        if exc.name not in (f"gui.{module}",):
            raise
        return None
    return getattr(mod, name, None)


def available(module: str) -> bool:
    return importlib.util.find_spec(f"gui.{module}") is not None


def call(module: str, name: str, *args):
    """Import gui.<module> only when its action is used (docx, openpyxl stay out of start-up)."""
    func = optional(module, name)
    return func(*args) if func is not None else None
