"""The window: 从上年报告新建 (draft or Word), 附加或更换上年报告 on 基本信息, and 打开 a .docx with
the import summary shown first. Real buttons and dialogs; only the file choosers are replaced."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from docx_import_factory import hand_made
from gui.report import drafts
from gui.report.form import REQUESTS_COLUMNS, CellRef
from gui.report.samples import huaian_2024
from window_support import app_env, open_sample, window  # noqa: F401

CARRY_OUT = [103, 0, 0, 0, 0, 0, 103]


def choose(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def answer_summary(button_text: str, seen: list):
    """Click `button_text` on the import summary when it appears, recording its lists."""
    def click():
        from gui.qt.lastyear_actions import ImportSummaryDialog
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportSummaryDialog):
            QTimer.singleShot(20, click)
            return
        for widget in (dialog.recognised, dialog.unrecognised):
            seen.append([widget.item(i).text() for i in range(widget.count())])
        button = next(b for b in (dialog.accept_button, dialog.cancel_button) if b.text() == button_text)
        button.click()
    QTimer.singleShot(0, click)


def test_start_page_button_starts_from_a_draft(window, qtbot, monkeypatch, tmp_path):
    last = tmp_path / "2024.json"
    drafts.save(huaian_2024(), last)
    choose(monkeypatch, last)
    seen = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: seen.append(a[2]) or QMessageBox.StandardButton.No)
    window.start_page.buttons["last_year"].click()
    report = window.document.report
    assert report.info.year == 2025 and report.info.organ == "淮安市人民政府"
    assert report.row_values("requests", "carry_in") == CARRY_OUT
    assert report.last_year is not None and report.last_year.info.year == 2024
    assert all(text == "" for text in report.texts.values())
    assert window.document.path is None and window.isWindowModified()
    assert seen and "正文" in seen[0]


def test_starting_from_a_docx_shows_the_summary_and_copies_texts_when_asked(window, qtbot, monkeypatch, tmp_path):
    sample = huaian_2024()
    sample.texts["problems"] = "一是公开时效有待加强。"
    choose(monkeypatch, hand_made(tmp_path / "2024.docx", sample, slash_zero=True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    seen = []
    answer_summary("用它新建今年的报告", seen)
    window.new_from_last_year()
    recognised, unrecognised = seen
    assert any("表三：全部 25 行" in line for line in recognised)
    assert any("已按空白导入" in line for line in unrecognised)
    report = window.document.report
    assert report.title == "淮安市人民政府2025年政府信息公开工作年度报告"
    assert report.row_values("requests", "carry_in") == [103, None, None, None, None, None, 103]
    assert report.texts["problems"] == "一是公开时效有待加强。"


def test_cancelling_the_summary_keeps_the_window_as_it_was(window, qtbot, monkeypatch, tmp_path):
    choose(monkeypatch, hand_made(tmp_path / "2024.docx", huaian_2024()))
    seen = []
    answer_summary("取消", seen)
    window.new_from_last_year()
    assert seen and window.document is None


def test_an_unreadable_last_year_gives_a_message_not_a_crash(window, qtbot, monkeypatch, tmp_path):
    bad = tmp_path / "2024.docx"
    bad.write_bytes(b"garbage")
    choose(monkeypatch, bad)
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    window.new_from_last_year()
    assert window.document is None
    assert messages and "不是有效的 Word 文档" in messages[0]


def test_attach_last_year_on_the_info_step_fills_blank_carry_over_and_undoes(window, qtbot, monkeypatch, tmp_path):
    this_year = huaian_2024()
    this_year.info.year = 2025
    for col in REQUESTS_COLUMNS:
        this_year.set(CellRef("requests", "carry_in", col.key), None)
    document = open_sample(window, this_year)
    last = tmp_path / "2024.json"
    drafts.save(huaian_2024(), last)
    choose(monkeypatch, last)
    page = window.wizard.go_to("info")
    assert "尚未附加" in page.last_year_label.text()
    page.attach_button.click()
    assert document.report.last_year.info.year == 2024
    assert document.report.row_values("requests", "carry_in") == CARRY_OUT
    assert "已附加上年报告：淮安市人民政府2024年" in page.last_year_label.text()
    document.undo_stack.undo()
    assert document.report.last_year is None
    assert document.report.row_values("requests", "carry_in") == [None] * 7
    assert "尚未附加" in page.last_year_label.text()


def test_removing_last_year_stops_cross_year_checks_keeps_the_figures_and_undoes(window, qtbot, monkeypatch,
                                                                                 tmp_path):
    this_year = huaian_2024()
    this_year.info.year = 2025          # its 上年结转 (34 …) disagrees with last year's 103: R5
    document = open_sample(window, this_year)
    last = tmp_path / "2024.json"
    drafts.save(huaian_2024(), last)
    choose(monkeypatch, last)
    page = window.wizard.go_to("info")
    assert not page.remove_last_button.isVisible()
    page.attach_button.click()
    assert page.remove_last_button.isVisible()
    assert any(p.rule == "R5" for p in document.problems)
    page.remove_last_button.click()
    assert document.report.last_year is None
    assert not any(p.rule == "R5" for p in document.problems)
    assert document.report.row_values("requests", "carry_in")[0] == 34
    assert "尚未附加" in page.last_year_label.text() and not page.remove_last_button.isVisible()
    document.undo_stack.undo()
    assert document.report.last_year.info.year == 2024 and any(p.rule == "R5" for p in document.problems)


def test_attaching_keeps_typed_carry_over_and_r5_reports_the_difference(window, qtbot, monkeypatch, tmp_path):
    this_year = huaian_2024()
    this_year.info.year = 2025          # its 上年结转 is 34 …, last year carried 103 over
    document = open_sample(window, this_year)
    last = tmp_path / "2024.json"
    drafts.save(huaian_2024(), last)
    choose(monkeypatch, last)
    window.wizard.go_to("info").attach_button.click()
    assert document.report.row_values("requests", "carry_in")[0] == 34
    r5 = [p for p in document.problems if p.rule == "R5"]
    assert r5 and any(p.is_error for p in r5)


def test_attaching_another_organs_report_asks_first(window, qtbot, monkeypatch, tmp_path):
    this_year = huaian_2024()
    this_year.info.year = 2025
    document = open_sample(window, this_year)
    other = huaian_2024()
    other.info.organ = "某县人民政府"
    path = tmp_path / "other.json"
    drafts.save(other, path)
    choose(monkeypatch, path)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    window.wizard.go_to("info").attach_button.click()
    assert asked and "某县人民政府" in asked[0]
    assert document.report.last_year is None


def test_open_accepts_a_docx_after_its_summary(window, qtbot, monkeypatch, tmp_path):
    source = hand_made(tmp_path / "2024.docx", huaian_2024())
    choose(monkeypatch, source)
    seen = []
    answer_summary("使用导入的内容", seen)
    window.open_dialog()
    assert seen
    assert window.document is not None and window.document.path is None
    assert window.document.report.row_values("requests", "total") == huaian_2024().row_values("requests", "total")
    assert window.isWindowModified()
