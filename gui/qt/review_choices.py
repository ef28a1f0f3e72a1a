"""The county review's choices beyond the file list: which year is reviewed (most files' year by
default, every year found counted beside it), the files left out and why, and where the outputs go
— never, unasked, into the folder being reviewed, where the next round would read them."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from gui.report.review.collect import inside
from . import settings
from .settings import REVIEW_FOLDER, REVIEW_LAST_YEAR
from .window.widgets import read_only_table

SKIPPED_COLUMNS = ("未审查的文件", "原因", "位置")


class YearChoice(QWidget):
    """审查年度: the years the round found, each with its count; choosing one asks for a new round."""
    yearChosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("审查年度："))
        self.box = QComboBox()
        self.box.setObjectName("yearBox")
        self.box.setToolTip("默认是多数文件的年度；选择另一个年度后重新审查，其他年度的文件列在下方「未审查的文件」中")
        self.box.activated.connect(lambda i: self.yearChosen.emit(self.box.itemData(i)))
        row.addWidget(self.box)
        row.addStretch(1)
        self.hide()

    def show_years(self, year: int | None, years: dict[int, int]) -> None:
        self.box.clear()
        for y, n in sorted(years.items(), key=lambda item: (-item[1], -item[0])):
            self.box.addItem(f"{y}年（{n} 份）", y)
        if year is not None and year not in years:
            self.box.addItem(f"{year}年（0 份）", year)
        if year is not None:
            self.box.setCurrentIndex(self.box.findData(year))
        self.setVisible(self.box.count() > 1)


class LastYearChoice(QWidget):
    """上年报告文件夹 (optional): when given, the round matches its units with last year's reports."""

    def __init__(self, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("上年报告文件夹："))
        self.edit = QLineEdit()
        self.edit.setObjectName("lastYearEdit")
        self.edit.setReadOnly(True)
        self.edit.setPlaceholderText("（可不选）选择后，各单位的主要数据与上年报告逐一比对，审查结果中另有「年度比对」表")
        row.addWidget(self.edit, 1)
        self.choose_button = QPushButton("选择…")
        self.choose_button.setObjectName("lastYearButton")
        self.choose_button.clicked.connect(self.choose)
        self.clear_button = QPushButton("清除")
        self.clear_button.setObjectName("lastYearClearButton")
        self.clear_button.setToolTip("不与上年比对")
        self.clear_button.clicked.connect(lambda: self.set_folder(None))
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        self.set_folder(None)

    def folder(self) -> Path | None:
        return Path(self.edit.text()) if self.edit.text() else None

    def set_folder(self, folder) -> None:
        self.edit.setText(str(folder) if folder else "")
        self.edit.setToolTip(self.edit.text())
        self.clear_button.setEnabled(bool(folder))

    def choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "选择存放上年各单位报告的文件夹", settings.folder(REVIEW_LAST_YEAR))
        if chosen:
            settings.remember_folder(Path(chosen), REVIEW_LAST_YEAR)
            self.set_folder(chosen)


def yearly_text(yearly) -> str:
    """The comparison with last year in one line, as the command line reports it."""
    text = f"与上年比对：{len(yearly.rows)} 个单位与上年报告对应"
    for label, names in (("上年没有对应的报告", yearly.unmatched_this),
                         ("上年有报告、本年未报送", yearly.unmatched_last),
                         ("上年的文件无法读取", [p.name for p in yearly.unreadable])):
        if names:
            text += f"；{label}：{'、'.join(names)}"
    return text + "（详见保存的审查结果中的「年度比对」表）。"


def skipped_table():
    table = read_only_table(SKIPPED_COLUMNS, "skippedTable")
    table.setWordWrap(True)
    table.hide()
    return table


def show_skipped(table, skipped) -> None:
    """The files left out of the round, with the reason — in the window, not only in the workbook."""
    from PySide6.QtWidgets import QTableWidgetItem
    table.setRowCount(len(skipped))
    for row, item in enumerate(skipped):
        for col, text in enumerate((item.path.name, item.reason, str(item.path.parent))):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            table.setItem(row, col, cell)
    table.resizeColumnToContents(0)
    table.setVisible(bool(skipped))


def outside_folder(paths) -> Path:
    """Where to propose an output: the folder last used for the review when it is not one being
    reviewed, else the parent of the reviewed folder, else 文档."""
    base = Path(settings.folder(REVIEW_FOLDER))
    reviewed = inside(base, paths)
    candidates = [base] if reviewed is None else [reviewed.parent]
    candidates.append(settings.documents())
    return next((c for c in candidates if c.is_dir() and inside(c, paths) is None), Path.home())


def fit_to_screen(dialog) -> None:
    """The dialog no larger than the screen's available area (it opens centred on its parent)."""
    from PySide6.QtGui import QGuiApplication
    from .window.placement import fitted
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        dialog.resize(fitted(dialog.geometry(), available).size())
