"""Benchmark: process start → first painted window (goal < 1.5 s on the 2-core machine).

Runs `main.py` (empty start page) and `main.py --demo` several times in fresh processes with
NIANBAO_FIRST_PAINT set; the application prints the time of its first paint and quits. Prints the
median and the 95th percentile. Uses the offscreen platform unless DISPLAY is set.

    .venv/bin/python tests/bench_gui_start.py [RUNS]
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def once(args: list[str], env: dict) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60).stdout
    painted = next(float(line.split()[1]) for line in out.splitlines() if line.startswith("FIRST_PAINT"))
    return painted - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, NIANBAO_FIRST_PAINT="1", NIANBAO_EXIT_AFTER_PAINT="1",
                   NIANBAO_RECOVERY_DIR=str(Path(tmp) / "recovery"), XDG_CONFIG_HOME=tmp)
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        for label, args in (("start page", []), ("demo report", ["--demo"])):
            once(args, env)                                  # warm the file cache
            times = sorted(once(args, env) for _ in range(runs))
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            print(f"start → first paint, {label}: median {statistics.median(times) * 1000:.0f} ms, "
                  f"p95 {p95 * 1000:.0f} ms ({runs} runs, {env.get('QT_QPA_PLATFORM', 'xcb')})")


if __name__ == "__main__":
    main()
