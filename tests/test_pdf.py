"""PDF preview through LibreOffice: the real conversion where soffice is installed, and the
messages where it is missing or hangs."""
import os
import re
import shutil
import stat
import subprocess
import sys

import pytest

from docx_support import REPORTS
from gui.report import pdf
from gui.report.docx_export import TargetExists
from gui.report.pdf import PdfError, export_pdf

HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项"]
needs_soffice = pytest.mark.skipif(pdf.find_soffice() is None or shutil.which("pdftotext") is None,
                                   reason="LibreOffice (soffice) or poppler (pdftotext) is not installed")


def _pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@needs_soffice
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_pdf_holds_the_six_headings_in_order_on_a_few_pages(tmp_path, name):
    out = export_pdf(REPORTS[name](), tmp_path / "预览.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    text = _pdf_text(out).replace(" ", "")
    positions = [text.find(h) for h in HEADINGS]
    assert -1 not in positions, positions
    assert positions == sorted(positions)
    assert "本年新收政府信息公开申请数量" in text
    assert 3 <= _pages(out) <= 8
    assert sorted(p.name for p in tmp_path.iterdir()) == ["预览.pdf"]     # temp files gone


@needs_soffice
def test_pdf_page_numbers_and_preview_label(tmp_path):
    out = export_pdf(REPORTS["huaian"](), tmp_path / "预览.pdf")
    text = _pdf_text(out)
    assert re.search(r"—\s*1\s*—", text) and re.search(r"—\s*2\s*—", text)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "仅供预览" in info


def test_missing_libreoffice_says_how_to_get_a_pdf(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(PdfError) as info:
        export_pdf(REPORTS["huaian"](), tmp_path / "预览.pdf")
    message = str(info.value)
    assert "LibreOffice" in message and "另存为" in message and "WPS" in message
    assert not (tmp_path / "预览.pdf").exists()


def test_existing_pdf_is_not_overwritten_unless_asked(tmp_path):
    target = tmp_path / "预览.pdf"
    target.write_bytes(b"old")
    with pytest.raises(TargetExists):
        export_pdf(REPORTS["huaian"](), target)
    assert target.read_bytes() == b"old"


@pytest.mark.skipif(sys.platform == "win32", reason="uses a POSIX shell script as a fake soffice")
def test_a_hanging_conversion_is_stopped_at_the_time_limit(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake))
    with pytest.raises(PdfError) as info:
        export_pdf(REPORTS["huaian"](), tmp_path / "预览.pdf", timeout=1)
    assert "秒内没有完成" in str(info.value)
    assert not (tmp_path / "预览.pdf").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="uses a POSIX shell script as a fake soffice")
def test_a_failed_conversion_is_explained(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake))
    with pytest.raises(PdfError) as info:
        export_pdf(REPORTS["huaian"](), tmp_path / "预览.pdf")
    assert "未能" in str(info.value) and "Word 或 WPS" in str(info.value)


def test_soffice_is_found_on_path(tmp_path, monkeypatch):
    fake = tmp_path / ("soffice.exe" if os.name == "nt" else "soffice")
    fake.write_text("")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert pdf.find_soffice() == str(fake)
