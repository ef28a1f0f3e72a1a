"""Tables 三 and 四 as the prose checks read them when a published table writes nothing for zero.

Many published reports leave zero cells blank. The prose rules (R9, R9U) then read:
- a blank among a row's filled figures as 0, and a blank 总计 of such a row as the sum of its figures
  (「结转下年度」 自然人 1, the rest blank: 总计 1);
- a wholly blank row as 0 in every column the table fills in another row;
- a blank 总计 beside figures that are all filled as not yet filled (the clerk has not added it up);
- the parts of a row whose 总计 alone is given, when it is not 0, as unknown.
A table with nothing filled stays blank: nothing is compared with it.
"""
from __future__ import annotations

from .form import APPEALS, REQUESTS, CellRef


def _row_as_published(refs: list[CellRef], cells, out) -> bool:
    """Fill one row's blanks in `out`; False when the row is wholly blank."""
    *parts, total = refs
    given = [cells[r] for r in parts if cells[r] is not None]
    if not given and cells[total] is None:
        return False
    if given and len(given) < len(parts):
        for r in parts:
            if cells[r] is None:
                out[r] = 0
        if cells[total] is None:
            out[total] = sum(given)
    elif not given and not cells[total]:
        for r in parts:
            out[r] = 0
    return True


def filled_as_published(cells):
    """The cells with the blanks of published tables read as above (a new mapping; cells unchanged)."""
    out = None
    for table in (REQUESTS, APPEALS):
        rows = [[CellRef(table.key, row.key, c.key) for c in row.columns] for row in table.rows]
        if all(cells[r] is not None for refs in rows for r in refs):
            continue
        if out is None:
            out = dict(cells)
        blank_rows = [refs for refs in rows if not _row_as_published(refs, cells, out)]
        columns_filled = {r.column for refs in rows for r in refs if cells[r] is not None}
        for refs in blank_rows:
            for r in refs:
                if r.column in columns_filled:
                    out[r] = 0
    return cells if out is None else out
