"""A prose problem (R9) clicked in the list opens the sentence in its own step, selected — not the table."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.report.samples import huaian_2024
from window_support import app_env, open_sample, window  # noqa: F401

FIRST = "依申请公开工作规范有序。"
WRONG = "因政府信息公开被申请行政复议350件，其中维持72件。"


def test_clicking_a_prose_problem_selects_its_sentence_in_its_step(window, qtbot):
    report = huaian_2024()
    report.texts["overview_request"] = FIRST + WRONG + "全年办结3050件。"
    open_sample(window, report)
    window.wizard.go_to("appeals")
    item = next(it for it in window.problems_view.items()
                if getattr(it.data(0, Qt.ItemDataRole.UserRole), "rule", None) == "R9")
    problem = item.data(0, Qt.ItemDataRole.UserRole)
    assert "350" in problem.message and "351" in problem.message
    tree = window.problems_view.tree
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert window.wizard.current_step == "overview"
    edit = window.wizard.page("overview").editors["overview_request"].edit
    assert QApplication.focusWidget() is edit
    assert edit.textCursor().selectedText() == WRONG.rstrip("。")
