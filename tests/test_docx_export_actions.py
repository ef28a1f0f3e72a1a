"""导出 Word / 导出 PDF in the window, driven through the real dialogs and message boxes."""
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QWidget)

from gui.qt import export_actions
from gui.qt.document import ReportDocument
from gui.report.form import CellRef
from gui.report.problems import ERROR, Problem
from gui.report.samples import huaian_2024


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    QSettings().clear()
    monkeypatch.setattr(export_actions.Path, "home", classmethod(lambda cls: tmp_path))
    yield
    QSettings().clear()


class Modals:
    """Answers the modal dialogs one after the other, as a clerk would."""

    def __init__(self, qtbot, steps):
        self.qtbot, self.steps, self.current, self.log = qtbot, list(steps), None, []
        self.unexpected = []
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(30)

    def _tick(self):
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            self.current = None             # the same dialog shown again is a new step
            return
        if widget is self.current:
            return
        self.current = widget
        self.log.append(widget.text() if isinstance(widget, QMessageBox) else widget.windowTitle())
        if self.steps:
            self.steps.pop(0)(widget)
        else:                               # an unexpected dialog: close it rather than hang
            self.unexpected.append(self.log[-1])
            widget.reject()

    def done(self):
        self.timer.stop()
        assert not self.steps, f"dialogs not shown: {len(self.steps)} left; saw {self.log}"
        assert not self.unexpected, f"unexpected dialogs: {self.unexpected}"


def click(text):
    def step(widget):
        button = next(b for b in widget.findChildren(QPushButton) if b.text().startswith(text))
        button.click()
    return step


def fill(qtbot, path=None, page=None, fonts=None):
    def step(dialog):
        if path is not None:            # QTest types Latin-1 only: the tests use ASCII names
            edit = dialog.findChild(QLineEdit, "exportPath")
            edit.selectAll()
            qtbot.keyClicks(edit, str(path))
        for name, key in (("pageNumbers", page), ("fonts", fonts)):
            if key is not None:
                combo = dialog.findChild(QComboBox, name)
                combo.setCurrentIndex(combo.findData(key))
        click("导出")(dialog)
    return step


