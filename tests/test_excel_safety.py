"""Workbooks from others: zip bombs, renamed files, XML entities, size limits — refused in Chinese."""
import zipfile

import openpyxl
import pytest

from gui.report.excel import safety
from gui.report.excel.ledger_import import read_ledger
from gui.report.excel.safety import ExcelError, check_archive
from gui.report.excel.tables_read import read_tables


def _bomb(path, size=1100 * 1024 * 1024):
    """A real zip whose one entry inflates to `size` bytes of zeros (about 1 MB on disk)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            chunk = bytes(16 * 1024 * 1024)
            for _ in range(size // len(chunk)):
                entry.write(chunk)


def test_zip_bomb_is_refused_before_anything_is_inflated(tmp_path, monkeypatch):
    path = tmp_path / "台账.xlsx"
    _bomb(path)
    assert path.stat().st_size < 5 * 1024 * 1024

    def never(*args, **kwargs):
        raise AssertionError("openpyxl must not be reached")
    monkeypatch.setattr(openpyxl, "load_workbook", never)
    with pytest.raises(ExcelError, match="压缩炸弹"):
        read_ledger(path, 2024)


def test_high_ratio_entry_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "MAX_RATIO", 50)
    path = tmp_path / "x.xlsx"
    _bomb(path, size=32 * 1024 * 1024)
    with pytest.raises(ExcelError, match="压缩比异常"):
        check_archive(path)


def test_renamed_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "报告.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ExcelError, match="不是有效的 Excel 工作簿"):
        read_tables(path)


@pytest.mark.parametrize("name, words", [("旧表.xls", "另存为 .xlsx"), ("a.xlsx", "不是有效的"),
                                         ("b.et", "WPS")])
def test_files_that_are_not_zip_archives(tmp_path, name, words):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0 not a zip")
    with pytest.raises(ExcelError, match=words):
        check_archive(path)


def test_missing_file_and_oversized_file(tmp_path, monkeypatch):
    with pytest.raises(ExcelError, match="找不到文件"):
        check_archive(tmp_path / "nope.xlsx")
    path = tmp_path / "big.xlsx"
    path.write_bytes(b"PK" + bytes(2000))
    monkeypatch.setattr(safety, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ExcelError, match="过大"):
        check_archive(path)


def test_xml_entities_in_a_ledger_are_refused(tmp_path):
    path = tmp_path / "台账.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["申请编号", "收到日期", "申请人类型", "来源", "办理结果"])
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    evil = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    parts["xl/worksheets/sheet1.xml"] = (evil + sheet.split("?>", 1)[-1]).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(ExcelError):
        read_ledger(path, 2024)


def test_defusedxml_is_in_use():
    safety.require_defusedxml()
    assert openpyxl.DEFUSEDXML is True


def test_without_defusedxml_nothing_is_opened(monkeypatch, tmp_path):
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    path = tmp_path / "a.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(ExcelError, match="defusedxml"):
        read_tables(path)


def test_a_huge_workbook_is_not_loaded_whole_as_tables(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "MAX_FULL_LOAD_BYTES", 1000)
    path = tmp_path / "大.xlsx"
    workbook = openpyxl.Workbook()
    for i in range(200):
        workbook.active.append([f"第{i}行", i])
    workbook.save(path)
    with pytest.raises(ExcelError, match="不像是年报表格"):
        read_tables(path)
