"""Tab-separated blocks to and from Excel/WPS, and the plan of a paste onto a table's grid.

A paste is all or nothing: every value is read with cells.parse and every target checked before
anything is changed, so a refused paste leaves the report exactly as it was. 「/」「—」「-」 and empty
fields, as published tables write nothing, are no reason to refuse: they paste as blank cells.
"""
from __future__ import annotations

from gui.report.cells import CellError, Value, format_value, is_blank_marker, parse
from gui.report.form import CellRef, describe
from .grid import Grid

MAX_LINES = 10_000
MAX_CHARS = 2_000_000


class PasteError(ValueError):
    """A refused paste; str(error) is the Chinese reason shown to the clerk."""


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of fields from clipboard text; tolerates \\r\\n and one trailing line break."""
    if len(text) > MAX_CHARS:
        raise PasteError("粘贴的内容过大，已拒绝。请只复制表格中的数字部分。")
    if text.count("\n") + text.count("\r") > 2 * MAX_LINES:
        raise PasteError(f"粘贴的内容超过 {MAX_LINES:,} 行，已拒绝。请只复制表格中的数字部分。")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        raise PasteError(f"粘贴的内容超过 {MAX_LINES:,} 行，已拒绝。请只复制表格中的数字部分。")
    return [line.split("\t") for line in lines]


def format_tsv(rows: list[list[str]]) -> str:
    return "\r\n".join("\t".join(row) for row in rows) + "\r\n"


def _read(text: str, ref: CellRef, kind: str) -> Value:
    if is_blank_marker(text):
        return None
    try:
        return parse(text, kind, numerals=True)
    except CellError as error:
        raise PasteError(f"粘贴已取消：{describe(ref)}的「{text.strip()}」无法识别——{error}") from None


def plan_paste(grid: Grid, block: list[list[str]], start: tuple[int, int],
               selection: list[tuple[int, int]], kind_of) -> dict[CellRef, Value]:
    """The new values a paste would set, or PasteError saying which cell and which value is wrong.

    `start` is the top-left grid position, `selection` the selected data positions (a single value
    fills all of them), `kind_of(ref)` the cell kind for parsing.
    """
    if len(block) == 1 and len(block[0]) == 1 and len(selection) > 1:
        refs = [grid.owner(r, c).ref for r, c in selection if grid.is_data(r, c)]
        return {ref: _read(block[0][0], ref, kind_of(ref)) for ref in dict.fromkeys(refs)}
    height, width = len(block), max(len(row) for row in block)
    r0, c0 = start
    if r0 + height > grid.rows or c0 + width > grid.cols:
        room_rows, room_cols = grid.rows - r0, grid.cols - c0
        raise PasteError(f"粘贴已取消：复制的内容有 {height} 行 {width} 列，从当前单元格开始只能容纳 "
                         f"{room_rows} 行 {room_cols} 列，会超出表格。请选中合适的起始单元格。")
    values: dict[CellRef, Value] = {}
    for i, row in enumerate(block):
        for j in range(width):
            text = row[j] if j < len(row) else ""
            cell = grid.owner(r0 + i, c0 + j)
            if cell is None or cell.role != "data":
                label = cell.text if cell is not None and cell.text else "表头"
                raise PasteError(f"粘贴已取消：第 {i + 1} 行第 {j + 1} 列的「{text.strip()}」会落在"
                                 f"标签单元格「{label}」上。请从数据单元格开始粘贴，且不要覆盖表头和行名。")
            ref = cell.ref
            if (cell.row, cell.col) != (r0 + i, c0 + j) and ref in values:
                # a merged data cell covered by several pasted positions: Excel gives its value once
                if not is_blank_marker(text):
                    raise PasteError(f"粘贴已取消：{describe(ref)}是合并单元格，只能填一个数，"
                                     f"但粘贴内容在这里有多个值（「{text.strip()}」）。")
                continue
            values[ref] = _read(text, ref, kind_of(ref))
    return values


def blank_marks(block: list[list[str]]) -> int:
    """How many fields of a pasted block are 「/」「—」「-」 (pasted as blank cells)."""
    return sum(1 for row in block for text in row if text.strip() and is_blank_marker(text))


def copy_text(grid: Grid, positions: list[tuple[int, int]], value_of) -> str:
    """The selected data cells as a rectangular TSV block (positions outside the selection blank)."""
    if not positions:
        return ""
    rows = [r for r, _ in positions]
    cols = [c for _, c in positions]
    chosen = set(positions)
    out = []
    for r in range(min(rows), max(rows) + 1):
        line = []
        for c in range(min(cols), max(cols) + 1):
            cell = grid.owner(r, c)
            if (r, c) in chosen and cell is not None and cell.ref is not None \
                    and (cell.row, cell.col) == (r, c):
                line.append(format_value(value_of(cell.ref)))
            else:
                line.append("")
        out.append(line)
    return format_tsv(out)
