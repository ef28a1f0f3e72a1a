"""Finding the three tables of a .docx by their labels and reading them cell by cell.

Works on the grid of body.Table (merges resolved), so this application's own export and tables
made by hand in Word or WPS read alike: rows are found by their labels (form.py, with the typed
variants of FORMAT.md §8), columns by their header labels, or by position where a table has none.
`/` and blank cells stay blank; every label, row and value that could not be placed is listed.
"""
from __future__ import annotations

from ..cells import CellError, parse
from ..findings import IMPORT_LABEL, IMPORT_SLASH, OLD_FORMAT
from ..form import (ACTIVE, APPEALS, APPEALS_COLUMNS, FORMAT_NAME, REQUESTS, REQUESTS_BODY, REQUESTS_COLUMNS,
                    TABLE_BY_KEY, CellRef, describe, of_trial_format)
from .grid import Grid as Table, Slot
from .labels import APPROXIMATE, TYPO, Labels, is_blank_mark, normalise, strip_numbering
from .result import ImportResult, quote

OLD_FORMAT_LABELS = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
                     "其他对外管理服务事项", "第二十条第（九）项", "政府集中采购", "采购项目数量")
_OLD = {normalise(t) for t in OLD_FORMAT_LABELS}

FORMAT_NOTE = f"{FORMAT_NAME}格式"
REQUEST_ROWS = Labels({row.label: row.key for row in REQUESTS.rows},
                      avoid=tuple(c.label for c in REQUESTS_COLUMNS))
# group labels of table 三 (a B or A cell spanning rows): (三)不予公开 … and 三、本年度办理结果
REQUEST_GROUPS = Labels({b: b for _, a, b, c in REQUESTS_BODY if c} | {REQUESTS_BODY[2][1]: "results"})
# In the body (below the header) these short labels can only mean one row.
BODY_ONLY = {"总计": "total", "合计": "total", "其他": "other_3"}
OTHER_GROUP = next(b for key, _, b, _ in REQUESTS_BODY if key == "other_1")
# Group labels that may stand in front of an item in the same cell: 「（三）不予公开 1、属于国家秘密」,
# also without their number (「不予公开1.…」), and 「三、本年度办理结果」 in front of either.
_GROUP_PREFIXES = sorted({g for _, a, b, c in REQUESTS_BODY if c for g in (normalise(b), strip_numbering(normalise(b)))}
                         | {normalise(REQUESTS_BODY[2][1]), strip_numbering(normalise(REQUESTS_BODY[2][1]))},
                         key=len, reverse=True)
REQUEST_COLUMNS = Labels({c.label: c.key for c in REQUESTS_COLUMNS})
ACTIVE_ROWS = Labels({row.label: row.key for row in ACTIVE.rows})
APPEAL_GROUPS = Labels({row.label: row.key for row in APPEALS.rows})
APPEAL_COLUMNS = Labels({c.label: c.key for c in APPEALS_COLUMNS})


def is_old_label(text: str) -> bool:
    return normalise(text) in _OLD


def match_request_row(text: str) -> tuple[str | None, str]:
    """(row key, how) of a label of table 三, also when the cell holds its group in front of it."""
    key, how = REQUEST_ROWS.match(text)
    if key is not None and how != APPROXIMATE:
        return key, how
    rest = normalise(text)
    while True:
        group = next((g for g in _GROUP_PREFIXES if rest.startswith(g) and len(rest) > len(g)), None)
        if group is None:
            break
        rest = normalise(rest[len(group):])
    if rest != normalise(text):
        found, found_how = REQUEST_ROWS.match(rest)
        if found is not None and found_how != APPROXIMATE:
            return found, "variant"
    return key, how


def classify(table: Table) -> str | None:
    """Which of the three tables this is (or a part of), from the labels it holds."""
    texts = [s.text for row in table.rows for s in row if s.text and not s.continued]
    if sum(match_request_row(t)[1] not in ("", APPROXIMATE) for t in texts) >= 2:
        return REQUESTS.key
    groups = {APPEAL_GROUPS.match(t)[0] for t in texts}
    if "review" in groups and len(groups - {None}) >= 2 or "review" in groups and any(
            normalise(t) == "行政诉讼" for t in texts):
        return APPEALS.key
    if any(ACTIVE_ROWS.match(t)[1] not in ("", APPROXIMATE) for t in texts) or any(
            is_old_label(t) for t in texts):
        return ACTIVE.key
    return None


