"""The frictions a clerk meets on a laptop: the problem list folds away and comes back as it was left,
following an error keeps the flagged cell in sight beside its label, the panel keeps its width, and a
refusal in the status bar goes once it no longer applies. Real widgets, driven as a clerk would."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolTip

from gui.report.form import CellRef
from window_support import app_env, open_sample, show_active, type_into_cell, type_text, window  # noqa: F401

NEW_TOTAL = CellRef("requests", "new", "total")
LAST_TOTAL = CellRef("requests", "carry_out", "total")


def _settle(qtbot):
    qtbot.wait(20)
    QApplication.processEvents()


def test_the_problem_list_folds_from_the_view_menu_and_the_button_and_stays_as_left(window, qtbot):
    open_sample(window)
    window.resize(1093, 614)
    _settle(qtbot)
    dock, toggle = window.problems_dock, window.problems_toggle
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("查看"))
    assert toggle in view_menu.actions() and toggle.isEnabled()
    page_width = window.wizard.stack.width()
    toggle.trigger()                                   # 查看 → 问题列表
    _settle(qtbot)
    assert not dock.isVisible()
    assert window.wizard.stack.width() > page_width + 150, "the table gets the panel's room"
    button = next(b for b in window.wizard.findChildren(type(window.wizard.back).__base__)
                  if getattr(b, "defaultAction", lambda: None)() is toggle)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert dock.isVisible()
    window.resizeDocks([dock], [230], Qt.Orientation.Horizontal)     # the splitter moved
    _settle(qtbot)
    assert abs(dock.width() - 230) <= 10
    toggle.trigger()
    window.document.undo_stack.setClean()
    window.close()                                     # remembered: folded away
    from gui.qt.window.main_window import MainWindow
    again = MainWindow()
    show_active(again, qtbot)
    open_sample(again)
    _settle(qtbot)
    assert not again.problems_dock.isVisible()
    again.problems_toggle.trigger()
    _settle(qtbot)
    assert again.problems_dock.isVisible()
    again.document.undo_stack.setClean()
    again.close()


def test_following_an_error_to_the_last_column_keeps_the_cell_beside_its_label(window, qtbot):
    open_sample(window)
    window.resize(1093, 614)
    _settle(qtbot)
    type_into_cell(qtbot, window, LAST_TOTAL, "7")
    window.wizard.go_to("info")
    panel = window.problems_view
    width = panel.width()
    item = next(it for it in panel.items()
                if getattr(it.data(0, Qt.ItemDataRole.UserRole), "target", None) == LAST_TOTAL)
    panel.tree.scrollToItem(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualItemRect(item).center())
    _settle(qtbot)
    assert panel.width() == width, "the panel keeps its width whatever the fix says"
    assert len(panel.fix_button.text()) <= 16
    view = window.wizard.page("requests").editor.view
    assert window.wizard.current_step == "requests"
    cell = view.visualRect(view.currentIndex())
    assert view.viewport().rect().contains(cell)
    if view.horizontalScrollBar().value() > 0:        # scrolled sideways: the row labels stay on the left
        assert view.frozen_labels.isVisible() and cell.left() >= view.frozen_labels.width()
        assert view.frozen_labels.geometry().left() == view.viewport().geometry().left()


def type_chinese(qtbot, window, ref, text):
    """Into the cell with a Chinese input method, then Enter."""
    page = window.wizard.go_to(ref.table)
    page.select_cell(ref)
    view = page.editor.view
    type_text(view, text[0])                          # the first character opens the cell's editor
    editor = QApplication.focusWidget()
    type_text(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_a_refusal_leaves_the_status_bar_once_the_cell_is_mended_or_the_step_left(window, qtbot):
    open_sample(window)
    bar = window.statusBar()
    type_chinese(qtbot, window, NEW_TOTAL, "十二三")
    assert "不是一个完整的数" in bar.currentMessage()
    type_chinese(qtbot, window, NEW_TOTAL, "十二")
    assert window.document.report.get(NEW_TOTAL) == 12
    assert bar.currentMessage() == ""
    type_into_cell(qtbot, window, NEW_TOTAL, "abc")
    assert bar.currentMessage()
    window.wizard.go_to("appeals")
    assert bar.currentMessage() == ""


def test_a_cells_tooltip_wraps_at_a_readable_width(window, qtbot):
    open_sample(window)
    type_into_cell(qtbot, window, NEW_TOTAL, "75")
    view = window.wizard.page("requests").editor.view
    index = view.model().index_of(NEW_TOTAL)
    view.scrollTo(index)
    _settle(qtbot)
    pos = view.visualRect(index).center()
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtCore import QEvent
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    _settle(qtbot)
    assert "总计" in QToolTip.text()
    tip = next(w for w in QApplication.topLevelWidgets() if w.metaObject().className() == "QTipLabel")
    assert tip.height() > 2 * tip.fontMetrics().height(), "a long reason runs over several lines"
    assert tip.width() < 480
    QToolTip.hideText()


def test_a_draft_open_in_one_window_is_brought_forward_instead_of_opened_twice(window, qtbot, tmp_path):
    from gui.report.drafts import save
    from gui.report.samples import huaian_2024
    from gui.qt.window.main_window import MainWindow
    draft = tmp_path / "马营镇 草稿.json"
    save(huaian_2024(), draft)
    assert window.open_path(draft, ask=False)
    asked = []
    window.statusBar().messageChanged.connect(asked.append)
    other = MainWindow()
    show_active(other, qtbot)
    assert not other.open_path(draft, ask=False)
    assert other.document is None and "已在另一个窗口中打开" in other.statusBar().currentMessage()
    qtbot.waitUntil(lambda: any("已在本窗口中打开" in m for m in asked), timeout=5000)
    assert window.open_path(draft, ask=False)           # asked again in its own window: nothing new
    assert "已在本窗口中打开" in window.statusBar().currentMessage()
    other.close()
    window.close()                                      # closed: the draft is free again
    third = MainWindow()
    show_active(third, qtbot)
    assert third.open_path(draft, ask=False) and third.document.path == draft
    third.close()


def test_a_lock_left_by_a_crashed_program_does_not_keep_the_draft_shut(app_env, qtbot, tmp_path):
    import subprocess
    import sys
    from gui.report.drafts import save
    from gui.report.samples import huaian_2024
    from gui.qt.window.open_elsewhere import _files, bring_forward
    draft = tmp_path / "草稿.json"
    save(huaian_2024(), draft)
    lock, _ = _files(draft)
    lock.parent.mkdir(parents=True, exist_ok=True)
    child = subprocess.run([sys.executable, "-c", "import os,sys; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(child.stdout)                        # a process that has ended, as after a crash
    import socket
    lock.write_text(f"{dead_pid}\nnianbao\n{socket.gethostname()}\n", encoding="utf-8")
    assert not bring_forward(draft)


def _folder_of_next_file_dialog(qtbot, open_it) -> str:
    """Open a file dialog the way a clerk does, note the folder it shows, and cancel it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        seen.append(dialog.directory().absolutePath())
        dialog.reject()
    QTimer.singleShot(20, look)
    open_it()
    return seen[0]


