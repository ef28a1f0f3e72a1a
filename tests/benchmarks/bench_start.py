"""Benchmark: start-up and export against their bare baselines, measured side by side in one run.

- window: process start → first paint of `main.py` (the start page), against a bare PySide6 window
  (QApplication + QMainWindow with one label) painted once — the cost of Qt itself;
- export: `main.py export 示例.json -o 报告.docx` from process start to exit, against a bare python-docx
  script writing a document of the same size (the same paragraphs, the same tables and cell texts);
- `main.py --version`, against `python -c pass`.

Fresh processes, interleaved (a load change hits both alike), medians. Goals: window ≤ 1.5× the bare
window, export ≤ 1.5× the bare document.

    .venv/bin/python tests/benchmarks/bench_start.py [RUNS]
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo-2024.json"

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not Window.painted:
            Window.painted = True
            print(f"FIRST_PAINT {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)

app = QApplication(sys.argv)
window = Window()
window.setCentralWidget(QLabel("年报助手"))
window.resize(1100, 720)
window.show()
app.exec()
"""

BARE_DOCUMENT = """
import json, sys
import docx
shape = json.load(open(sys.argv[1], encoding="utf-8"))
document = docx.Document()
for text in shape["paragraphs"]:
    document.add_paragraph(text)
for rows in shape["tables"]:
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
document.save(sys.argv[2])
"""


def _shape(path: Path) -> dict:
    """The paragraphs and the tables' cell texts of an exported document."""
    import docx
    document = docx.Document(str(path))
    return {"paragraphs": [p.text for p in document.paragraphs],
            "tables": [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]}


def _first_paint(command: list[str], env: dict) -> float:
    start = time.time()
    out = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120).stdout
    return next(float(line.split()[1]) for line in out.splitlines() if line.startswith("FIRST_PAINT")) - start


def _wall(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=120, check=True)
    return time.perf_counter() - start


def main(runs: int = 9) -> None:
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, NIANBAO_FIRST_PAINT="1", NIANBAO_EXIT_AFTER_PAINT="1", PYTHONPATH=str(ROOT),
                   NIANBAO_RECOVERY_DIR=str(tmp / "recovery"), XDG_CONFIG_HOME=str(tmp))
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        exported = tmp / "报告.docx"
        export = [python, str(ROOT / "main.py"), "export", str(DEMO), "-o", str(exported), "--force"]
        subprocess.run(export, cwd=ROOT, env=env, capture_output=True, timeout=120, check=True)
        (tmp / "shape.json").write_text(json.dumps(_shape(exported), ensure_ascii=False), encoding="utf-8")
        bare_document = [python, "-c", BARE_DOCUMENT, str(tmp / "shape.json"), str(tmp / "bare.docx")]
        pairs = (
            ("window, first paint", lambda: _first_paint([python, str(ROOT / "main.py")], env),
             "bare PySide6 window", lambda: _first_paint([python, "-c", BARE_WINDOW], env)),
            ("export .docx", lambda: _wall(export, env),
             "bare python-docx document", lambda: _wall(bare_document, env)),
            ("--version", lambda: _wall([python, str(ROOT / "main.py"), "--version"], env),
             "python -c pass", lambda: _wall([python, "-c", "pass"], env)),
        )
        for name, ours, bare_name, bare in pairs:
            ours(), bare()                                   # warm the file cache
            mine, theirs = [], []
            for _ in range(runs):
                mine.append(ours())
                theirs.append(bare())
            a, b = statistics.median(mine), statistics.median(theirs)
            print(f"{name}: median {a * 1000:.0f} ms; {bare_name}: median {b * 1000:.0f} ms; "
                  f"ratio {a / b:.2f} ({runs} runs, {env.get('QT_QPA_PLATFORM', 'xcb')})", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
