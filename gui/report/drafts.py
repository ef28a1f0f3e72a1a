"""Drafts: the report saved as readable, versioned JSON (described in resources/draft-format.md).

save() writes atomically and keeps the previous version as "<name>.bak"; load() reads and validates
everything and raises DraftError, whose str() is a Chinese sentence saying what is wrong and where.
A file is never written while loading. No float anywhere: JSON numbers with a fraction are read as
Decimal, and counts must be JSON integers.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
from decimal import Decimal
from pathlib import Path

from .. import APP_NAME, __version__
from .atomic import SaveError, backup_path, write_atomic
from .draft_reader import DraftError, read_report
from .form import TABLES, CellRef
from .model import Report

FORMAT_ID = "nianbao-zhushou/draft"
VERSION = 2                 # the newest version this program reads (and writes when it must)
FINDINGS_VERSION = 2        # import_findings first appear in version 2
APP = f"{APP_NAME} {__version__}"
SUFFIX = ".json"
MAX_BYTES = 20 * 1024 * 1024


# ── writing ──────────────────────────────────────────────────────────────────────────────
def _value(value):
    if isinstance(value, Decimal):
        return format(value, "f")          # exact, with the places as entered: "7.50" stays "7.50"
    return value


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _body(report: Report) -> dict:
    info = report.info
    data = {
        "info": {
            "organ": info.organ, "year": info.year, "level": info.level, "compiler": info.compiler,
            "address": info.address, "postcode": info.postcode, "phone": info.phone,
            "publish_date": _date(info.publish_date), "deadline": _date(info.deadline),
        },
        "texts": dict(report.texts),
        "opening": report.opening,
        "opening_enabled": report.opening_enabled,
        "fee": {"amount_yuan": _value(report.fee.amount_yuan), "charged": report.fee.charged},
    }
    for table in TABLES:
        rows = {}
        for row in table.rows:
            values = [_value(report.cells[CellRef(table.key, row.key, c.key)]) for c in row.columns]
            rows[row.key] = values[0] if row.json_scalar else values
        data[table.key] = rows
    data["confirmations"] = {key: {"note": c.note, "fingerprint": c.fingerprint}
                             for key, c in report.confirmations.items()}
    if report.import_findings:
        data["import_findings"] = [_finding(f) for f in report.import_findings]
    return data


def _finding(f) -> dict:
    return {"rule": f.rule, "severity": f.severity, "message": f.message, "step": f.step,
            "cells": [list(ref) for ref in f.cells], "field": f.field, "quote": f.quote}


def version_of(report: Report) -> int:
    """The lowest format version that holds the report: 1 (readable by every earlier release)
    unless it carries an importer's findings (version 2)."""
    if report.import_findings or (report.last_year is not None and report.last_year.import_findings):
        return FINDINGS_VERSION
    return 1


def to_json(report: Report, saved_at: str | None = None) -> dict:
    """The draft as a JSON-ready dict (no float anywhere; Decimals as strings)."""
    stamp = saved_at or dt.datetime.now().astimezone().isoformat(timespec="seconds")
    version = version_of(report)
    data = {"format": FORMAT_ID, "version": version, "app": APP, "saved_at": stamp}
    data.update(_body(report))
    last = None
    if report.last_year is not None:
        last = {"format": FORMAT_ID, "version": version}
        last.update(_body(report.last_year))
    data["last_year"] = last
    return data


