"""Benchmark of the limits (issue 7 item 5): prints medians, asserts nothing (not collected by pytest).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_limits.py

- a paste into table 三 that is refused: Ctrl+V on the real table view → the message is set
  (10,000 lines; 10,000 rows of 7 values; 10,001 lines; a 10 MB single line), the clipboard
  already holding the text;
- the report at the maximum (tests/helpers/limits_factory.py, 5,000-character texts, last year attached):
  check(), draft save and load, Word export and its import, tables workbook export and read.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))

from bench_core import median_ms  # noqa: E402

PASTES = {
    "10,000 行（一列）": "1\n" * 10_000,
    "10,000 行 × 7 列": "1\t2\t3\t4\t5\t6\t21\r\n" * 10_000,
    "10,001 行": "1\n" * 10_001,
    "10 MB 单行": "9" * 10 * 1024 * 1024,
}


def bench_pastes() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from gui.qt.document import ReportDocument
    from gui.report.form import CellRef
    from gui.report.samples import huaian_2024
    from gui.qt.tables import TableEditor

    app = QApplication.instance() or QApplication([])
    editor = TableEditor(ReportDocument(huaian_2024()), "requests")
    editor.resize(1000, 900)
    editor.show()
    app.processEvents()
    for name, text in PASTES.items():
        QGuiApplication.clipboard().setText(text)

        def paste():
            editor.select_cell(CellRef("requests", "new", "natural"))
            QTest.keyClick(editor.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        ms = median_ms(paste, repeat=7, warmup=1)
        print(f"粘贴 {name}（被拒绝）：中位数 {ms:.1f} ms —— {editor.message_text()[:30]}…")


def bench_ceiling() -> None:
    from gui.report import drafts, rules
    from gui.report.docx_export import ExportOptions, export_docx
    from gui.report.docx_import import read_docx
    from gui.report.excel.tables_read import read_tables
    from gui.report.excel.tables_xlsx import export_tables
    from limits_factory import ceiling_report

    report = ceiling_report(5000)
    with tempfile.TemporaryDirectory() as folder:
        draft, docx, xlsx = (Path(folder) / name for name in ("最大.json", "最大.docx", "最大.xlsx"))
        steps = {
            "check()": lambda: rules.check(report),
            "草稿保存": lambda: drafts.save(report, draft),
            "草稿打开": lambda: drafts.load(draft),
            "导出 Word": lambda: export_docx(report, docx, ExportOptions(), overwrite=True),
            "导入 Word": lambda: read_docx(docx),
            "导出表格 .xlsx": lambda: export_tables(report, xlsx, problems=[]),
            "读取表格 .xlsx": lambda: read_tables(xlsx),
        }
        for name, step in steps.items():
            print(f"最大值报告 {name}：中位数 {median_ms(step, repeat=7, warmup=1):.1f} ms")


if __name__ == "__main__":
    bench_pastes()
    bench_ceiling()
