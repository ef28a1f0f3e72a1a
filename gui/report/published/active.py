"""Table 二 (主动公开) of a .docx: one table or one per 第二十条 block, official or hand-made.

Rows are found by their labels (规章, 行政规范性文件 …); the three document columns by the header
row 「信息内容 | 本年制发件数 | …」 when there is one, else in the official order. A header of the
2019 trial format (本年新制作数量 …) marks the old format: its numbers are not imported.
"""
from __future__ import annotations

from ..form import ACTIVE, ACTIVE_BLOCKS, ACTIVE_CONTENT, ACTIVE_DOC_COLUMNS, CellRef, of_trial_format
from .grid import Grid as Table, Slot
from .labels import Labels, is_blank_mark, normalise
from .result import quote
from .tables import ACTIVE_ROWS, TableReader, is_old_label

DOC_COLUMNS = Labels({c.label: c.key for c in ACTIVE_DOC_COLUMNS})
_CONTENT = normalise(ACTIVE_CONTENT)
_BLOCK_TITLES = {normalise(block[0]) for block in ACTIVE_BLOCKS}


def read_active(reader: TableReader, table: Table) -> None:
    name = ACTIVE.short_name
    columns: dict[str, int] = {}
    old_block, old_labels = False, []
    for row in table.rows:
        slots = [s for s in row if not s.continued]
        if not slots:
            continue
        first = slots[0].text
        rest = slots[1:]
        if normalise(first) in _BLOCK_TITLES:
            old_block = False
            continue
        if normalise(first) == _CONTENT or any(is_old_label(s.text) for s in slots):
            columns, old_block = _header(reader, rest)
            old_labels += [s.text for s in slots if is_old_label(s.text)]
            continue
        key, how = ACTIVE_ROWS.match(first)
        if key is None:
            if is_old_label(first):
                old_labels.append(first)
            elif any(not is_blank_mark(s.text) for s in slots):
                reader.result.missed(f"{name}中的行{quote(' '.join(s.text for s in slots))}不是表二的行，未导入。")
            continue
        if old_block:
            continue
        if not reader.row_found("active", key, first, how, name):
            continue
        row_def = ACTIVE.row(key)
        if len(row_def.columns) == 3:
            _document_row(reader, key, rest, columns, first)
        else:
            _single_value(reader, key, rest, first)
    if old_labels:
        _old(reader, old_labels)


def _header(reader: TableReader, slots: list[Slot]) -> tuple[dict[str, int], bool]:
    columns = {}
    for slot in slots:
        key, how = DOC_COLUMNS.match(slot.text)
        if key:
            columns.setdefault(key, slot.col)
            label = next(c.label for c in ACTIVE_DOC_COLUMNS if c.key == key)
            reader.label_note(ACTIVE.short_name, slot.text, label, how,
                              tuple(CellRef("active", row, key) for row in ("rules", "normative")))
    return columns, any(is_old_label(s.text) for s in slots)


def _old(reader: TableReader, labels: list[str]) -> None:
    reader.result.old_format = True
    found = "、".join(dict.fromkeys(f"「{normalise(t)}」" for t in labels))
    trial = of_trial_format(reader.report.info.year)
    reader.result.missed(f"{ACTIVE.short_name}是 2019 年试行格式（出现{found}），这部分数字未导入："
                         + ("现行格式的栏目不同，该年度的报告按试行格式填报。" if trial
                            else "现行格式的栏目不同，请按现行格式填写。"))
    reader.old_layout(ACTIVE.key, tuple(CellRef("active", r, "issued") for r in ("rules", "normative")),
                      f"{ACTIVE.short_name}出现{found}等栏目", "、".join(labels))


def _document_row(reader: TableReader, key: str, rest: list[Slot], columns: dict[str, int],
                  label: str) -> None:
    keys = [c.key for c in ACTIVE_DOC_COLUMNS]
    if len(columns) == 3:
        cells = {k: next((s for s in rest if s.col <= columns[k] < s.col + s.span), None) for k in keys}
    elif len(rest) == 3:
        cells = dict(zip(keys, rest))
    else:
        reader.result.missed(f"{ACTIVE.short_name}「{label}」行应有 3 个数字（本年制发、本年废止、现行有效），"
                             f"文件中是 {len(rest)} 个单元格，未导入。")
        return
    for col_key, slot in cells.items():
        if slot is not None:
            reader.value(CellRef("active", key, col_key), slot.text, slot.where)


def _single_value(reader: TableReader, key: str, rest: list[Slot], label: str) -> None:
    values = [s for s in rest if not is_blank_mark(s.text)]
    marks = [s for s in rest if s.text.strip() and is_blank_mark(s.text)]
    ref = CellRef("active", key, "value")
    if len(values) == 1:
        reader.value(ref, values[0].text, values[0].where)
    elif len(values) > 1:
        reader.result.missed(f"{ACTIVE.short_name}「{label}」行有多个数字（{'、'.join(s.text for s in values)}），"
                             "无法确定用哪一个，已留空。")
    elif marks:
        reader.value(ref, marks[0].text, marks[0].where)
    else:
        reader.value(ref, "")
