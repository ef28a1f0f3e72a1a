"""Rows of a read-only worksheet, parsed with expat directly: about twice as fast as openpyxl's cells.

Used for ledgers (100,000 rows). Values are what openpyxl's values_only gives: shared and inline
strings, numbers, booleans, and dates for cells whose number format is a date (openpyxl's own list of
date styles is reused). Documents with a DOCTYPE are refused, so no entity can ever be expanded.
Falls back to openpyxl's iter_rows if the workbook object lacks what is needed.
"""
from __future__ import annotations

from xml.parsers import expat

from .safety import ExcelError

_CHUNK = 1 << 20
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384       # Excel's own limits; a larger reference is damage or attack
_DAMAGED = "工作表内容已损坏，无法读取。"


class _Uncalculated:
    """A formula cell whose file holds no cached result (never calculated by Excel/WPS)."""

    def __repr__(self):
        return "UNCALCULATED"


UNCALCULATED = _Uncalculated()


def _column_index(ref: str, cache: dict) -> int:
    letters = ref.rstrip("0123456789")
    index = cache.get(letters)
    if index is None:
        index = 0
        for ch in letters:
            index = index * 26 + (ord(ch) - 64)
        index -= 1
        if not 0 <= index < MAX_COLUMN:
            raise ExcelError(f"工作表内容已损坏（单元格「{ref}」超出 Excel 的范围），无法读取。")
        cache[letters] = index
    return index


def can_read_fast(workbook, sheet) -> bool:
    return all(hasattr(o, a) for o, a in ((sheet, "_shared_strings"), (sheet, "_get_source"),
                                          (workbook, "_date_formats"), (workbook, "epoch")))


def iter_values(workbook, sheet):
    """Yield each row as a tuple of values, row 1 first; missing rows are yielded as ().

    A formula cell without a cached value is UNCALCULATED, never None."""
    try:
        shared = sheet._shared_strings
        date_styles = set(workbook._date_formats)
        source = sheet._get_source()
        from openpyxl.utils.datetime import from_excel
        epoch = workbook.epoch
    except Exception:       # another openpyxl version: the slower public path
        yield from sheet.iter_rows(values_only=True)
        return
    state = _State(shared, {str(s) for s in date_styles}, lambda v: from_excel(v, epoch))

    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.StartElementHandler = state.start
    parser.EndElementHandler = state.end
    parser.CharacterDataHandler = state.text
    with source:
        while True:
            chunk = source.read(_CHUNK)
            try:
                parser.Parse(chunk, not chunk)
            except ExcelError:
                raise
            except (expat.ExpatError, ValueError, IndexError, OverflowError):   # bad XML, index, number
                raise ExcelError(_DAMAGED) from None
            if state.done:
                yield from state.done
                state.done = []
            if not chunk:
                break


def _refuse(*_args):
    raise ExcelError("工作簿包含不允许的 XML 声明（DOCTYPE/实体），可能是恶意文件，已拒绝读取。")


class _State:
    __slots__ = ("shared", "dates", "to_date", "done", "row", "number", "cells", "col", "type",
                 "style", "buf", "grab", "cols", "formula")

    def __init__(self, shared, dates, to_date):
        self.shared, self.dates, self.to_date = shared, dates, to_date
        self.done, self.row, self.number, self.cells = [], None, 0, {}
        self.col = self.type = self.style = None
        self.buf, self.grab, self.cols, self.formula = [], False, {}, False

    def start(self, name, attrs):
        if name == "c":
            ref = attrs.get("r")
            self.col = _column_index(ref, self.cols) if ref else len(self.cells)
            self.type = attrs.get("t", "n")
            self.style = attrs.get("s")
            self.buf = []
            self.formula = False
        elif name == "f":
            self.formula = True
        elif name == "v" or (name == "t" and self.type == "inlineStr"):
            self.grab = True
            self.buf.append("")
        elif name == "row":
            r = attrs.get("r")
            number = int(r) if r else self.number + 1
            if not 0 < number <= MAX_ROW:
                raise ExcelError(f"工作表内容已损坏（行号 {number} 超出 Excel 的范围），无法读取。")
            while self.number + 1 < number:
                self.number += 1
                self.done.append(())
            self.number = number
            self.cells = {}
        elif ":" in name:           # a producer that writes prefixed element names
            self.start(name.rpartition(":")[2], attrs)

    def text(self, data):
        if self.grab:
            self.buf.append(data)

    def end(self, name):
        if name == "v" or name == "t":
            self.grab = False
        elif name == "c":
            text = "".join(self.buf)
            if self.formula and not text:       # <f> with no or an empty cached <v>
                self.cells[self.col] = UNCALCULATED
            elif self.buf:
                self.cells[self.col] = self._value(text)

        elif name == "row":
            cells = self.cells
            if cells:
                row = [None] * (max(cells) + 1)
                for i, v in cells.items():
                    row[i] = v
                self.done.append(tuple(row))
            else:
                self.done.append(())
        elif ":" in name:
            self.end(name.rpartition(":")[2])

    def _value(self, text):
        t = self.type
        if not text:
            return None if t in ("n", "s", "b") else text
        if t == "s":

            return self.shared[int(text)]
        if t == "n":
            if "." in text or "E" in text or "e" in text:
                value = float(text)
            else:
                value = int(text)
            if self.style in self.dates:
                return self.to_date(value)
            return value
        if t == "b":
            return text == "1"
        return text       # inlineStr, str (a formula's text result), e (an error such as #N/A)
