"""工具 → 审查多个单位的报告: every unit's file checked off the GUI thread, the units in a sortable
table, the selected unit's problems below, its file opened in the wizard, letters and the review
workbook written, a saved review reopened from its workbook (the workbook is the whole review)."""
from __future__ import annotations

import multiprocessing
import sys
import threading
from pathlib import Path

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt,
                            QThread, Signal)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QProgressBar, QPushButton, QSplitter,
                               QTableView, QTableWidgetItem, QVBoxLayout, QWidget)

from gui.report.cells import format_value
from gui.report.docx_export import ExportError
from gui.report.excel.safety import ExcelError
from gui.report.problems import SEVERITY_LABELS
from gui.report.review import NEEDS_CHANGES, PUBLISHABLE, UNREADABLE, Review, review
from gui.report.review.collect import inside
from gui.report.review.examine import TOTALS
from gui.report.review.letters import existing_letters, write_letters
from gui.report.review.workbook import note, read_review, save_review
from . import settings
from .settings import REVIEW_FOLDER
from .review_choices import (LastYearChoice, YearChoice, fit_to_screen, outside_folder, show_skipped,
                             skipped_table, yearly_text)
from .window.widgets import read_only_table

TITLE = "审查多个单位的报告"
COLUMNS = ("状态", "机关", "层级", "文件", "发布日期", "错误数", "提示数") + tuple(h for h, _ in TOTALS)
PROBLEM_COLUMNS = ("严重程度", "步骤", "位置", "说明", "修改建议")
_COLOURS = {UNREADABLE: "#D9D9D9", NEEDS_CHANGES: "#F8CBAD", PUBLISHABLE: "#C6EFCE"}


def _folder() -> str:
    return settings.folder(REVIEW_FOLDER)


def _context():
    # Worker processes forked from a process running Qt threads can inherit held locks: start
    # them from a clean interpreter (forkserver where there is one, spawn elsewhere).
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


class UnitsModel(QAbstractTableModel):
    """The units of a review, one a row; sorting by any column, worst first by default."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.units = []

    def set_review(self, result: Review | None) -> None:
        self.beginResetModel()
        self.units = result.sorted_units() if result else []
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def value(self, unit, column: int):
        totals = unit.totals or (None,) * len(TOTALS)
        published = unit.publish_date.isoformat() + ("（逾期）" if unit.late else "") if unit.publish_date else ""
        return (unit.status, unit.organ or unit.path.stem, unit.level if unit.organ else "", unit.path.name, published, unit.errors, unit.warnings,
                *totals)[column]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        unit = self.units[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.value(unit, index.column())
            return value if isinstance(value, str) else format_value(value)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return QBrush(QColor(_COLOURS[unit.status]))
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4 and unit.late:
            return QBrush(QColor("#C00000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return note(unit)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        if column == 0:
            key = lambda u: u.sort_key()          # noqa: E731 — worst first, as in the workbook
        else:
            key = lambda u: (self.value(u, column) is None, self.value(u, column) or 0   # noqa: E731
                             if column >= 5 else str(self.value(u, column)))
        self.units.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class ReviewWorker(QObject):
    """Runs the core's review() in a QThread; progress and the result come back as signals."""
    progress = Signal(int, int)
    reading_last_year = Signal()
    finished = Signal(object)

    def __init__(self, paths, year=None, last_year: Path | None = None):
        super().__init__()
        self.paths, self.year, self.last_year = list(paths), year, last_year
        self.stop = threading.Event()

    def run(self) -> None:
        result = review(self.paths, self.year, progress=self.progress.emit, cancelled=self.stop.is_set,
                        context=_context())
        if self.last_year is not None and result.units and not result.cancelled:
            from gui.report.review.yearly import compare_years, read_last_year
            self.reading_last_year.emit()
            result.yearly = compare_years(result, *read_last_year(self.last_year, context=_context()))
        self.finished.emit(result)


