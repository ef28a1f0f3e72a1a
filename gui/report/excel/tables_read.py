"""Reading the three tables back from a workbook laid out like the official form.

Rows are found by their labels, not by position, so a workbook typed by someone else works too:
labels are compared after headers.fold() (（一） = (一), 1. = 1、, spaces and punctuation ignored),
known typos of published reports (FORMAT.md §8) are accepted, and near misses are matched by
similarity. Values are read from the cells right of the labels; a value that is not a number is
reported with its cell and left blank, never guessed.
"""
from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from itertools import chain, islice
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from .. import form
from ..cells import CellError, parse
from ..draft_reader import MAX_YEAR, MIN_YEAR, DraftError, fee_yuan
from ..form import CellRef
from ..model import Info, Report
from .headers import fold
from .safety import ExcelError, open_workbook

# Misspellings seen in published reports → the official label (FORMAT.md §8).
LABEL_VARIANTS = {"其他法律行政止公开": "其他法律行政法规禁止公开", "规范性文件": "行政规范性文件"}
OLD_FORMAT = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "其他对外管理服务事项",
              "政府集中采购", "采购项目数量")
_TITLE = re.compile(r"^(.*?)(\d{4})\s*" + form.TITLE_SUFFIX + "$")
_SKIP_SHEETS = {"检查结果", "各单位", "未汇总的文件"}


@dataclass
class TablesRead:
    report: Report
    messages: list[str] = field(default_factory=list)     # cells that could not be read (Chinese)
    rows_found: int = 0


def _row_keys() -> dict[str, tuple[str, str]]:
    """Every accepted folded label → (table, row); words that fit two rows are dropped."""
    keys: dict[str, tuple[str, str] | None] = {}
    for table in (form.ACTIVE, form.REQUESTS):
        for row in table.rows:
            path = list(row.path)
            variants = {"".join(fold(p) for p in path), fold(path[-1]),
                        "".join(fold(p) for p in path if p != form.RESULTS),
                        "".join(fold(p) for p in path[-2:])}
            for typo, official in LABEL_VARIANTS.items():
                if path[-1].endswith(official):
                    variants.add(fold(path[-1].replace(official, typo)))
            here = (table.key, row.key)
            for v in filter(None, variants):
                keys[v] = here if keys.get(v, here) == here else None   # shared by two rows: unusable
    return {k: v for k, v in keys.items() if v is not None}


ROW_KEYS = _row_keys()
# Labels that stand left of a row's own label (三、本年度办理结果, （三）不予公开 …): a row may omit them.
PARENTS = {fold(p) for t in (form.ACTIVE, form.REQUESTS) for row in t.rows for p in row.path[:-1]}


def _is_label(value) -> bool:
    if not isinstance(value, str) or not any("\u4e00" <= ch <= "\u9fff" for ch in value):
        return False
    try:
        parse(value)
        return False
    except CellError:
        return True


def _match(labels: list[str]) -> tuple[str, str] | None:
    for start in range(len(labels)):
        key = "".join(fold(t) for t in labels[start:])
        if key in ROW_KEYS:
            return ROW_KEYS[key]
        if fold(labels[start]) not in PARENTS:
            break

    whole = "".join(fold(t) for t in labels)
    close = difflib.get_close_matches(whole, ROW_KEYS, n=2, cutoff=0.85)
    if close and (len(close) == 1 or ROW_KEYS[close[0]] == ROW_KEYS[close[1]]):
        return ROW_KEYS[close[0]]
    return None


