"""How many examples the property tests (hypothesis) try: all of them in the full run (CI), a quarter
in the everyday loop `pytest -m "not slow"` (conftest.py sets EVERYDAY), which must stay under two
minutes. A test names its full count once: @settings(max_examples=examples(300)).

Read when a test module is imported, which pytest does after conftest.py's pytest_configure."""
from __future__ import annotations

EVERYDAY = False


def examples(full: int) -> int:
    return max(10, full // 4) if EVERYDAY else full
