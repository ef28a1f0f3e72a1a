"""The command line's parser: argparse in Chinese, and the parser of every command (gui/commands/).

Apart from gui/cli.py so that the window (gui/qt/app.py, its own options) and the self-check use it
without importing the command line that starts them.
"""
from __future__ import annotations

import argparse
import re
import sys

from . import APP_NAME, __version__

# argparse's English error messages → Chinese (the first matching pattern wins).
_MESSAGES = (
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"argument (.+?): invalid choice: (.*?) \(choose from (.*)\)", r"参数 \1 的值 \2 无效，可选：\3"),
    (r"argument (.+?): expected one argument", r"参数 \1 后面需要一个值"),
    (r"argument (.+?): expected .*", r"参数 \1 的值的个数不对"),
    (r"argument (.+?): invalid \w+ value: (.*)", r"参数 \1 的值 \2 无效"),
    (r"argument (.+?): not allowed with argument (.*)", r"参数 \1 不能与 \2 同时使用"),
    (r"argument (.+?): (.*)", r"参数 \1：\2"),
    (r"ambiguous option: (.*?) could match (.*)", r"选项 \1 不明确，可能是：\2"),
)


def chinese_message(message: str) -> str:
    for pattern, replacement in _MESSAGES:
        if re.fullmatch(pattern, message, re.S):
            return re.sub(pattern, replacement, message, flags=re.S)
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its help headings and error messages in Chinese."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{chinese_message(message)}\n")


def command_modules() -> tuple:
    """Each module defines register(subparsers) and sets a `run(args) -> int` default on its parser.

    Imported here, not at the top, so the window's start-up (main.py asks wants_cli) does not load
    python-docx and openpyxl; imported by name, never looked up by a string, because a frozen build
    contains only the modules it sees imported."""
    from .commands import check, compare, export, import_docx, ledger, new, review, summary
    return (check, new, export, ledger, summary, import_docx, review, compare)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with `only` the one command named (the others' modules are
    imported but their register(), which may import what the command needs, is not run)."""
    parser = ChineseArgumentParser(prog="main.py", description=f"{APP_NAME}：政府信息公开工作年度报告")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}",
                        help="显示版本号并退出")
    parser.add_argument("--self-check", action="store_true",
                        help="检查本程序的各个部分（命令、模板、翻译、示例报告）是否齐全并能使用，然后退出")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for module in command_modules():
        if only is None or only in module.NAMES:
            module.register(sub)
    return parser
