"""Step 检查与导出: the state at a glance, every problem, 保存, and the export actions."""
from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton

from .page import Page
from ..palette import DONE_TEXT, ERROR_TEXT, WARNING_TEXT
from .problems_panel import ProblemsView

_OK, _BAD, _WARN = DONE_TEXT, ERROR_TEXT, WARNING_TEXT


class ReviewPage(Page):
    step = "review"
    scrollable = False

    def __init__(self, document, heading: str, window=None, parent=None):
        super().__init__(document, heading, parent)
        self.window_ = window
        grid = QGridLayout()
        self.status = QLabel()
        self.status.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.lines = [QLabel() for _ in range(4)]
        grid.addWidget(self.status, 0, 0, 1, 2)
        for i, label in enumerate(self.lines):
            grid.addWidget(label, 1 + i // 2, i % 2)
        self.body.addLayout(grid)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("保存")
        self.save_button.clicked.connect(lambda: window.save() if window is not None else None)
        buttons.addWidget(self.save_button)
        self.export_buttons = {}
        for name, text in (("export_word", "导出 Word…"), ("export_pdf", "导出 PDF…")):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, n=name: self._export(n))
            self.export_buttons[name] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.problems = ProblemsView(document)
        self.body.addWidget(self.problems, 1)
        document.problemsChanged.connect(self.refresh)
        self.refresh()

    def _export(self, name: str) -> None:
        from .. import export_actions       # python-docx stays out of start-up
        getattr(export_actions, name)(self.window(), self.document)

    def refresh(self) -> None:
        report, problems = self.document.report, self.document.problems
        blank = len(report.blank_cells())
        errors = sum(1 for p in problems if p.is_error)
        warnings = [p for p in problems if not p.is_error]
        open_warnings = sum(1 for p in warnings if not p.confirmed)
        texts_empty = sum(1 for t in report.texts.values() if not t.strip())
        if errors:
            self.status.setText(f"还有 {errors} 处错误，导出前请先修改。")
            colour = _BAD
        elif open_warnings:
            self.status.setText(f"没有错误；还有 {open_warnings} 处提示请核对或核实。")
            colour = _WARN
        else:
            self.status.setText("检查通过，可以导出。")
            colour = _OK
        self.status.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {colour};")
        ok, bad, warn = ("✔", _OK), ("✖", _BAD), ("⚠", _WARN)     # a warning is to check, not wrong
        facts = (
            (ok if blank == 0 else bad,
             "表格：所有单元格已填写" if blank == 0 else f"表格：还有 {blank} 个单元格未填写"),
            (ok if texts_empty == 0 else bad,
             "文字：各部分都已填写" if texts_empty == 0 else f"文字：还有 {texts_empty} 处未填写"),
            (ok if errors == 0 else bad, f"错误：{errors} 处"),
            (ok if open_warnings == 0 else warn,
             f"提示：{len(warnings)} 处，已核实 {len(warnings) - open_warnings} 处"),
        )
        for label, ((mark, colour), text) in zip(self.lines, facts):
            label.setText(f"{mark} {text}")
            label.setStyleSheet(f"color: {colour};")
