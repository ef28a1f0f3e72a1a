"""An unexpected error where nobody can click (offscreen, --screenshots on a server, CI): the details go to
stderr and the run ends or goes on; a modal box there would wait for ever. On a screen the clerk sees it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from gui.qt import app, export_dialog
from gui.report.docx_export import ExportOptions
from gui.report.docx_export.options import COMMON, GB

ROOT = Path(__file__).resolve().parent.parent


def raise_and_hook(message: str) -> None:
    try:
        raise RuntimeError(message)
    except RuntimeError:
        app._excepthook(*sys.exc_info())


def test_headless_an_unexpected_error_is_told_on_stderr_without_a_modal_box(qapp, monkeypatch, capsys):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a))
    raise_and_hook("意外")
    assert shown == []
    assert "年报助手发生了意外错误：RuntimeError: 意外" in capsys.readouterr().err


def test_on_a_screen_the_clerk_gets_the_chinese_box(qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(QApplication, "platformName", staticmethod(lambda: "windows"))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    raise_and_hook("意外")
    assert shown and shown[0][0] == "出错了" and "已填写的内容会自动保存" in shown[0][1]


def test_without_a_console_the_hook_itself_does_not_fail(qapp, monkeypatch):
    monkeypatch.setattr(sys, "stderr", None)         # the Windows window launcher
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: None)
    raise_and_hook("意外")


def test_screenshots_into_a_file_end_with_a_chinese_line_instead_of_waiting(tmp_path):
    target = tmp_path / "不是文件夹"
    target.write_text("x")
    ran = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshots", str(target)], cwd=ROOT,
                         capture_output=True, encoding="utf-8", timeout=120)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert "无法把截图保存到" in ran.stderr


# ── the export dialog names the official fonts this computer lacks ──────────────────────────────
def dialog(qtbot, monkeypatch, installed: set[str], fonts: str):
    monkeypatch.setattr(export_dialog.QFontDatabase, "hasFamily", staticmethod(installed.__contains__))
    box = export_dialog.ExportDialog(None, export_dialog.DOCX, Path("年报.docx"), ExportOptions(fonts=fonts))
    qtbot.addWidget(box)
    box.show()
    return box


def test_the_export_dialog_says_which_official_fonts_are_missing_and_what_stands_in(qtbot, monkeypatch):
    box = dialog(qtbot, monkeypatch, {"宋体", "黑体", "仿宋", "楷体"}, GB)
    assert box.font_notice.isVisible()
    assert "仿宋_GB2312（以仿宋代替）" in box.font_notice.text() and "方正小标宋简体（以宋体代替）" in box.font_notice.text()
    box.fonts.setCurrentIndex(box.fonts.findData(COMMON))        # the clerk picks 常用字体: nothing missing
    assert not box.font_notice.isVisible()


def test_no_notice_where_the_official_fonts_are_installed(qtbot, monkeypatch):
    box = dialog(qtbot, monkeypatch, {"宋体", "黑体", "仿宋_GB2312", "楷体_GB2312", "方正小标宋简体"}, GB)
    assert not box.font_notice.isVisible()
