"""导出 Word and 导出 PDF from the window: errors first, then file and settings, then the export.

The wizard's 检查与导出 page calls export_word(parent, document) / export_pdf(parent, document).
The last folder and the page-number and font settings are remembered in QSettings.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from gui.report.deadlines import export_hints
from gui.report.docx_export import (FONT_CHOICES, PAGE_NUMBER_CHOICES, ExportError, ExportOptions,
                                 TargetLocked, another_name, export_docx, owner_files)
from .settings import EXPORT_FOLDER, EXPORT_FONTS, EXPORT_PAGE_NUMBERS
from gui.report.docx_export.fonts import font_notice
from gui.report.pdf import NOT_FOUND, PREVIEW_NOTE, export_pdf as write_pdf, find_soffice

MAX_LISTED = 10
DOCX, PDF = ".docx", ".pdf"
_UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]')


class ExportDialog(QDialog):
    """Where to save and how to print: file name, 页码位置, 字体."""

    def __init__(self, parent: QWidget | None, suffix: str, path: Path, options: ExportOptions):
        super().__init__(parent)
        self.suffix = suffix
        self.setWindowTitle("导出 Word" if suffix == DOCX else "导出 PDF（预览）")
        self.path_edit = QLineEdit(str(path))
        self.path_edit.setObjectName("exportPath")
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.page_numbers = self._combo("pageNumbers", PAGE_NUMBER_CHOICES, options.page_numbers)
        self.fonts = self._combo("fonts", FONT_CHOICES, options.fonts)
        form = QFormLayout()
        form.addRow("保存为：", row)
        form.addRow("页码位置：", self.page_numbers)
        form.addRow("字体：", self.fonts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("导出", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.font_notice = QLabel()
        self.font_notice.setObjectName("fontNotice")
        self.font_notice.setWordWrap(True)
        self.font_notice.setStyleSheet("color: #8a5300;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.font_notice)
        self.fonts.currentIndexChanged.connect(self._show_font_notice)
        self._show_font_notice()
        if suffix == PDF:
            note = QLabel(PREVIEW_NOTE)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _show_font_notice(self) -> None:
        options = ExportOptions(fonts=self.fonts.currentData())
        notice = font_notice(options, QFontDatabase.hasFamily)
        self.font_notice.setText(notice or "")
        self.font_notice.setVisible(notice is not None)

    def _combo(self, name: str, choices: dict[str, str], current: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for key, label in choices.items():
            combo.addItem(label, key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _browse(self) -> None:
        kind = "Word 文档 (*.docx)" if self.suffix == DOCX else "PDF 文件 (*.pdf)"
        # Overwriting is asked by export itself, once, with the same words for both ways of naming.
        name, _ = QFileDialog.getSaveFileName(self, "保存为", self.path_edit.text(), kind,
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> None:
        self.path_edit.setText(str(path))

    def path(self) -> Path:
        path = Path(self.path_edit.text().strip())
        return path if path.suffix.lower() == self.suffix else path.with_name(path.name + self.suffix)

    def options(self) -> ExportOptions:
        return ExportOptions(page_numbers=self.page_numbers.currentData(),
                             fonts=self.fonts.currentData())


def export_word(parent: QWidget | None, document) -> Path | None:
    """Export the document's report as .docx; returns the path written, None if not exported."""
    return _export(parent, document, DOCX)


def export_pdf(parent: QWidget | None, document) -> Path | None:
    """Export a PDF preview through LibreOffice; says how to get one where it is missing."""
    if find_soffice() is None:
        QMessageBox.information(parent, "导出 PDF", NOT_FOUND)
        return None
    return _export(parent, document, PDF)


def file_name(title: str, suffix: str) -> str:
    name = _UNSAFE.sub("", title).strip(" .") or "政府信息公开工作年度报告"
    return name + suffix


