"""The window fits the screen it opens on: a 1920×1080 laptop at 150% is 1280×720 logical, and a size
remembered from a larger screen must not push 上一步/下一步 and the problem list off it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "helpers" / "screen_fit_child.py"


def open_window(tmp_path, width, height, scale, *args) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = dict(os.environ, QT_SCALE_FACTOR=str(scale), QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               NIANBAO_RECOVERY_DIR=str(tmp_path / "recovery"), PYTHONPATH=str(ROOT))
    ran = subprocess.run([sys.executable, str(CHILD), *args], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=180)
    assert ran.returncode == 0, ran.stderr
    return json.loads(ran.stdout.strip().splitlines()[-1])


def assert_fits(seen: dict) -> None:
    x, y, w, h = seen["window"]
    aw, ah = seen["available"]
    assert x >= 0 and y >= 0 and x + w <= aw and y + h <= ah, seen
    unreachable = [step for step, s in seen["steps"].items() if not s["reachable"]]
    assert unreachable == [], f"上一步/下一步 or the problem list cut off on {unreachable}"


@pytest.mark.parametrize("args", [(), ("remember-big",)], ids=["first start", "remembered from a larger screen"])
def test_at_150_percent_on_1920x1080_the_window_and_every_step_fit(tmp_path, args):
    seen = open_window(tmp_path, 1920, 1080, 1.5, *args)
    assert seen["available"] == [1280, 720]
    assert_fits(seen)
    assert seen["window"][2] >= 1200 and seen["window"][3] >= 640, "it should use the room it has"


def test_at_1366x768_it_opens_at_the_designed_size_and_table_three_needs_no_horizontal_scrolling(tmp_path):
    seen = open_window(tmp_path, 1366, 768, 1)
    assert_fits(seen)
    assert seen["requests_hscroll"] == 0
    big = open_window(tmp_path, 2560, 1440, 1)
    assert big["window"][2:] == [1366, 768]
