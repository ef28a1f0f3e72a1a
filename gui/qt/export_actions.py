"""导出 Word and 导出 PDF from the window: one dialog (file, settings, and the errors and
unprintable characters still in the report), then the export, then what was written.

The wizard's 检查与导出 page calls export_word(parent, document) / export_pdf(parent, document).
The file is proposed in the draft's folder under the report's title; the folder of the last export
(for a report never saved) and the page-number and font settings are remembered in QSettings.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from gui.report.deadlines import export_hints
from gui.report.docx_export import (ExportError, ExportOptions, TargetLocked, another_name,
                                    export_docx, owner_files)
from gui.report.pdf import NOT_FOUND, PREVIEW_NOTE, export_pdf as write_pdf, find_soffice
from . import settings as keys
from .export_dialog import DOCX, PDF, ExportDialog

_UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]')


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


def _ask(parent, title: str, text: str, yes: str, no: str = "取消") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is accept


def proposed_folder(document) -> Path:
    """The draft's folder; for a report never saved, the folder of the last export or file opened."""
    settings = QSettings()
    candidates = [document.path.parent] if document.path is not None else []
    candidates += [Path(str(settings.value(key))) for key in (keys.EXPORT_FOLDER, keys.LAST_FOLDER)
                   if settings.value(key)]
    return next((folder for folder in candidates if folder.is_dir()), Path.home())


def _initial(document, suffix: str) -> tuple[Path, ExportOptions]:
    settings = QSettings()
    try:
        options = ExportOptions(page_numbers=str(settings.value(keys.EXPORT_PAGE_NUMBERS, "outer")),
                                fonts=str(settings.value(keys.EXPORT_FONTS, "gb")))
    except ValueError:                  # a settings file edited by hand or by another version
        options = ExportOptions()
    return proposed_folder(document) / file_name(document.report.title, suffix), options


def _remember(path: Path, options: ExportOptions) -> None:
    settings = QSettings()
    settings.setValue(keys.EXPORT_FOLDER, str(path.parent))
    settings.setValue(keys.EXPORT_PAGE_NUMBERS, options.page_numbers)
    settings.setValue(keys.EXPORT_FONTS, options.fonts)


def _write(report, path: Path, options: ExportOptions, suffix: str) -> None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        (export_docx if suffix == DOCX else write_pdf)(report, path, options, overwrite=True)
    finally:
        QGuiApplication.restoreOverrideCursor()


def _export(parent, document, suffix: str) -> Path | None:
    path, options = _initial(document, suffix)
    errors = [p for p in document.problems if p.is_error]
    dialog = ExportDialog(parent, suffix, path, options, document.report, errors)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        path, options = dialog.path(), dialog.options()
        _remember(path, options)
        # A file held open by Word is reported below; asking to overwrite it first would be moot.
        if path.exists() and not owner_files(path) and not _ask(
                parent, dialog.windowTitle(), f"「{path.name}」已存在。要用新导出的文件覆盖它吗？", "覆盖"):
            continue
        written = _try_write(parent, dialog, document.report, path, options)
        if written is not None:
            _done(parent, written, suffix,
                  dialog.character_warnings() + export_hints(document.report))
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


def open_file(path: Path) -> None:
    """In Word or WPS, whichever the system opens .docx with."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _done(parent, path: Path, suffix: str, hints: list[str] = ()) -> None:
    text = f"已导出到：\n{path}"
    if suffix == PDF:
        text += f"\n\n{PREVIEW_NOTE}"
    for hint in hints:       # unprintable characters; no 发布日期 yet: the sign-off is 「年 月 日」
        text += f"\n\n{hint}"
    box = QMessageBox(QMessageBox.Icon.Information, "导出完成", text, parent=parent)
    file = box.addButton("打开文件", QMessageBox.ButtonRole.ActionRole)
    folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(box.addButton("关闭", QMessageBox.ButtonRole.RejectRole))
    box.exec()
    if box.clickedButton() is folder:
        open_folder(path.parent)
    elif box.clickedButton() is file:
        open_file(path)
