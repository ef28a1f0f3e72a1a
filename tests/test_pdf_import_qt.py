"""The window's 打开 and 从上年报告新建 accept a published PDF: the file choosers offer *.pdf, the
import summary is shown first, then the report (the district's real PDF) is in the window."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.report.form import CellRef
from test_lastyear_qt import answer_summary
from test_pdf_import import EXAMPLE
from window_support import app_env, window  # noqa: F401


def test_open_offers_pdf_and_shows_the_summary_before_the_report(window, qtbot, monkeypatch):
    offered = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: offered.append(a[3]) or (str(EXAMPLE), ""))
    seen = []
    answer_summary("使用导入的内容", seen)
    window.open_dialog()
    assert "*.pdf" in offered[0].split(";;")[0]
    recognised, unrecognised = seen[0], seen[1]
    assert any("跨页续表已接上" in m for m in recognised)
    assert any("（六）其他处理」只有一行" in m for m in unrecognised)
    report = window.document.report
    assert report.info.organ == "淮安市洪泽区人民政府" and window.document.path is None
    assert report.get(CellRef("requests", "unable_1", "natural")) == 31
    assert report.row_values("appeals", "suit_after_review") == [2, 0, 1, 0, 3]


def test_new_from_last_year_offers_pdf_and_carries_over(window, qtbot, monkeypatch):
    from gui.qt.lastyear_actions import LAST_FILTER, new_from_last
    assert "*.pdf" in LAST_FILTER.split(";;")[0]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(EXAMPLE), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    seen = []
    answer_summary("用它新建今年的报告", seen)
    assert new_from_last(window)
    report = window.document.report
    assert report.info.year == 2025 and report.info.organ == "淮安市洪泽区人民政府"
    assert report.row_values("requests", "carry_in") == [0] * 7
