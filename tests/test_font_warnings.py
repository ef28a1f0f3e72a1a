"""Emoji and characters outside the document's fonts are named before export (core and CLI)."""
import subprocess
import sys

from docx_support import ROOT
from gui.report import drafts
from gui.report.docx_export import ExportOptions, font_warnings
from gui.report.samples import huaian_2024


def test_a_clean_report_has_no_warning():
    assert font_warnings(huaian_2024()) == []


def test_emoji_and_a_character_outside_gb2312_are_named_with_the_text_they_are_in():
    report = huaian_2024()
    report.texts["problems"] = "一是公开不够及时😀。"
    report.info.organ = "淮安市人民政府𠀀"
    warnings = font_warnings(report)
    assert len(warnings) == 2
    assert "「机关全称」" in warnings[0] and "「𠀀」" in warnings[0]
    assert "「存在的主要问题及改进情况」" in warnings[1] and "「😀」" in warnings[1]


def test_common_fonts_hold_gbk_characters_the_gb2312_fonts_lack():
    report = huaian_2024()
    report.texts["other"] = "经办人：王喆。"          # 喆 is in GBK, not in GB 2312
    assert font_warnings(report, ExportOptions(fonts="gb"))
    assert font_warnings(report, ExportOptions(fonts="common")) == []


def test_export_command_prints_the_warning(tmp_path):
    report = huaian_2024()
    report.texts["problems"] = "一是公开不够及时😀。"
    draft = tmp_path / "草稿.json"
    drafts.save(report, draft)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(draft), "-o",
                             str(tmp_path / "年报.docx"), "--force"], capture_output=True, text=True,
                            encoding="utf-8", cwd=tmp_path)
    assert (tmp_path / "年报.docx").exists()
    assert "😀" in result.stderr and "注意" in result.stderr
