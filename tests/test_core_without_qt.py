"""The report core, its checks, drafts, the Word/Excel code and the command line must work where Qt
cannot load (a server, a CI machine without PySide6): their modules import, and their tests pass."""
import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
HELPERS = TESTS / "helpers"

# Run first in the child interpreter: any import of PySide6 (or shiboken) fails as if not installed.
BLOCK_QT = """
import sys, importlib.abc
class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "pytestqt"):
            raise ModuleNotFoundError("No module named " + repr(name) + " (blocked: Qt is absent here)", name=name)
sys.meta_path.insert(0, BlockQt())
"""

IMPORT_ALL = BLOCK_QT + """
import pkgutil, importlib, gui.report, gui.commands, gui.cli
names = [m.name for pkg in (gui.report, gui.commands)
         for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]
for name in names:
    importlib.import_module(name)
gui.cli.build_parser()
print(len(names))
"""

RUN_TESTS = BLOCK_QT + """
import pytest
sys.exit(pytest.main(sys.argv[1:]))
"""

QT_WORDS = ("PySide6", "gui.qt", "qtbot", "qapp", "pytestqt")
# Not re-run, to keep the suite's time bounded: a frozen copy and LibreOffice are slow, and the hostile-input
# tests (thousands of generated files) drive the same readers the re-run tests already run without Qt.
NOT_RERUN = {"test_frozen_build.py", "test_pdf.py"}
NOT_RERUN_PREFIX = "test_hostile_"


def _local_imports(path: Path) -> set[Path]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        found.update(folder / f"{n.split('.')[0]}.py" for n in names for folder in (TESTS, HELPERS)
                     if (folder / f"{n.split('.')[0]}.py").is_file())
    return found


def _uses_qt(path: Path, seen: set[Path] | None = None) -> bool:
    seen = seen if seen is not None else set()
    if path in seen:
        return False
    seen.add(path)
    text = path.read_text(encoding="utf-8")
    return any(word in text for word in QT_WORDS) or any(_uses_qt(p, seen) for p in _local_imports(path))


def qt_free_test_modules() -> list[Path]:
    return [p for p in sorted(TESTS.glob("test_*.py")) if p.name not in NOT_RERUN
            and not p.name.startswith(NOT_RERUN_PREFIX) and not _uses_qt(p)]


def _child_env() -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTEST_ADDOPTS", None)
    return env


def test_core_commands_and_exporters_import_without_pyside6():
    result = subprocess.run([sys.executable, "-c", IMPORT_ALL], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env=_child_env())
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 5, "the core should have its modules"


def test_the_core_and_command_line_tests_pass_without_pyside6():
    modules = qt_free_test_modules()
    names = {p.name for p in modules}
    assert {"test_rules_tables.py", "test_cli.py", "test_drafts.py", "test_docx_writer.py"} <= names
    result = subprocess.run([sys.executable, "-c", RUN_TESTS, "-q", "-x", "-p", "no:pytest-qt",
                             "-p", "no:cacheprovider", "--hypothesis-profile=without-qt", "-W", "ignore::pytest.PytestConfigWarning",
                             *map(str, modules)],
                            cwd=ROOT, capture_output=True, text=True, timeout=1800, env=_child_env())
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout


def test_the_audit_sees_a_module_that_uses_qt_through_a_helper():
    assert _uses_qt(TESTS / "test_table_marks.py")        # via table_support
    assert not _uses_qt(TESTS / "test_rules_tables.py")
