"""Limits for pages and texts from others, and the error they raise.

A report's page is 50–300 KB of HTML (an .mhtml with its pictures a few MB) and its text 10–60 KB;
far larger files are refused before they are parsed, so time and memory stay bounded.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..draft_reader import DraftError

MAX_TEXT_BYTES = 4 * 1024 * 1024          # a .txt, or the clipboard's text
MAX_HTML_BYTES = 16 * 1024 * 1024         # an .html/.htm as saved
MAX_MHTML_BYTES = 32 * 1024 * 1024        # an .mhtml/.mht with its pictures
MAX_LINES = 100_000
MAX_ATTRIBUTES = 1000                     # on one element (a portal's busiest has a few dozen)
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{%d,}" % (MAX_ATTRIBUTES * 2))   # only these can hold so many
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
PASTED = "粘贴的文本"                      # the name of the clipboard's text in messages


class WebImportError(DraftError):
    """A page or text that cannot be imported; str(error) is the Chinese message for the clerk."""


def _megabytes(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


def read_limited(path: str | os.PathLike, limit: int, kind: str) -> bytes:
    """The file's bytes, or WebImportError when it is missing, unreadable or over `limit`."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise WebImportError(f"「{path.name}」有 {size / 1024 / 1024:.1f} MB，{kind}最大只接受 {_megabytes(limit)}："
                                 "年度报告远小于此，这个文件不像是年度报告，已拒绝打开。")
        with open(path, "rb") as f:
            return f.read(limit + 1)[:limit]
    except FileNotFoundError:
        raise WebImportError(f"找不到文件「{path.name}」。") from None
    except IsADirectoryError:
        raise WebImportError(f"「{path.name}」是文件夹，不是文件。") from None
    except OSError as exc:
        raise WebImportError(f"无法读取「{path.name}」：{exc.strerror or type(exc).__name__}。") from None


def _attribute_count(tag: str) -> int:
    """The attributes of a start tag's text: names, with or without a value (quoted values dropped)."""
    tokens = _QUOTED.sub(" '' ", tag).replace("=", " = ").split()[1:]     # [0]: the element's name
    return sum(1 for i, t in enumerate(tokens) if t != "=" and (i == 0 or tokens[i - 1] != "="))


def check_attributes(text: str, name: str) -> None:
    """Refuse a page with an element of more than MAX_ATTRIBUTES attributes before libxml2 reads it:
    its HTML parser looks for duplicates among an element's attributes, quadratic in their count
    (200,000 on one element took 78 s). Nesting needs no check: libxml2 stops at 255 levels."""
    for match in _LONG_TAG.finditer(text):
        if _attribute_count(match.group()) > MAX_ATTRIBUTES:
            raise WebImportError(f"「{name}」中有一个网页元素带有超过 {MAX_ATTRIBUTES} 个属性，"
                                 "不像是年度报告的网页，已拒绝打开。")


def too_long(name: str, limit: int) -> WebImportError:
    return WebImportError(f"「{name}」的文字过长（超过 {limit // 1024 // 1024} MB），不像是年度报告，已拒绝导入。")
