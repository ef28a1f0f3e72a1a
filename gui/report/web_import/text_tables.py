"""The three tables of a pasted text: lines → rows → the grids the builder reads (gui/report/published/).

Pasted text has no cell positions: a browser's copy separates cells by tabs (an empty cell stays,
between two tabs), a PDF's text by spaces (an empty cell vanishes), and a label may wrap over
several lines before its numbers. So each row's values are counted against the columns the row
must have (FORMAT.md §3–5: 3 or 1 in 表二, 7 in 表三, 15 in 表四); only a row with exactly that
many is placed, in the official column order. Any other row is left blank and named in the summary.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..form import ACTIVE, APPEALS, APPEALS_COLUMNS, REQUESTS, REQUESTS_COLUMNS
from ..published import quote
from ..published.grid import Grid as Table, Slot
from ..published.labels import is_blank_mark, normalise
from ..published.tables import ACTIVE_ROWS, BODY_ONLY, REQUEST_ROWS, is_old_label

_NUMBER = re.compile(r"\d[\d,，]*(?:[.．]\d+)?(?:件|个|条|万元|万|元)?")
APPEALS_WIDTH = len(APPEALS.rows) * len(APPEALS_COLUMNS)
REQUESTS_WIDTH = len(REQUESTS_COLUMNS)
_FIRST_DATA = {"requests": min(c.col for c in REQUESTS.grid if c.role == "data")}
# every printed label of a table: a line made only of these is the table's header, not prose
_VOCABULARY = {t.key: "|".join(normalise(c.text) for c in t.grid if c.text) + "|" +
               "|".join(normalise(p) for r in t.rows for p in r.path) for t in (ACTIVE, REQUESTS, APPEALS)}


def is_value(token: str) -> bool:
    """A cell holding a number, a `/` or a dash (blank marks stay blank later)."""
    t = unicodedata.normalize("NFKC", token).strip()
    return bool(t) and (bool(_NUMBER.fullmatch(t)) or is_blank_mark(t))


@dataclass
class Line:
    """One line of a table section: its label part and its value cells."""
    text: str
    label: str
    values: list[str]
    pieces: list[str] = field(default_factory=list)     # the label's own cells (tabs) or the label
    soft_end: bool = False      # the line ended with a tab: its last (empty) cell may be a separator


def split_line(text: str) -> Line:
    if "\t" in text:
        cells = [c.strip() for c in text.split("\t")]
        soft = len(cells) > 1 and not cells[-1]
    else:
        cells, soft = text.split(), False
    last_label = max((i for i, c in enumerate(cells) if c and not is_value(c)), default=-1)
    pieces = [c for c in cells[:last_label + 1] if c]
    if "\t" not in text:
        pieces = [" ".join(pieces)] if pieces else []
    return Line(text, " ".join(pieces), cells[last_label + 1:], pieces, soft)


@dataclass
class TextRow:
    labels: list[str]                 # the label's pieces, wrapped lines first
    values: list[str]
    soft: int = 0                     # how many trailing values are separators that may be dropped
    lines: list[str] = field(default_factory=list)

    def fitted(self, width: int) -> list[str] | None:
        """The values when there are exactly `width` (after dropping separator cells), else None."""
        values = list(self.values)
        soft = self.soft
        while len(values) > width and soft and values[-1] == "":
            values.pop()
            soft -= 1
        return values if len(values) == width else None


def is_table_text(table: str, text: str) -> bool:
    """A line of the table's printed header or labels (perhaps one piece of a wrapped label)."""
    words = text.split()
    return bool(words) and all(normalise(w) and normalise(w) in _VOCABULARY[table] for w in words)


@dataclass
class TextTable:
    key: str
    rows: list[TextRow] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)       # lines that are not part of the table
    headers: list[str] = field(default_factory=list)     # header lines (kept for the 2019 labels)


MAX_LABEL_PIECES = 4


def active_label(labels: list[str]) -> tuple[str | None, str]:
    """(row key, the label as typed) of 表二 from the last pieces of a wrapped label."""
    for n in range(1, min(len(labels), MAX_LABEL_PIECES) + 1):
        typed = "".join(labels[-n:])
        key, _ = ACTIVE_ROWS.match(typed)
        if key:
            return key, typed
    return None, labels[-1] if labels else ""


def is_row_label(table: str, labels: list[str]) -> bool:
    """The label of a data row (not a header line), so that its empty cells are its values."""
    if not labels:
        return False
    if table == "active":
        return active_label(labels)[0] is not None
    if table == "requests":
        joined = normalise("".join(labels[-MAX_LABEL_PIECES:]))
        return (REQUEST_ROWS.match(labels[-1])[0] is not None or normalise(labels[-1]) in BODY_ONLY
                or any(joined.endswith(label) for label in REQUEST_ROWS.exact))
    return False


def _width(table: str, row: TextRow) -> int | None:
    if table == "requests":
        return REQUESTS_WIDTH
    if table == "appeals":
        return APPEALS_WIDTH
    key, _ = active_label(row.labels)
    return len(ACTIVE.row(key).columns) if key else None


