"""A frozen build (PyInstaller) contains only the modules it sees imported: no part of the application
may be found by a name in a string (importlib, find_spec, __import__), or the clerk's copy silently
lacks it. The frozen build itself is tested in test_frozen_build.py."""
from __future__ import annotations

import ast
import importlib
import importlib.util
import pkgutil
from pathlib import Path

import pytest

import gui.commands
from gui import cli

ROOT = Path(__file__).resolve().parent.parent


def lookups_by_name(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"{name}:{node.lineno} imports {a.name}" for a in node.names if a.name.startswith("importlib")]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("importlib"):
            found.append(f"{name}:{node.lineno} imports from {node.module}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__":
            found.append(f"{name}:{node.lineno} calls __import__")
    return found


def test_no_part_of_the_application_is_looked_up_by_a_name_in_a_string():
    found = []
    for path in sorted((ROOT / "gui").rglob("*.py")) + [ROOT / "main.py"]:
        name = path.relative_to(ROOT).as_posix()
        found += lookups_by_name(path.read_text(encoding="utf-8"), name)
    assert found == []


@pytest.mark.parametrize("snippet", ["import importlib", "import importlib.util", "from importlib import util",
                                     "m = __import__('gui.commands.check')"])
def test_the_audit_sees_each_kind_of_lookup(snippet):
    assert lookups_by_name(snippet, "gui/example.py")


def registered_commands(parser) -> set[str]:
    sub = next(a for a in parser._actions if a.dest == "command")
    return set(sub.choices)


def test_every_command_is_there_when_modules_cannot_be_found_by_name(monkeypatch):
    """As in a frozen build: a lookup by name fails, the command line must not notice."""
    def frozen(*args, **kwargs):
        raise ModuleNotFoundError("not in this build")
    monkeypatch.setattr(importlib, "import_module", frozen)
    monkeypatch.setattr(importlib.util, "find_spec", frozen)
    commands = registered_commands(cli.build_parser())
    assert {"check", "new", "export", "import", "ledger-template", "import-ledger", "summary"} <= commands


def test_every_command_module_is_registered_and_its_names_mean_the_command_line():
    modules = {f"gui.commands.{m.name}" for m in pkgutil.iter_modules(gui.commands.__path__)}
    registering = {m for m in modules if hasattr(importlib.import_module(m), "register")}
    assert registering == {m.__name__ for m in cli.command_modules()}
    commands = registered_commands(cli.build_parser())
    assert commands <= cli.COMMAND_NAMES
    assert all(cli.wants_cli([name, "x"]) for name in commands)
