"""The report being written: 基本信息, the narratives, the fee statement and the three tables.

Plain data with a few methods the rest of the application edits it through. A cell is None (not yet
filled) or a value: int for counts, Decimal for the fee in 万元. No float anywhere.
"""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field, fields
from decimal import Decimal

from .cells import Value
from .deadlines import default_deadline
from .form import ALL_CELLS, LEVELS, TABLE_BY_KEY, TEXT_FIELDS, CellRef, kind_of, title_of, FEE


# From November the report being prepared is this year's (it is due by 31 January); before, last year's.
PREPARING_FROM_MONTH = 11


def report_year_being_prepared(today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    return today.year if today.month >= PREPARING_FROM_MONTH else today.year - 1


@dataclass
class Info:
    organ: str = ""                      # 机关全称
    year: int | None = None              # 报告年度
    level: str = LEVELS[0]               # 单位层级
    compiler: str = ""                   # 编制机构
    address: str = ""
    postcode: str = ""
    phone: str = ""
    publish_date: dt.date | None = None  # 发布日期
    deadline: dt.date | None = None      # 报送截止日期; None: the default of the 单位层级 (deadlines.py)

    def effective_deadline(self) -> dt.date | None:
        if self.deadline:
            return self.deadline
        return default_deadline(self.level, self.year)


@dataclass
class Fee:
    """The 信息处理费 statement of 六: how much was collected (元) and from how many applications."""
    amount_yuan: Decimal | None = None
    charged: int | None = None


@dataclass
class Confirmation:
    """A warning the clerk has checked: valid while the values it concerns are unchanged."""
    note: str
    fingerprint: str


@dataclass
class Report:
    info: Info = field(default_factory=Info)
    texts: dict[str, str] = field(default_factory=lambda: {f.key: "" for f in TEXT_FIELDS})
    opening: str | None = None           # the opening paragraph; None = generated from 基本信息
    opening_enabled: bool = True
    fee: Fee = field(default_factory=Fee)
    cells: dict[CellRef, Value] = field(default_factory=lambda: dict.fromkeys(ALL_CELLS))
    confirmations: dict[str, Confirmation] = field(default_factory=dict)
    last_year: Report | None = None      # attached for the cross-year checks (R5, R7, R11, LAST_PROBLEMS)
    # what the importer that read this report found non-conforming (findings.Finding), until the clerk has looked
    import_findings: tuple = ()

    # ── cells ──
    def get(self, ref: CellRef) -> Value:
        return self.cells[ref]

    def set(self, ref: CellRef, value: Value) -> Value:
        """Set one cell; returns the previous value (for undo)."""
        if ref not in self.cells:
            raise KeyError(ref)
        if value is not None:
            want = Decimal if kind_of(ref) == FEE else int
            if not isinstance(value, want) or isinstance(value, bool) or value < 0:
                raise TypeError(f"{ref}: {value!r}")
        old = self.cells[ref]
        self.cells[ref] = value
        return old

    def set_many(self, values: dict[CellRef, Value]) -> dict[CellRef, Value]:
        """Set several cells at once; returns their previous values."""
        return {ref: self.set(ref, v) for ref, v in values.items()}

    def row_values(self, table: str, row: str) -> list[Value]:
        return [self.cells[CellRef(table, row, c.key)]
                for c in TABLE_BY_KEY[table].row(row).columns]

    def blank_cells(self) -> list[CellRef]:
        return [ref for ref in ALL_CELLS if self.cells[ref] is None]

    # ── texts ──
    def set_text(self, key: str, text: str) -> str:
        if key not in self.texts:
            raise KeyError(key)
        old, self.texts[key] = self.texts[key], text
        return old

    # ── every other field, by its name ──
    # Names as in Problem.field: "info.<Info attribute>", "fee.amount_yuan" / "fee.charged",
    # "text.<TextField key>", plus "opening" (str, None = generated), "opening_enabled", "last_year"
    # and "confirmation.<Problem.key>" (a Confirmation, None = not confirmed).
    def field(self, name: str):
        group, _, attr = name.partition(".")
        if group == "text":
            return self.texts[attr]
        if group == "confirmation":
            return self.confirmations.get(attr)
        return getattr(*self._attribute(name))

    def set_field(self, name: str, value):
        """Set the field `name`; returns the previous value (for undo)."""
        group, _, attr = name.partition(".")
        if group == "text":
            return self.set_text(attr, value)
        if group == "confirmation":
            old = self.confirmations.get(attr)
            if value is None:
                self.confirmations.pop(attr, None)
            else:
                self.confirmations[attr] = value
            return old
        owner, attr = self._attribute(name)
        old = getattr(owner, attr)
        setattr(owner, attr, value)
        return old

    def _attribute(self, name: str) -> tuple[object, str]:
        group, _, attr = name.partition(".")
        owner = {"info": self.info, "fee": self.fee}.get(group) if attr else self
        attr = attr or group
        if owner is None or attr not in FIELDS_OF[type(owner)]:
            raise KeyError(name)
        return owner, attr

    @property
    def title(self) -> str:
        return title_of(self.info.organ, self.info.year)

    def copy(self) -> Report:
        return copy.deepcopy(self)


# The attributes set_field may set on each object (cells, texts, confirmations have their own paths).
FIELDS_OF = {Info: {f.name for f in fields(Info)}, Fee: {f.name for f in fields(Fee)},
             Report: {"opening", "opening_enabled", "last_year"}}
