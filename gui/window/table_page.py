"""Steps 二, 三, 四: the table editor, with the ledger actions on 三."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from ..report.guidance import GUIDANCE
from .optional import available, call
from .page import Page
from .widgets import guidance_label


def _table_editor_class():
    try:
        from ..tables.editor import TableEditor
    except ImportError:
        try:
            from ..tables import TableEditor
        except ImportError:
            return None
    return TableEditor


class TablePage(Page):
    scrollable = False

    def __init__(self, document, step: str, heading: str, window=None, parent=None):
        super().__init__(document, heading, parent)
        self.step = step
        self.window_ = window
        top = QHBoxLayout()
        top.addWidget(guidance_label(GUIDANCE[step]), 1)
        if step == "requests" and available("ledger_dialog"):
            for text, slot in (("下载台账模板…", self._write_template), ("从台账导入…", self._import_ledger)):
                button = QPushButton(text)
                button.clicked.connect(slot)
                top.addWidget(button)
        self.body.addLayout(top)
        editor_class = _table_editor_class()
        if editor_class is None:
            self.editor = None
            self.body.addWidget(QLabel("表格编辑器尚未加载。"), 1)
        else:
            self.editor = editor_class(document, step, self)
            self.body.addWidget(self.editor, 1)
            if window is not None and hasattr(self.editor, "message"):
                self.editor.message.connect(lambda text: window.statusBar().showMessage(text, 8000))

    def _write_template(self):
        call("ledger_dialog", "write_template", self.window())

    def _import_ledger(self):
        call("ledger_dialog", "import_ledger", self.window(), self.document)

    def select_cell(self, ref) -> None:
        if self.editor is not None:
            self.editor.select_cell(ref)
