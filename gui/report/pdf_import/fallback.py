"""Tables typed as text, without ruling lines: within sections 二, 三 and 四 each line becomes a
row — its label and the numbers standing apart after it (columns by x) — so the shared path can
place them by label (or, for table 四, by the official order). A label wrapped over lines above
its numbers is joined to them when only the joined label is one of table 三's.
"""
from __future__ import annotations

import re

from ..published.structure import heading_of
from ..published.tables import ACTIVE_ROWS, match_request_row
from ..published.labels import APPROXIMATE
from ..published.grid import Grid
from .layout import Line

_ROW = re.compile(r"^(?P<label>.*?)\s*(?P<numbers>(?:(?<![\d.])\d[\d,]*(?:\.\d+)?(?:\s+|$))+)$")
TABLE_SECTIONS = (1, 2, 3)      # 二、三、四 (section indexes)


def _known(label: str) -> bool:
    for match in (match_request_row, ACTIVE_ROWS.match):
        key, how = match(label)
        if key is not None and how != APPROXIMATE:
            return True
    return False


def _rows(lines: list[Line]) -> list[list[str]]:
    rows, pending = [], []
    for line in lines:
        found = _ROW.match(line.text + " ")
        if not found or not found.group("numbers").strip():
            pending.append(line.text)
            rows.append([line.text])
            continue
        label, numbers = found.group("label").strip(), found.group("numbers").split()
        for n in range(len(pending), 0, -1):
            joined = "".join(pending[-n:]) + label
            if not _known(label) and _known(joined):
                label = joined
                break
        pending = []
        rows.append([label, *numbers] if label else numbers)
    return rows


def text_tables(flow: list) -> tuple[list, bool]:
    """The flow with the lines of sections 二–四 replaced by one grid each; whether any was made."""
    out, section, block = [], -1, []
    made = False

    def close():
        nonlocal made
        if block:
            rows = _rows(block)
            if any(len(r) > 1 for r in rows):
                out.append(Grid.from_rows(rows))
                made = True
            else:
                out.extend(block)
            block.clear()

    for item in flow:
        found = heading_of(item.text, section) if isinstance(item, Line) else None
        if found is not None:
            close()
            section = found[0]
            out.append(item)
            continue
        if section in TABLE_SECTIONS and isinstance(item, Line):
            block.append(item)
        else:
            out.append(item)
    close()
    return out, made
