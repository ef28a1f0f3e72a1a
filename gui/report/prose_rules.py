"""R9 and R9U: the figures the narratives state (prose.py) against tables 三 and 四.

R9: every 「N件」 read for a row group of 三 (新收, 上年结转, 予以公开 … 其他处理, 办结, 结转下年度) or a
part of 四 (行政复议/行政诉讼, 维持, 纠正, 其他结果, 尚未审结) that differs from the table.
R9U: 「均获维持」 while table 四 shows 纠正, 其他结果 or 尚未审结 (or no case at all).
"""
from __future__ import annotations

from .form import REQUESTS_BODY, TEXT_FIELDS, CellRef, describe
from .places import field_name
from .problems import TEXT_PREFIX, WARNING, Problem
from .prose import (ALL_DONE, ALL_UPHELD, AND, CARRY_IN, CARRY_OUT, DENY, DONE, HANDLED, NEW, NONE, NOPROC, NOT_HELD,
                    OPEN, OTHER_PROC, PARTIAL, REVIEW, SUIT, SUIT_AFTER, SUIT_DIRECT, UNABLE, Statement,
                    statements)
from .prose_active import doc_statements
from .prose_cells import filled_as_published

R9 = "R9"            # a figure in the narratives differs from tables 三/四
R9U = "R9U"          # 「均获维持」 against 纠正/其他结果/尚未审结 in table 四

_NEW = CellRef("requests", "new", "total")
_CARRY_IN = CellRef("requests", "carry_in", "total")
_TOTAL = CellRef("requests", "total", "total")


def _rows(prefix: str) -> tuple[str, ...]:
    return tuple(key for key, *_ in REQUESTS_BODY if key.startswith(prefix))


# statement kind → the rows of 表三 whose 总计 it states (several rows: their sum)
REQUEST_ROWS = {
    CARRY_IN: ("carry_in",), CARRY_OUT: ("carry_out",), OPEN: ("open",), PARTIAL: ("partial",),
    DENY: _rows("deny_"), UNABLE: _rows("unable_"), NOT_HELD: ("unable_1",), NOPROC: _rows("noproc_"),
    OTHER_PROC: _rows("other_"), DONE: ("total",),
}
APPEAL_ROWS = {REVIEW: ("review",), SUIT: ("suit_direct", "suit_after_review"),
               SUIT_DIRECT: ("suit_direct",), SUIT_AFTER: ("suit_after_review",)}
_NOT_UPHELD = ("corrected", "other", "pending")


def _words(refs: tuple[CellRef, ...], values: list[int], label: str | None) -> str:
    total = sum(values)
    if len(refs) == 1:
        return f"{describe(refs[0])}为 {total} 件"
    if label:
        return f"表三「{label}」各项的「总计」列合计为 {total} 件"
    return "、".join(f"{describe(r)} {x} 件" for r, x in zip(refs, values)) + f"，共 {total} 件"


def _sum_side(refs: tuple[CellRef, ...], cells, label: str | None):
    """(cells, accepted values, figure, words) — words is a function: built only for a message."""
    values = [cells[r] for r in refs]
    if None in values:
        return None
    total = sum(values)
    return refs, {total}, total, lambda: _words(refs, values, label)


_GROUP_OF_ROW = {key: b for key, _, b, _ in REQUESTS_BODY}


def _request_label(rows: tuple[str, ...]) -> str | None:
    return _GROUP_OF_ROW.get(rows[0]) if len(rows) > 1 else None


def _table_side(st: Statement, cells):
    """The cells a statement is about, the values that agree with it, the tables' figure, its words."""
    kind = st.kind
    if AND in kind:                 # 「予以公开及部分公开42件」: the rows of both, summed
        parts = kind.split(AND)
        table = REQUEST_ROWS if parts[0] in REQUEST_ROWS else None
        if table is not None:
            rows = tuple(r for k in parts for r in table[k])
            return _sum_side(tuple(CellRef("requests", r, "total") for r in rows), cells, None)
        rows = tuple(r for k in parts for r in APPEAL_ROWS[k])
        return _sum_side(tuple(CellRef("appeals", r, "total") for r in rows), cells, None)
    if kind == HANDLED:             # 「办理政府信息公开申请218件」: the applications concluded, or received
        total, new, carry = cells[_TOTAL], cells[_NEW], cells[_CARRY_IN]
        if total is None:
            return None
        accepted = {total} | ({new} if new is not None else set()) | (
            {new + carry} if new is not None and carry is not None else set())
        return (_TOTAL,), accepted, total, lambda: f"{describe(_TOTAL)}为 {total} 件"
    if kind == ALL_DONE:            # 「所有申请均已办理完成」 against 结转下年度继续办理
        return _sum_side((CellRef("requests", "carry_out", "total"),), cells, None)   # agrees only with 0
    if kind in (NEW, NONE):
        new = cells[_NEW]
        if new is None:
            return None
        if kind == NEW and st.carry:
            carry = cells[_CARRY_IN]
            if carry is None:
                return None
            words = lambda: f"{describe(_NEW)} {new} 件加{describe(_CARRY_IN)} {carry} 件共 {new + carry} 件"  # noqa: E731
            if st.carry == "with":
                return (_NEW, _CARRY_IN), {new + carry}, new + carry, words
            if st.carry == "either":      # 收到/受理 N件: writers mean 新收, or 新收 and 上年结转
                return (_NEW,), {new, new + carry}, new, lambda: f"{describe(_NEW)}为 {new} 件"
            return (_NEW, _CARRY_IN), {new, new + carry}, new, words
        return (_NEW,), {new}, new, lambda: f"{describe(_NEW)}为 {new} 件"
    if kind in REQUEST_ROWS:
        rows = REQUEST_ROWS[kind]
        return _sum_side(tuple(CellRef("requests", r, "total") for r in rows), cells, _request_label(rows))
    group, _, part = kind.partition(".")
    column = part or "total"
    side = _sum_side(tuple(CellRef("appeals", r, column) for r in APPEAL_ROWS[group]), cells, None)
    if side is not None and part and group in (SUIT_DIRECT, SUIT_AFTER):
        # 「复议后起诉1件，维持1件」: the 维持 may be of that row or of all suits
        whole = _sum_side(tuple(CellRef("appeals", r, column) for r in APPEAL_ROWS[SUIT]), cells, None)
        if whole is not None:
            side = (side[0], side[1] | whole[1], side[2], side[3])
    return side


