"""The command line: `main.py check|new|export|… ARGS`. Each command lives in gui/commands/."""
from __future__ import annotations

import sys

from . import APP_NAME, __version__
from .arguments import build_parser, command_modules  # noqa: F401  (command_modules: for the tests and the frozen build)
from .streams import use_utf8

# The first words that mean "a command, not the window"; the command modules register these.
COMMAND_NAMES = frozenset({"check", "new", "export", "ledger-template", "import-ledger", "summary",
                           "import", "review", "compare", "-h", "--help", "--version", "--self-check"})


def wants_cli(argv: list[str]) -> bool:
    return bool(argv) and argv[0] in COMMAND_NAMES


def run(argv: list[str]) -> int:
    if argv == ["--version"]:             # before any command's module is imported
        print(f"{APP_NAME} {__version__}")
        return 0
    parser = build_parser(argv[0] if argv and argv[0] in COMMAND_NAMES and not argv[0].startswith("-") else None)
    args = parser.parse_args(argv)
    if args.self_check:
        from .self_check import run as self_check
        return self_check()
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except Exception as exc:     # a file no reader foresaw: one Chinese line, exit 2, no traceback
        from .commands.refusal import EXIT_UNREADABLE, refusal
        print(refusal(args, exc), file=sys.stderr)
        return EXIT_UNREADABLE


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    use_utf8()                # main.py did it already; again for callers of main() itself
    try:
        return run(argv)
    except KeyboardInterrupt:
        return 130
