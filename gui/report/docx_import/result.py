"""What an import produced: the report, and in Chinese what was recognised and what was not.

Shared by every importer of published reports (Word, PDF, HTML): besides the two lists for the
summary, flag() records what is non-conforming as findings on the report itself, so that
rules.check() reports them in the window, `check`, `--json` and the summaries alike.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import finding
from ..form import CellRef
from ..model import Report

MAX_QUOTE = 30


def quote(text: str) -> str:
    """A piece of the document inside a message: one line, at most MAX_QUOTE characters."""
    line = " ".join(text.split())
    return f"「{line if len(line) <= MAX_QUOTE else line[:MAX_QUOTE - 1] + '…'}」"


@dataclass
class ImportResult:
    report: Report
    recognised: list[str] = field(default_factory=list)     # what was read, in the form's words
    unrecognised: list[str] = field(default_factory=list)   # what was left out or left blank, and why
    old_format: bool = False                               # the 2019 trial format was found

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
