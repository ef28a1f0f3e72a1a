"""Painting of the grid (official look, problem marks, grey hints) and the in-cell editor.

Marks never rely on colour alone: an error has a red border and a ✕ in the corner, a warning an
amber border and a ！, the other cells of a broken relation only a pale tint and a dotted outline,
a blank cell a dashed outline. A blank total with a computed value shows it
in grey italics with a small 「填」 button that fills it.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate

from gui.report.cells import format_value
from gui.report.problems import ERROR, WARNING
from .model import INVOLVED, GridRole, HintRole, MarkRole, cell_data

GRID_LINE = QColor("#7a7a7a")
HEADER_BG = QColor("#eef1f5")
LABEL_BG = QColor("#fafafa")
SELECTED_BG = QColor("#d6e6fb")
DATA_BG = QColor("white")
MARK_STYLE = {   # background, border, corner glyph
    ERROR: (QColor("#fde2e1"), QColor("#d93025"), "✕"),
    WARNING: (QColor("#fff3cd"), QColor("#c98a00"), "！"),
}
INVOLVED_BG = QColor("#fdf3f2")          # lighter than an error, no badge: involved, not accused
INVOLVED_BORDER = QColor("#e8aaa5")
BLANK_BORDER = QColor("#9aa5b1")
HINT_COLOUR = QColor("#8a8a8a")
HINT_ON_SELECTED = QColor("#4d5156")    # still grey, but readable on the selection's blue
TEXT_COLOUR = QColor("#202124")     # fixed: the cell backgrounds are fixed light colours too
FILL_BUTTON_WIDTH = 24


def fill_button_rect(cell: QRect) -> QRect:
    """Where the 「填」 button of a hinted cell is, so the view can hit-test clicks."""
    return QRect(cell.right() - FILL_BUTTON_WIDTH - 1, cell.top() + (cell.height() - 18) // 2,
                 FILL_BUTTON_WIDTH, 18)


class CellDelegate(QStyledItemDelegate):
    navigate = Signal(str)      # "down" | "right" | "left" after a committed edit (Enter / Tab)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.start_text: str | None = None     # set by the view when typing starts an edit
        self.last_commit_ok = True

    # ── painting ──
    def paint(self, painter, option, index):
        role = cell_data(index, GridRole)
        rect = option.rect
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected) and role == "data"
        mark = cell_data(index, MarkRole)
        if role in ("title", "header", "note"):
            painter.fillRect(rect, HEADER_BG)
        elif role == "label":
            painter.fillRect(rect, LABEL_BG)
        elif mark in MARK_STYLE:
            painter.fillRect(rect, MARK_STYLE[mark][0])     # a selected marked cell keeps its tint
        elif mark == INVOLVED and not selected:
            painter.fillRect(rect, INVOLVED_BG)
        elif selected:
            painter.fillRect(rect, SELECTED_BG)
        else:
            painter.fillRect(rect, DATA_BG)
        painter.setPen(QPen(GRID_LINE, 1))
        # each cell draws its right and bottom line (and the outer left/top), so lines are single
        r = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.drawLine(r.topRight(), r.bottomRight())
        painter.drawLine(r.bottomLeft(), r.bottomRight())
        if index.column() == 0:
            painter.drawLine(r.topLeft(), r.bottomLeft())
        if index.row() == 0:
            painter.drawLine(r.topLeft(), r.topRight())
        text = cell_data(index, Qt.ItemDataRole.DisplayRole) or ""
        font = QFont(option.font)
        if role == "data":
            self._paint_data(painter, option, index, rect, text, mark, font)
        else:
            if role in ("title", "header"):
                font.setBold(True)
            painter.setFont(font)
            painter.setPen(TEXT_COLOUR)
            align = Qt.AlignmentFlag.AlignCenter if role in ("title", "header", "note") else (
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            painter.drawText(rect.adjusted(4, 2, -4, -2), int(align | Qt.TextFlag.TextWordWrap), text)
        if option.state & QStyle.StateFlag.State_HasFocus and role == "data":
            painter.setPen(QPen(QColor("#1a73e8"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(1, 1, -1, -1))   # outside the mark's border
        painter.restore()

    def _paint_data(self, painter, option, index, rect, text, mark, font):
        if mark in MARK_STYLE:
            _, border, glyph = MARK_STYLE[mark]
            painter.setPen(QPen(border, 2))
            painter.drawRect(QRectF(rect).adjusted(3, 3, -4, -4))
            self._paint_badge(painter, rect, border, glyph)
        elif mark == INVOLVED:
            painter.setPen(QPen(INVOLVED_BORDER, 1, Qt.PenStyle.DotLine))
            painter.drawRect(QRectF(rect).adjusted(2.5, 2.5, -3.5, -3.5))
        elif mark == "blank":
            painter.setPen(QPen(BLANK_BORDER, 1, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(rect).adjusted(2.5, 2.5, -3.5, -3.5))
        hint = cell_data(index, HintRole)
        if not text and hint is not None:
            italic = QFont(font)
            italic.setItalic(True)
            painter.setFont(italic)
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            painter.setPen(HINT_ON_SELECTED if selected else HINT_COLOUR)
            text_rect = rect.adjusted(2, 0, -FILL_BUTTON_WIDTH - 2, 0)
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignCenter), format_value(hint))
            button = fill_button_rect(rect)
            painter.setPen(QPen(QColor("#1a73e8"), 1))
            painter.setBrush(QColor("#e8f0fe"))
            painter.drawRoundedRect(QRectF(button), 3, 3)
            small = QFont(font)
            small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
            painter.setFont(small)
            painter.drawText(button, int(Qt.AlignmentFlag.AlignCenter), "填")
            painter.setBrush(Qt.BrushStyle.NoBrush)     # else the focus frame drawn next fills the cell
            return
        painter.setFont(font)
        painter.setPen(TEXT_COLOUR)
        left = 14 if mark in MARK_STYLE else 3      # keep the number clear of the badge
        painter.drawText(rect.adjusted(left, 0, -3, 0), int(Qt.AlignmentFlag.AlignCenter), text)

    @staticmethod
    def _paint_badge(painter, rect, colour, glyph):
        """A round badge in the top-left corner: ✕ for an error, ！ for a warning (shape, not only colour)."""
        size = 11
        badge = QRectF(rect.left() + 4, rect.top() + 4, size, size)
        painter.setRenderHint(painter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(badge)
        painter.setPen(QPen(QColor("white"), 1.6))
        c = badge.center()
        if glyph == "✕":
            d = 2.6
            painter.drawLine(c.x() - d, c.y() - d, c.x() + d, c.y() + d)
            painter.drawLine(c.x() - d, c.y() + d, c.x() + d, c.y() - d)
        else:
            painter.drawLine(c.x(), badge.top() + 2.5, c.x(), c.y() + 1.2)
            painter.drawPoint(c.x(), badge.bottom() - 2.6)
        painter.setRenderHint(painter.RenderHint.Antialiasing, False)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    # ── editing ──
    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor, index):
        if self.start_text is not None:
            editor.setText(self.start_text)      # typing overwrites the old value
            self.start_text = None
        else:
            editor.setText(cell_data(index, Qt.ItemDataRole.EditRole) or "")
        editor.end(False)

    def setModelData(self, editor, model, index):
        self.last_commit_ok = model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event):
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit):
            key = event.key()
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            moves = {Qt.Key.Key_Return: "down", Qt.Key.Key_Enter: "down",
                     Qt.Key.Key_Tab: "right", Qt.Key.Key_Backtab: "left"}
            if key in moves and not (mods & Qt.KeyboardModifier.ControlModifier):
                direction = moves[key]
                if key == Qt.Key.Key_Tab and mods & Qt.KeyboardModifier.ShiftModifier:
                    direction = "left"
                self.commitData.emit(editor)
                if self.last_commit_ok:
                    self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
                    self.navigate.emit(direction)
                else:
                    editor.selectAll()      # keep the typed text so it can be corrected
                return True
        return super().eventFilter(editor, event)