class _Sheet:
    """A normal-mode worksheet as a grid where each merged range reads as its top-left cell."""

    def __init__(self, sheet):
        self.title = sheet.title
        self.cells: dict[tuple[int, int], object] = {}
        self.formats: dict[tuple[int, int], str] = {}
        self.origin: dict[tuple[int, int], tuple[int, int]] = {}
        for c in _cells(sheet):
            if c.value is not None:
                self.cells[(c.row, c.column)] = c.value
                self.formats[(c.row, c.column)] = c.number_format
        for rng in sheet.merged_cells.ranges:
            top = (rng.min_row, rng.min_col)
            for r in range(rng.min_row, rng.max_row + 1):
                for col in range(rng.min_col, rng.max_col + 1):
                    self.origin[(r, col)] = top
        self.max_row = max((r for r, _ in self.cells), default=0)
        self.max_col = max([c for _, c in self.cells] + [c for _, c in self.origin], default=0)
        # Only rows with something in them are visited, each from its first such column: a cell at
        # XFD1048576 must not make the reader walk 10^10 empty cells.
        self.columns: dict[int, list[int]] = {}       # row → its columns with a value or a merge
        for r, c in chain(self.cells, self.origin):
            if r <= self.max_row:
                self.columns.setdefault(r, []).append(c)
        for found in self.columns.values():
            found.sort()
        self.rows = sorted(self.columns)

    def at(self, r: int, c: int):
        return self.cells.get(self.origin.get((r, c), (r, c)))

    def row_cells(self, r: int, start: int = 1):
        """Distinct cells of a row from column `start`: (coordinate of their top-left, value).
        Lazy: take only what is needed (islice), the row may reach column XFD."""
        seen = set()
        for c in range(start, self.max_col + 1):
            o = self.origin.get((r, c), (r, c))
            if o not in seen and o[1] >= start:

                seen.add(o)
                yield o, self.cells.get(o)

    def values_right_of(self, r: int, c: int):
        """The values of the distinct cells in row `r` right of column `c` (blanks left out)."""
        seen = set()
        for col in self.columns.get(r, ()):
            o = self.origin.get((r, col), (r, col))
            if col > c and o[1] > c and o not in seen:
                seen.add(o)
                yield self.cells.get(o)


def _cells(sheet):
    """The cells a worksheet holds; iter_rows() would create every cell of the bounding box."""
    stored = getattr(sheet, "_cells", None)
    if isinstance(stored, dict):
        return list(stored.values())
    return [c for row in sheet.iter_rows() for c in row]


def read_tables(path) -> TablesRead:
    """Read the tables of a workbook into a new Report; raises ExcelError if there are none."""
    workbook = open_workbook(path, read_only=False, data_only=True)
    try:
        sheets = [_Sheet(s) for s in workbook.worksheets if s.title not in _SKIP_SHEETS]
    finally:
        workbook.close()
    info = next((s for s in sheets if s.title == "基本信息"), None)
    info_rows = [(info.cells.get((r, 1)), info.cells.get((r, 2))) for r in info.rows] if info else []
    best = None
    for sheet in sheets:
        result = _read_sheet(sheet)
        if best is None or result.rows_found > best.rows_found:
            best = result
    if best is None or best.rows_found == 0:
        words = [w for s in sheets for w in OLD_FORMAT if any(isinstance(v, str) and w in v
                                                               for v in s.cells.values())]
        hint = "这是 2019 年旧版格式的表格，请改用 2021 年版格式。" if words else \
            "请使用本软件导出的表格，或按官方格式排列的表二、表三、表四。"
        raise ExcelError(f"「{Path(path).name}」中找不到年报表格。{hint}")
    _read_info(best.report, info_rows, best.messages)
    return best


def load_report(path) -> Report:
    """For gui.report.sources: the report in a tables workbook (unreadable cells are left blank)."""
    return read_tables(path).report


def _read_sheet(sheet: _Sheet) -> TablesRead:
    result = TablesRead(Report())
    report = result.report
    for r in sheet.rows:
        title = sheet.at(r, 1)
        if isinstance(title, str) and _TITLE.match(title.strip()) and not report.info.organ:
            m = _TITLE.match(title.strip())
            report.info.organ, report.info.year = m.group(1).strip(), _year(m.group(2))
        labels, last = [], 0
        for (row, col), value in sheet.row_cells(r, sheet.columns[r][0]):
            if value is None and not labels:
                continue
            if not _is_label(value):
                break
            labels.append(value)
            last = col
        found = _match(labels) if labels else None
        if found is None:
            continue
        row = form.TABLE_BY_KEY[found[0]].row(found[1])
        cells = [o for o, _ in islice(sheet.row_cells(r, last + 1), len(row.columns))]
        _store(result, sheet, row, found[0], cells)
    _read_appeals(result, sheet)
    return result


