"""Each way the program starts imports only what it uses: `--version` neither Qt nor python-docx,
`check` of a draft no Qt and no Word export, the window's start page neither python-docx, openpyxl
nor the rules (they load when a report opens). Timings are in tests/benchmarks/bench_start.py."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo-2024.json"

RUN_MAIN = """
import json, runpy, sys
sys.argv = ["main.py"] + json.loads(sys.argv[1])
try:
    runpy.run_path("main.py", run_name="__main__")
except SystemExit:
    pass
print("MODULES " + json.dumps(sorted(sys.modules)))
"""

START_WINDOW = """
import json, sys
from PySide6.QtWidgets import QApplication
from gui.qt.app import make_application
app = make_application()
from gui.qt.window.main_window import MainWindow
window = MainWindow()
window.show()
app.processEvents()
print("MODULES " + json.dumps(sorted(sys.modules)))
"""


def _modules(code: str, *args: str, tmp_path: Path) -> set[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               NIANBAO_RECOVERY_DIR=str(tmp_path / "recovery"))
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120).stdout
    line = next(x for x in out.splitlines() if x.startswith("MODULES "))
    return set(json.loads(line[len("MODULES "):]))


def _tops(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_version_imports_neither_qt_nor_python_docx(tmp_path):
    modules = _modules(RUN_MAIN, json.dumps(["--version"]), tmp_path=tmp_path)
    assert not _tops(modules) & {"PySide6", "shiboken6", "docx", "openpyxl", "lxml"}
    assert not any(m.startswith(("gui.commands", "gui.report")) for m in modules)


def test_check_of_a_draft_loads_no_qt_and_no_word_export(tmp_path):
    modules = _modules(RUN_MAIN, json.dumps(["check", str(DEMO)]), tmp_path=tmp_path)
    assert "gui.report.rules" in modules                      # it did check
    assert not _tops(modules) & {"PySide6", "docx", "openpyxl", "pdfplumber"}
    assert not any(m.startswith("gui.report.docx_export") for m in modules)


def test_the_start_page_loads_no_document_libraries_and_no_rules(tmp_path):
    modules = _modules(START_WINDOW, tmp_path=tmp_path)
    assert "gui.qt.window.main_window" in modules
    assert not _tops(modules) & {"docx", "openpyxl", "lxml", "pdfplumber", "multiprocessing"}
    assert not {"gui.report.rules", "gui.qt.tables.view", "gui.qt.window.wizard"} & modules
    # nor the form and the report's model: the start page paints before the core loads
    assert not any(m.startswith("gui.report") for m in modules)


def test_export_of_a_draft_loads_no_qt_and_no_reader_of_published_reports(tmp_path):
    out = tmp_path / "报告.docx"
    modules = _modules(RUN_MAIN, json.dumps(["export", str(DEMO), "-o", str(out), "--force"]), tmp_path=tmp_path)
    assert out.stat().st_size > 0 and "gui.report.rules" in modules         # it checked, and wrote
    assert not _tops(modules) & {"PySide6", "openpyxl", "pdfplumber"}
    # the Word and PDF importers' guards, and the comparison with a last year the draft has not
    assert not {"gui.report.docx_import", "gui.report.pdf_import", "gui.report.compare"} & modules