def _confirm_errors(parent, problems) -> bool:
    errors = [p for p in problems if p.is_error]
    if not errors:
        return True
    lines = [f"· {p.message}" for p in errors[:MAX_LISTED]]
    if len(errors) > MAX_LISTED:
        lines.append(f"……另有 {len(errors) - MAX_LISTED} 个错误")
    box = QMessageBox(QMessageBox.Icon.Warning, "报告中还有错误",
                      f"报告中还有 {len(errors)} 个错误，导出的文件会带着这些错误：\n\n"
                      + "\n".join(lines) + "\n\n建议先改正再导出。", parent=parent)
    go = box.addButton("仍然导出", QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton("返回修改", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is go


def _ask(parent, title: str, text: str, yes: str, no: str = "取消") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is accept


def _initial(document, suffix: str) -> tuple[Path, ExportOptions]:
    settings = QSettings()
    default_folder = document.path.parent if getattr(document, "path", None) else Path.home()
    folder = Path(str(settings.value(EXPORT_FOLDER, str(default_folder))))
    if not folder.is_dir():
        folder = default_folder
    try:
        options = ExportOptions(page_numbers=str(settings.value(EXPORT_PAGE_NUMBERS, "outer")),
                                fonts=str(settings.value(EXPORT_FONTS, "gb")))
    except ValueError:                  # a settings file edited by hand or by another version
        options = ExportOptions()
    return folder / file_name(document.report.title, suffix), options


def _remember(path: Path, options: ExportOptions) -> None:
    settings = QSettings()
    settings.setValue(EXPORT_FOLDER, str(path.parent))
    settings.setValue(EXPORT_PAGE_NUMBERS, options.page_numbers)
    settings.setValue(EXPORT_FONTS, options.fonts)


def _write(report, path: Path, options: ExportOptions, suffix: str) -> None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        (export_docx if suffix == DOCX else write_pdf)(report, path, options, overwrite=True)
    finally:
        QGuiApplication.restoreOverrideCursor()


def _export(parent, document, suffix: str) -> Path | None:
    if not _confirm_errors(parent, document.problems):
        return None
    path, options = _initial(document, suffix)
    dialog = ExportDialog(parent, suffix, path, options)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        path, options = dialog.path(), dialog.options()
        _remember(path, options)
        # A file held open by Word is reported below; asking to overwrite it first would be moot.
        if path.exists() and not owner_files(path) and not _ask(
                parent, dialog.windowTitle(), f"「{path.name}」已存在。要用新导出的文件覆盖它吗？", "覆盖"):
            continue
        written = _try_write(parent, dialog, document.report, path, options)
        if written is not None:
            _done(parent, written, suffix, export_hints(document.report))
            return written
    return None


def _try_write(parent, dialog: ExportDialog, report, path: Path, options) -> Path | None:
    """Write; when the target is open in Word or WPS, offer a free name and write there."""
    while True:
        try:
            _write(report, path, options, dialog.suffix)
            return path
        except TargetLocked as exc:
            free = another_name(path)
            if not _ask(parent, dialog.windowTitle(), f"{exc}\n\n可以改存为「{free.name}」。",
                        f"改存为「{free.name}」"):
                return None
            dialog.set_path(free)
            path = free
        except ExportError as exc:
            QMessageBox.warning(parent, dialog.windowTitle(), str(exc))
            return None


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _done(parent, path: Path, suffix: str, hints: list[str] = ()) -> None:
    text = f"已导出到：\n{path}"
    if suffix == PDF:
        text += f"\n\n{PREVIEW_NOTE}"
    for hint in hints:                     # e.g. no 发布日期 yet: the sign-off is left 「年 月 日」
        text += f"\n\n{hint}"
    box = QMessageBox(QMessageBox.Icon.Information, "导出完成", text, parent=parent)
    folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(box.addButton("关闭", QMessageBox.ButtonRole.RejectRole))
    box.exec()
    if box.clickedButton() is folder:
        open_folder(path.parent)
