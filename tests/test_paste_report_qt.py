"""The window: 文件 › 「粘贴报告全文…」 takes the clipboard's text (copied from the portal's page or a
PDF) and opens it with the import summary; 打开 reads saved pages. Real menus, dialogs, clipboard."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFileDialog

from gui.report.form import ALL_CELLS
from gui.report.samples import huaian_2024
from page_factory import SEED_TEXT, pasted_text
from test_lastyear_qt import answer_summary
from web_page_factory import mhtml, official_tables, portal_page, report_html
from window_support import answer_next_box, app_env, window  # noqa: F401


def menu_action(window, text: str):
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("文件"))
    return next(a for a in file_menu.actions() if a.text() == text)


def test_paste_report_from_the_clipboard_shows_the_summary_and_opens_it(window, qtbot):
    source = huaian_2024()
    QApplication.clipboard().setText(pasted_text(source, "tabs", portal=True))
    seen = []
    answer_summary("使用导入的内容", seen)
    menu_action(window, "粘贴报告全文…").trigger()
    recognised, unrecognised = seen
    assert any("标题之前的 7 段" in line for line in recognised)
    report = window.document.report
    assert report.title == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert [ref for ref in ALL_CELLS if report.get(ref) != source.get(ref)] == []
    assert window.document.path is None and window.isWindowModified()


def test_pasting_the_seed_text_names_what_it_could_not_place(window, qtbot):
    QApplication.clipboard().setText(SEED_TEXT.read_text(encoding="utf-8"))
    seen = []
    answer_summary("取消", seen)
    menu_action(window, "粘贴报告全文…").trigger()
    _, unrecognised = seen
    assert any("表四的数字「1 1」" in line for line in unrecognised)
    assert any("185 个单元格" in line for line in unrecognised)
    assert window.document is None          # cancelled: nothing opened


def test_an_empty_clipboard_or_a_text_that_is_no_report_gives_a_reason(window, qtbot):
    QApplication.clipboard().setText("")
    seen = []
    answer_next_box("确定", seen)
    assert window.paste_report() is False
    assert "剪贴板中没有文字" in seen[0]
    QApplication.clipboard().setText("明天下午开会。")
    answer_next_box("确定", seen)
    assert window.paste_report() is False
    assert "不是政府信息公开工作年度报告" in seen[1]


def test_open_dialog_offers_pages_and_reads_a_saved_mhtml(window, qtbot, monkeypatch, tmp_path):
    source = huaian_2024()
    path = tmp_path / "年报.mhtml"
    path.write_bytes(mhtml(portal_page(report_html(source, official_tables(source)))))
    filters = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: filters.append(a[3]) or (str(path), ""))
    seen = []
    answer_summary("使用导入的内容", seen)
    window.open_dialog()
    assert all(p in filters[0] for p in ("*.html", "*.htm", "*.mhtml", "*.mht", "*.txt"))
    report = window.document.report
    assert [ref for ref in ALL_CELLS if report.get(ref) != source.get(ref)] == []
    assert any("「公开日期」" in line for line in seen[0])