def test_the_open_dialog_starts_in_documents_then_in_the_last_folder_used(window, qtbot, tmp_path, monkeypatch):
    from pathlib import Path
    from PySide6.QtCore import QStandardPaths
    from gui.report.drafts import save
    from gui.report.samples import huaian_2024
    documents = tmp_path / "文档"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda *_: str(documents))
    from PySide6.QtWidgets import QPushButton
    button = next(b for b in window.start_page.findChildren(QPushButton) if b.text().startswith("打开草稿"))
    shown = _folder_of_next_file_dialog(qtbot, lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton))
    assert Path(shown) == documents
    folder = tmp_path / "各乡镇" / "马营镇"
    folder.mkdir(parents=True)
    save(huaian_2024(), folder / "草稿.json")
    assert window.open_path(folder / "草稿.json", ask=False)
    window.document.undo_stack.setClean()
    assert Path(_folder_of_next_file_dialog(qtbot, window.open_dialog)) == folder


def test_a_folded_list_stays_folded_when_another_report_is_opened(window, qtbot):
    open_sample(window)
    window.problems_toggle.trigger()
    assert not window.problems_dock.isVisible()
    window.document.undo_stack.setClean()
    open_sample(window)
    assert not window.problems_dock.isVisible()
    window.problems_toggle.trigger()
    window.wizard.go_to("review")                       # 检查与导出 hides it for the step only
    window.document.undo_stack.setClean()
    open_sample(window)
    assert window.problems_dock.isVisible()
