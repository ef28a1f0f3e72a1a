"""Qt's own file dialog — used where the system offers none — speaks Chinese from end to end."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QApplication, QFileDialog, QHeaderView,
                               QLabel, QLineEdit, QListView, QPushButton, QTreeView)

from window_support import app_env, open_sample, window  # noqa: F401

ENGLISH = re.compile(r"[A-Za-z]{2,}")


def visible_words(dialog: QFileDialog) -> list[str]:
    """Every label, button, tip, column header, side-bar place and menu entry the clerk can read;
    not the folder shown, the file typed or the filter (those are paths and patterns)."""
    words = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible():
            words += [button.text(), button.toolTip()]
    for header in dialog.findChildren(QHeaderView):
        if header.isVisible() and header.model() is not None:
            words += [str(header.model().headerData(i, header.orientation()))
                      for i in range(header.count())]
    places = dialog.findChild(QListView, "sidebar").model()       # 计算机, then folders by name
    for i in range(places.rowCount()):
        url = places.index(i, 0).data(Qt.ItemDataRole.UserRole + 1)
        if not QUrl(url).path():
            words.append(str(places.index(i, 0).data()))
    words += [a.text() for a in dialog.findChildren(QAction)]
    listing = dialog.findChild(QTreeView, "treeView")
    model, root = listing.model(), listing.rootIndex()
    words += [str(model.index(i, 2, root).data()) for i in range(model.rowCount(root))]   # 类型
    return [w.replace("&", "") for w in words if w]


def answer_file_dialog(seen: list, name: str | None):
    """On the next file dialog: record what it says, then type `name` and accept (or cancel)."""
    def look():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(30, look)
            return
        QTimer.singleShot(200, lambda: finish(dialog))       # let it list the folder first

    def finish(dialog):
        seen.append(visible_words(dialog))
        if name is None:
            dialog.reject()
            return
        dialog.findChild(QLineEdit, "fileNameEdit").setText(name)
        dialog.accept()
    QTimer.singleShot(0, look)


def test_the_export_browse_dialog_is_all_chinese_and_fills_the_path(window, qtbot, tmp_path):
    from gui.qt.export_dialog import DOCX, ExportDialog
    from gui.report.docx_export import ExportOptions
    export = ExportDialog(window, DOCX, tmp_path / "年报.docx", ExportOptions())
    qtbot.addWidget(export)
    export.show()
    seen = []
    answer_file_dialog(seen, str(tmp_path / "报送稿"))
    export.findChild(QPushButton, "browse").click()
    words = seen[0]
    assert "查找范围(L)：" in words and "文件类型(T)：" in words and "文件名称(N)：" in words
    assert "文件夹" in words                            # the 类型 of the folders listed
    assert [w for w in words if ENGLISH.search(w)] == []
    assert export.path() == tmp_path / "报送稿.docx"


def test_the_open_dialog_of_the_file_menu_is_all_chinese(window, qtbot, tmp_path):
    open_sample(window)
    window.document.undo_stack.setClean()
    seen = []
    answer_file_dialog(seen, None)
    next(a for a in window.menuBar().findChildren(QAction) if a.text() == "打开…(&O)").trigger()
    words = seen[0]
    assert "查找范围(L)：" in words and "文件类型(T)：" in words
    assert [w for w in words if ENGLISH.search(w)] == []
