"""Word 97–2003 (.doc) and WPS (.wps) files: LibreOffice converts them where it is installed and the
report opens, saying so; without it the clerk is told how to 「另存为」. The same in the county review."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gui.report import old_formats
from gui.report.draft_reader import DraftError
from gui.report.sources import read_report
from message_boxes import boxes  # noqa: F401
from window_support import app_env, window  # noqa: F401

DOC = Path(__file__).parent / "fixtures" / "old-formats" / "马营镇.doc"     # the demo report saved by Word 97
needs_libreoffice = pytest.mark.skipif(old_formats.soffice() is None, reason="LibreOffice is not installed")


@pytest.fixture
def old_files(tmp_path):
    folder = tmp_path / "各单位报送"
    folder.mkdir()
    shutil.copy(DOC, folder / "马营镇.doc")
    shutil.copy(DOC, folder / "马营镇 WPS.wps")          # WPS 文字 writes the same binary format
    return folder


@pytest.fixture
def no_libreoffice(monkeypatch):
    monkeypatch.setattr(old_formats, "soffice", lambda: None)


@needs_libreoffice
@pytest.mark.parametrize("name", ["马营镇.doc", "马营镇 WPS.wps"])
def test_an_old_word_or_wps_file_is_read_through_libreoffice(old_files, name):
    before = (old_files / name).read_bytes()
    report = read_report(old_files / name)
    assert report.info.organ == "马营镇人民政府" and report.info.year == 2024
    assert (old_files / name).read_bytes() == before                # the original is not touched
    assert sorted(p.name for p in old_files.iterdir()) == ["马营镇 WPS.wps", "马营镇.doc"]


@pytest.mark.parametrize("name, program", [("报告.doc", "Word 或 WPS 文字"), ("表格.et", "Excel 或 WPS 表格")])
def test_without_libreoffice_the_message_says_how_to_save_as(tmp_path, no_libreoffice, name, program):
    path = tmp_path / name
    path.write_bytes(b"old")
    with pytest.raises(DraftError) as caught:
        read_report(path)
    text = str(caught.value)
    assert "另存为" in text and program in text and name in text and "LibreOffice" in text


@needs_libreoffice
def test_the_window_converts_in_the_background_and_says_so(window, qtbot, old_files, boxes):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from gui.qt import settings
    from gui.qt.lastyear_actions import ImportSummaryDialog
    summaries = []

    def use_the_import():                               # the import summary, as for any .docx
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportSummaryDialog):
            summaries.append(dialog)
            dialog.accept()
        else:
            QTimer.singleShot(50, use_the_import)
    QTimer.singleShot(50, use_the_import)
    assert window.open_path(old_files / "马营镇.doc", ask=False)
    assert summaries
    assert window.document.report.info.organ == "马营镇人民政府"
    assert "已用 LibreOffice 转换为 .docx 后打开" in window.statusBar().currentMessage()
    assert Path(settings.folder()) == old_files         # the clerk's folder, not the conversion's
    window.document.undo_stack.setClean()


def test_the_window_without_libreoffice_explains_save_as(window, qtbot, old_files, boxes, no_libreoffice):
    assert not window.open_path(old_files / "马营镇.doc", ask=False)
    assert window.document is None
    (title, text), = boxes.seen
    assert "另存为" in text and "Word 文档（*.docx）" in text and "不支持的文件类型" not in text


@needs_libreoffice
def test_the_county_review_reads_old_formats_too(old_files):
    from gui.report.review.collect import collect
    from gui.report.review.examine import examine
    files, skipped = collect([old_files])
    assert {p.name for p in files} == {"马营镇.doc", "马营镇 WPS.wps"} and skipped == []
    unit, _ = examine(old_files / "马营镇.doc")
    assert unit.organ == "马营镇人民政府"


def test_the_county_review_without_libreoffice_gives_the_save_as_advice(old_files, no_libreoffice):
    from gui.report.review.examine import examine
    unit, traits = examine(old_files / "马营镇.doc")
    assert traits is None
    assert any("另存为" in text for text in vars(unit).values() if isinstance(text, str))
