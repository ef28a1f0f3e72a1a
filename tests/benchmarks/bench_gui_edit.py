"""Benchmark: a committed cell edit → the table model has announced the updated marks.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_gui_edit.py
On the fully filled 淮安 sample with all three table editors open (as in the wizard), each round
commits a value into table 三 through the model (what the delegate does on Enter), alternating
between a value that breaks 勾稽关系 and the correct one, and stops the clock when the model has
emitted dataChanged for the marks after the document's re-check. A second figure includes painting
the table (processing the resulting paint events). Goal: under 16 ms (one frame). Prints medians
and 95th percentiles; asserts nothing.
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROUNDS = 300


def _percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    app = QApplication.instance() or QApplication([])
    from gui.qt.document import ReportDocument
    from gui.report import rules
    from gui.report.form import CellRef
    from gui.report.samples import huaian_2024
    from gui.qt.tables import TableEditor
    from gui.qt.tables.model import MarkRole

    document = ReportDocument(huaian_2024())
    editors = [TableEditor(document, key) for key in ("active", "requests", "appeals")]
    requests = editors[1]
    requests.resize(1000, 760)
    requests.show()
    app.processEvents()
    model = requests.model
    ref = CellRef("requests", "open", "natural")
    index = model.index_of(ref)
    good = document.report.get(ref)
    mark_signals = []
    model.dataChanged.connect(lambda a, b, roles: MarkRole in roles and mark_signals.append(1))

    def one_round(i: int, paint: str = "") -> float:
        text = str(good + 1 if i % 2 == 0 else good)
        start = time.perf_counter()
        model.setData(index, text, Qt.ItemDataRole.EditRole)
        if paint == "dirty":
            app.processEvents()         # paints what the edit made dirty, as the next frame would
        elif paint == "full":
            requests.view.viewport().repaint()
        return (time.perf_counter() - start) * 1000

    for i in range(20):                      # warm-up
        one_round(i)
    mark_signals.clear()
    to_marks = [one_round(i) for i in range(ROUNDS)]
    marks_seen = len(mark_signals)
    to_frame = [one_round(i, "dirty") for i in range(ROUNDS)]
    to_paint = [one_round(i, "full") for i in range(ROUNDS)]
    real_rules = bool(rules.check(_broken(huaian_2024(), ref)))
    print(f"committed edit → marks updated (model dataChanged), {ROUNDS} edits on a full report:")
    print(f"  median {statistics.median(to_marks):.2f} ms, 95th percentile {_percentile(to_marks, 95):.2f} ms")
    for label, times in (("the changed cells repainted (event loop)", to_frame),
                         ("the whole visible table 三 repainted", to_paint)):
        print(f"committed edit → marks updated and {label}:")
        print(f"  median {statistics.median(times):.2f} ms, 95th percentile {_percentile(times, 95):.2f} ms")
    print(f"  (mark dataChanged signals during the run: {marks_seen}; "
          f"rules {'find' if real_rules else 'do NOT find'} the broken relation)")
    document.undo_stack.clear()
    for editor in editors:
        editor.deleteLater()
    app.processEvents()
    return 0


def _broken(report, ref):
    report.set(ref, report.get(ref) + 1)
    return report


if __name__ == "__main__":
    raise SystemExit(main())
