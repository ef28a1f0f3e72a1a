"""Qt: start this year's report from last year's, attach last year to a draft, and import a
published .docx with a summary of what was and was not recognised (shown before it is used)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog, QLabel,
                               QListWidget, QMessageBox, QPushButton, QVBoxLayout)

from gui.report.draft_reader import DraftError
from gui.report.form import of_trial_format
from gui.report.lastyear import detached, mismatch_warnings, new_from_last as start_from
from gui.report.sources import read_report, unreadable
from . import settings
from .window import dialogs

LAST_FILTER = ("上年的报告 (*.json *.docx *.pdf *.html *.htm *.mhtml *.mht *.txt);;年报草稿 (*.json);;"
               "Word 文档 (*.docx);;已发布的 PDF (*.pdf);;网页 (*.html *.htm *.mhtml *.mht);;文本 (*.txt);;"
               "所有文件 (*)")


def choose_last_year(parent) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "选择上年的报告（草稿、Word 或 PDF）", settings.folder(), LAST_FILTER)
    return Path(path) if path else None


# ── the import summary ───────────────────────────────────────────────────────────────────
class ImportSummaryDialog(QDialog):
    """What an import recognised and what it did not, before the imported report is used."""

    def __init__(self, parent, result, accept_text: str):
        super().__init__(parent)
        self.result = result
        self.setWindowTitle("导入结果")
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{result.report.title}</b>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        if result.old_format:
            year = result.report.info.year
            warning = QLabel(f"注意：该报告为 {year} 年度报告，使用其年度适用的 2019 年试行格式。"
                             if of_trial_format(year) else "注意：该报告使用的是已废止的 2019 年试行格式。")
            warning.setStyleSheet("color: #a8071a; font-weight: bold;")
            layout.addWidget(warning)
        # what needs the clerk's attention first
        self.unrecognised = self._list(layout, f"未识别或需要核对（{len(result.unrecognised)} 项）：",
                                       result.unrecognised or ["（无）"])
        self.recognised = self._list(layout, f"已识别（{len(result.recognised)} 项）：", result.recognised)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button = QPushButton("复制清单")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button.clicked.connect(lambda: QApplication.clipboard().setText(result.summary()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.accept_button.setDefault(True)

    def _list(self, layout, label: str, items: list[str]) -> QListWidget:
        layout.addWidget(QLabel(label))
        widget = QListWidget()
        widget.setWordWrap(True)
        widget.setAlternatingRowColors(True)
        widget.addItems(items)
        layout.addWidget(widget, 1)
        return widget


def show_import_summary(parent, result, accept_text: str = "使用导入的内容") -> bool:
    """True when the clerk goes on with the imported report."""
    return ImportSummaryDialog(parent, result, accept_text).exec() == QDialog.DialogCode.Accepted


def read_last_year(parent, path: Path, accept_text: str = "用作上年报告"):
    """The report in `path` (a draft, or a published report after its summary); None when
    unreadable or refused."""
    from gui.report.sources import IMPORTERS, import_published
    try:
        if path.suffix.lower() in IMPORTERS:
            result = import_published(path)
            return result.report if show_import_summary(parent, result, accept_text) else None
        return read_report(path)
    except DraftError as exc:
        dialogs.show_error(parent, "无法读取上年报告", str(exc))
    except Exception as exc:       # an unforeseen failure of a reader: a message, never a crash
        dialogs.show_error(parent, "无法读取上年报告", unreadable(path, exc))
    return None


# ── 从上年报告新建 ─────────────────────────────────────────────────────────────────────────
def new_from_last(window) -> bool:
    if not window.maybe_save():
        return False
    path = choose_last_year(window)
    if path is None:
        return False
    last = read_last_year(window, path, "用它新建今年的报告")
    if last is None:
        return False
    answer = QMessageBox.question(
        window, "从上年报告新建",
        "是否把上年的正文（一、五、六的文字）复制到今年的报告中？\n\n一般不复制：今年的情况要重新写；"
        "上年的「存在的主要问题」会显示在第五部分旁边，供填写整改情况时对照。",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    report = start_from(last, copy_texts=answer == QMessageBox.StandardButton.Yes)
    opened = window.open_report(report, None, modified=True, ask=False)
    if opened:
        settings.remember_folder(path)
        window.statusBar().showMessage(
            f"已从上年报告新建 {report.info.year or ''} 年度报告：上年结转已带入，请另存为草稿。", 8000)
    return opened


# ── 附加或更换上年报告 ─────────────────────────────────────────────────────────────────────
def attach_last_year(window, document) -> bool:
    path = choose_last_year(window)
    if path is None:
        return False
    last = read_last_year(window, path)
    if last is None:
        return False
    warnings = mismatch_warnings(document.report, last)
    if warnings:
        answer = QMessageBox.question(window, "附加上年报告", "\n".join(warnings) + "\n\n仍要附加这份报告吗？",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
    filled = "，并带入了上年结转" if document.set_last_year(detached(last)) else ""
    window.statusBar().showMessage(f"已附加上年报告：{last.title}{filled}。", 8000)
    return True


def remove_last_year(window, document) -> bool:
    last = document.report.last_year
    if last is None:
        return False
    document.set_last_year(None)
    window.statusBar().showMessage(f"已移除上年报告：{last.title}（可撤销）。跨年度检查不再进行。", 8000)
    return True


# ── 打开 a published report (.docx, .pdf, a web page, a text) ────────────────────────────
def open_published(window, path: Path, ask: bool = True) -> bool:
    """Import a published report: the summary first, then the report as an unsaved document."""
    from gui.report.sources import import_published
    return _open_imported(window, lambda: import_published(path), path.name, ask)


def paste_report(window) -> bool:
    """「粘贴报告全文…」: the report text on the clipboard (copied from the portal's page or a PDF),
    with its import summary, as an unsaved document."""
    from gui.report.web_import import PASTED, read_pasted
    text = QApplication.clipboard().text()
    if not text.strip():
        dialogs.show_error(window, "无法导入", "剪贴板中没有文字：请先在网页或 PDF 中选中报告全文并复制"
                           "（Ctrl+A、Ctrl+C），再选「粘贴报告全文…」。")
        return False
    return _open_imported(window, lambda: read_pasted(text), PASTED, ask=True)


def _open_imported(window, read, name: str, ask: bool) -> bool:
    if ask and not window.maybe_save():
        return False
    try:
        result = read()
    except DraftError as exc:
        dialogs.show_error(window, "无法导入", str(exc))
        return False
    except Exception as exc:
        dialogs.show_error(window, "无法导入", unreadable(name, exc))
        return False
    if not show_import_summary(window, result):
        return False
    return window.open_report(result.report, None, modified=True, ask=False)
