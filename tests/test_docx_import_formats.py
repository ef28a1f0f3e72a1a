"""The .docx importer with documents that are not (quite) this year's report: the 2019 trial format,
files that are not annual reports, damaged or hostile files; and `python main.py import`."""
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from docx_import_factory import hand_made, old_report
from gui.report import drafts
from gui.report.docx_import import DocxImportError, read_docx
from gui.report.docx_import import safety
from gui.report.form import CellRef
from gui.report.samples import huaian_2024
from gui.report.sources import read_report

ROOT = Path(__file__).resolve().parent.parent

def main_py(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, timeout=120, encoding="utf-8")


# ── the 2019 trial format ─────────────────────────────────────────────────────────────────
def test_old_table_two_is_recognised_reported_and_not_imported(tmp_path):
    result = read_docx(old_report(tmp_path / "old.docx"))
    assert result.old_format
    first = result.unrecognised[0]
    assert "2019 年试行格式" in first and "2022" in first
    text = "\n".join(result.unrecognised)
    assert "「本年新制作数量」" in text and "「政府集中采购」" in text
    report = result.report
    assert report.get(CellRef("active", "normative", "in_force")) is None
    assert report.get(CellRef("active", "licensing", "value")) is None


def test_single_row_other_processing_is_reported_and_the_rest_of_table_three_read(tmp_path):
    result = read_docx(old_report(tmp_path / "old.docx"))
    report, sample = result.report, huaian_2024()
    assert any("「（六）其他处理」只有一行" in m for m in result.unrecognised)
    assert report.row_values("requests", "other_1") == [None] * 7
    for key in ("new", "carry_in", "open", "deny_8", "unable_1", "noproc_5", "total", "carry_out"):
        assert report.row_values("requests", key) == sample.row_values("requests", key)
    assert report.row_values("appeals", "review") == [72, 64, 178, 37, 351]


def test_single_row_other_processing_alone_marks_the_old_format(tmp_path):
    result = read_docx(hand_made(tmp_path / "h.docx", huaian_2024(), single_other=True))
    assert result.old_format and "2019 年试行格式" in result.unrecognised[0]


# ── not an annual report, damaged, hostile ────────────────────────────────────────────────
def test_a_word_document_that_is_not_an_annual_report_says_so(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("关于召开2024年度工作总结会议的通知")
    doc.add_paragraph("各科室：定于1月5日召开会议。")
    doc.save(tmp_path / "notice.docx")
    with pytest.raises(DocxImportError, match="不是政府信息公开工作年度报告"):
        read_docx(tmp_path / "notice.docx")


@pytest.mark.parametrize("name, content, reason", [
    ("renamed.docx", b"just text, renamed", "不是有效的 Word 文档"),
    ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "另存为」.docx"),
    ("missing.docx", None, "找不到文件"),
])
def test_unreadable_files_give_a_clear_message(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DocxImportError, match=reason):
        read_docx(path)


def test_a_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(DocxImportError, match="不是有效的 Word 文档"):
        read_docx(path)


@pytest.mark.parametrize("limit", ["MAX_RATIO", "MAX_UNCOMPRESSED_BYTES"])
def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path, monkeypatch, limit):
    # deflate tops out near 1030:1, so the limits are lowered to keep the file small
    monkeypatch.setattr(safety, limit, {"MAX_RATIO": 100, "MAX_UNCOMPRESSED_BYTES": 1024 * 1024}[limit])
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (2 * 1024 * 1024))
    opened = []
    monkeypatch.setattr(docx, "Document", lambda *a: opened.append(a))
    with pytest.raises(DocxImportError, match="压缩炸弹"):
        read_docx(path)
    assert opened == []


def test_an_oversized_document_part_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "MAX_DOCUMENT_XML_BYTES", 1000)
    doc = docx.Document()
    for _ in range(50):
        doc.add_paragraph("很长的正文。" * 10)
    doc.save(tmp_path / "big.docx")
    with pytest.raises(DocxImportError, match="正文过大"):
        read_docx(tmp_path / "big.docx")


# ── 打开 and check read a .docx too ────────────────────────────────────────────────────────
def test_sources_read_a_docx(tmp_path):
    path = hand_made(tmp_path / "h.docx", huaian_2024())
    assert read_report(path).row_values("requests", "total") == huaian_2024().row_values("requests", "total")


# ── python main.py import ─────────────────────────────────────────────────────────────────
def test_import_command_writes_a_draft_and_lists_what_it_recognised(tmp_path):
    source = hand_made(tmp_path / "2024.docx", huaian_2024(), slash_zero=True)
    out = tmp_path / "draft.json"
    result = main_py("import", source, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "已识别" in result.stdout and "未识别或需要核对" in result.stdout
    assert "已按空白导入" in result.stdout
    draft = drafts.load(out)
    assert draft.title == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert draft.get(CellRef("requests", "new", "natural")) == 3001


def test_import_command_exits_2_for_a_document_that_is_not_a_report(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("会议纪要")
    doc.save(tmp_path / "memo.docx")
    result = main_py("import", tmp_path / "memo.docx", "-o", tmp_path / "d.json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "不是政府信息公开工作年度报告" in result.stderr
    assert not (tmp_path / "d.json").exists()


def test_import_command_does_not_overwrite_without_force(tmp_path):
    source = hand_made(tmp_path / "2024.docx", huaian_2024())
    out = tmp_path / "draft.json"
    out.write_text("keep", encoding="utf-8")
    result = main_py("import", source, "-o", out)
    assert result.returncode == 2 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep"
    assert main_py("import", source, "-o", out, "--force").returncode == 0
