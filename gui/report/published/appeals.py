"""Table 四 (行政复议、行政诉讼) of a .docx: 15 numbers under a 3-row header.

Each number's column is found from the header cells above it (the group 行政复议 / 未经复议直接起诉 /
复议后起诉 and the result 结果维持 … 总计), so merged and unmerged headers read alike; a table
without a usable header is read in the official order when its data row has exactly 15 cells.
"""
from __future__ import annotations

from ..form import APPEALS, APPEALS_COLUMNS, CellRef
from .grid import Grid as Table, Slot
from .labels import is_blank_mark
from .result import quote
from .tables import APPEAL_COLUMNS, APPEAL_GROUPS, TableReader

_WIDTH = len(APPEALS.rows) * len(APPEALS_COLUMNS)


def _is_header(row: list[Slot]) -> bool:
    return any(APPEAL_GROUPS.match(s.text)[0] or APPEAL_COLUMNS.match(s.text)[0]
               or s.text.strip() == "行政诉讼" for s in row)


def read_appeals(reader: TableReader, table: Table) -> None:
    name = APPEALS.short_name
    header = [row for row in table.rows if _is_header(row)]
    data = [row for row in table.rows if not _is_header(row) and any(s.text.strip() for s in row)]
    if len(data) > 1:
        reader.result.missed(f"{name}有 {len(data)} 行数字，只读取了第一行。")
    if not data:
        data = [row for row in table.rows if not _is_header(row)][:1]
        if not data:
            reader.result.missed(f"{name}没有数字行。")
            return
    row = data[0]
    placed = {}
    for slot in row:
        ref = _column(header, slot.col)
        if ref is not None:
            placed.setdefault(ref, slot)
    if len(placed) != _WIDTH:
        if len(row) != _WIDTH:
            reader.result.missed(f"{name}的列标题无法识别，数字行有 {len(row)} 个单元格（应为 {_WIDTH} 个），未导入。")
            return
        reader.result.missed(f"{name}的列标题无法完全识别，按官方列顺序读取了 {_WIDTH} 个数字，请核对。")
        refs = [CellRef("appeals", r.key, c.key) for r in APPEALS.rows for c in APPEALS_COLUMNS]
        placed = dict(zip(refs, row))
    for r in APPEALS.rows:
        reader.row_found("appeals", r.key, r.label, "exact", name)
    for ref, slot in placed.items():
        reader.value(ref, slot.text, slot.where)
    extra = [s.text for s in row if s not in placed.values() and not is_blank_mark(s.text)]
    if extra:
        reader.result.missed(f"{name}中这些内容不在任何一列之下，未导入：{quote(' '.join(extra))}。")


def _column(header: list[list[Slot]], col: int) -> CellRef | None:
    group = column = None
    for row in header:
        slot = next((s for s in row if s.col <= col < s.col + s.span), None)
        if slot is None:
            continue
        g, _ = APPEAL_GROUPS.match(slot.text)
        if g and (group in (None, "review") or g != "review"):
            group = g
        c, _ = APPEAL_COLUMNS.match(slot.text)
        column = c or column
    if group is None or column is None:
        return None
    return CellRef("appeals", group, column)
