"""Steps 二, 三, 四: the table editor, with the ledger actions on 三."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from gui.report.guidance import GUIDANCE
from ..tables import TableEditor
from .page import Page
from .widgets import guidance_label


class TablePage(Page):
    scrollable = False

    def __init__(self, document, step: str, heading: str, window=None, parent=None):
        super().__init__(document, heading, parent)
        self.step = step
        self.window_ = window
        top = QHBoxLayout()
        top.addWidget(guidance_label(GUIDANCE[step]), 1)
        if step == "requests":
            for text, slot in (("下载台账模板…", self._write_template), ("从台账导入…", self._import_ledger)):
                button = QPushButton(text)
                button.clicked.connect(slot)
                top.addWidget(button)
        self.body.addLayout(top)
        self.editor = TableEditor(document, step, self)
        self.body.addWidget(self.editor, 1)
        self._posted = ""           # the message this page put in the status bar
        if window is not None:
            self.editor.message.connect(self._post)
            # a refusal no longer applies once a cell is changed, nor on another step
            document.cellsChanged.connect(self._withdraw)

    def _post(self, text: str) -> None:
        self._posted = text
        self.window_.statusBar().showMessage(text, 8000)

    def _withdraw(self, *_) -> None:
        bar = self.window_.statusBar() if self.window_ is not None else None
        if bar is not None and self._posted and bar.currentMessage() == self._posted:
            bar.clearMessage()
        self._posted = ""

    def left(self) -> None:
        self._withdraw()

    def _write_template(self):
        from ..ledger_dialog import write_template      # openpyxl only when asked for
        write_template(self.window())

    def _import_ledger(self):
        from ..ledger_dialog import import_ledger
        import_ledger(self.window(), self.document)

    def select_cell(self, ref) -> None:
        self.editor.select_cell(ref)
