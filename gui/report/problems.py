"""What a check reports: one Problem per broken rule instance, with where it is and how to fix it."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .cells import Value, format_value
from .form import CellRef

# Rule ids (Problem.rule) the window treats specially; the others are named where they are checked.
BLANK_RULE = "BLANK"            # cells not yet filled: marked as blank, not as wrong
FEE_RULE = "R10"                # the 信息处理费 statement of 六, whose fix inserts the standard sentence

ERROR = "error"
WARNING = "warning"
SEVERITY_LABELS = {ERROR: "错误", WARNING: "提示"}
CONFIRM_PREFIX = "已核实："


def confirmation_text(note: str) -> str:
    """A confirmation note as shown: 「已核实：…」, the prefix once whether or not the note has it."""
    note = note.strip()
    return note if note.startswith(CONFIRM_PREFIX) else CONFIRM_PREFIX + note if note else "已核实"

# Where a problem lives when it is not a table cell. Text fields are "text.<TextField key>",
# 基本信息 fields "info.<Info attribute>", the fee statement "fee.amount_yuan" / "fee.charged".
INFO_PREFIX = "info."
TEXT_PREFIX = "text."
FEE_PREFIX = "fee."


@dataclass(frozen=True)
class Fix:
    """A safe correction: new values for cells and/or new full texts for text fields."""
    label: str                                           # the action, in Chinese: 「填入 3050」
    cells: tuple[tuple[CellRef, Value], ...] = ()
    texts: tuple[tuple[str, str], ...] = ()              # (TextField key, new text)


@dataclass(frozen=True)
class Problem:
    rule: str                    # R1 … R11, R9U, BLANK, INFO, EMPTY, THEME, LATE, EARLY, STALE_YEAR … (README 检查规则)
    severity: str                # ERROR | WARNING
    message: str                 # Chinese, names the official labels, actual and expected values
    step: str                    # the wizard step it belongs to: "info" or a Section key
    target: CellRef | None = None            # the cell to go to (and that `expected` is for)
    cells: tuple[CellRef, ...] = ()          # every cell the rule involves
    field: str | None = None                 # "info.organ", "text.problems", "fee.amount_yuan" …
    expected: Value = None
    actual: Value = None
    fix: Fix | None = None
    key: str = ""                # stable identity of this rule instance (for confirmations)
    fingerprint: str = ""        # the values it concerns; a confirmation holds while it matches
    suspect: CellRef | None = None           # R1–R4: the one cell that explains the broken relations around it
    passage: tuple[int, int] | None = None   # R9/R9U: the sentence's (start, end) in the text of `field`
    confirmed: str | None = dataclasses.field(default=None, compare=False)   # the clerk's note, if confirmed

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def explained(self, at: CellRef | None = None) -> str:
        """The message as the clerk reads it, with 「应为 …」 where the rule knows the value; `at`: said on
        that cell (the expected value is for the target cell only)."""
        text = self.message
        if self.expected is not None and self.target is not None and self.rule != BLANK_RULE \
                and at in (None, self.target):
            text += f"应为 {format_value(self.expected)}。"
        return text
