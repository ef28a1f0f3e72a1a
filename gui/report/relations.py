"""The arithmetic relations of tables 三 and 四 (FORMAT.md §7 R1–R4) as data, and the engine that checks them.

Every relation is "sum of `left` = sum of `right`", built once at import from gui/report/form.py, so
the rules never name a row or column by hand. `target` is the cell a message points at and that
`expected` is computed for; `fixable` says whether filling `target` with `expected` is a safe fix
(only computed totals are: R1's 结转下年度 is a count the clerk has to know).
"""
from __future__ import annotations

from dataclasses import dataclass

from . import suspects
from .form import (APPEALS, APPEALS_COLUMNS, APPLICANT_COLUMNS, DETAIL_ROWS, MAX_COUNT, REQUESTS,
                   REQUESTS_COLUMNS, RESULTS, TABLE_BY_KEY, CellRef, column_of, describe)
from .problems import ERROR, Fix, Problem

TOTAL = REQUESTS_COLUMNS[-1].key          # "total": the 总计 column of 三 and 四, and 三's （七）总计 row
CARRY_IN, CARRY_OUT, NEW = "carry_in", "carry_out", "new"


@dataclass(frozen=True)
class SumRelation:
    rule: str
    key: str                              # stable identity: rule + location
    step: str                             # the wizard step (Section key)
    left: tuple[CellRef, ...]
    right: tuple[CellRef, ...]
    target: CellRef
    fixable: bool
    scope: str                            # how the message starts: 表三「自然人」列

    @property
    def cells(self) -> tuple[CellRef, ...]:
        return self.left + self.right


def row_name(table: str, row: str) -> str:
    """The row in official labels, without the enclosing 三、本年度办理结果 (as form.describe does)."""
    return "—".join(p for p in TABLE_BY_KEY[table].row(row).path if p != RESULTS)


def _cell_name(ref: CellRef, along: str) -> str:
    """A cell inside a relation's message: its row when the relation runs down a column, else its column."""
    return row_name(ref.table, ref.row) if along == "column" else column_of(ref).label


def _requests_relations() -> list[SumRelation]:
    out = []
    req = "requests"
    short = REQUESTS.short_name
    for col in REQUESTS_COLUMNS:
        c = col.key
        scope = f"{short}「{col.label}」列"
        out.append(SumRelation(
            "R1", f"R1:{req}:{c}", req,
            (CellRef(req, NEW, c), CellRef(req, CARRY_IN, c)),
            (CellRef(req, TOTAL, c), CellRef(req, CARRY_OUT, c)),
            CellRef(req, CARRY_OUT, c), False, scope))
        out.append(SumRelation(
            "R2", f"R2:{req}:{c}", req,
            (CellRef(req, TOTAL, c),), tuple(CellRef(req, r, c) for r in DETAIL_ROWS),
            CellRef(req, TOTAL, c), True, scope))
    for row in REQUESTS.rows:
        out.append(SumRelation(
            "R3", f"R3:{req}:{row.key}", req,
            (CellRef(req, row.key, TOTAL),), tuple(CellRef(req, row.key, c) for c in APPLICANT_COLUMNS),
            CellRef(req, row.key, TOTAL), True, f"{short}「{row_name(req, row.key)}」行"))
    return out


def _appeals_relations() -> list[SumRelation]:
    total = APPEALS_COLUMNS[-1].key
    parts = [c.key for c in APPEALS_COLUMNS[:-1]]
    return [SumRelation("R4", f"R4:appeals:{row.key}", APPEALS.section,
                        (CellRef("appeals", row.key, total),),
                        tuple(CellRef("appeals", row.key, c) for c in parts),
                        CellRef("appeals", row.key, total), True,
                        f"{APPEALS.short_name}「{row_name('appeals', row.key)}」")
            for row in APPEALS.rows]


RELATIONS: tuple[SumRelation, ...] = tuple(_requests_relations() + _appeals_relations())
# The relations whose target is a computed total: the ones that give the wizard's grey hints.
TOTAL_RELATIONS = tuple(r for r in RELATIONS if r.fixable)
_COMPUTED = frozenset(r.target for r in TOTAL_RELATIONS)
_RELATIONS_OF: dict[CellRef, list[SumRelation]] = {}
for _rel in RELATIONS:
    for _ref in _rel.cells:
        _RELATIONS_OF.setdefault(_ref, []).append(_rel)


def _terms(refs, values, along) -> str:
    return " + ".join(f"{_cell_name(ref, along)} {v}" for ref, v in zip(refs, values))


