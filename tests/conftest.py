import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A shell with PYTHONDONTWRITEBYTECODE=1 (this machine's) makes every run recompile the test files with
# pytest's assertion rewriting (3 s of collection) and every child `main.py` recompile the gui modules
# it imports (about a hundred children in the everyday run). __pycache__ is in .gitignore.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
# the helpers tests import by name (from page_factory import …, from window_support import …)
sys.path.insert(0, str(Path(__file__).resolve().parent / "helpers"))

from hypothesis import settings  # noqa: E402

# The re-run of the core's tests without Qt (test_core_without_qt.py) needs only a few examples each.
settings.register_profile("without-qt", max_examples=10, deadline=None)

# ── markers, set here so that no test file has to remember them ────────────────────────────────
# gui: the test drives Qt (a qtbot/qapp fixture, or its module or a helper it imports uses PySide6).
# slow: seconds to minutes each — a frozen build, LibreOffice conversions, killed windows, the Qt-free
# re-run of the suite, thousands of generated hostile files. `pytest -m "not slow"` is the everyday
# loop; the full run (CI) runs everything. Measured with --durations=40 (README, 测试).
SLOW_MODULES = {
    "test_frozen_build.py",          # builds the frozen folder with PyInstaller
    "test_windows_wine.py",          # builds, runs, installs the Windows folder under Wine (about 10 minutes)
    "test_core_without_qt.py",       # re-runs the core's tests in a child without PySide6
    "test_pdf.py",                   # LibreOffice conversions
    "test_pdf_pages.py",             # LibreOffice renders, page by page
    "test_pdf_import_converted.py",  # Word documents converted to PDF by LibreOffice
    "test_old_formats.py",           # .doc/.wps converted by LibreOffice
    "test_stability.py",             # thousands of save/load cycles
    "test_crash_recovery.py",        # windows killed and restarted
    "test_hostile_docx.py", "test_hostile_xlsx.py", "test_hostile_pdf.py", "test_hostile_pages.py",
    "test_hostile_cli.py", "test_hostile_drafts.py", "test_hostile_cells.py",
}
# single slow tests in otherwise quick modules ("module.py::name"), each several seconds here
SLOW_TESTS = {
    "test_drafts.py::test_save_then_load_gives_the_same_report_with_decimals_exact",
    "test_excel_safety.py::test_zip_bomb_is_refused_before_anything_is_inflated",
    "test_review_pool.py::test_a_hanging_file_is_reported_and_does_not_stall_the_round",
    "test_docx_export_actions.py::test_export_pdf_writes_a_preview",           # LibreOffice
    "test_review_window.py::test_review_a_county_folder_in_the_window",
    "test_hostile_fuzz.py::test_fuzz_readers_long",                            # a minute per reader
}
QT_FIXTURES = {"qtbot", "qapp"}


def pytest_configure(config):
    """The everyday loop (a -m expression leaving out slow) runs the property tests with a quarter of
    their examples (tests/helpers/budgets.py); the full run keeps every one."""
    import budgets
    budgets.EVERYDAY = "not slow" in (config.getoption("markexpr", "") or "")


def _uses_qt(path: Path, seen: dict[Path, bool]) -> bool:
    if path not in seen:
        from test_core_without_qt import _uses_qt as uses_qt
        seen[path] = uses_qt(path)
    return seen[path]


def pytest_collection_modifyitems(config, items):
    seen: dict[Path, bool] = {}
    for item in items:
        path = Path(str(item.fspath))
        name = f"{path.name}::{item.originalname if hasattr(item, 'originalname') else item.name}"
        if QT_FIXTURES & set(getattr(item, "fixturenames", ())) or _uses_qt(path, seen):
            item.add_marker(pytest.mark.gui)
        if path.name in SLOW_MODULES or name in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)
