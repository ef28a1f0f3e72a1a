"""Benchmark: process start → first painted window (goal < 1.5 s on the 2-core machine).

Runs `main.py` (empty start page) and `main.py --demo` several times in fresh processes with
NIANBAO_FIRST_PAINT set; the application prints the time of its first paint and quits. Prints the
median and the 95th percentile. Uses the offscreen platform unless DISPLAY is set.
With --frozen, the same for an executable of the frozen folder (resources/packaging/), after `python main.py`
for comparison (on Windows give nianbao-cli.exe: the window launcher has no console to print the time to).

    .venv/bin/python tests/benchmarks/bench_gui_start.py [RUNS] [--frozen build/dist/nianbao-zhushou/nianbao]
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


SOURCE = [sys.executable, str(ROOT / "main.py")]


def once(command: list[str], args: list[str], env: dict) -> float:
    start = time.time()
    out = subprocess.run([*command, *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60).stdout
    painted = next(float(line.split()[1]) for line in out.splitlines() if line.startswith("FIRST_PAINT"))
    return painted - start


def main() -> None:
    argv = sys.argv[1:]
    commands = [("python main.py", SOURCE)]
    if "--frozen" in argv:
        at = argv.index("--frozen")
        commands.append(("frozen " + Path(argv[at + 1]).name, [str(Path(argv[at + 1]).resolve())]))
        del argv[at:at + 2]
    runs = int(argv[0]) if argv else 9
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, NIANBAO_FIRST_PAINT="1", NIANBAO_EXIT_AFTER_PAINT="1",
                   NIANBAO_RECOVERY_DIR=str(Path(tmp) / "recovery"), XDG_CONFIG_HOME=tmp)
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        for label, args in (("start page", []), ("demo report", ["--demo"])):
            times = {name: [] for name, _ in commands}
            for name, command in commands:
                once(command, args, env)                     # warm the file cache
            for _ in range(runs):                            # interleaved: a load change hits both alike
                for name, command in commands:
                    times[name].append(once(command, args, env))
            for name, _ in commands:
                ordered = sorted(times[name])
                p95 = ordered[min(runs - 1, round(0.95 * (runs - 1)))]
                print(f"{name}: start → first paint, {label}: median {statistics.median(ordered) * 1000:.0f} ms, "
                      f"p95 {p95 * 1000:.0f} ms ({runs} runs, {env.get('QT_QPA_PLATFORM', 'xcb')})")

if __name__ == "__main__":
    main()