class TableReader:
    """Reads the tables of one document into result.report, noting what it did."""

    def __init__(self, result: ImportResult, unplaced: frozenset[str] = frozenset()):
        """`unplaced`: tables whose numbers the reader could not place (their blanks are not empty)."""
        self.result = result
        self.unplaced = unplaced
        self.report = result.report
        self.filled: dict[str, set[str]] = {t: set() for t in ("active", "requests", "appeals")}
        self.blank_marks: list[CellRef] = []      # cells written 「/」 or a dash
        self.empty: dict[str, int] = {}           # table → cells left empty (a page's empty cell for 0)
        self.request_columns: dict[str, int] | None = None
        self.request_width = 0

    # ── values ──
    def value(self, ref: CellRef, text: str, where: str = "") -> None:
        """Place one cell's text; `where` (the cell's place in the source) names it in a message."""
        if is_blank_mark(text):
            if text.strip():
                self.blank_marks.append(ref)
                if where:
                    self._located(ref, text, where)
            elif ref.table not in self.unplaced:
                self.empty[ref.table] = self.empty.get(ref.table, 0) + 1
            return
        kind = ACTIVE.row(ref.row).kind if ref.table == "active" else "count"
        try:
            self.report.set(ref, parse(text, kind))
        except CellError as exc:
            self.result.missed(f"{describe(ref)}的内容{quote(text)}无法识别为数字，已留空：{exc}")
            if where:
                self.result.located.append(f"{describe(ref)}（{where}）：{exc}")

    def _located(self, ref: CellRef, text: str, where: str) -> None:
        """A blank mark in a source with places (a workbook): named at its cell, to be fixed there."""
        try:
            parse(text)
        except CellError as exc:
            self.result.located.append(f"{describe(ref)}（{where}）：{exc}")

    def row_found(self, table: str, key: str, label: str, how: str, name: str) -> bool:
        """Record a row; False when it was already read (a repeated row is not read twice)."""
        if key in self.filled[table]:
            self.result.missed(f"{name}中{quote(label)}行重复出现，只读取了第一次出现的数字。")
            return False
        self.filled[table].add(key)
        official = TABLE_BY_KEY[table].row(key)
        self.label_note(name, label, official.label, how, tuple(CellRef(table, key, c.key) for c in official.columns))
        return True

    def label_note(self, name: str, typed: str, official: str, how: str, cells: tuple[CellRef, ...]) -> None:
        """Note a label read as an official one it is not; a problem of the document (IMPORT_LABEL)."""
        if how == APPROXIMATE:
            self.result.ok(f"{name}中的{quote(typed)}按近似的标签识别为「{official}」，请核对。")
        elif how == TYPO:
            self.result.ok(f"{name}中的{quote(typed)}是「{official}」的常见误写，已按「{official}」读取。")
        else:
            return
        self.result.flag(IMPORT_LABEL, f"{name}中的标签{quote(typed)}与正式标签「{official}」不一致"
                         f"（{FORMAT_NOTE}），请使用正式标签。", cells[0].table, cells, quote=typed)

    # ── table 三 ──
    def read_requests(self, table: Table) -> None:
        name = REQUESTS.short_name
        columns, first_body = self._request_header(table)
        if columns is None and self.request_columns and table.width == self.request_width:
            columns = self.request_columns            # a table 三 continued after a page break
        if columns is None:
            self.result.missed(f"{name}未找到完整的列标题（自然人、商业企业……总计），按官方列顺序读取了每行最右边的 7 个单元格。")
        else:
            self.request_columns, self.request_width = columns, table.width
        for row in table.rows[first_body:]:
            self._request_row(row, columns, name)

    def _request_header(self, table: Table) -> tuple[dict[str, int] | None, int]:
        columns: dict[str, int] = {}
        for i, row in enumerate(table.rows):
            if any(match_request_row(s.text)[1] not in ("", APPROXIMATE) for s in row if not s.continued):
                return (columns if len(columns) == len(REQUESTS_COLUMNS) else None), i
            for slot in row:
                key = REQUEST_COLUMNS.exact.get(normalise(slot.text))
                if key:
                    columns.setdefault(key, slot.col)
        return None, 0

    def _request_row(self, row: list[Slot], columns: dict[str, int] | None, name: str) -> None:
        if columns is not None:
            first_data = min(columns.values())
            labels = [s for s in row if s.col < first_data]
            cells = {key: _covering(row, col) for key, col in columns.items()}
        else:
            labels, data = row[:-len(REQUESTS_COLUMNS)], row[-len(REQUESTS_COLUMNS):]
            cells = {c.key: s for c, s in zip(REQUESTS_COLUMNS, data)} if len(row) > len(REQUESTS_COLUMNS) else {}
        own = [s.text for s in labels if s.text and not s.continued]
        texts = [s.text for s in cells.values() if s is not None]
        if not own:
            if any(not is_blank_mark(t) for t in texts):
                self.result.missed(f"{name}中有一行没有标签，其数字未导入：{quote(' '.join(texts))}。")
            return
        label = own[-1]
        key, how = match_request_row(label)
        if key is None or how == APPROXIMATE:
            ending = _by_ending(labels)
            key, how = ending if ending[0] else (key, how)
        if key is None and normalise(label) in BODY_ONLY:
            key, how = BODY_ONLY[normalise(label)], "variant"
        if key is None:
            self._unknown_request_row(label, texts, name)
            return
        if not cells:
            self.result.missed(f"{name}「{label}」行的数字单元格不足 7 个，未导入。")
            return
        if not self.row_found("requests", key, label, how, name):
            return
        for col in REQUESTS_COLUMNS:
            slot = cells.get(col.key)
            if slot is not None and not slot.continued:
                self.value(CellRef("requests", key, col.key), slot.text, slot.where)

    def _unknown_request_row(self, label: str, texts: list[str], name: str) -> None:
        group, _ = REQUEST_GROUPS.match(label)
        has_numbers = any(not is_blank_mark(t) for t in texts)
        if group == OTHER_GROUP and has_numbers:
            self.result.old_format = True
            self.result.missed(f"{name}的「{OTHER_GROUP}」只有一行（2019 年试行格式），其数字未导入："
                               + ("该格式没有现行格式的 1.、2.、3. 三项。" if of_trial_format(self.report.info.year)
                                  else "现行格式要分为 1.、2.、3. 三项，请分别填写。"))
            self.old_layout(REQUESTS.key, tuple(CellRef(REQUESTS.key, r, "total") for r in ("other_1", "other_2", "other_3")),
                            f"{name}的「{OTHER_GROUP}」只有一行，没有分为 1.、2.、3. 三项", label)
        elif group and has_numbers:
            self.result.missed(f"{name}中{quote(label)}是小计行（现行格式没有小计行），其数字未导入。")
        elif group is None and (has_numbers or len(normalise(label)) > 1):
            self.result.missed(f"{name}中的行{quote(label)}不是表三的行，未导入。")

    def finish(self) -> None:
        """List the rows no table supplied, and the `/` cells left blank."""
        for table, rows in ((ACTIVE, ACTIVE.rows), (REQUESTS, REQUESTS.rows), (APPEALS, APPEALS.rows)):
            found = self.filled[table.key]
            if not found:
                continue
            missing = [r.label for r in rows if r.key not in found]
            if missing:
                self.result.missed(f"{table.short_name}中未找到这些行，已留空：" + "、".join(f"「{m}」" for m in missing) + "。")
            elif table.key not in self.unplaced:
                self.result.ok(f"{table.short_name}：全部 {len(rows)} 行已按标签读取。")
        if self.blank_marks:
            self.result.missed(f"有 {len(self.blank_marks)} 个单元格填的是「/」或横线，已按空白导入："
                               "没有发生的事项请填 0。")
        if self.empty:
            where = "、".join(f"{t.short_name} {self.empty[t.key]} 个" for t in (ACTIVE, REQUESTS, APPEALS)
                              if self.empty.get(t.key))
            self.result.missed(f"有 {sum(self.empty.values())} 个单元格是空白（{where}），已按空白导入："
                               "没有发生的事项请填 0。")
        for table in (ACTIVE, REQUESTS, APPEALS):
            refs = tuple(r for r in self.blank_marks if r.table == table.key)
            if refs:
                more = f"等 {len(refs)} 个单元格" if len(refs) > 1 else ""
                self.result.flag(IMPORT_SLASH, f"{describe(refs[0])}{more}填的是「/」或横线："
                                 "没有发生的事项应填 0，不能用「/」代替。", table.key, refs,
                                 quote=",".join(f"{r.row}.{r.column}" for r in refs))

    def old_layout(self, table: str, cells: tuple[CellRef, ...], what: str, typed: str) -> None:
        """OLD_FORMAT: the 2019 trial layout in a report on 2021 or later (or of no known year)."""
        year = self.report.info.year
        if of_trial_format(year):
            return
        self.result.flag(OLD_FORMAT, f"{what}：这是已废止的 2019 年试行格式（国办公开办函〔2019〕60号），"
                         f"{year or '本'}年度报告应使用现行格式（{FORMAT_NOTE}）。", table, cells, quote=typed)


def _covering(row: list[Slot], col: int) -> Slot | None:
    return next((s for s in row if s.col <= col < s.col + s.span), None)


def _by_ending(labels: list[Slot]) -> tuple[str | None, str]:
    """A row whose labels are typed into one cell, e.g. 「（三）不予公开 1.属于国家秘密」."""
    joined = normalise("".join(s.text for s in labels))
    best = None
    for label, key in REQUEST_ROWS.exact.items():
        if joined.endswith(label) and (best is None or len(label) > len(best[0])):
            best = (label, key)
    return (best[1], "variant") if best else (None, "")
