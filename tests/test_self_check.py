"""`main.py --self-check`: one Chinese line per part, exit 0 only when every part works.

The frozen build runs the same check (tests/test_frozen_build.py); here a part is taken away in-process."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from gui import self_check

ROOT = Path(__file__).resolve().parent.parent


def report() -> tuple[int, str]:
    out = io.StringIO()
    return self_check.run(out), out.getvalue()


def test_a_complete_checkout_passes_with_a_chinese_line_for_every_part():
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-check"], cwd=ROOT,
                            capture_output=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for label, _, _ in self_check.CHECKS:
        assert any(line.startswith(f"  正常  {label}：") or line.startswith(f"  提示  {label}：") for line in lines), label
    assert "「Cancel」→「取消」" in result.stdout
    assert lines[-1].startswith("自检通过") and "Traceback" not in result.stderr


def test_a_missing_demo_draft_fails_the_check_and_says_so(monkeypatch, tmp_path):
    monkeypatch.setattr(self_check, "DEMO_DRAFT", tmp_path / "demo-2024.json")
    code, text = report()
    assert code == 1
    assert "缺失  示例报告：找不到示例报告" in text
    assert text.splitlines()[-1].startswith("自检未通过")


def test_missing_python_docx_templates_fail_the_word_checks(monkeypatch, tmp_path):
    from docx.parts import hdrftr
    monkeypatch.setattr(hdrftr, "__file__", str(tmp_path / "parts" / "hdrftr.py"))
    code, text = report()
    assert code == 1
    assert "缺失  Word 模板：python-docx 的模板缺少 default.docx" in text


def test_a_missing_translation_fails_and_names_the_file(monkeypatch, tmp_path):
    from PySide6.QtCore import QLibraryInfo
    monkeypatch.setattr(QLibraryInfo, "path", lambda which: str(tmp_path))
    code, text = report()
    assert code == 1
    assert "缺失  Qt 中文翻译：找不到 Qt 的中文翻译 qtbase_zh_CN.qm" in text


def test_a_broken_part_is_named_without_a_traceback(monkeypatch):
    from gui.report.excel import tables_xlsx
    monkeypatch.setattr(tables_xlsx, "export_tables", lambda *a, **k: (_ for _ in ()).throw(OSError("坏了")))
    code, text = report()
    assert code == 1 and "缺失  Excel 表格与台账：OSError: 坏了" in text and "Traceback" not in text


def test_libreoffice_missing_is_only_a_note(monkeypatch):
    from gui.report import pdf
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    code, text = report()
    assert code == 0 and "提示  PDF 预览：未找到 LibreOffice" in text


def test_missing_pdfminer_character_maps_fail_the_pdf_import(monkeypatch):
    from pdfminer.cmapdb import CMapDB
    def missing(*args, **kwargs):
        raise CMapDB.CMapNotFound("Adobe-GB1")
    monkeypatch.setattr(CMapDB, "get_unicode_map", missing)
    code, text = report()
    assert code == 1 and "缺失  PDF 导入：pdfminer 的中文字符映射缺失" in text


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 libraries are the Linux window's")
def test_missing_x11_libraries_are_named_in_a_note_with_their_packages(monkeypatch):
    import ctypes
    loader = ctypes.CDLL
    gone = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    def cdll(name, *args, **kwargs):
        if name in gone:
            raise OSError(f"{name}: cannot open shared object file")
        return loader(name, *args, **kwargs)
    monkeypatch.setattr(ctypes, "CDLL", cdll)
    code, text = report()
    assert code == 0                                  # the commands still work: a note, not a failure
    note = next(line for line in text.splitlines() if line.startswith("  提示  窗口系统库："))
    assert "缺少窗口所需的系统库 libxcb-icccm.so.4、libxcb-keysyms.so.1" in note
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in note
