"""What an import produced: the report, and in Chinese what was recognised and what was not."""
from __future__ import annotations

from dataclasses import dataclass, field

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

    def summary(self) -> str:
        """The whole result as text, for the command line and the dialog's copy button."""
        lines = [f"导入：{self.report.title}", "", "已识别："]
        lines += [f"  · {m}" for m in self.recognised] or ["  （无）"]
        lines += ["", "未识别或需要核对："]
        lines += [f"  · {m}" for m in self.unrecognised] or ["  （无）"]
        return "\n".join(lines)
