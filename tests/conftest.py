import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from hypothesis import settings  # noqa: E402

# The re-run of the core's tests without Qt (test_core_without_qt.py) needs only a few examples each.
settings.register_profile("without-qt", max_examples=10, deadline=None)
