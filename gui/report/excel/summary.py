"""County summary (汇总): tables 二–四 of many units' drafts or workbooks added up into one report.

The fee of 表二 is summed exactly as Decimal. Each unit keeps its own line (organ, year, totals, its own
error count). A file of another report year, a second file of the same unit, or a file that cannot be
read is refused by name with the reason; the others are still summed.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .. import form
from ..draft_reader import DraftError
from ..form import CellRef
from ..model import Info, Report
from ..problems import ERROR
from .safety import ExcelError
from .writing import save_atomically

SUMMARY_ORGAN = "汇总（{}个单位）"
_SUMMARY_ORGAN = re.compile(r"汇总（(\d+)个单位）")
UNITS_SHEET = "各单位"
REFUSED_SHEET = "未汇总的文件"
_T = form.REQUESTS_COLUMNS[-1].key
# The totals shown per unit: (heading, cell); headings are built from the official labels.
UNIT_TOTALS = (
    ("本年新收", CellRef("requests", "new", _T)),
    ("上年结转", CellRef("requests", "carry_in", _T)),
    ("办理结果总计", CellRef("requests", "total", _T)),
    ("结转下年度", CellRef("requests", "carry_out", _T)),
    (f"{form.REVIEW}总计", CellRef("appeals", "review", "total")),
    ("未经复议直接起诉总计", CellRef("appeals", "suit_direct", "total")),
    ("复议后起诉总计", CellRef("appeals", "suit_after_review", "total")),
    (f"{form.ACTIVE.row('fees').label}（{form.FEE_UNIT}）", CellRef("active", "fees", "value")),
)
UNIT_HEADERS = ("文件", "机关", "年度") + tuple(h for h, _ in UNIT_TOTALS) + ("错误", "提示")


@dataclass
class Unit:
    path: Path
    report: Report
    errors: int
    warnings: int

    @property
    def totals(self) -> list:
        return [self.report.get(ref) for _, ref in UNIT_TOTALS]


@dataclass
class Refused:
    path: Path
    reason: str           # Chinese


@dataclass
class Summary:
    year: int | None
    report: Report
    units: list[Unit] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    partial_cells: int = 0       # cells blank in some unit: their sum covers only the others

    def sources(self) -> list[Path]:
        """Every file given, summed or refused."""
        return [p.path for p in (*self.units, *self.refused)]

    @property
    def cautions(self) -> list[str]:
        """What the county should look at before trusting the totals (Chinese sentences)."""
        out = []
        if self.partial_cells:
            out.append(f"有 {self.partial_cells} 个单元格在部分单位中为空白，合计只含已填写的单位。")
        for unit in self.units:
            nested = _SUMMARY_ORGAN.fullmatch(unit.report.info.organ.strip())
            if nested:
                out.append(f"「{unit.path.name}」本身是 {nested.group(1)} 个单位的汇总；"
                           "如果这些单位的报告也在本次汇总中，它们会被重复计算。")
        return out


def _read(path: Path) -> Report:
    from ..sources import read_report
    return read_report(path)


def distinct_files(paths):
    """Each file once: yields (path, None) or (path, reason) for a file chosen a second time."""
    seen: set = set()
    for path in map(Path, paths):
        key = str(path.resolve()) if path.exists() else str(path)
        if key in seen:
            yield path, "同一个文件重复选择，只计一次。"
            continue
        seen.add(key)
        yield path, None


def common_year(years) -> int | None:
    """The report year most of the files have (None when none has one)."""
    counts = Counter(y for y in years if y)
    return counts.most_common(1)[0][0] if counts else None


def not_admitted(path: Path, organ: str, report_year: int | None, year: int | None,
                 organs: dict[str, Path], action: str = "汇总") -> str | None:
    """Why a unit's file is left out of the round (another year, a second file of one unit), else
    None and the unit is registered in `organs` (organ → its file)."""
    if report_year is None:
        return f"没有填写报告年度，无法确认是否属于本次{action}。"
    if report_year != year:
        return f"是 {report_year} 年的报告，不是 {year} 年的，未{action}。"
    organ = organ.strip()
    if organ and organ in organs:
        return f"与「{organs[organ].name}」是同一单位（{organ}），未重复{action}。"
    organs[organ] = path
    return None


def summarise(paths, year: int | None = None, read=_read, check=None) -> Summary:
    """Add up the reports in `paths`; `year` defaults to the year most of them have."""
    if check is None:
        from ..rules import check
    loaded: list[tuple[Path, Report]] = []
    refused: list[Refused] = []
    for path, again in distinct_files(paths):
        if again:
            refused.append(Refused(path, again))
            continue
        try:
            loaded.append((path, read(path)))
        except DraftError as exc:
            refused.append(Refused(path, str(exc)))
        except Exception as exc:      # last line of defence: a reader's unforeseen failure never stops the summary
            from ..sources import unreadable
            refused.append(Refused(path, unreadable(path, exc)))
    if year is None:
        year = common_year(r.info.year for _, r in loaded)
    units: list[Unit] = []
    organs: dict[str, Path] = {}
    for path, report in loaded:
        reason = not_admitted(path, report.info.organ, report.info.year, year, organs)
        if reason:
            refused.append(Refused(path, reason))
            continue
        problems = check(report)
        errors = sum(1 for p in problems if p.severity == ERROR)
        units.append(Unit(path, report, errors, len(problems) - errors))
    summary = Summary(year, _total(units, year), units, refused)
    summary.partial_cells = sum(1 for ref in form.ALL_CELLS
                                if 0 < sum(u.report.get(ref) is None for u in units) < len(units))
    return summary


def _total(units: list[Unit], year: int | None) -> Report:
    levels = Counter(u.report.info.level for u in units)
    report = Report(Info(organ=SUMMARY_ORGAN.format(len(units)), year=year,
                         level=levels.most_common(1)[0][0] if levels else form.LEVELS[0]))
    for ref in form.ALL_CELLS:
        values = [v for u in units if (v := u.report.get(ref)) is not None]
        if values:
            report.set(ref, sum(values, Decimal(0)) if form.kind_of(ref) == form.FEE else sum(values))
    fees = [u.report.fee.amount_yuan for u in units if u.report.fee.amount_yuan is not None]
    if fees:
        report.fee.amount_yuan = sum(fees, Decimal(0))
    charged = [u.report.fee.charged for u in units if u.report.fee.charged is not None]
    if charged:
        report.fee.charged = sum(charged)
    return report


def describe(summary: Summary) -> list[str]:
    """The result in Chinese lines, for the command line and the dialog."""
    lines = [f"{summary.year or '（未知）'}年汇总：{len(summary.units)} 个单位。"]
    lines += [f"注意：{caution}" for caution in summary.cautions]
    for unit in summary.units:
        errors = f"{unit.errors} 个错误" if unit.errors else "无错误"
        lines.append(f"  {unit.report.info.organ or unit.path.name}（{unit.path.name}）：{errors}，"
                     f"{unit.warnings} 个提示")
    for r in summary.refused:
        lines.append(f"  未汇总「{r.path.name}」：{r.reason}")
    return lines


def build_workbook(summary: Summary):
    from .tables_xlsx import build_workbook as tables_workbook
    workbook = tables_workbook(summary.report)
    sheet = workbook.create_sheet(UNITS_SHEET, 1)
    sheet.append(UNIT_HEADERS)
    for unit in summary.units:
        sheet.append([unit.path.name, unit.report.info.organ, unit.report.info.year]
                     + [float(v) if isinstance(v, Decimal) else v for v in unit.totals]
                     + [unit.errors, unit.warnings])
    sheet.append(["合计", summary.report.info.organ, summary.year]
                 + [float(v) if isinstance(v, Decimal) else v for v in
                    (summary.report.get(ref) for _, ref in UNIT_TOTALS)]
                 + [sum(u.errors for u in summary.units), sum(u.warnings for u in summary.units)])
    sheet.freeze_panes = "A2"
    for i, width in enumerate((22, 26, 8) + (12,) * (len(UNIT_TOTALS) + 2)):
        sheet.column_dimensions[chr(65 + i)].width = width
    if summary.refused:
        refused = workbook.create_sheet(REFUSED_SHEET, 2)
        refused.append(("文件", "原因"))
        for r in summary.refused:
            refused.append((str(r.path), r.reason))
        refused.column_dimensions["A"].width = 40
        refused.column_dimensions["B"].width = 80
    return workbook


def refuse_input_as_output(path, sources) -> None:
    """Raise ExcelError when `path` is one of the files being summed: writing it would destroy it."""
    path = Path(path)
    if path.resolve() in {Path(s).resolve() for s in sources}:
        raise ExcelError(f"「{path.name}」是要汇总的文件之一，不能作为输出文件（会覆盖它）。请换一个文件名。")


def export_summary(summary: Summary, path) -> None:
    refuse_input_as_output(path, summary.sources())
    save_atomically(build_workbook(summary), path)