@pytest.fixture
def window(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def run(qtbot, action, parent, document, steps):
    modals = Modals(qtbot, steps)
    try:
        return action(parent, document)
    finally:
        modals.done()


def test_export_word_proposes_the_title_and_remembers_folder_and_settings(qtbot, window, tmp_path,
                                                                           monkeypatch):
    opened = []
    monkeypatch.setattr(export_actions, "open_folder", opened.append)
    document = ReportDocument(huaian_2024())
    proposed = []

    def check_proposal(dialog):
        proposed.append(dialog.findChild(QLineEdit, "exportPath").text())
        fill(qtbot, page="center", fonts="common")(dialog)

    written = run(qtbot, export_actions.export_word, window, document,
                  [check_proposal, click("打开所在文件夹")])
    assert proposed == [str(tmp_path / "淮安市人民政府2024年政府信息公开工作年度报告.docx")]
    assert written == Path(proposed[0]) and written.exists()
    assert opened == [tmp_path]
    assert docx.Document(str(written)).sections[0].footer.paragraphs[0].alignment == 1
    settings = QSettings()
    assert settings.value("export/pageNumbers") == "center" and settings.value("export/fonts") == "common"

    other = tmp_path / "elsewhere"
    other.mkdir()
    seen = []

    def second(dialog):
        seen.append((dialog.findChild(QComboBox, "pageNumbers").currentData(),
                     dialog.findChild(QComboBox, "fonts").currentData()))
        fill(qtbot, path=other / "second.docx")(dialog)

    run(qtbot, export_actions.export_word, window, document, [second, click("关闭")])
    assert seen == [("center", "common")]
    assert (other / "second.docx").exists()
    assert Path(QSettings().value("export/folder")) == other


def test_errors_are_listed_in_the_one_dialog_and_enter_goes_back(qtbot, window, tmp_path):
    document = ReportDocument(huaian_2024())
    document.problems = [Problem("R1", ERROR, "表三「总计」列：第一项加第二项之和应等于第三项加第四项之和。",
                                 "requests", target=CellRef("requests", "total", "total"))]
    seen = []

    def press_enter(dialog):
        seen.append(dialog.findChild(QLabel, "exportErrors").text())
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    assert run(qtbot, export_actions.export_word, window, document, [press_enter]) is None
    assert "1 个错误" in seen[0] and "第一项加第二项之和" in seen[0]
    assert list(tmp_path.glob("*.docx")) == []
    written = run(qtbot, export_actions.export_word, window, document,
                  [click("仍然导出"), click("关闭")])
    assert written.exists()


def test_without_errors_enter_exports_and_no_error_text_is_shown(qtbot, window, tmp_path):
    hidden = []

    def press_enter(dialog):
        hidden.append(dialog.findChild(QLabel, "exportErrors").isHidden())
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    written = run(qtbot, export_actions.export_word, window, ReportDocument(huaian_2024()),
                  [press_enter, click("关闭")])
    assert hidden == [True] and written.exists()


def test_an_existing_file_is_overwritten_only_when_confirmed(qtbot, window, tmp_path):
    target = tmp_path / "nianbao.docx"
    target.write_bytes(b"keep")
    document = ReportDocument(huaian_2024())
    assert run(qtbot, export_actions.export_word, window, document,
               [fill(qtbot, path=target), click("取消"), click("取消")]) is None
    assert target.read_bytes() == b"keep"
    run(qtbot, export_actions.export_word, window, document,
        [fill(qtbot, path=target), click("覆盖"), click("关闭")])
    assert target.read_bytes() != b"keep"


def test_a_file_open_in_word_is_reported_and_another_name_offered(qtbot, window, tmp_path):
    target = tmp_path / "nianbao.docx"
    target.write_bytes(b"open in Word")
    (tmp_path / "~$nianbao.docx").write_bytes(b"owner")
    texts = []

    def read_and_accept(box):
        texts.append(box.text())
        click("改存为")(box)

    written = run(qtbot, export_actions.export_word, window, ReportDocument(huaian_2024()),
                  [fill(qtbot, path=target), read_and_accept, click("关闭")])
    assert "Word 或 WPS" in texts[0]
    assert written == tmp_path / "nianbao（2）.docx" and written.exists()
    assert target.read_bytes() == b"open in Word"


def test_pdf_without_libreoffice_says_how_to_get_one(qtbot, window, monkeypatch):
    monkeypatch.setattr(export_actions, "find_soffice", lambda: None)
    texts = []

    def read(box):
        texts.append(box.text())
        box.accept()

    assert run(qtbot, export_actions.export_pdf, window, ReportDocument(huaian_2024()), [read]) is None
    assert "LibreOffice" in texts[0] and "另存为" in texts[0]


@pytest.mark.skipif(export_actions.find_soffice() is None, reason="LibreOffice is not installed")
def test_export_pdf_writes_a_preview(qtbot, window, tmp_path):
    texts = []

    def read(box):
        texts.append(box.text())
        click("关闭")(box)

    written = run(qtbot, export_actions.export_pdf, window, ReportDocument(huaian_2024()),
                  [fill(qtbot), read])
    assert written.suffix == ".pdf" and written.read_bytes().startswith(b"%PDF")
    assert "预览" in texts[0]


def test_an_emoji_is_named_before_the_export_and_again_after_it(qtbot, window, tmp_path):
    document = ReportDocument(huaian_2024())
    document.set_field("text.other", "本年度无其他需要报告的事项👍")
    before, after = [], []

    def read_dialog(dialog):
        label = dialog.findChild(QLabel, "characterWarnings")
        before.append((label.isVisible(), label.text()))
        click("导出")(dialog)

    def read_done(box):
        after.append(box.text())
        click("关闭")(box)

    written = run(qtbot, export_actions.export_word, window, document, [read_dialog, read_done])
    assert written.exists()
    visible, text = before[0]
    assert visible and "「其他需要报告的事项」" in text and "「👍」" in text
    assert "「👍」" in after[0] and "已导出到" in after[0]


def test_a_report_without_unprintable_characters_gets_no_character_warning(qtbot, window):
    shown = []

    def read_dialog(dialog):
        shown.append(dialog.findChild(QLabel, "characterWarnings").isVisible())
        click("取消")(dialog)

    run(qtbot, export_actions.export_word, window, ReportDocument(huaian_2024()), [read_dialog])
    assert shown == [False]


def test_the_file_is_proposed_beside_the_draft_even_after_exporting_elsewhere(qtbot, window, tmp_path):
    drafts, elsewhere = tmp_path / "草稿", tmp_path / "上报"
    drafts.mkdir(), elsewhere.mkdir()
    QSettings().setValue("export/folder", str(elsewhere))
    saved = ReportDocument(huaian_2024(), drafts / "nianbao.json")
    unsaved = ReportDocument(huaian_2024())
    proposed = []

    def read(dialog):
        proposed.append(Path(dialog.findChild(QLineEdit, "exportPath").text()))
        click("取消")(dialog)

    run(qtbot, export_actions.export_word, window, saved, [read])
    run(qtbot, export_actions.export_word, window, unsaved, [read])
    title = "淮安市人民政府2024年政府信息公开工作年度报告.docx"
    assert proposed == [drafts / title, elsewhere / title]


def test_a_long_path_widens_the_dialog_and_its_file_name_stays_in_view(qtbot, window, tmp_path):
    folder = tmp_path / "各乡镇报告" / "二〇二五年一月上报材料"
    folder.mkdir(parents=True)
    seen = []

    def measure(dialog):
        edit = dialog.findChild(QLineEdit, "exportPath")
        screen = dialog.screen().availableGeometry().width()
        seen.append((edit.fontMetrics().horizontalAdvance(edit.text()), edit.width(), dialog.width(),
                     screen, edit.cursorPosition(), edit.text(), edit.toolTip()))
        click("取消")(dialog)

    run(qtbot, export_actions.export_word, window,
        ReportDocument(huaian_2024(), folder / "nianbao.json"), [measure])
    needed, width, dialog_width, screen, cursor, text, tip = seen[0]
    assert needed > 560                             # more than the dialog's least width
    # the whole path where the screen allows; else as wide as it allows, the file name in view
    assert width >= needed or dialog_width >= 0.85 * screen
    assert cursor == len(text) and text.endswith("年度报告.docx") and tip == text