def _read_appeals(result: TablesRead, sheet: _Sheet) -> None:
    word, outer = fold(form.REVIEW), fold(form.SUIT)
    for (r, c), value in sorted(sheet.cells.items()):
        if not (isinstance(value, str) and fold(value) == word):
            continue
        if not any(isinstance(v, str) and fold(v) == outer for v in sheet.values_right_of(r, c)):
            continue
        for data_row in range(r + 1, min(r + 7, sheet.max_row + 1)):
            cells = [o for o, _ in islice(sheet.row_cells(data_row, c), 15)]
            values = [sheet.cells.get(o) for o in cells]
            if any(v is not None for v in values) and not any(_is_label(v) for v in values):
                for g, row in enumerate(form.APPEALS.rows):
                    _store(result, sheet, row, "appeals", cells[5 * g:5 * g + 5])
                return


def _store(result: TablesRead, sheet: _Sheet, row: form.Row, table: str, cells: list) -> None:
    result.rows_found += 1
    for column, coordinate in zip(row.columns, cells):
        ref = CellRef(table, row.key, column.key)
        raw = sheet.cells.get(coordinate)
        try:
            value = _value(raw, row.kind, sheet.formats.get(coordinate, "General"))
        except CellError as exc:
            where = f"{get_column_letter(coordinate[1])}{coordinate[0]}"
            result.messages.append(f"{form.describe(ref)}（工作表「{sheet.title}」单元格 {where}）：{exc}")
            continue
        result.report.set(ref, value)


def _value(raw, kind: str, number_format: str):
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise CellError(f"「{raw}」不是数字。")
    if isinstance(raw, float) and not math.isfinite(raw):
        raise CellError("不是有效的数字。")
    if isinstance(raw, (int, float, Decimal)):
        if kind == form.COUNT:
            if raw != int(raw):
                raise CellError("件数必须是整数，不能有小数。")
            if raw < 0:
                raise CellError("不能填负数。")
            return parse(str(int(raw)), kind)
        value = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
        places = re.fullmatch(r"0\.(0{1,4})", number_format or "")
        if -value.as_tuple().exponent > form.FEE_PLACES:      # float noise from another program
            rounded = value.quantize(Decimal(1).scaleb(-form.FEE_PLACES))
            if abs(rounded - value) < Decimal("1e-9"):
                value = rounded.normalize() if rounded == rounded.to_integral() else rounded
        if places and -value.as_tuple().exponent <= len(places.group(1)):
            value = value.quantize(Decimal(1).scaleb(-len(places.group(1))))
        return parse(format(value, "f"), kind)
    return parse(str(raw), kind)


def _read_info(report: Report, rows: list[tuple], messages: list[str]) -> None:
    """基本信息 and the fee statement, each within what a draft holds (or it would not reopen)."""
    labels = {label: key for key, label in form.INFO_LABELS.items()}
    for label, value in rows:
        key = labels.get(label)
        if key is None or value is None:
            continue
        if key == "year":
            year = _year(value)
            if year is None:
                messages.append(f"基本信息「{label}」不是 {MIN_YEAR}–{MAX_YEAR} 之间的年份：{value}")
            else:
                report.info.year = year
        elif key == "level":
            if value in form.LEVELS:
                report.info.level = value
            else:
                messages.append(f"基本信息「{label}」应为{'、'.join(form.LEVELS)}之一：{value}")
        elif key in ("publish_date", "deadline"):
            from .dates import DateError, parse_date
            try:
                setattr(report.info, key, parse_date(value))
            except DateError as exc:
                messages.append(f"基本信息「{label}」{exc}")
        else:
            setattr(report.info, key, str(value))
    fee = {label: key for key, label in form.FEE_LABELS.items()}
    for label, value in rows:
        if value is None:
            continue
        try:
            if fee.get(label) == "fee_yuan":
                report.fee.amount_yuan = fee_yuan(value if isinstance(value, (int, str)) else repr(value))
            elif fee.get(label) == "fee_charged":
                report.fee.charged = parse(str(value), form.COUNT)
        except (DraftError, CellError) as exc:
            messages.append(f"「{label}」无法读取：{exc}" if isinstance(exc, CellError) else str(exc))


def _year(value) -> int | None:
    """2024 or "2024"; not 2024.5, not True, not 99999."""
    text = str(value).strip() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    year = int(text) if text.isascii() and text.isdigit() else None
    return year if year is not None and MIN_YEAR <= year <= MAX_YEAR else None
