"""What an import produced (ImportResult): the report, and in Chinese what was recognised and what
was not; and what a reader hands the builder besides paragraphs and grids (Metadata).

Shared by every reader of published reports (Word, PDF, web page, pasted text): besides the two
lists for the summary, flag() records what is non-conforming as findings on the report itself, so
that rules.check() reports them in the window, `check`, `--json` and the summaries alike.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..findings import finding
from ..form import CellRef
from ..model import Report

MAX_QUOTE = 30


def quote(text: str) -> str:
    """A piece of the document inside a message: one line, at most MAX_QUOTE characters."""
    line = " ".join(text.split())
    return f"「{line if len(line) <= MAX_QUOTE else line[:MAX_QUOTE - 1] + '…'}」"


@dataclass(frozen=True)
class Metadata:
    """What a reader knows besides the paragraphs and the grids; the builder puts it in its place."""
    first_notes: tuple[str, ...] = ()              # how the reader read the document (listed first)
    notes: tuple[tuple[bool, str], ...] = ()       # (recognised?, message), listed after the builder's
    organ: str = ""                                # the organ from outside the report (a page's 发布机构)
    organ_from: str = ""                           # where it stood, e.g. 「网页的「发布机构」」
    publish_date: dt.date | None = None            # 发布日期 from outside the report (a page's 公开日期)
    publish_date_from: str = ""
    unplaced: frozenset[str] = frozenset()         # tables whose numbers the reader could not place:
                                                   # their blank cells are not empty, only unplaced
    tables_only: bool = False                      # the source holds the tables alone (a workbook):
                                                   # no sections or text are looked for


@dataclass
class ImportResult:
    report: Report
    recognised: list[str] = field(default_factory=list)     # what was read, in the form's words
    unrecognised: list[str] = field(default_factory=list)   # what was left out or left blank, and why
    old_format: bool = False                               # the 2019 trial format was found
    located: list[str] = field(default_factory=list)       # values left blank, named by their place
    rows_read: int = 0                                     # rows of the three tables found

    def ok(self, message: str) -> None:
        self.recognised.append(message)

    def missed(self, message: str) -> None:
        if message not in self.unrecognised:
            self.unrecognised.append(message)

    def flag(self, rule: str, message: str, step: str, cells: tuple[CellRef, ...] = (),
             field: str | None = None, quote: str = "") -> None:
        """Record what is non-conforming in the document (findings.py): it becomes a problem of
        the report, located at the cell, field or section, wherever the report is checked."""
        found = finding(rule, message, step, cells, field, quote)
        if all(f.key != found.key for f in self.report.import_findings):
            self.report.import_findings += (found,)

    def summary(self) -> str:
        """The whole result as text, for the command line and the dialog's copy button."""
        lines = [f"导入：{self.report.title}", "", "已识别："]
        lines += [f"  · {m}" for m in self.recognised] or ["  （无）"]
        lines += ["", "未识别或需要核对："]
        lines += [f"  · {m}" for m in self.unrecognised] or ["  （无）"]
        return "\n".join(lines)
