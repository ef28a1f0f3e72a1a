"""The parent side of the crash tests: what the child types, what the report is after each step,
and running tests/helpers/crash_child.py until a SIGKILL at a chosen moment."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from gui.report.form import ALL_CELLS, FEE, kind_of

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).resolve().parent / "crash_child.py"
TEXTS = {"problems": "problems", "other": "other", "overview_active": "overview"}   # field: step
CHARACTERS = "一是公开栏更新不及时二是解读形式单一下一步将加强培训，。；“”（）0123456789"
COUNT_CELLS = [ref for ref in ALL_CELLS if kind_of(ref) != FEE]


def steps(seed: int, report, count: int = 40) -> list[dict]:
    """`count` steps: a table cell typed whole (a number it does not hold yet), or one character
    added at the end of a text. Every step changes the report."""
    rng = random.Random(seed)
    values = dict(report.cells)
    out = []
    for _ in range(count):
        if rng.random() < 0.4:
            ref = rng.choice(COUNT_CELLS)
            value = rng.randint(1, 99_999)
            while value == values[ref]:
                value += 1
            values[ref] = value
            out.append({"kind": "cell", "cell": list(ref), "typed": str(value)})
        else:
            field = rng.choice(sorted(TEXTS))
            out.append({"kind": "text", "field": field, "step": TEXTS[field],
                        "typed": rng.choice(CHARACTERS)})
    return out


def states(report, typed: list[dict]) -> list:
    """The report before any step, then after each one."""
    from gui.report.form import CellRef
    out = [report.copy()]
    current = report.copy()
    for step in typed:
        if step["kind"] == "cell":
            current.set(CellRef(*step["cell"]), int(step["typed"]))
        else:
            current.set_text(step["field"], current.texts[step["field"]] + step["typed"])
        out.append(current.copy())
    return out


class Child:
    """crash_child.py in a process of its own; `lines` fills as it prints."""

    def __init__(self, args: list[str], env: dict[str, str]):
        self.lines: list[str] = []
        self.process = subprocess.Popen([sys.executable, str(CHILD), *args], cwd=ROOT,
                                        env={**os.environ, **env}, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.strip())

    def wait_for(self, word: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while word not in self.lines:
            assert self.process.poll() is None, f"the child ended early: {self.lines[-5:]}"
            assert time.monotonic() < deadline, f"no {word} within {timeout} s"
            time.sleep(0.005)

    def kill_after(self, seconds: float) -> None:
        time.sleep(seconds)
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        self._reader.join(10)
        self.process.stdout.close()

    def last(self, word: str) -> int | None:
        """The number after the last `word` line ("AUTOSAVED 7" → 7)."""
        found = [int(line.split()[1]) for line in self.lines if line.startswith(word + " ")]
        return found[-1] if found else None


def window_env(folder: Path, typed: list[dict]) -> dict[str, str]:
    return {"QT_QPA_PLATFORM": "offscreen", "NIANBAO_RECOVERY_DIR": str(folder / "recovery"),
            "NIANBAO_AUTOSAVE_MS": "150", "NIANBAO_AUTOSAVE_QUIET_MS": "60",
            "NIANBAO_CRASH_EDITS": json.dumps(typed, ensure_ascii=False),
            "XDG_CONFIG_HOME": str(folder / "child-config"), "XDG_DATA_HOME": str(folder / "child-data")}