def _pretty(value, indent: str = "") -> str:
    """JSON indented by 2, but a table row (a list of values) on one line, as it is printed."""
    if isinstance(value, dict) and value:
        inner = indent + "  "
        items = (f"{inner}{json.dumps(k, ensure_ascii=False)}: {_pretty(v, inner)}"
                 for k, v in value.items())
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def dumps(report: Report, saved_at: str | None = None) -> str:
    return _pretty(to_json(report, saved_at)) + "\n"


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def encode(text: str) -> bytes:
    """UTF-8 bytes of a draft's text. A lone surrogate (only a damaged draft holds one: "\\ud800" is
    valid JSON) cannot be UTF-8, so it is written as that same JSON escape and reads back unchanged."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")


def save(report: Report, path: str | os.PathLike) -> None:
    """Write the draft atomically; the previous version stays as <name>.bak. Raises SaveError.

    What is written must reopen: a report load() would refuse (a summed total above the maximum,
    more than MAX_BYTES of text) is refused here, with the reason, and nothing is written."""
    content = encode(dumps(report))
    if len(content) > MAX_BYTES:
        raise SaveError(f"无法保存为草稿：草稿超过 {MAX_BYTES // (1024 * 1024)} MB（正文过长），"
                        "保存后将无法再打开。请缩短正文后再保存。")
    try:
        loads(content)
    except DraftError as exc:
        raise SaveError(f"无法保存为草稿：{exc}") from None
    write_atomic(path, content)


# ── reading ──────────────────────────────────────────────────────────────────────────────
def from_json(data) -> Report:
    """A Report from a parsed draft; raises DraftError naming what is wrong and where."""
    return read_report(data, FORMAT_ID, VERSION)


def _no_duplicates(pairs):
    data = dict(pairs)
    if len(data) != len(pairs):
        seen = set()
        key = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise DraftError(f"文件中同一位置的字段「{key}」出现了两次，无法确定用哪一个。")
    return data


def _no_constant(name):
    raise DraftError(f"文件中有无效的数值「{name}」。")


def _json_error(text: str, exc: json.JSONDecodeError) -> str:
    rest = text[exc.pos:].rstrip()
    truncated = (not rest or exc.msg.startswith("Unterminated string")
                 or any(word.startswith(rest) for word in ("true", "false", "null")))
    if truncated:
        return (f"文件内容不完整（在第 {exc.lineno} 行中断），"
                "可能是保存时被中断或复制时没有复制完整。")
    return f"文件不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列附近有格式错误。"


def loads(content: str | bytes) -> Report:
    """A Report from the text (or UTF-8 bytes) of a draft; raises DraftError."""
    if isinstance(content, (bytes, bytearray)):
        if content[:4] == b"PK\x03\x04":
            raise DraftError("这是一个压缩文件（例如 Word 或 Excel 文档），不是年报助手的草稿。")
        if content[:2] in (b"\xff\xfe", b"\xfe\xff"):       # Windows Notepad's 「Unicode」
            try:
                return loads(bytes(content).decode("utf-16"))
            except UnicodeDecodeError:
                raise DraftError("文件是 UTF-16 编码的文本，但内容不完整或已损坏。") from None
        try:
            content = bytes(content).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data" and exc.end == len(content):
                return loads(bytes(content[:exc.start]))   # cut inside a character: a truncated file
            raise DraftError(f"文件不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节无法识别），"
                             "不是年报助手的草稿。") from None
    if not content.strip():
        raise DraftError("文件是空的。")
    try:
        data = json.loads(content, parse_float=Decimal, object_pairs_hook=_no_duplicates,
                          parse_constant=_no_constant)
    except DraftError:
        raise
    except json.JSONDecodeError as exc:
        raise DraftError(_json_error(content, exc)) from None
    except RecursionError:
        raise DraftError("文件结构嵌套过深，不是年报助手的草稿。") from None
    except ValueError:                      # e.g. an integer with thousands of digits
        raise DraftError("文件中有无法读取的数值（位数过多）。") from None
    return from_json(data)


def _read_error(exc: OSError, path: Path) -> str:
    if isinstance(exc, FileNotFoundError):
        return "找不到该文件。"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹，不是文件。"
    if isinstance(exc, PermissionError):
        return "没有权限读取该文件（或文件正被其他程序占用）。"
    return f"读取失败：{exc.strerror or type(exc).__name__}。"


def load(path: str | os.PathLike) -> Report:
    """Read and validate a draft; raises DraftError (the file is never written)."""
    path = Path(path)
    where = f"无法打开草稿「{path.name}」："
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "is a directory", str(path))
        with open(path, "rb") as handle:
            content = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DraftError(where + _read_error(exc, path)) from None
    if len(content) > MAX_BYTES:
        raise DraftError(where + f"文件超过 {MAX_BYTES // (1024 * 1024)} MB，不是年报助手的草稿。")
    try:
        return loads(content)
    except DraftError as exc:
        hint = ""
        if "不完整" in str(exc) and backup_path(path).is_file():
            hint = f"同一文件夹中的「{backup_path(path).name}」是上一次保存的版本，可以尝试打开它。"
        raise DraftError(where + str(exc) + hint) from None


__all__ = ["DraftError", "SaveError", "FORMAT_ID", "VERSION", "SUFFIX", "MAX_BYTES", "version_of",
           "to_json", "from_json", "dumps", "loads", "save", "load"]
