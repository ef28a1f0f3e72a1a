"""PDFs made by LibreOffice from Word documents: this application's own export and foreign layouts
typed with python-docx (merged or flat group cells, the title over two lines, rows and merged cells
cut by page breaks) read back with every number in its cell; a table without ruling lines is read
by position, says so, and places no number in a wrong cell. All converted in one soffice call."""
from __future__ import annotations

import subprocess

import docx
import pytest

from docx_import_factory import hand_made
from gui.report import pdf
from gui.report.docx_export import docx_bytes
from gui.report.form import ALL_CELLS
from gui.report.pdf_import import read_pdf
from gui.report.samples import huaian_2024
from gui.report.sources import read_report
from test_docx_import import DEMO

pytestmark = pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice (soffice) is not installed")


def _ruled(path):
    document = docx.Document(path)
    for table in document.tables:
        table.style = "Table Grid"
    document.save(path)


@pytest.fixture(scope="session")
def converted(tmp_path_factory):
    """name → (the report written, the PDF LibreOffice made of it)."""
    folder = tmp_path_factory.mktemp("converted")
    reports = {"own": huaian_2024(), "demo": read_report(DEMO), "merged": huaian_2024(),
               "flat": huaian_2024(), "borderless": huaian_2024()}
    (folder / "own.docx").write_bytes(docx_bytes(reports["own"]))
    (folder / "demo.docx").write_bytes(docx_bytes(reports["demo"]))
    hand_made(folder / "merged.docx", reports["merged"])
    hand_made(folder / "flat.docx", reports["flat"], merged=False, split_title=True)
    hand_made(folder / "borderless.docx", reports["borderless"])
    _ruled(folder / "merged.docx")
    _ruled(folder / "flat.docx")
    names = sorted(reports)
    subprocess.run([pdf.find_soffice(), "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(folder),
                    *[str(folder / f"{n}.docx") for n in names]],
                   check=True, capture_output=True, timeout=300,
                   env={**__import__("os").environ, "HOME": str(folder)})
    return {n: (reports[n], folder / f"{n}.pdf") for n in names}


@pytest.mark.parametrize("name", ["own", "demo", "merged", "flat"])
def test_converted_word_reads_back_every_cell_and_its_text(converted, name):
    report, path = converted[name]
    result = read_pdf(path)
    imported = result.report
    assert [ref for ref in ALL_CELLS if imported.get(ref) != report.get(ref)] == []
    assert (imported.info.organ, imported.info.year) == (report.info.organ, report.info.year)
    assert "表三：全部 25 行已按标签读取。" in result.recognised
    assert not [m for m in result.unrecognised if "表" in m]
    if name in ("own", "demo"):
        assert imported.texts == report.texts
        assert imported.fee.amount_yuan == report.fee.amount_yuan


def test_a_table_without_ruling_lines_is_read_by_position_and_nothing_lands_in_a_wrong_cell(converted):
    report, path = converted["borderless"]
    result = read_pdf(path)
    imported = result.report
    assert any("没有表格线" in m and "按文字的横向位置" in m for m in result.unrecognised)
    wrong = [ref for ref in ALL_CELLS if imported.get(ref) is not None and imported.get(ref) != report.get(ref)]
    assert wrong == []
    active = [ref for ref in ALL_CELLS if ref.table == "active"]
    assert [imported.get(ref) for ref in active] == [report.get(ref) for ref in active]
