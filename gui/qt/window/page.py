"""Base of every wizard page: the step's heading above a scrollable body."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from .widgets import heading_label


class Page(QWidget):
    step = ""
    scrollable = True

    def __init__(self, document, heading: str, parent=None):
        super().__init__(parent)
        self.document = document
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 4)
        self.heading = heading_label(heading)
        outer.addWidget(self.heading)
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 4, 8, 4)
        if self.scrollable:
            self.scroll = QScrollArea()
            self.scroll.setWidgetResizable(True)
            self.scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.scroll.setWidget(inner)
            outer.addWidget(self.scroll, 1)
        else:
            self.scroll = None
            self.body.setContentsMargins(0, 4, 0, 0)
            outer.addWidget(inner, 1)

    def scroll_to(self, widget: QWidget) -> None:
        if self.scroll is not None:
            self.scroll.ensureWidgetVisible(widget, 20, 40)

    def focus_field(self, field: str, passage: tuple[int, int] | None = None) -> None:
        """Put the caret in the field a problem is about ("text.problems", "info.organ" …)."""

    def left(self) -> None:
        """The clerk went to another step: what this page said no longer applies."""

    def select_cell(self, ref) -> None:
        """Select a table cell (table steps only)."""