def _where(field_key: str) -> str:
    return field_name(TEXT_PREFIX + field_key)


def _all_upheld(field_key: str, st: Statement, cells, section: str, n: int) -> Problem | None:
    group = st.kind.partition(".")[0]
    rows = APPEAL_ROWS[SUIT if group in (SUIT_DIRECT, SUIT_AFTER) else group]
    refs = tuple(CellRef("appeals", r, c) for r in rows for c in _NOT_UPHELD)
    totals = tuple(CellRef("appeals", r, "total") for r in rows)
    if any(cells[r] is None for r in refs + totals):
        return None
    wrong = [r for r in refs if cells[r]]
    if wrong:
        said = "、".join(f"{describe(r)}为 {cells[r]} 件" for r in wrong)
        message = f"{_where(field_key)}写「{st.snippet}」，但{said}：并非全部维持。"
        cited = tuple(wrong)
    elif not sum(cells[r] for r in totals):
        said = "、".join(f"{describe(r)}为 0 件" for r in totals)
        message = f"{_where(field_key)}写「{st.snippet}」，但{said}：没有可维持的案件。"
        cited = totals
    else:
        return None
    return Problem(R9U, WARNING, message, section, cells=cited, field=TEXT_PREFIX + field_key,
                   actual=sum(cells[r] for r in wrong) if wrong else 0, expected=0,
                   key=f"{R9U}:{field_key}:{group}:{n}",
                   fingerprint=",".join(str(cells[r]) for r in refs + totals), passage=st.span)


def check_r9(report) -> list[Problem]:
    """R9 and R9U: a warning for every figure in the narratives that disagrees with the tables."""
    out = []
    year = report.info.year
    cells = filled_as_published(report.cells)
    for field in TEXT_FIELDS:
        text = report.texts.get(field.key, "")
        if not text:
            continue
        seen: dict[str, int] = {}
        for st in statements(field.key, text):
            n = seen[st.kind] = seen.get(st.kind, -1) + 1
            # 「结转到2025年度办理的1件」 in the 2024 report is this year's carry-over
            if year and any(y != year and not (st.kind == CARRY_OUT and y == year + 1) for y in st.years):
                continue
            if st.kind.endswith(ALL_UPHELD):
                problem = _all_upheld(field.key, st, cells, field.section, n)
                if problem:
                    out.append(problem)
                continue
            side = _table_side(st, cells)
            if side is None or st.value in side[1]:
                continue
            refs, _, figure, table_text = side
            stated = {NONE: "未收到申请", ALL_DONE: "没有结转下年度的申请"}.get(st.kind, f"{st.value} 件")
            message = f"{_where(field.key)}写「{st.snippet}」（{stated}），但{table_text()}。"
            out.append(Problem(R9, WARNING, message, field.section, cells=refs,
                               field=TEXT_PREFIX + field.key, expected=figure, actual=st.value,
                               key=f"{R9}:{field.key}:{st.kind}:{n}",
                               fingerprint=f"{st.value}|{','.join(str(cells[r]) for r in refs)}",
                               passage=st.span))
    return out + _documents(report)


def _documents(report) -> list[Problem]:
    """R9 for table 二: 「本年度制发行政规范性文件62件」 against 本年制发, in the narratives of 一."""
    out = []
    year = report.info.year
    for field in TEXT_FIELDS:
        if field.section != "overview" or not report.texts.get(field.key):
            continue
        for n, st in enumerate(doc_statements(report.texts[field.key])):
            ref = CellRef("active", st.row, st.column)
            value = report.cells[ref]
            if value is None or value == st.value or year and any(y != year for y in st.years):
                continue
            out.append(Problem(R9, WARNING, f"{_where(field.key)}写「{st.snippet}」（{st.value} 件），"
                               f"但{describe(ref)}为 {value} 件。", field.section, cells=(ref,),
                               field=TEXT_PREFIX + field.key, expected=value, actual=st.value,
                               key=f"{R9}:{field.key}:{st.row}.{st.column}:{n}",
                               fingerprint=f"{st.value}|{value}", passage=st.span))
    return out