class ReviewDialog(QDialog):
    def __init__(self, parent=None, paths=()):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.resize(1180, 700)
        fit_to_screen(self)            # a laptop at 125 % has 1093×614: the buttons stay on the screen
        self.review: Review | None = None
        self.paths: list[Path] = [Path(p) for p in paths]
        self.thread: QThread | None = None
        self.worker: ReviewWorker | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel("选择各单位报送的报告（文件或文件夹），然后开始审查。")
        self.heading.setObjectName("reviewHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.year = None                # chosen by the reviewer; None: the year most files have
        self.year_choice = YearChoice()
        self.year_choice.yearChosen.connect(self.review_year)
        layout.addWidget(self.year_choice)
        self.last_year = LastYearChoice()
        layout.addWidget(self.last_year)
        self.yearly_label = QLabel()
        self.yearly_label.setObjectName("yearlyLabel")
        self.yearly_label.setWordWrap(True)
        self.yearly_label.hide()
        layout.addWidget(self.yearly_label)
        progress_row = QHBoxLayout()
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.cancel_button = QPushButton("取消")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        for w in (self.progress_label, self.progress_bar, self.cancel_button):
            progress_row.addWidget(w)
            w.setVisible(False)
        layout.addLayout(progress_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = UnitsModel(self)
        self.view = QTableView()
        self.view.setObjectName("unitsView")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.selectionModel().selectionChanged.connect(self.show_unit)
        self.view.doubleClicked.connect(lambda _: self.open_unit())
        splitter.addWidget(self.view)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        self.unit_label = QLabel("选择一个单位，查看它的问题。")
        self.unit_label.setObjectName("unitLabel")
        self.unit_label.setWordWrap(True)
        below_layout.addWidget(self.unit_label)
        self.problems = read_only_table(PROBLEM_COLUMNS, "problemsTable")
        self.problems.setWordWrap(True)
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 64), (1, 170), (2, 220), (4, 200)):
            self.problems.setColumnWidth(column, width)
        below_layout.addWidget(self.problems)
        splitter.addWidget(below)
        self.skipped = skipped_table()
        splitter.addWidget(self.skipped)
        splitter.setSizes([380, 260, 120])
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.buttons = {}
        for name, text, slot in (("addFiles", "添加文件…", self.add_files), ("addFolder", "添加文件夹…", self.add_folder),
                                 ("start", "开始审查", self.start), ("open", "打开", self.open_unit),
                                 ("letters", "生成审查意见…", self.letters),
                                 ("save", "保存审查结果…", self.save), ("reopen", "打开审查结果…", self.reopen),
                                 ("close", "关闭", self.reject)):
            button = QPushButton(text)
            button.setObjectName(name + "Button")
            button.clicked.connect(slot)
            self.buttons[name] = button
            buttons.addWidget(button)
            if name == "letters":
                buttons.addStretch(1)
        layout.addLayout(buttons)
        self._update_buttons()

    # ── choosing files ──
    def add_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, "选择各单位报送的报告", _folder(), "所有文件 (*)")
        self._add([Path(p) for p in chosen])

    def add_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "选择存放各单位报告的文件夹", _folder())
        self._add([Path(chosen)] if chosen else [])

    def _add(self, paths) -> None:
        if not paths:
            return
        settings.remember_folder(paths[0], REVIEW_FOLDER)
        self.paths += paths
        names = "、".join(p.name for p in self.paths[:4]) + ("等" if len(self.paths) > 4 else "")
        self.heading.setText(f"要审查：{names}（共 {len(self.paths)} 项，文件夹逐层查找）。")
        self._update_buttons()

    # ── the round ──
    def start(self) -> None:
        if not self.paths or self.thread is not None:
            return
        last_year = self.last_year.folder()
        if last_year is not None and not last_year.is_dir():
            QMessageBox.warning(self, TITLE, f"上年报告文件夹「{last_year}」不存在或不是文件夹，请重新选择或清除。")
            return
        self.worker = ReviewWorker(self.paths, self.year, last_year)
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self.worker.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.worker.reading_last_year.connect(lambda: self.progress_label.setText("正在读取上年报告…"),
                                              Qt.ConnectionType.QueuedConnection)
        for w in (self.progress_label, self.progress_bar, self.cancel_button):
            w.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.progress_label.setText("正在查找文件…")
        self._update_buttons()
        self.thread.start()

    def review_year(self, year: int) -> None:
        """Review again for `year` (the year selector)."""
        if self.review is not None and year == self.review.year:
            return
        self.year = year
        self.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_label.setText(f"正在检查第 {min(done + 1, total)} 个，共 {total} 个")

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.stop.set()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText("正在取消…")

    def _finished(self, result: Review) -> None:
        self.thread.quit()
        self.thread.wait()
        self.thread.deleteLater()
        self.worker.deleteLater()
        self.thread = self.worker = None
        for w in (self.progress_label, self.progress_bar, self.cancel_button):
            w.setVisible(False)
        self.set_review(result)

    def set_review(self, result: Review) -> None:
        self.review = result
        self.model.set_review(result)
        self.year_choice.show_years(result.year, result.years)
        show_skipped(self.skipped, result.skipped)
        self.view.resizeColumnsToContents()
        counts = result.counts()
        parts = "，".join(f"{status} {n} 个" for status, n in counts.items() if n) or "没有可以审查的报告"
        text = f"{result.year or '（未知）'}年：{len(result.units)} 个单位（{parts}）"
        if result.skipped:
            text += f"；{len(result.skipped)} 个文件未审查（原因见下方「未审查的文件」）"
        if result.cross:
            text += f"；跨单位问题 {len(result.cross)} 个"
        self.heading.setText(text + ("。审查已取消，只列出已检查的文件。" if result.cancelled else "。"))
        self.yearly_label.setText(yearly_text(result.yearly) if result.yearly is not None else "")
        self.yearly_label.setVisible(result.yearly is not None)
        self.problems.setRowCount(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.thread is not None
        has = self.review is not None and bool(self.review.units)
        self.buttons["start"].setEnabled(bool(self.paths) and not running)
        for name in ("addFiles", "addFolder", "reopen"):
            self.buttons[name].setEnabled(not running)
        self.last_year.setEnabled(not running)
        for name in ("letters", "save"):
            self.buttons[name].setEnabled(has and not running)
        self.buttons["open"].setEnabled(has and not running and self.selected() is not None
                                        and hasattr(self.parent(), "open_path"))

    # ── one unit ──
    def selected(self):
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.units[rows[0].row()] if rows else None

    def show_unit(self, *_) -> None:
        unit = self.selected()
        self._update_buttons()
        if unit is None:
            return
        self.unit_label.setText(f"{unit.name}（{unit.path}）：{unit.status}。{note(unit)}")
        self.problems.setRowCount(len(unit.findings))
        for r, f in enumerate(unit.findings):
            for c, text in enumerate((SEVERITY_LABELS.get(f.severity, f.severity), f.step, f.location,
                                      f.message, f.change)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.problems.setItem(r, c, item)
        self.problems.resizeRowsToContents()

    def open_unit(self) -> None:
        unit = self.selected()
        window = self.parent()
        if unit is None or not hasattr(window, "open_path"):
            return
        if not unit.path.exists():
            QMessageBox.warning(self, "无法打开", f"找不到文件「{unit.path}」，它可能已被移动或删除。")
            return
        window.open_path(unit.path)

    # ── output ──
    def _inside_inputs(self, target: Path) -> bool:
        folder = inside(target, self.paths)
        if folder is None:
            return True
        answer = QMessageBox.question(self, TITLE, f"「{target}」在要审查的文件夹「{folder}」中，下次审查时会被当作"
                                      "单位的报告读取。仍然保存在这里吗？（选「否」另选位置）")
        return answer == QMessageBox.StandardButton.Yes

    def letters(self) -> None:
        proposal = outside_folder(self.paths)
        while True:                     # 否 to 「保存在被审查的文件夹中吗」 asks again where
            chosen = QFileDialog.getExistingDirectory(self, "选择保存审查意见的文件夹", str(proposal))
            if not chosen:
                return
            if self._inside_inputs(Path(chosen)):
                break
        overwrite = False
        existing = existing_letters(self.review, chosen)
        if existing:
            answer = QMessageBox.question(self, TITLE, f"文件夹中已有 {len(existing)} 份同名的审查意见，覆盖它们吗？")
            if answer != QMessageBox.StandardButton.Yes:
                return
            overwrite = True
        try:
            written = write_letters(self.review, chosen, overwrite=overwrite)
        except ExportError as exc:
            QMessageBox.warning(self, "无法生成审查意见", str(exc))
            return
        self.model.set_review(self.review)
        self.unit_label.setText(f"已生成审查意见 {len(written)} 份：{chosen}" if written
                                else "没有需要发审查意见的单位。")

    def save(self) -> Path | None:
        year = self.review.year or ""
        proposal = outside_folder(self.paths) / f"{year}年报告审查结果.xlsx"
        while True:                     # 否 to 「保存在被审查的文件夹中吗」 asks again where
            path, _ = QFileDialog.getSaveFileName(self, "保存审查结果", str(proposal), "Excel 工作簿 (*.xlsx)")
            if not path:
                return None
            path = Path(path).with_suffix(".xlsx") if Path(path).suffix.lower() != ".xlsx" else Path(path)
            if self._inside_inputs(path):
                return self.save_to(path)
            proposal = outside_folder(self.paths) / path.name

    def save_to(self, path: Path) -> Path | None:
        if path.resolve() in {u.path.resolve() for u in self.review.units}:
            QMessageBox.warning(self, "无法保存审查结果", f"「{path.name}」是被审查的文件之一，不能覆盖。")
            return None
        try:
            save_review(self.review, path)
        except ExcelError as exc:
            QMessageBox.warning(self, "无法保存审查结果", str(exc))
            return None
        self.unit_label.setText(f"已保存审查结果：{path}（以后可用「打开审查结果…」重新打开）")
        return path

    def reopen(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "打开审查结果", _folder(), "Excel 工作簿 (*.xlsx)")
        if path:
            self.reopen_from(Path(path))

    def reopen_from(self, path: Path) -> bool:
        try:
            result = read_review(path)
        except ExcelError as exc:
            QMessageBox.warning(self, "无法打开审查结果", str(exc))
            return False
        self.paths = []
        self.set_review(result)
        return True

    def _stop_round(self) -> None:
        """Closing while a round runs: cancel it and wait for the workers to be stopped."""
        if self.thread is not None:
            self.cancel()
            while self.thread is not None and self.thread.isRunning():
                self.thread.wait(100)
                QCoreApplication.processEvents()

    def reject(self) -> None:
        self._stop_round()
        super().reject()

    def closeEvent(self, event) -> None:
        self._stop_round()
        super().closeEvent(event)


def open_review(parent) -> ReviewDialog:
    dialog = ReviewDialog(parent)
    dialog.exec()
    return dialog
