"""下载台账模板 and 从台账导入 in the window (table 三 step and the 工具 menu).

import_ledger() shows every cell of table 三 that would change (old → new) and the ledger rows that
were left out, with their Excel row numbers; nothing changes until the clerk clicks 应用到表三, and
then the whole table is one undoable step.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHeaderView,
                               QLabel, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

from gui.report.cells import format_value
from . import settings
from .settings import LEDGER_FOLDER
from .window.dialogs import ask_save_path
from .window.widgets import read_only_table
from gui.report.excel.ledger_import import LedgerImport, read_ledger
from gui.report.excel.ledger_template import write_template as write_template_file
from gui.report.excel.safety import ExcelError
from gui.report.form import describe

XLSX_FILTER = "Excel 工作簿 (*.xlsx)"
UNDO_TEXT = "从台账导入"


def _folder() -> str:
    return settings.folder(LEDGER_FOLDER)


def _remember(path: Path) -> None:
    settings.remember_folder(path, LEDGER_FOLDER)


def _report_year(parent):
    document = getattr(parent, "document", None)
    return getattr(getattr(getattr(document, "report", None), "info", None), "year", None)


def write_template(parent) -> Path | None:
    """Ask where to save the ledger template and write it; returns the file or None."""
    year = _report_year(parent)
    name = f"依申请公开登记台账{year or ''}.xlsx"
    path = ask_save_path(parent, "保存台账模板", Path(_folder()) / name, XLSX_FILTER, ".xlsx")
    if path is None:
        return None
    try:
        write_template_file(path, year)
    except ExcelError as exc:
        QMessageBox.warning(parent, "无法保存台账模板", str(exc))
        return None
    _remember(path)
    QMessageBox.information(parent, "台账模板", f"已保存台账模板：\n{path}\n\n每件申请填一行，"
                            "填好后在表三页面点「从台账导入…」。")
    return path


def _table(headers: list[str], rows: list[list[str]], name: str) -> QTableWidget:
    table = read_only_table(headers, name, len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(text))
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    table.resizeColumnsToContents()
    return table


class LedgerImportDialog(QDialog):
    """What the ledger would change in table 三, and the rows it left out."""

    def __init__(self, parent, result: LedgerImport, report, path: Path):
        super().__init__(parent)
        self.setWindowTitle(f"从台账导入 — {path.name}")
        self.resize(900, 640)
        self.changes = [(ref, report.get(ref), value) for ref, value in result.values.items()
                        if report.get(ref) != value or type(report.get(ref)) is not type(value)]
        layout = QVBoxLayout(self)
        summary = QLabel(result.summary)
        summary.setObjectName("ledgerSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        for note in result.notes:
            layout.addWidget(QLabel("说明：" + note))
        if self.changes:
            layout.addWidget(QLabel(f"表三将有 {len(self.changes)} 个单元格发生变化："))
            layout.addWidget(_table(["单元格", "原值", "新值"],
                                    [[describe(ref), format_value(old) or "（空）", format_value(new)]
                                     for ref, old, new in self.changes], "changesTable"), 3)
        else:
            layout.addWidget(QLabel("表三与台账计算结果一致，没有需要修改的单元格。"))
        if result.bad_rows:
            warning = QLabel(f"台账中有 {len(result.bad_rows)} 行有问题，没有计入表三（行号即 Excel 中的行号）。"
                             "可以先修正台账再导入，也可以只应用没有问题的行。")
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #a61b1b;")
            layout.addWidget(warning)
            layout.addWidget(_table(["行号", "申请编号", "问题"],
                                    [[str(b.row), b.application, b.reason] for b in result.bad_rows],
                                    "badRowsTable"), 2)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton("应用到表三", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setEnabled(bool(self.changes))
        cancel = buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def import_ledger(parent, document) -> bool:
    """Choose a ledger, show what changes, and apply it as one undoable step on 应用到表三."""
    chosen, _ = QFileDialog.getOpenFileName(parent, "选择依申请公开登记台账", _folder(), XLSX_FILTER)
    if not chosen:
        return False
    path = Path(chosen)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = read_ledger(path, document.report.info.year)
    except ExcelError as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, "无法导入台账", str(exc))
        return False
    QGuiApplication.restoreOverrideCursor()
    _remember(path)
    dialog = LedgerImportDialog(parent, result, document.report, path)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document.set_cells(dict(result.values), UNDO_TEXT)
    return True
