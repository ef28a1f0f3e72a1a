"""汇总多个单位的报告 in the window: pick drafts or workbooks, see each unit, save the summary."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHeaderView,
                               QLabel, QMessageBox, QTableWidgetItem, QVBoxLayout)

from gui.report.cells import format_value
from . import settings
from .settings import SUMMARY_FOLDER
from .window.dialogs import ask_save_path
from .window.widgets import read_only_table
from gui.report.excel.safety import ExcelError
from gui.report.excel.summary import UNIT_TOTALS, Summary, export_summary, summarise

FILES_FILTER = "年报草稿、表格或已发布的报告 (*.json *.xlsx *.docx *.pdf);;已发布的 PDF (*.pdf);;所有文件 (*)"
HEADERS = ["文件", "机关", "年度", "结果"] + [h for h, _ in UNIT_TOTALS[:4]]


def _folder() -> str:
    return settings.folder(SUMMARY_FOLDER)


class SummaryDialog(QDialog):
    def __init__(self, parent, paths: list[Path]):
        super().__init__(parent)
        self.setWindowTitle("汇总多个单位的报告")
        self.resize(960, 560)
        self.paths = list(paths)
        self.summary: Summary | None = None
        self.saved: Path | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("summaryHeading")
        layout.addWidget(self.heading)
        self.status = QLabel()
        self.status.setObjectName("summaryStatus")
        layout.addWidget(self.status)
        self.table = read_only_table(HEADERS, "unitsTable")
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton("添加文件…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton("保存汇总表…", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button = buttons.addButton("作为草稿打开", QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        for button, name in ((self.add_button, "addButton"), (self.save_button, "saveButton"),
                             (self.open_button, "openButton"), (close, "closeButton")):
            button.setObjectName(name)
        self.add_button.clicked.connect(self.add_files)
        self.save_button.clicked.connect(self.save)
        self.open_button.clicked.connect(self.open_as_draft)
        self.open_button.setVisible(hasattr(parent, "open_report"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.recompute()

    def recompute(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.summary = summarise(self.paths)
        finally:
            QGuiApplication.restoreOverrideCursor()
        s = self.summary
        text = f"{s.year or '（未知）'}年：已汇总 {len(s.units)} 个单位"
        text += f"，{len(s.refused)} 个文件未汇总（原因见下表）。" if s.refused else "。"
        self.heading.setText(text)
        self.status.setText("\n".join(f"注意：{caution}" for caution in s.cautions))
        self.status.setVisible(bool(s.cautions))
        rows = []
        for u in s.units:
            state = f"已汇总，{u.errors} 个错误" if u.errors else "已汇总，无错误"
            rows.append([u.path.name, u.report.info.organ, str(u.report.info.year), state]
                        + [format_value(v) for v in u.totals[:4]])
        if s.units:
            rows.append(["合计", s.report.info.organ, str(s.year), f"{len(s.units)} 个单位"]
                        + [format_value(s.report.get(ref)) for _, ref in UNIT_TOTALS[:4]])
        for r in s.refused:
            rows.append([r.path.name, "", "", "未汇总：" + r.reason] + [""] * 4)
        self.table.setRowCount(len(rows))
        for i, values in enumerate(rows):
            for j, value in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        has_units = bool(s.units)
        self.save_button.setEnabled(has_units)
        self.open_button.setEnabled(has_units)

    def add_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, "添加要汇总的文件", _folder(), FILES_FILTER)
        if chosen:
            self.paths += [Path(p) for p in chosen]
            self.recompute()

    def save(self) -> Path | None:
        year = self.summary.year or ""
        default = Path(_folder()) / f"{year}年政府信息公开工作年度报告汇总.xlsx"
        path = ask_save_path(self, "保存汇总表", default, "Excel 工作簿 (*.xlsx)", ".xlsx")
        if path is None:
            return None
        try:
            export_summary(self.summary, path)
        except ExcelError as exc:
            QMessageBox.warning(self, "无法保存汇总表", str(exc))
            return None
        settings.remember_folder(path, SUMMARY_FOLDER)
        self.saved = path
        self.status.setText(f"已保存汇总表：{path}")
        self.status.setVisible(True)

        return path

    def open_as_draft(self) -> None:
        if self.summary and self.parent() is not None and \
                self.parent().open_report(self.summary.report.copy(), None, modified=True):
            self.accept()


def open_summary(parent) -> SummaryDialog | None:
    """Ask for the units' files, then show the summary; returns the dialog after it closes."""
    chosen, _ = QFileDialog.getOpenFileNames(parent, "选择要汇总的各单位草稿或表格", _folder(), FILES_FILTER)
    if not chosen:
        return None
    settings.remember_folder(Path(chosen[0]), SUMMARY_FOLDER)
    dialog = SummaryDialog(parent, [Path(p) for p in chosen])
    dialog.exec()
    return dialog
