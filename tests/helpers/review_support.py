"""Work functions for the review pool tests (top level, so worker processes can import them)."""
from __future__ import annotations

import os
import time
from pathlib import Path

from gui.report.review.examine import examine

SLOW, CRASH, HOG = "慢", "崩", "胖"


def hostile_examine(path):
    """examine(), except that a file named 慢… never finishes and a file named 崩… kills its worker."""
    name = Path(path).name
    if name.startswith(SLOW):
        time.sleep(600)
    if name.startswith(CRASH):
        os._exit(3)
    if name.startswith(HOG):          # checking it wants 4 GB: over the worker's memory limit
        return examine(path, check=lambda report: bytearray(4 << 30))
    return examine(path)


def slow_examine(path):
    time.sleep(0.3)
    return examine(path)
