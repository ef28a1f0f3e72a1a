"""The wizard: the step list, the current step's page, and 上一步/下一步."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QPushButton, QStackedWidget, QToolButton, QVBoxLayout,
                               QWidget)

from gui.report.form import TABLE_BY_KEY
from .info_page import InfoPage
from .review_page import ReviewPage
from .step_list import StepList
from .steps import INFO, STEP_BY_KEY, STEP_KEYS, STEPS, cell_of, page_of
from .table_page import TablePage
from .text_pages import OtherPage, OverviewPage, ProblemsPage


class Wizard(QWidget):
    stepChanged = Signal(str)

    def __init__(self, document, window=None, parent=None):
        super().__init__(parent)
        self.document = document
        self.window_ = window
        self.pages: dict[str, QWidget] = {}
        self.steps = StepList(document)
        self.steps.stepClicked.connect(self.go_to)
        self.stack = QStackedWidget()
        self.back = QPushButton("◀ 上一步")
        self.next = QPushButton("下一步 ▶")
        self.back.clicked.connect(lambda: self.go_to(STEP_KEYS[max(self.index - 1, 0)]))
        self.next.clicked.connect(lambda: self.go_to(STEP_KEYS[min(self.index + 1, len(STEPS) - 1)]))
        nav = self.nav = QHBoxLayout()
        nav.setContentsMargins(16, 4, 16, 8)
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.next)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.stack, 1)
        right.addLayout(nav)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.steps)
        row.addLayout(right, 1)
        self.index = -1
        self.go_to(INFO)

    def add_nav_action(self, action) -> QToolButton:
        """A button for a window action (问题列表) at the right of 下一步."""
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.nav.addWidget(button)
        return button

    @property
    def current_step(self) -> str:
        return STEP_KEYS[self.index]

    def page(self, key: str) -> QWidget:
        """The page of a step, built the first time it is shown (keeps start-up quick)."""
        if key not in self.pages:
            heading = STEP_BY_KEY[key].heading
            if key == INFO:
                page = InfoPage(self.document)
            elif key in TABLE_BY_KEY:
                page = TablePage(self.document, key, heading, self.window_)
            elif key == "overview":
                page = OverviewPage(self.document, heading)
            elif key == "problems":
                page = ProblemsPage(self.document, heading)
            elif key == "other":
                page = OtherPage(self.document, heading)
            else:
                page = ReviewPage(self.document, heading, self.window_)
                page.problems.problemActivated.connect(self.show_problem)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def go_to(self, key: str) -> QWidget:
        index = STEP_KEYS.index(key)
        page = self.page(key)
        changed = index != self.index
        before = self.pages[STEP_KEYS[self.index]] if changed and self.index >= 0 else None
        self.index = index
        self.stack.setCurrentWidget(page)
        if before is not None:          # after it is hidden: an open cell editor has had its say
            before.left()
        self.steps.select(index)
        self._update_nav()
        if changed:
            self.stepChanged.emit(key)
        return page

    def _update_nav(self) -> None:
        i = self.index
        self.back.setEnabled(i > 0)
        self.back.setToolTip("已经是第一步" if i == 0 else f"回到「{STEPS[i - 1].title}」")
        self.next.setEnabled(i < len(STEPS) - 1)
        if i < len(STEPS) - 1:
            self.next.setText(f"下一步：{STEPS[i + 1].title} ▶")
            self.next.setToolTip(f"当前步骤：{self.steps.state_text(STEPS[i].key)}；"
                                 "有错误也可以先继续，最后在「检查与导出」统一检查")
        else:
            self.next.setText("下一步 ▶")
            self.next.setToolTip("已经是最后一步：检查无误后即可导出")

    def show_problem(self, problem) -> None:
        """Go to the step of a problem and select its cell or field."""
        if isinstance(problem, str):              # a step group in the list
            self.go_to(problem)
            return
        step = page_of(problem)
        if step is None:
            return
        page = self.go_to(step)
        ref = cell_of(problem)
        if problem.passage is not None:
            page.focus_field(problem.field, problem.passage)
        elif ref is not None and ref.table == step:
            page.select_cell(ref)
        elif problem.field:
            page.focus_field(problem.field)
