"""The one dialog of an export: where to save and how to print, with everything to know first —
the errors still in the report and the characters the chosen fonts cannot print."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from gui.report.docx_export import FONT_CHOICES, PAGE_NUMBER_CHOICES, ExportOptions
from gui.report.docx_export.fonts import font_notice
from gui.report.docx_export.glyphs import font_warnings
from gui.report.pdf import PREVIEW_NOTE
from .palette import ERROR_TEXT, WARNING_TEXT, text_style

MAX_LISTED = 10
DOCX, PDF = ".docx", ".pdf"
_ERROR_STYLE = text_style(ERROR_TEXT)
_NOTICE_STYLE = text_style(WARNING_TEXT)


def errors_text(errors) -> str:
    lines = [f"· {p.message}" for p in errors[:MAX_LISTED]]
    if len(errors) > MAX_LISTED:
        lines.append(f"……另有 {len(errors) - MAX_LISTED} 个错误")
    return (f"报告中还有 {len(errors)} 个错误，导出的文件会带着这些错误：\n"
            + "\n".join(lines) + "\n建议先返回修改，改正后再导出。")


def _label(name: str, style: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class ExportDialog(QDialog):
    """保存为 (proposed from the draft's folder and the report's title), 页码位置, 字体."""

    def __init__(self, parent: QWidget | None, suffix: str, path: Path, options: ExportOptions,
                 report=None, errors=()):
        super().__init__(parent)
        self.suffix, self.report = suffix, report
        self.setWindowTitle("导出 Word" if suffix == DOCX else "导出 PDF（预览）")
        self.path_edit = QLineEdit(str(path))        # the cursor at the end: the file name in view
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setToolTip(str(path))
        self.path_edit.textEdited.connect(self.path_edit.setToolTip)
        browse = QPushButton("浏览…")
        browse.setObjectName("browse")
        browse.setAutoDefault(False)        # Enter in the path field exports; it does not browse
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
        self.errors = _label("exportErrors", _ERROR_STYLE)
        self.errors.setText(errors_text(list(errors)) if errors else "")
        self.errors.setVisible(bool(errors))
        self.font_notice = _label("fontNotice", _NOTICE_STYLE)
        self.characters = _label("characterWarnings", _NOTICE_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.font_notice)
        layout.addWidget(self.characters)
        if suffix == PDF:
            note = QLabel(PREVIEW_NOTE)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self._buttons(bool(errors)))
        # With errors left, Enter goes back to them rather than publishing them. (Set once the
        # buttons are inside the dialog: a button outside one cannot be its default.)
        (self.back_button if errors else self.export_button).setDefault(True)
        self.fonts.currentIndexChanged.connect(self._show_font_notices)
        self._show_font_notices()
        width = self._fitting_width()
        self.resize(width, self.heightForWidth(width))      # wrapped notes: no empty bands

    def _buttons(self, has_errors: bool) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.back_button = buttons.addButton("返回修改" if has_errors else "取消",
                                             QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button = buttons.addButton("仍然导出" if has_errors else "导出",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _fitting_width(self) -> int:
        """Wide enough to show the whole path, within the screen."""
        text = self.path_edit.fontMetrics().horizontalAdvance(self.path_edit.text() + "MM")
        wanted = max(560, text + 200)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            wanted = min(wanted, int(screen.availableGeometry().width() * 0.9))
        return wanted

    def _show_font_notices(self) -> None:
        options = self.options()
        notice = font_notice(options, QFontDatabase.hasFamily)
        self.font_notice.setText(notice or "")
        self.font_notice.setVisible(notice is not None)
        warnings = self.character_warnings()
        self.characters.setText("\n".join(warnings))
        self.characters.setVisible(bool(warnings))

    def character_warnings(self) -> list[str]:
        """Texts with emoji or characters outside the chosen fonts, each named."""
        return font_warnings(self.report, self.options()) if self.report is not None else []

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
        self.path_edit.setToolTip(str(path))
        if self._fitting_width() > self.width():
            self.resize(self._fitting_width(), self.height())

    def path(self) -> Path:
        path = Path(self.path_edit.text().strip())
        return path if path.suffix.lower() == self.suffix else path.with_name(path.name + self.suffix)

    def options(self) -> ExportOptions:
        return ExportOptions(page_numbers=self.page_numbers.currentData(),
                             fonts=self.fonts.currentData())
