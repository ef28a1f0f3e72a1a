"""The report core, its checks, drafts and the Word/Excel code must work where Qt cannot load."""
import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BLOCK_QT = """
import sys, importlib.abc
class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken"):
            raise ImportError("PySide6 is blocked in this test: " + name)
sys.meta_path.insert(0, BlockQt())
import pkgutil, importlib, gui.report, gui.commands, gui.cli
names = [m.name for pkg in (gui.report, gui.commands)
         for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]
for name in names:
    importlib.import_module(name)
gui.cli.build_parser()
print(len(names))
"""


def test_core_commands_and_exporters_import_without_pyside6():
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 5, "the core should have its modules"
