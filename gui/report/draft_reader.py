"""Validating a parsed draft (see drafts.py) and building the Report from it.

Everything is checked — types, unknown keys, cell values — and the first fault is reported as a
DraftError whose message names the field in the words of the form, e.g.
「表三「（一）予以公开」行「自然人」列的值 -1 无效：不能填负数。」
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from .cells import CellError, parse
from .findings import Finding
from .form import (ALL_CELLS, COUNT, FEE, FEE_LABELS, YUAN_PLACES, FEE_UNIT, INFO_LABELS, LEVELS, MAX_COUNT,
                   MAX_YEAR, MIN_YEAR, RESULTS, SECTIONS, TABLES, TEXT_FIELD_BY_KEY, CellRef, describe)
from .model import Confirmation, Report
from .problems import ERROR, WARNING
from .places import OPENING, text_name
from .target_names import one_line

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
MAX_YUAN_DIGITS = 12
_ALL_CELLS = frozenset(ALL_CELLS)
_MAX_EXPONENT = 64         # a JSON number's exponent; any real amount is far inside
_INFO_TEXTS = ("organ", "compiler", "address", "postcode", "phone")


class DraftError(ValueError):
    """A draft that cannot be read; str(error) is the Chinese reason shown to the clerk."""

    def __str__(self) -> str:
        return one_line(self.args[0]) if self.args else "草稿无法读取。"


def _spaced(value) -> str:
    """A value inside a sentence: 「/」 for text, " -1 " (spaced) for numbers."""
    text = _show(value)
    return text if text.startswith("「") else f" {text} "


def _show(value) -> str:
    if isinstance(value, str):
        text = f"「{value}」"
    elif value is None:
        text = "null"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (dict, list)):
        text = "一组数据" if isinstance(value, dict) else "一个列表"
    else:
        text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


class _Reader:
    def __init__(self, prefix: str = ""):
        self.prefix = prefix          # 「上年报告中：」 while reading the nested last_year

    def fail(self, message: str):
        raise DraftError(self.prefix + message)

    def object(self, value, where: str, allowed) -> dict:
        if not isinstance(value, dict):
            self.fail(f"{where}应为一组字段（JSON 对象），文件中是{_show(value)}。")
        for key in value:
            if key not in allowed:
                self.fail(f"{where}中有无法识别的字段「{key}」。")
        return value

    def text(self, value, where: str, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str):
            self.fail(f"{where}应为文字，文件中是{_show(value)}。")
        return value

    def date(self, value, where: str) -> dt.date | None:
        if value is None:
            return None
        if isinstance(value, str) and _DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(f"{where}应为「年-月-日」格式的日期（例如 2025-01-20）或 null，文件中是{_show(value)}。")

    def whole(self, value, where: str, low: int, high: int) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(f"{where}应为 {low}–{high} 之间的整数，文件中是{_show(value)}。")
        return value

    # ── the parts of a draft ──
    def info(self, report: Report, data) -> None:
        where = "基本信息"
        data = self.object(data, where, INFO_LABELS)
        info = report.info
        for key in _INFO_TEXTS:
            if key in data:
                setattr(info, key, self.text(data[key], f"{where}「{INFO_LABELS[key]}」"))
        info.year = self.whole(data.get("year"), f"{where}「{INFO_LABELS['year']}」",
                               MIN_YEAR, MAX_YEAR)
        if "level" in data:
            level = data["level"]
            if level not in LEVELS:
                self.fail(f"{where}「{INFO_LABELS['level']}」应为{'、'.join(LEVELS)}之一，"
                          f"文件中是{_show(level)}。")
            info.level = level
        for key in ("publish_date", "deadline"):
            setattr(info, key, self.date(data.get(key), f"{where}「{INFO_LABELS[key]}」"))

    def texts(self, report: Report, data) -> None:
        data = self.object(data, "正文", TEXT_FIELD_BY_KEY)
        for key, value in data.items():
            report.texts[key] = self.text(value, f"正文「{text_name(key)}」")

    def fee(self, report: Report, data) -> None:
        data = self.object(data, "信息处理费", ("amount_yuan", "charged"))
        amount = data.get("amount_yuan")
        where = f"信息处理费「{FEE_LABELS['fee_yuan']}」"
        if amount is not None:
            report.fee.amount_yuan = self.decimal(amount, where, "元")
        report.fee.charged = self.whole(data.get("charged"), f"信息处理费「{FEE_LABELS['fee_charged']}」",
                                        0, 999_999_999)

    def decimal(self, value, where: str, unit: str) -> Decimal:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, Decimal) and not -_MAX_EXPONENT <= value.as_tuple().exponent <= _MAX_EXPONENT:
            # 1e999999999 is 11 bytes in the file but a billion digits written out in full
            self.fail(f"{where}的值{_spaced(value)}无效：数值超出范围（单位：{unit}）。")
        text = format(value, "f") if isinstance(value, Decimal) else value
        if not isinstance(text, str) or not _DECIMAL.fullmatch(text):
            self.fail(f"{where}的值{_spaced(value)}无效：应为不带单位的数字字符串（单位：{unit}），"
                      "例如 \"96171.6\"。")
        if unit == FEE_UNIT:
            try:
                parse(text, FEE)           # the same limits as a typed cell: ≥ 0, ≤ FEE_PLACES places
            except CellError as exc:
                self.fail(f"{where}的值{_spaced(text)}无效：{exc}")
        else:
            whole, _, places = text.partition(".")
            if len(places) > YUAN_PLACES or len(whole.lstrip("0")) > MAX_YUAN_DIGITS:
                self.fail(f"{where}的值{_spaced(text)}无效：最多 {MAX_YUAN_DIGITS} 位整数、"
                          f"{YUAN_PLACES} 位小数。")
        return Decimal(text)

    def cell(self, report: Report, ref: CellRef, value, kind: str) -> None:
        if value is None:
            return
        if kind == COUNT and type(value) is int and 0 <= value <= MAX_COUNT:
            report.set(ref, value)        # the usual case, without building a message for each cell
            return
        where = describe(ref)
        if kind == FEE:
            report.set(ref, self.decimal(value, where, FEE_UNIT))
            return
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            hint = ""
            if isinstance(value, str):
                try:
                    parse(value, COUNT)
                    hint = "件数应写成不带引号的整数。"
                except CellError as exc:
                    hint = str(exc)
            self.fail(f"{where}的值{_spaced(value)}无效：{hint or '应为整数或 null。'}")
        if isinstance(value, Decimal):
            self.fail(f"{where}的值{_spaced(value)}无效：件数必须是整数，不能有小数。")
        try:
            parse(str(value), COUNT)
        except CellError as exc:
            self.fail(f"{where}的值{_spaced(value)}无效：{exc}")
        report.set(ref, value)

    def table(self, report: Report, table, data) -> None:
        data = self.object(data, f"{table.short_name}", table.row_by_key)
        for key, value in data.items():
            row = table.row(key)
            name = "—".join(p for p in row.path if p != RESULTS)
            if row.json_scalar:
                if isinstance(value, (list, dict)):
                    self.fail(f"{table.short_name}「{name}」应为一个数值，文件中是{_show(value)}。")
                values = [value]
            else:
                if not isinstance(value, list):
                    self.fail(f"{table.short_name}「{name}」行应为 {len(row.columns)} 个值的列表，"
                              f"文件中是{_show(value)}。")
                if len(value) != len(row.columns):
                    labels = "、".join(c.label for c in row.columns)
                    self.fail(f"{table.short_name}「{name}」行应有 {len(row.columns)} 个值（{labels}），"
                              f"文件中有 {len(value)} 个。")
                values = value
            for column, cell_value in zip(row.columns, values):
                self.cell(report, CellRef(table.key, key, column.key), cell_value, row.kind)

    def confirmations(self, report: Report, data) -> None:
        where = "已核实的提示"
        data = self.object(data, where, data if isinstance(data, dict) else ())
        for key, value in data.items():
            item = self.object(value, f"{where}「{key}」", ("note", "fingerprint"))
            note = self.text(item.get("note", ""), f"{where}「{key}」的说明")
            fingerprint = self.text(item.get("fingerprint", ""), f"{where}「{key}」的核对值")
            report.confirmations[key] = Confirmation(note, fingerprint)

    def findings(self, data) -> tuple[Finding, ...]:
        where = "导入时发现的格式问题"
        if not isinstance(data, list):
            self.fail(f"{where}应为一个列表，文件中是{_show(data)}。")
        out = []
        for n, item in enumerate(data, 1):
            at = f"{where}第 {n} 项"
            item = self.object(item, at, _FINDING_KEYS)
            rule = self.text(item.get("rule"), f"{at}的规则编号")
            if not rule or len(rule) > MAX_RULE_CHARS:
                self.fail(f"{at}的规则编号{_show(rule)}无效。")
            severity = item.get("severity")
            if severity not in (ERROR, WARNING):
                self.fail(f"{at}的严重程度应为 \"{ERROR}\" 或 \"{WARNING}\"，文件中是{_show(severity)}。")
            step = item.get("step")
            if step not in _STEPS:
                self.fail(f"{at}的位置（step）应为{'、'.join(_STEPS)}之一，文件中是{_show(step)}。")
            cells = item.get("cells", [])
            if not isinstance(cells, list):
                self.fail(f"{at}的单元格应为一个列表，文件中是{_show(cells)}。")
            refs = []
            for cell in cells:
                ref = CellRef(*cell) if isinstance(cell, list) and len(cell) == 3 and all(
                    isinstance(x, str) for x in cell) else None
                if ref not in _ALL_CELLS:
                    self.fail(f"{at}的单元格{_show(cell)}不是表格中的单元格。")
                refs.append(ref)
            out.append(Finding(rule, severity, self.text(item.get("message"), f"{at}的说明"), step, tuple(refs),
                               self.text(item.get("field"), f"{at}的字段", optional=True),
                               self.text(item.get("quote", ""), f"{at}的原文")))
        return tuple(out)


def fee_yuan(value) -> Decimal:
    """A 信息处理费 amount (元) as a draft holds it, for the importers; raises DraftError."""
    return _Reader().decimal(value, f"信息处理费「{FEE_LABELS['fee_yuan']}」", "元")


_BODY_KEYS = ("info", "texts", "opening", "opening_enabled", "fee", "confirmations") + tuple(
    t.key for t in TABLES)
_TOP_KEYS = ("format", "version", "app", "saved_at", "last_year") + _BODY_KEYS
FINDINGS_KEY, FINDINGS_VERSION = "import_findings", 2      # a key of version 2
_STEPS = ("info",) + tuple(s.key for s in SECTIONS)
_FINDING_KEYS = ("rule", "severity", "message", "step", "cells", "field", "quote")
MAX_RULE_CHARS = 40


def _header(reader: _Reader, data, format_id: str, version: int, nested: bool) -> int:
    """Check format and version; returns the version the draft declares (1 when it has none)."""
    if "format" in data or not nested:
        if data.get("format") != format_id:
            what = f"format 为{_show(data['format'])}" if "format" in data else "缺少 format 标记"
            reader.fail(f"该文件不是年报助手的草稿（{what}）。")
    if "version" in data or not nested:
        found = data.get("version")
        if isinstance(found, bool) or not isinstance(found, int) or found < 1:
            reader.fail(f"草稿的格式版本 {_show(found)} 无效。")
        if found > version:
            reader.fail(f"该草稿由较新版本的年报助手保存（格式版本 {found}），请升级后再打开。")
    for key in ("app", "saved_at"):
        if key in data and not isinstance(data[key], str):
            reader.fail(f"字段「{key}」应为文字，文件中是{_show(data[key])}。")
    found = data.get("version", 1)
    return found if isinstance(found, int) and not isinstance(found, bool) else 1


def _body(reader: _Reader, data, format_id: str, version: int, nested: bool) -> Report:
    if not isinstance(data, dict):
        reader.fail("该文件不是年报助手的草稿（内容不是一组字段）。")
    found = _header(reader, data, format_id, version, nested)
    reader.object(data, "草稿" if not nested else "上年报告",
                  _TOP_KEYS + ((FINDINGS_KEY,) if found >= FINDINGS_VERSION else ()))
    report = Report()
    reader.info(report, data.get("info", {}))
    reader.texts(report, data.get("texts", {}))
    report.opening = reader.text(data.get("opening"), OPENING, optional=True)
    enabled = data.get("opening_enabled", True)
    if not isinstance(enabled, bool):
        reader.fail(f"字段「opening_enabled」应为 true 或 false，文件中是{_show(enabled)}。")
    report.opening_enabled = enabled
    reader.fee(report, data.get("fee", {}))
    for table in TABLES:
        reader.table(report, table, data.get(table.key, {}))
    reader.confirmations(report, data.get("confirmations", {}))
    report.import_findings = reader.findings(data.get(FINDINGS_KEY, []))
    return report


def read_report(data, format_id: str, version: int) -> Report:
    """The Report in a parsed draft (with its last_year); raises DraftError."""
    reader = _Reader()
    report = _body(reader, data, format_id, version, nested=False)
    last = data.get("last_year")
    if last is not None:
        nested = _Reader("上年报告中：")
        if isinstance(last, dict) and last.get("last_year") is not None:
            nested.fail("不能再包含更早一年的报告。")
        report.last_year = _body(nested, last, format_id, version, nested=True)
    return report
