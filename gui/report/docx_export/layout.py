"""Column widths, label line breaks and page-break keeps of the printed tables (deterministic).

Widths come from arithmetic, not from a renderer: a Times New Roman digit is 0.5 em, a Chinese
character 1 em, a cell loses its left and right margins. Tables 三 and 四 are sized from the widest
figure actually present, inside the fixed 156 mm: label columns give up width down to a minimum;
when that is not enough the cell margins narrow, then the table font goes down one step (五号 →
小五), and only table 四 with 15 columns of nine digits (which no font one step down can hold)
condenses its digits horizontally. A figure never wraps.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..cells import format_value
from ..form import Table
from .labels import good_widths

TEXT_WIDTH = 8844          # 156 mm, the GB/T 9704 text block, in twips
SIZE_5, SIZE_SMALL_5 = 21, 18                       # 五号 10.5 pt, 小五 9 pt, in half-points
# (font size, cell margin each side in twips): tried in order until every figure fits.
STEPS = ((SIZE_5, 57), (SIZE_5, 28), (SIZE_5, 17), (SIZE_SMALL_5, 17))
SLACK = 20                 # twips of play so a renderer's rounding cannot push a digit over
DIGIT_EM = 0.5
SIZED = ("requests", "appeals")
# Narrowest label columns of 表三, in characters: one line of the vertical label (its height), 「（三）」 of a
# group label, and item labels that still read as text.
LABEL_MIN_CHARS = {"requests": {0: 1.5, 1: 3, 2: 5}}
HEADER_MIN_CHARS = 2       # 「结果/维持」, 「社会/公益/组织」: two-character words


@dataclass(frozen=True)
class Layout:
    widths: list[int]
    size: int              # half-points of the table text
    margin: int            # twips left and right inside each cell
    scale: int = 100       # horizontal scale of the figures, percent


def _twips(chars: float, size: int) -> int:
    return math.ceil(chars * size * 10)


def weighted(weights, total: int = TEXT_WIDTH) -> list[int]:
    """Integer twips per grid column, proportional to the weights, summing exactly to total."""
    whole = sum(weights)
    edges = [round(total * sum(weights[:i]) / whole) for i in range(len(weights) + 1)]
    return [b - a for a, b in zip(edges, edges[1:])]


def widest_figures(table: Table, report) -> dict[int, int]:
    """{grid column: characters of the longest figure printed in it} for one-column data cells."""
    widest: dict[int, int] = {}
    for cell in table.grid:
        if cell.role == "data" and cell.colspan == 1:
            widest[cell.col] = max(widest.get(cell.col, 1), len(format_value(report.get(cell.ref))))
    return widest


def _minimums(table: Table, widest: dict[int, int], size: int, margin: int, scale: int) -> list[int]:
    pad = 2 * margin + SLACK
    mins = []
    for col in range(table.grid_cols):
        if col in widest:
            figure = _twips(widest[col] * DIGIT_EM * scale / 100, size)
            mins.append(max(figure, _twips(HEADER_MIN_CHARS, size)) + pad)
        else:
            mins.append(_twips(LABEL_MIN_CHARS.get(table.key, {}).get(col, 1), size) + pad)
    return mins


def _fit(base: list[int], mins: list[int], total: int) -> list[int] | None:
    """Each column at least its minimum, the rest of the width shared by what was above it."""
    if sum(mins) > total:
        return None
    widths = [max(b, m) for b, m in zip(base, mins)]
    over = sum(widths) - total
    spare = [w - m for w, m in zip(widths, mins)]
    if over > 0:
        give = sum(spare)
        widths = [m + s - math.ceil(s * over / give) for m, s in zip(mins, spare)]
    widths[max(range(len(widths)), key=lambda i: widths[i] - mins[i])] += total - sum(widths)
    return widths


def table_layout(table: Table, report, total: int = TEXT_WIDTH) -> Layout:
    base = weighted(table.col_weights, total)
    if table.key not in SIZED:
        return Layout(base, SIZE_5, STEPS[0][1])
    widest = widest_figures(table, report)
    for size, margin in STEPS:
        mins = _minimums(table, widest, size, margin, 100)
        widths = _fit(base, mins, total)
        if widths:
            return _between_words(table, Layout(widths, size, margin), mins)
    size, margin = STEPS[-1]
    for scale in range(95, 0, -5):
        mins = _minimums(table, widest, size, margin, scale)
        widths = _fit(base, mins, total)
        if widths:
            return _between_words(table, Layout(widths, size, margin, scale), mins)
    raise ValueError(f"{table.key}: figures too wide for the page")


# ── label lines ──
def wrapping_labels(table: Table) -> dict[int, list[str]]:
    """{grid column: the labels of one column width that wrap in it}: headers over one column and
    the group labels of 表三 spanning rows (「（三）不予公开」); not the vertical 「三、本年度办理结果」."""
    found: dict[int, list[str]] = {}
    for cell in table.grid:
        if cell.colspan == 1 and (cell.role == "header" or (
                cell.role == "label" and cell.rowspan > 1 and cell.col > 0)):
            found.setdefault(cell.col, []).append(cell.text)
    return found


def _between_words(table: Table, layout: Layout, mins: list[int]) -> Layout:
    """Column widths moved by whole characters so that every label wraps between words
    (labels.py): the width a column needs is taken first from what other columns hold beyond
    their own line of text, then from the item labels of 表三 (column C); a figure keeps its room."""
    if table.key != "requests":
        return layout
    widths = list(layout.widths)
    one = layout.size * 10
    pad = 2 * layout.margin + SLACK
    labelled = wrapping_labels(table)

    def floor(col: int) -> int:
        if col in labelled:
            return max(mins[col], chars_per_line(widths[col], layout) * one + pad)
        return mins[col]

    for col, texts in labelled.items():
        now = chars_per_line(widths[col], layout)
        good = good_widths(texts, now + 4)
        if now in good or not good:
            continue
        for n in sorted(good, key=lambda g: (abs(g - now), g > now)):
            target = max(n * one + pad, mins[col])
            if chars_per_line(target, layout) != n:
                continue
            need = target - widths[col]
            others = [c for c in range(len(widths)) if c not in (col, 2)]
            spare = {c: max(0, widths[c] - floor(c)) for c in others + [2]}
            donors = others if need <= sum(spare[c] for c in others) else others + [2]
            if need > sum(spare[c] for c in donors):
                continue
            if need > 0:                 # in proportion to what each can spare
                total = sum(spare[c] for c in donors)
                gives = {c: need * spare[c] // total for c in donors}
                gives[max(donors, key=lambda c: spare[c] - gives[c])] += need - sum(gives.values())
            else:
                gives = {2: need}
            for c, give in gives.items():
                widths[c] -= give
            widths[col] = target
            break
    return Layout(widths, layout.size, layout.margin, layout.scale)


# Where an organ's full name may break: after the name of a level or a kind of body.
ORGAN_ENDS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "人民政府", "办公室", "办事处",
              "委员会", "街道", "中心", "省", "市", "区", "县", "旗", "盟", "州", "镇", "乡", "局",
              "厅", "委", "办", "部", "署", "院", "所", "站", "处", "队")


def organ_words(organ: str) -> list[str]:
    """「内蒙古自治区|呼和浩特市|赛罕区|人民政府|办公室」: a level closes a word only after at least
    one character of name, so 「镇江市」 and 「市场监督管理局」 stay whole."""
    out, current, i = [], "", 0
    while i < len(organ):
        end = next((e for e in ORGAN_ENDS if organ.startswith(e, i) and (current or len(e) > 1)), None)
        if end:
            out.append(current + end)
            current, i = "", i + len(end)
        else:
            current += organ[i]
            i += 1
    return out + ([current] if current else [])


def organ_lines(organ: str, chars: int) -> list[str]:
    """The organ's name in lines of at most `chars` characters, broken between its words."""
    lines = [""]
    for word in organ_words(organ):
        for piece in ([word] if len(word) <= chars else [word[i:i + chars] for i in range(0, len(word), chars)]):
            if lines[-1] and len(lines[-1]) + len(piece) > chars:
                lines.append("")
            lines[-1] += piece
    return lines