def _message(rel: SumRelation, lv: list[int], rv: list[int]) -> str:
    ls, rs = sum(lv), sum(rv)
    diff = abs(ls - rs)
    if rel.rule == "R1":
        return (f"{rel.scope}：{_terms(rel.left, lv, 'column')} = {ls}，但{_terms(rel.right, rv, 'column')} = {rs}，"
                f"相差 {diff}（本列应满足：第一项加第二项之和，等于第三项加第四项之和）。")
    if rel.rule == "R2":
        first, last = REQUESTS.row(DETAIL_ROWS[0]).path[1], REQUESTS.row(DETAIL_ROWS[-1]).path[1]
        return (f"{rel.scope}：{row_name('requests', TOTAL)} {ls}，但{first}至{last}各项之和为 {rs}，"
                f"相差 {diff}。")
    if rel.rule == "R3":
        cols = REQUESTS_COLUMNS
        return (f"{rel.scope}：{cols[-1].label} {ls}，但「{cols[0].label}」至「{cols[-2].label}」"
                f"{len(APPLICANT_COLUMNS)}列之和为 {rs}，相差 {diff}。")
    return f"{rel.scope}：{APPEALS_COLUMNS[-1].label} {ls}，但{_terms(rel.right, rv, 'row')} = {rs}，相差 {diff}。"


def _expected(rel: SumRelation, values: dict[CellRef, int]) -> int:
    """The value `target` would need for the relation to hold (may be negative)."""
    return suspects.required(rel, values, rel.target)


def _suspect_sentence(suspect: suspects.Suspect, cells) -> str:
    how = f"这 {suspect.relations} 处勾稽关系都成立" if suspect.relations > 1 else "本关系成立"
    return (f"最可能填错的是{describe(suspect.cell)}（现为 {cells[suspect.cell]}，"
            f"改为 {suspect.value} 即可使{how}）。")


def _fix(rel: SumRelation, expected: int, suspect: suspects.Suspect | None) -> Fix | None:
    """Fill the target only where that is safe: a computed total, and not when another cell is the suspect."""
    if suspect is None:
        ok = rel.fixable and 0 <= expected <= MAX_COUNT
        return Fix(f"填入 {expected}", cells=((rel.target, expected),)) if ok else None
    if suspect.cell not in _COMPUTED:
        return None              # a count the clerk has to know: point at it, never fill it in
    label = f"填入 {suspect.value}" if suspect.cell == rel.target else f"{describe(suspect.cell)}填入 {suspect.value}"
    return Fix(label, cells=((suspect.cell, suspect.value),))


def evaluate(cells: dict[CellRef, object]) -> list[Problem]:
    """One error per broken relation whose cells are all filled (blank ones are BLANK's business)."""
    broken = []
    for rel in RELATIONS:
        lv = [cells[r] for r in rel.left]
        rv = [cells[r] for r in rel.right]
        if None in lv or None in rv or sum(lv) == sum(rv):
            continue
        broken.append((rel, lv, rv))
    if not broken:
        return []
    found = suspects.find([b[0] for b in broken], _RELATIONS_OF, cells)
    out = []
    for rel, lv, rv in broken:
        suspect = found.get(rel.key)
        expected = _expected(rel, cells)
        # A total above MAX_COUNT could not be typed, and a draft holding it could not be reopened.
        # When another cell is the suspect, the target's own value to balance would only move the error.
        shown = expected if expected >= 0 and (suspect is None or suspect.cell == rel.target) else None
        message = _message(rel, lv, rv) + (_suspect_sentence(suspect, cells) if suspect else "")
        out.append(Problem(rel.rule, ERROR, message, rel.step, rel.target, rel.cells,
                           expected=shown, actual=cells[rel.target], fix=_fix(rel, expected, suspect),
                           key=rel.key, fingerprint=",".join(map(str, lv)) + "|" + ",".join(map(str, rv)),
                           suspect=suspect.cell if suspect else None))
    return out


def hints(cells: dict[CellRef, object]) -> dict[CellRef, int]:
    """For a blank total whose addends are all filled: the value it should have."""
    out: dict[CellRef, int] = {}
    for rel in TOTAL_RELATIONS:
        if cells[rel.target] is not None or rel.target in out:
            continue
        if any(cells[r] is None for r in rel.cells if r != rel.target):
            continue
        value = _expected(rel, cells)
        if 0 <= value <= MAX_COUNT:
            out[rel.target] = value
    return out
