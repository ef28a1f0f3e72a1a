"""Sizes that make a printed table fit the page width: columns by the form's weights, rows by their text.

Data columns keep room for seven digits, label columns wrap, and each row is as tall as its longest
wrapped label (merged labels add to their last row if needed). Where the width cannot hold every column
at that size (a laptop at 125 % or 150 %), the label columns give up room first, down to a share of the
width, and the table scrolls sideways with its labels frozen (frozen.py).
"""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from gui.report.form import Table

DATA_MIN_WIDTH = 56
LABEL_MIN_WIDTH = 40
PADDING = 10
LABEL_FLOOR_SHARE = 0.36     # on a narrow screen the row labels keep at least this share of the width


def column_widths(table: Table, width: int) -> list[int]:
    data_cols = {c.col for c in table.grid if c.role == "data"}
    weights = table.col_weights
    widths = [max(DATA_MIN_WIDTH if i in data_cols else LABEL_MIN_WIDTH, int(width * w / sum(weights)))
              for i, w in enumerate(weights)]
    if sum(widths) > width:
        widths = _cramped(weights, data_cols, width)
    widths[-1] += max(0, width - sum(widths))
    return widths


def _cramped(weights, data_cols: set[int], width: int) -> list[int]:
    labels = [i for i in range(len(weights)) if i not in data_cols]
    room = max(width - DATA_MIN_WIDTH * len(data_cols), int(width * LABEL_FLOOR_SHARE))
    label_weight = sum(weights[i] for i in labels) or 1
    return [DATA_MIN_WIDTH if i in data_cols else max(LABEL_MIN_WIDTH, room * weights[i] // label_weight)
            for i in range(len(weights))]


def row_heights(table: Table, font: QFont, widths: list[int]) -> list[int]:
    plain = QFontMetrics(font)
    bold_font = QFont(font)
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    heights = [plain.height() + 14] * table.grid_rows
    merged = []
    for cell in table.grid:
        metrics = bold if cell.role in ("title", "header") else plain
        span_width = max(sum(widths[cell.col:cell.col + cell.colspan]) - PADDING, 10)
        need = metrics.boundingRect(QRect(0, 0, span_width, 10_000), int(Qt.TextFlag.TextWordWrap),
                                    cell.text).height() + PADDING
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], need)
        else:
            merged.append((cell, need))
    for cell, need in merged:
        have = sum(heights[cell.row:cell.row + cell.rowspan])
        if need > have:
            heights[cell.row + cell.rowspan - 1] += need - have
    return heights
