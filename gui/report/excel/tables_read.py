"""Reading the three tables back from a workbook laid out like the official form, through the
builder every reader of published reports shares (gui/report/published/).

Each worksheet becomes what a Word body is: its title and section headings as paragraphs, the rows
between them as grids (merged ranges kept, empty rows splitting tables that are not continued), every
cell's value as the text it shows and its place (「工作表「年报表格」单元格 D25」) for messages. So a
workbook typed by someone else reads like a Word report typed by someone else — labels by their
official text with the typed variants of FORMAT.md §8, 「/」 left blank and recorded as a finding, the
2019 format recognised — and a value that is not a number is reported at its cell, never guessed.
基本信息 and the fee come from the 基本信息 sheet that this application's export writes.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain
from pathlib import Path

from openpyxl.utils import get_column_letter

from .. import form
from ..cells import CellError, parse
from ..draft_reader import DraftError, fee_yuan
from ..form import MAX_YEAR, MIN_YEAR
from ..model import Report
from ..published import Cell, Grid, Metadata, NotAReport, import_report
from ..published.grid import MAX_GRID_COLUMNS
from ..published.structure import find_title, heading_of
from ..published.tables import OLD_FORMAT_LABELS, classify
from .safety import ExcelError, open_workbook
from .tables_xlsx import INFO_SHEET

_SKIP_SHEETS = {"检查结果", "各单位", "未汇总的文件"}
MAX_GAP = 6               # empty rows within one table (a header typed apart from its numbers)


@dataclass
class TablesRead:
    report: Report
    messages: list[str] = field(default_factory=list)     # cells that could not be read (Chinese)
    rows_found: int = 0


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
        self.extent: dict[tuple[int, int], tuple[int, int]] = {}     # merge's top-left → its bottom-right
        for rng in sheet.merged_cells.ranges:
            top = (rng.min_row, rng.min_col)
            self.extent[top] = (rng.max_row, rng.max_col)
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
    info = next((s for s in sheets if s.title == INFO_SHEET), None)
    info_rows = [(info.cells.get((r, 1)), info.cells.get((r, 2))) for r in info.rows] if info else []
    best = None
    for sheet in sheets:
        if sheet is info:
            continue
        result = _read_sheet(Path(path).name, sheet)
        if result is not None and (best is None or result.rows_found > best.rows_found):
            best = result
    if best is None or best.rows_found == 0:
        words = [w for s in sheets for w in OLD_FORMAT_LABELS if any(isinstance(v, str) and w in v
                                                                     for v in s.cells.values())]
        hint = "这是 2019 年旧版格式的表格，请改用 2021 年版格式。" if words else \
            "请使用本软件导出的表格，或按官方格式排列的表二、表三、表四。"
        raise ExcelError(f"「{Path(path).name}」中找不到年报表格。{hint}")
    _read_info(best.report, info_rows, best.messages)
    return best


def load_report(path) -> Report:
    """For gui.report.sources: the report in a tables workbook (unreadable cells are left blank)."""
    return read_tables(path).report


def _read_sheet(name: str, sheet: _Sheet) -> TablesRead | None:
    paragraphs, grids = _document(sheet)
    try:
        result = import_report(name, paragraphs, grids, Metadata(tables_only=True))
    except NotAReport:
        return None
    return TablesRead(result.report, list(result.located), result.rows_read)


def _document(sheet: _Sheet) -> tuple[list[str], list[Grid]]:
    """The sheet as a body: the title and headings as paragraphs, the rows between as grids — a table
    per run of rows; a run that is no table by itself (numbers typed a few rows under their header)
    continues the table above it."""
    paragraphs: list[str] = []
    blocks: list[list[int]] = []
    last = None
    for r in sheet.rows:
        only = _only_text(sheet, r)
        if only is not None and (find_title([only])[0] is not None or heading_of(only, -1) is not None):
            paragraphs.append(only)
            last = None
            continue
        if last is None or r - last > 1:
            blocks.append([])
        blocks[-1].append(r)
        last = r
    joined: list[list[int]] = []
    for rows in blocks:
        if joined and rows[0] - joined[-1][-1] <= MAX_GAP and classify(_grid(sheet, rows)) is None:
            joined[-1] += rows
        else:
            joined.append(rows)
    return paragraphs, [_grid(sheet, rows) for rows in joined]


def _only_text(sheet: _Sheet, r: int) -> str | None:
    """The text of a row holding one text cell and nothing else (a title, a heading)."""
    origins = {sheet.origin.get((r, c), (r, c)) for c in sheet.columns[r]}
    values = [sheet.cells.get(o) for o in origins if sheet.cells.get(o) is not None]
    return values[0].strip() if len(values) == 1 and isinstance(values[0], str) else None


def _grid(sheet: _Sheet, rows: list[int]) -> Grid:
    """The rows as a grid: each cell (a merged range once, from its top-left) with its text and place."""
    index = {r: i for i, r in enumerate(rows)}
    cells, seen = [], set()
    for r in rows:
        for c in sheet.columns[r]:
            o = sheet.origin.get((r, c), (r, c))
            if o in seen or o[1] > MAX_GRID_COLUMNS:
                continue
            seen.add(o)
            top, left = o
            bottom, right = sheet.extent.get(o, o)
            rowspan = sum(1 for x in rows if max(top, r) <= x <= bottom)
            text = _text(sheet.cells.get(o), sheet.formats.get(o, "General"))
            where = f"工作表「{sheet.title}」单元格 {get_column_letter(left)}{top}"
            cells.append(Cell(index[r], left - 1, text, rowspan, right - left + 1, where))
    return Grid.from_cells(cells)


def _text(raw, number_format: str) -> str:
    """A cell's value as the text it shows: numbers exactly (a float's noise from another program
    rounded away, the places of a 0.00 format kept); anything else as written, for the builder to read."""
    if raw is None:
        return ""
    if isinstance(raw, bool) or isinstance(raw, float) and not math.isfinite(raw):
        return str(raw)
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, (float, Decimal)):
        value = Decimal(repr(raw)) if isinstance(raw, float) else raw
        places = re.fullmatch(rf"0\.(0{{1,{form.FEE_PLACES}}})", number_format or "")
        if -value.as_tuple().exponent > form.FEE_PLACES:      # float noise from another program
            rounded = value.quantize(Decimal(1).scaleb(-form.FEE_PLACES))
            if abs(rounded - value) < Decimal("1e-9"):
                value = rounded.normalize() if rounded == rounded.to_integral() else rounded
        if places and -value.as_tuple().exponent <= len(places.group(1)):
            value = value.quantize(Decimal(1).scaleb(-len(places.group(1))))
        elif value == value.to_integral():
            value = value.to_integral()
        return format(value, "f")
    return str(raw)


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
            else:       # the sheet states a level: the default, not the organ name's guess, stands for it
                report.info.level = form.LEVELS[0]
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