def chars_per_line(width: int, layout: Layout) -> int:
    return max(1, int((width - 2 * layout.margin - SLACK) // (layout.size * 10)))


# ── page breaks ──
def results_span(table: Table):
    """「三、本年度办理结果」: the label cell of 表三 spanning rows in the first column."""
    return next(c for c in table.grid if c.role == "label" and c.col == 0 and c.rowspan > 1)


def kept_rows(table: Table, layout: Layout) -> set[int]:
    """Grid rows kept on the page of the row below them (keep-with-next on their paragraphs).

    表二: each 第二十条 block (heading, column header, its rows) stays whole. 表三: the header
    with the first two rows; the rows from （一） to the end of （三） (room for the whole
    vertical label, set at their top); each later group; （七） with 四、. 表三 may so break
    between groups wherever its start falls on the page: at most one group's height (about a
    third of a page) is left empty at a page's foot, where keeping （一）…四、 whole could leave
    two thirds. 表四: all four rows together.
    """
    last = table.grid_rows - 1
    if table.key == "active":
        starts = {c.row for c in table.grid if c.role == "title"}
        return {r for r in range(last) if r + 1 not in starts}
    if table.key != "requests":
        return set(range(last))
    span = results_span(table)
    keep = set(range(span.row - 1))
    groups = [c for c in table.grid if c.role == "label" and c.col == 1 and c.rowspan > 1]
    for group in groups:
        keep |= set(range(group.row, group.row + group.rowspan - 1))
    keep |= set(range(span.row, groups[0].row))                 # （一）, （二） with （三）
    keep |= set(range(span.row + span.rowspan - 1, last))      # （七） with 四、
    return keep
