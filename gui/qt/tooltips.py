"""Tooltips that wrap at a readable width instead of running across the screen on one line.

Qt shows plain text on one line per paragraph, and wraps only rich text. Long text is therefore handed
over as rich text: escaped, its line breaks kept, and an empty tag on its first line — what makes Qt
take it as rich text (Qt::mightBeRichText) while the text still begins with its own words.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolTip

SHORT = 30       # characters: shorter text fits on one line of a readable width anyway


def wrapped_tip(text: str | None) -> str | None:
    if not text or max(len(line) for line in text.splitlines()) <= SHORT:
        return text
    first, *rest = escape(text, quote=False).split("\n")
    return "<br>".join([first + "<span></span>", *rest])


def show_item_tip(view, event) -> bool:
    """For an item view's viewportEvent: show the tooltip of the item under the mouse, wrapped."""
    index = view.indexAt(event.pos())
    text = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
    if not text:
        QToolTip.hideText()
        event.ignore()
        return True
    QToolTip.showText(event.globalPos(), wrapped_tip(str(text)), view.viewport(), view.visualRect(index))
    return True
