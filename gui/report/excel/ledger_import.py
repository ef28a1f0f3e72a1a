"""Table 三 from the application ledger (依申请公开登记台账): one row per application.

Every counted application has exactly one 来源 (本年新收 / 上年结转) and exactly one 办理结果 or
尚未办结, so the computed table satisfies R1–R3 by construction. Rows that cannot be counted are
listed with their Excel row number and the reason; they are left out of the table, never guessed.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from .. import form
from ..form import CellRef
from .dates import DateError, parse_date
from .fast_rows import UNCALCULATED, can_read_fast, iter_values
from .headers import Ambiguous, fold, match_header_row
from .ledger_vocab import (FIELD_BY_KEY, HEADER_MATCHER, KIND_MATCHER, KIND_OPTIONS, RESULT_MATCHER,
                           SOURCE_MATCHER, SOURCES, UNFINISHED, UNFINISHED_KEY)
from .safety import ExcelError, open_workbook, sheet_has_formulas

HEADER_SCAN_ROWS = 30
REQUIRED = ("kind", "result")
_TOTAL_WORDS = {"合计", "总计", "小计", "共计", "总数"}
_USED = ("id", "received", "kind", "content", "source", "result", "done")


@dataclass(frozen=True)
class BadRow:
    row: int                  # the Excel row number the clerk sees
    reason: str               # Chinese
    application: str = ""     # its 申请编号, when there is one


@dataclass
class LedgerImport:
    year: int
    values: dict[CellRef, int]                    # every cell of table 三
    bad_rows: list[BadRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)   # field key → the header found
    sheet: str = ""
    counted: int = 0
    new: int = 0
    carry_in: int = 0
    unfinished: int = 0

    @property
    def summary(self) -> str:
        text = (f"{self.year}年台账：计入 {self.counted} 件（本年新收 {self.new} 件，上年结转 {self.carry_in} 件；"
                f"已办结 {self.counted - self.unfinished} 件，结转下年度 {self.unfinished} 件）")
        if self.bad_rows:
            text += f"；{len(self.bad_rows)} 行有问题，未计入"
        return text + "。"


def read_ledger(path, year: int | None = None) -> LedgerImport:
    """Read a ledger workbook; raises ExcelError (Chinese message) when it cannot be used at all."""
    workbook = open_workbook(path, read_only=True, data_only=True)
    try:
        visible = [s for s in workbook.worksheets if getattr(s, "sheet_state", "visible") == "visible"]
        for sheet in visible + [s for s in workbook.worksheets if s not in visible]:
            with _reading(path, sheet.title):
                sheet.reset_dimensions()        # read-only mode trusts recorded dimensions otherwise
                fast = can_read_fast(workbook, sheet)
                rows = _guarded(iter_values(workbook, sheet) if fast else sheet.iter_rows(values_only=True),
                                path, sheet.title)
                head = list(islice(rows, HEADER_SCAN_ROWS))
                found = _find_header(head)
                if found is None:
                    continue
                index, columns = found
                formulas = set()
                if not fast and sheet_has_formulas(workbook, sheet):
                    formulas = _uncalculated_formulas(path, sheet.title, columns, index)
            data = chain(head[index + 1:], rows)
            result = count_rows(data, columns, year, first_row=index + 2, formulas=formulas)
            result.columns = {k: str(head[index][i]).strip() for k, i in columns.items()}
            result.sheet = sheet.title
            return result
    finally:
        workbook.close()
    needed = "」「".join(FIELD_BY_KEY[k].label for k in REQUIRED)
    raise ExcelError(f"在「{Path(path).name}」中找不到台账的表头：表头行应至少包含「{needed}」两列"
                     f"（也可以叫「申请人类别」「答复结果」等），以及「收到日期」或「来源」。")


@contextmanager
def _reading(path, title: str):
    """A part that turns out damaged only while it is read — a failed CRC, a cut-off stream, a value
    openpyxl cannot convert — ends in ExcelError like any other unreadable workbook."""
    try:
        yield
    except ExcelError:
        raise
    except Exception:   # openpyxl and zipfile raise many kinds; the clerk needs one message
        raise ExcelError(f"「{Path(path).name}」的工作表「{title}」已损坏，无法读取：请在 Excel 或 WPS 中"
                         "打开并另存后再导入。") from None


def _guarded(rows, path, title: str):
    with _reading(path, title):
        yield from rows


def _find_header(head: list[tuple]) -> tuple[int, dict[str, int]] | None:
    best = None
    for i, cells in enumerate(head):
        columns = match_header_row(cells, HEADER_MATCHER)
        if all(k in columns for k in REQUIRED) and ("received" in columns or "source" in columns):
            if best is None or len(columns) > len(best[1]):
                best = (i, columns)
    return best


def _uncalculated_formulas(path, title: str, columns: dict[str, int], header: int) -> set:
    """(row number, field) of every formula cell in the used columns (their cached value may be None)."""
    workbook = open_workbook(path, read_only=True, data_only=False)
    found = set()
    try:
        sheet = workbook[title]
        sheet.reset_dimensions()
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number <= header + 1:
                continue
            for key, i in columns.items():
                value = cells[i] if i < len(cells) else None
                if isinstance(value, str) and value.startswith("="):
                    found.add((number, key))
    finally:
        workbook.close()
    return found


def count_rows(rows, columns: dict[str, int], year: int | None, first_row: int = 2,
               formulas: set = frozenset()) -> LedgerImport:
    """Count ledger rows (tuples of cell values) into table 三; `columns` maps field key → index."""
    records, bad, notes, skipped_totals = [], [], [], 0
    used = [(k, columns[k]) for k in _USED if k in columns]
    for number, cells in enumerate(rows, start=first_row):
        if not cells:
            continue
        raw = {k: (cells[i] if i < len(cells) else None) for k, i in used}
        raw = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in raw.items()}
        pending = [k for k, _ in used
                   if raw[k] is UNCALCULATED or (raw[k] is None and (number, k) in formulas)]

        if all(v is None for v in raw.values()) and not pending:
            continue
        if pending:
            names = "」「".join(FIELD_BY_KEY[k].label for k in pending)
            bad.append(BadRow(number, f"「{names}」是公式但没有保存计算结果：请在 Excel 或 WPS 中打开台账、"
                                      "保存后再导入。", _text(raw.get("id"))))
            continue
        record = _parse(number, raw, "received" in columns, "source" in columns)
        if record[-1] and any(isinstance(v, str) and fold(v) in _TOTAL_WORDS for v in raw.values()):
            skipped_totals += 1         # a 合计 line under the table, not an application
            continue
        records.append(record)

    if year is None:
        year = _guess_year(records)
        if year is None:
            raise ExcelError("无法从台账判断报告年度（没有可用的收到日期）：请指定报告年度。")
    use_source = "source" in columns and ("received" not in columns or _usable_sources(records))
    result = LedgerImport(year, {})
    counts: Counter = Counter()
    seen_ids: dict[str, int] = {}
    late = 0
    for number, app_id, received, kind, source, outcome, done, errors in records:
        errors = list(errors)
        if not use_source:
            source = None
        elif source is not None:
            source = _choose(source, SOURCE_MATCHER, "来源", errors, f"应为「{'」或「'.join(SOURCES)}」")
        if source is None and received is not None:
            source = "new" if received.year == year else "carry_in" if received.year < year else None
            if source is None:
                errors.append(f"收到日期 {received} 在 {year} 年之后，不属于本年度")
        elif source is None and not errors:
            errors.append("来源和收到日期都为空，无法判断是本年新收还是上年结转")
        if received is not None and source == "new" and received.year != year:
            errors.append(f"来源为「{SOURCES[0]}」，但收到日期 {received} 不在 {year} 年内")
        if received is not None and source == "carry_in" and received.year >= year:
            errors.append(f"来源为「{SOURCES[1]}」，但收到日期 {received} 不在 {year} 年之前")
        if done is not None:
            if received is not None and done < received:
                errors.append(f"办结日期 {done} 早于收到日期 {received}")
            elif done.year < year:
                errors.append(f"办结日期 {done} 早于 {year} 年，不应计入本年度")
            elif outcome == UNFINISHED_KEY:
                errors.append(f"办理结果为「{UNFINISHED}」，却填了办结日期 {done}")
            elif done.year > year and outcome is not None:
                outcome = UNFINISHED_KEY        # finished only next year: still open on 12月31日
                late += 1
        if app_id:
            if app_id in seen_ids:
                errors.append(f"申请编号「{app_id}」与第 {seen_ids[app_id]} 行重复")
            else:
                seen_ids[app_id] = number
        if errors:
            bad.append(BadRow(number, "；".join(errors) + "。", app_id))
            continue
        counts[(source, kind)] += 1
        counts[("carry_out" if outcome == UNFINISHED_KEY else outcome, kind)] += 1
    result.values = _table(counts)
    result.bad_rows = sorted(bad, key=lambda b: b.row)
    total = form.REQUESTS_COLUMNS[-1].key
    result.new = result.values[CellRef("requests", "new", total)]
    result.carry_in = result.values[CellRef("requests", "carry_in", total)]
    result.unfinished = result.values[CellRef("requests", "carry_out", total)]
    result.counted = result.new + result.carry_in
    if late:
        notes.append(f"{late} 件在 {year} 年之后才办结，按「结转下年度继续办理」计。")
    if skipped_totals:
        notes.append(f"跳过了 {skipped_totals} 行合计行。")
    if "source" not in columns:
        notes.append("台账没有「来源」列：按收到日期区分本年新收和上年结转。")
    elif not use_source:
        notes.append("「来源」列中没有「本年新收」或「上年结转」（可能记录的是申请方式）：已按收到日期区分。")
    result.notes = notes
    return result


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _parse(number: int, raw: dict, has_received: bool, has_source: bool):
    errors = []
    kind = _choose(raw.get("kind"), KIND_MATCHER, "申请人类型", errors,
                   f"应为{'、'.join(KIND_OPTIONS)}之一")
    outcome = None
    if raw.get("result") is None:
        if raw.get("done") is None:
            outcome = UNFINISHED_KEY
        else:
            errors.append("已填办结日期，但办理结果为空")
    else:
        outcome = _choose(raw["result"], RESULT_MATCHER, "办理结果", errors,
                          f"应为表三的一种办理结果或「{UNFINISHED}」")
    source = raw.get("source")          # matched later: the column may turn out to mean something else
    received = _date(raw.get("received"), "收到日期", errors)
    if has_received and received is None and not any(e.startswith("收到日期") for e in errors):
        errors.append("收到日期为空")
    done = _date(raw.get("done"), "办结日期", errors)
    return number, _text(raw.get("id")), received, kind, source, outcome, done, errors


def _choose(value, matcher, label: str, errors: list, expected: str):
    if value is None:
        errors.append(f"{label}为空")
        return None
    try:
        key = matcher.match(value)
    except Ambiguous as exc:
        errors.append(f"{label}：{exc}".rstrip("。"))
        return None
    if key is None:
        errors.append(f"{label}「{_text(value)}」无法识别（{expected}）")
    return key


def _date(value, label: str, errors: list) -> dt.date | None:
    try:
        return parse_date(value)
    except DateError as exc:
        errors.append(f"{label}{exc}")
        return None


def _usable_sources(records) -> bool:
    """Whether the 来源 column says 本年新收/上年结转 at all (some ledgers use it for 网上/信函)."""
    for value in {r[4] for r in records if r[4] is not None}:
        try:
            if SOURCE_MATCHER.match(value):
                return True
        except Ambiguous:
            return True
    return False


def _source_key(value) -> str | None:
    try:
        return SOURCE_MATCHER.match(value) if value is not None else None
    except Ambiguous:
        return None


def _guess_year(records) -> int | None:


    years = Counter(r[2].year for r in records if r[2] is not None and _source_key(r[4]) != "carry_in")
    return years.most_common(1)[0][0] if years else None


def _table(counts: Counter) -> dict[CellRef, int]:
    values: dict[CellRef, int] = {}
    kinds = form.APPLICANT_COLUMNS
    total = form.REQUESTS_COLUMNS[-1].key
    for row in form.REQUESTS.rows:
        if row.key == "total":
            per_kind = [sum(counts[(r, k)] for r in form.DETAIL_ROWS) for k in kinds]
        else:
            per_kind = [counts[(row.key, k)] for k in kinds]
        for k, v in zip(kinds, per_kind):
            values[CellRef("requests", row.key, k)] = v
        values[CellRef("requests", row.key, total)] = sum(per_kind)
    return values
