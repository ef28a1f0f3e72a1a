"""What an importer (Word, PDF, HTML …) found non-conforming in the document it read, kept on the
Report (report.import_findings) so that rules.check() lists them with every other problem.

A Finding is plain data: the rule, the severity, the Chinese message and where it is (a cell, a
field or a section). The importers record them through ImportResult.flag(); drafts keep them
(version 2) until the clerk has looked: saving from the window drops them (the exported document
uses the official labels and layout whatever the original said), and a warning can be confirmed.
"""
from __future__ import annotations

from dataclasses import dataclass

from .form import CellRef
from .problems import ERROR, WARNING, Problem

IMPORT_LABEL = "IMPORT_LABEL"        # a table label typed differently from the official one
IMPORT_HEADING = "IMPORT_HEADING"    # a section heading changed or missing
IMPORT_TITLE = "IMPORT_TITLE"        # a title that is not 〈机关〉〈年〉年政府信息公开工作年度报告
OLD_FORMAT = "OLD_FORMAT"            # the superseded 2019 trial layout
IMPORT_SLASH = "IMPORT_SLASH"        # 「/」 or a dash written for zero
RULES = {IMPORT_LABEL: WARNING, IMPORT_HEADING: WARNING, IMPORT_TITLE: WARNING, OLD_FORMAT: ERROR,
         IMPORT_SLASH: WARNING}


@dataclass(frozen=True)
class Finding:
    rule: str                              # one of RULES (another importer may add its own)
    severity: str                          # ERROR | WARNING
    message: str                           # Chinese: what the document says and what it should say
    step: str                              # "info" or a Section key
    cells: tuple[CellRef, ...] = ()        # the cells it is about (the first is where to go)
    field: str | None = None               # "info.organ", "text.problems" … when not a cell
    quote: str = ""                        # the document's own text, for the identity of the finding

    @property
    def key(self) -> str:
        where = f"{self.cells[0].table}:{self.cells[0].row}:{self.cells[0].column}" if self.cells \
            else self.field or self.step
        return f"{self.rule}:{where}"


def finding(rule: str, message: str, step: str, cells: tuple[CellRef, ...] = (), field: str | None = None,
            quote: str = "") -> Finding:
    return Finding(rule, RULES.get(rule, WARNING), message, step, tuple(cells), field, quote)


def check_import(report) -> list[Problem]:
    """The findings of the importer that read this report, as problems."""
    return [Problem(f.rule, f.severity, f.message, f.step, f.cells[0] if f.cells else None, f.cells,
                    f.field, key=f.key, fingerprint=f.quote) for f in report.import_findings]
