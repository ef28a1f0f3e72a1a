"""Hostile PDFs, generated here: each is refused with a Chinese reason (exit 2 from the command
line), never a traceback, and inside the guard's limits of pages, bytes, inflated data and time."""
from __future__ import annotations

import os
import random

import pytest

import pdf_factory as make
from gui import cli
from gui.report.pdf_import import PdfImportError, guard, read_pdf
from test_pdf_import import EXAMPLE

REFUSED = {
    "scanned": (make.image_only, "这份 PDF 是扫描图像，没有可读取的文字"),
    "encrypted": (make.encrypted, "设置了密码（已加密）"),
    "thousand-pages": (lambda: make.text_pages([f"page {i}" for i in range(1000)]), f"超过 {guard.MAX_PAGES} 页"),
    "inflates-to-4-GB": (lambda: make.inflating(4), "解压后超过"),
    "nested": (lambda: make.nested(50_000), "「nested.pdf」"),
    "random-after-header": (lambda: b"%PDF-1.7\n" + random.Random(7).randbytes(50_000), "已损坏"),
    "not-a-report": (lambda: make.text_pages(["Minutes of the meeting"] * 3), "不是政府信息公开工作年度报告"),
    "no-pdf-header": (lambda: b"PK\x03\x04 a zip renamed", "不是有效的 PDF 文件"),
}


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_hostile_pdf_is_refused_in_chinese(tmp_path, kind):
    build, words = REFUSED[kind]
    path = tmp_path / ("nested.pdf" if kind == "nested" else f"{kind}.pdf")
    path.write_bytes(build())
    with pytest.raises(PdfImportError, match=words):
        read_pdf(path)


@pytest.mark.parametrize("kind", ["scanned", "inflates-to-4-GB"])
def test_command_line_exits_2_with_the_reason_and_no_traceback(tmp_path, capsys, kind):
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(REFUSED[kind][0]())
    assert cli.main(["import", str(path), "-o", str(tmp_path / "out.json")]) == 2
    assert cli.main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert REFUSED[kind][1] in err and "Traceback" not in err
    assert not (tmp_path / "out.json").exists()


def test_a_file_over_the_byte_limit_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(guard, "MAX_FILE_BYTES", 10_000)
    path = tmp_path / "big.pdf"
    path.write_bytes(make.text_pages(["x" * 50] * 200))
    with pytest.raises(PdfImportError, match="超过可导入的 PDF 上限"):
        read_pdf(path)


def test_reading_stops_at_the_time_limit():
    from gui.report.pdf_import.reader import read_pdf as read
    with pytest.raises(PdfImportError, match="读取超过 0 秒仍未完成"):
        read(EXAMPLE, seconds=0.0)


def test_the_example_truncated_at_many_lengths_is_read_or_refused(tmp_path):
    data = EXAMPLE.read_bytes()
    rng = random.Random(11)
    lengths = sorted({0, 1, 5, 9, 100, 1000, len(data) - 1, len(data) - 30} | {rng.randrange(len(data)) for _ in range(12)})
    path = tmp_path / "cut.pdf"
    for n in lengths:
        path.write_bytes(data[:n])
        try:
            result = read_pdf(path)
        except PdfImportError as exc:
            assert str(exc).startswith("「cut.pdf」"), (n, str(exc))
        else:
            assert result.report.info.organ == "淮安市洪泽区人民政府", n


def test_the_example_with_random_bytes_flipped_is_read_or_refused(tmp_path):
    data = bytearray(EXAMPLE.read_bytes())
    rng = random.Random(5)
    path = tmp_path / "flipped.pdf"
    for _ in range(3):
        copy = bytearray(data)
        for _ in range(40):
            copy[rng.randrange(200, len(copy))] = rng.randrange(256)
        path.write_bytes(bytes(copy))
        try:
            read_pdf(path)
        except PdfImportError as exc:
            assert "「flipped.pdf」" in str(exc)
