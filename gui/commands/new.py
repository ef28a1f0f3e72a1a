"""`new -o FILE --organ … --year … [--level …] [--force]`: write a blank draft;
`new -o FILE --from LAST [--copy-texts]`: start from last year's report (a draft or a .docx)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..report.form import INFO_LABELS, LEVELS, MAX_YEAR, MIN_YEAR
from ..report.model import Info, Report

EXIT_OK, EXIT_FAILED = 0, 2


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        year = None
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        raise argparse.ArgumentTypeError(f"{INFO_LABELS['year']}应为四位数的年份，例如 2024（收到「{text}」）")
    return year


NAMES = ("new",)  # the command names register() adds


def register(subparsers) -> None:
    parser = subparsers.add_parser("new", help="新建一份空白草稿",
                                   description="新建一份空白草稿（所有表格单元格为空，待填写）。")
    parser.add_argument("-o", "--output", required=True, metavar="文件", help="草稿文件名（.json）")
    parser.add_argument("--organ", metavar="名称", help=INFO_LABELS["organ"])
    parser.add_argument("--year", type=_year, metavar="年份", help=INFO_LABELS["year"])
    parser.add_argument("--level", choices=LEVELS, default=None, metavar="层级",
                        help=f"{INFO_LABELS['level']}：{'、'.join(LEVELS)}（默认 {LEVELS[0]}）")
    parser.add_argument("--from", dest="from_last", metavar="上年报告",
                        help="从上年的报告（草稿 .json 或已发布的 .docx）开始：基本信息的年度加一，"
                        "上年结转取上年的结转下年度继续办理，并附加上年报告用于跨年度检查")
    parser.add_argument("--copy-texts", action="store_true", help="与 --from 一起用：同时复制上年的正文")
    parser.add_argument("--force", action="store_true", help="文件已存在时覆盖（旧文件保留为 .bak）")
    parser.set_defaults(run=run)


def blank_report(organ: str, year: int, level: str = LEVELS[0]) -> Report:
    return Report(Info(organ=organ.strip(), year=year, level=level))


def run(args) -> int:
    from ..report import drafts
    from ..report.atomic import SaveError
    from ..report.target_names import refuse_bad_names
    path = Path(args.output)
    refuse_bad_names(path)
    args.level_given = args.level is not None
    args.level = args.level or LEVELS[0]
    if not args.from_last and (args.organ is None or args.year is None):
        missing = "、".join(o for o, v in (("--organ", args.organ), ("--year", args.year)) if v is None)
        print(f"缺少必需的参数：{missing}（或用 --from 指定上年的报告）。", file=sys.stderr)
        return EXIT_FAILED
    if path.suffix.lower() != drafts.SUFFIX:
        print(f"草稿文件名应以 {drafts.SUFFIX} 结尾：「{path.name}」。", file=sys.stderr)
        return EXIT_FAILED
    if args.organ is not None and not args.organ.strip():
        print(f"{INFO_LABELS['organ']}不能为空。", file=sys.stderr)
        return EXIT_FAILED
    if path.exists() and not args.force:
        print(f"文件「{path}」已存在，未覆盖。如需覆盖，请加 --force。", file=sys.stderr)
        return EXIT_FAILED
    if args.from_last:
        from .from_last import report_from_last
        report = report_from_last(args)
        if report is None:
            return EXIT_FAILED
    else:
        report = blank_report(args.organ, args.year, args.level)
    try:
        drafts.save(report, path)
    except SaveError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    print(f"已新建草稿「{path}」：{report.title}")
    return EXIT_OK