def collect(table: str, lines: list[str]) -> TextTable:
    """Group the lines of one table section into rows: a row's values follow its label, on the same
    line or on the next lines (a wrapped label); values on the lines after an incomplete row
    continue it (a browser's copy of cells holding paragraphs puts each cell on a line)."""
    out = TextTable(table)
    pending: list[str] = []
    current: TextRow | None = None
    for text in lines:
        if not text.strip():
            continue
        line = split_line(text)
        empty_row = not any(line.values) and not is_row_label(table, pending + line.pieces)
        if not line.values or empty_row:
            current = None
            if is_table_text(table, line.label) or is_old_label(line.label) or any(
                    is_old_label(w) for w in line.label.split()):
                pending.append(line.label)
                out.headers.append(line.label)
            else:
                out.prose.append(text.strip())
            continue
        width = _width(table, current) if current else None
        if current is not None and not line.label and width and len(current.values) - current.soft < width:
            current.values += line.values
            current.soft += int(line.soft_end)
            current.lines.append(text.strip())
            continue
        labels = pending + line.pieces
        current = TextRow(labels, list(line.values), int(line.soft_end), [text.strip()])
        out.rows.append(current)
        pending = []
    return out


# ── the grids, laid out as form.py lays the printed tables ──────────────────────────────
def _labels(labels: list[str], first_data: int) -> list[Slot]:
    """Label pieces in the label columns (the earliest pieces joined into the first)."""
    if not labels:
        return []
    pieces = labels[-first_data:]
    if len(labels) > first_data:
        pieces[0] = "".join(labels[:len(labels) - first_data + 1])
    return [Slot(i, 1, text) for i, text in enumerate(pieces)]


def _official_header(table) -> list[list[Slot]]:
    rows: dict[int, list[Slot]] = {}
    for cell in table.grid:
        if cell.role in ("header", "note") and cell.text:
            rows.setdefault(cell.row, []).append(Slot(cell.col, cell.colspan, cell.text))
    return [sorted(r, key=lambda s: s.col) for _, r in sorted(rows.items())]


def _shown(row: TextRow) -> str:
    return quote(" ".join(v or "（空）" for v in row.values))


def active_grid(found: TextTable, notes: list[str], unplaced: set[str]) -> Table:
    grid = Table()
    for header in found.headers:
        words = header.split()
        if any(is_old_label(w) for w in words) or is_old_label(header):
            grid.rows.append([Slot(i, 1, w) for i, w in enumerate(words)])
        elif normalise(header).startswith("第二十条"):
            grid.rows.append([Slot(0, 4, header)])
    for row in found.rows:       # a wrong count of values is named by the shared path (active.py)
        key, label = active_label(row.labels)
        width = len(ACTIVE.row(key).columns) if key else None
        values = (row.fitted(width) if width else None) or row.values
        grid.rows.append([Slot(0, 1, label)] + [Slot(1 + i, 1, v) for i, v in enumerate(values)])
    return grid


def requests_grid(found: TextTable, notes: list[str], unplaced: set[str]) -> Table:
    first = _FIRST_DATA["requests"]
    grid = Table([[Slot(first + i, 1, c.label) for i, c in enumerate(REQUESTS_COLUMNS)]])
    for row in found.rows:
        values = row.fitted(REQUESTS_WIDTH)
        if values is None:
            name = quote("".join(row.labels[-2:])) if row.labels else "（没有标签的一行）"
            notes.append(f"{REQUESTS.short_name}中{name}行应有 {REQUESTS_WIDTH} 个数字，文本中是 {len(row.values)} 个"
                         f"（{_shown(row)}），无法确定各属哪一列，已留空。")
            values = []             # no cell under the columns: nothing is placed, nothing counted twice
        grid.rows.append(_labels(row.labels, first) + [Slot(first + i, 1, v) for i, v in enumerate(values)])
    return grid


def appeals_grid(found: TextTable, notes: list[str], unplaced: set[str]) -> Table:
    grid = Table(_official_header(APPEALS))
    if not found.rows:
        return grid
    values = [v for row in found.rows for v in row.values]
    soft = sum(row.soft for row in found.rows)
    joined = TextRow([], values, soft if found.rows[-1].soft else 0)
    fitted = joined.fitted(APPEALS_WIDTH)
    if fitted is None:
        lines = " / ".join(line for row in found.rows for line in row.lines)
        notes.append(f"{APPEALS.short_name}的数字{quote(lines)}共 {len(values)} 个，应为 {APPEALS_WIDTH} 个"
                     f"（行政复议、未经复议直接起诉、复议后起诉各 5 个）：无法确定各属哪一列，全部留空，请对照原报告填写。")
        unplaced.add(APPEALS.key)            # its cells are not empty in the text, only not placed
        fitted = [""] * APPEALS_WIDTH
    grid.rows.append([Slot(i, 1, v) for i, v in enumerate(fitted)])
    return grid


GRIDS = {"active": active_grid, "requests": requests_grid, "appeals": appeals_grid}
