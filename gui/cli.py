"""The command line: `main.py check|new|export|… ARGS`. Each command lives in gui/commands/."""
from __future__ import annotations

import argparse
import importlib
import sys

from . import APP_NAME, __version__

# Each module defines register(subparsers) and sets a `run(args) -> int` default on its parser.
COMMAND_MODULES = ("check", "new", "export", "ledger", "summary", "import_docx")
# The first words that mean "a command, not the window"; the command modules register these.
COMMAND_NAMES = frozenset({"check", "new", "export", "ledger-template", "import-ledger", "summary",
                           "import", "-h", "--help", "--version"})


def wants_cli(argv: list[str]) -> bool:
    return bool(argv) and argv[0] in COMMAND_NAMES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description=f"{APP_NAME}：政府信息公开工作年度报告")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"gui.commands.{name}")
        except ModuleNotFoundError as exc:   # a command not yet written (while issues are open)
            if exc.name != f"gui.commands.{name}":
                raise
            continue
        module.register(sub)
    return parser


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.run(args)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        return run(argv)
    except KeyboardInterrupt:
        return 130
