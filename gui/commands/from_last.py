"""`new --from LAST`: this year's draft started from last year's report (a draft or a .docx)."""
from __future__ import annotations

import sys

from ..report.draft_reader import DraftError
from ..report.form import INFO_LABELS, REQUESTS
from ..report.lastyear import new_from_last
from ..report.model import Report
from ..report.sources import read_report, unreadable


def read_last(path: str) -> Report | None:
    """Last year's report, with the import summary printed for a published report (.docx, .txt);
    None (message printed) when it cannot be read."""
    from ..report.sources import IMPORTERS, import_published
    try:
        if any(path.lower().endswith(suffix) for suffix in IMPORTERS):
            result = import_published(path)
            print(result.summary(), end="\n\n")
            return result.report
        return read_report(path)
    except DraftError as exc:
        print(str(exc), file=sys.stderr)
    except Exception as exc:       # a reader's unforeseen failure: one line, never a traceback
        print(f"上年报告：{unreadable(path, exc)}", file=sys.stderr)
    return None


def report_from_last(args) -> Report | None:
    last = read_last(args.from_last)
    if last is None:
        return None
    report = new_from_last(last, copy_texts=args.copy_texts)
    if args.organ is not None:
        report.info.organ = args.organ.strip()
    if args.year is not None:
        report.info.year = args.year
    if args.level_given:
        report.info.level = args.level
    if not report.info.organ or not report.info.year:
        missing = "、".join(INFO_LABELS[k] for k in ("organ", "year") if not getattr(report.info, k))
        print(f"上年报告中没有{missing}，请用 --organ / --year 指定。", file=sys.stderr)
        return None
    carried = report.row_values(REQUESTS.key, "carry_in")
    shown = " ".join("空" if v is None else str(v) for v in carried)
    print(f"已从上年报告（{last.title}）带入：基本信息，年度改为 {report.info.year}；"
          f"上年结转（7 列）：{shown}。")
    return report
