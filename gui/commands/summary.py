"""`summary FILE… -o SUMMARY.xlsx [--year N] [--draft OUT.json]`: add up many units' reports.

Exit status: 0 every file summed; 1 some files refused (the summary of the others is written);
2 nothing could be summed or the output cannot be written.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .new import _year

EXIT_OK, EXIT_REFUSED, EXIT_FAILED = 0, 1, 2


NAMES = ("summary",)  # the command names register() adds


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "summary", help="汇总多个单位的报告表格",
        description="把多个单位的草稿（.json）或表格工作簿（.xlsx）的表二至表四相加，输出汇总表（.xlsx），"
                    "并列出各单位的合计与错误数。其他年度的文件和无法读取的文件会列出原因，不计入汇总。"
                    "退出码：0 全部汇总，1 有文件未汇总，2 没有可汇总的文件或无法保存。")
    parser.add_argument("files", nargs="+", metavar="文件", help="各单位的草稿或表格工作簿")
    parser.add_argument("-o", "--output", required=True, metavar="汇总表", help="输出的汇总表（.xlsx）")
    parser.add_argument("--year", type=_year, metavar="年度", help="报告年度（默认取多数文件的年度）")
    parser.add_argument("--draft", metavar="草稿", help="同时把汇总结果保存为草稿（.json）")
    parser.add_argument("--force", action="store_true", help="汇总表或草稿已存在时覆盖")
    parser.set_defaults(run=run)


def _refused_target(args) -> str | None:
    """Why an output may not be written: it is one of the files summed, or exists without --force."""
    from ..report.excel.safety import ExcelError
    from ..report.excel.summary import refuse_input_as_output
    for target in (Path(args.output), Path(args.draft) if args.draft else None):
        if target is None:
            continue
        try:
            refuse_input_as_output(target, args.files)
        except ExcelError as exc:
            return str(exc)
        if target.exists() and not args.force:
            return f"文件「{target}」已存在，未覆盖。如需覆盖，请加 --force。"
    return None


def run(args) -> int:
    from ..report import drafts
    from ..report.atomic import SaveError
    from ..report.excel.safety import ExcelError
    from ..report.excel.summary import describe, export_summary, summarise
    from ..report.target_names import one_line, refuse_bad_names
    output = Path(args.output)
    refuse_bad_names(output, args.draft)
    if output.suffix.lower() != ".xlsx":
        print(f"汇总表文件名应以 .xlsx 结尾：「{output.name}」。", file=sys.stderr)
        return EXIT_FAILED
    if args.draft and Path(args.draft).suffix.lower() != drafts.SUFFIX:
        print(f"草稿文件名应以 {drafts.SUFFIX} 结尾：「{Path(args.draft).name}」。", file=sys.stderr)
        return EXIT_FAILED
    refused = _refused_target(args)
    if refused:
        print(refused, file=sys.stderr)
        return EXIT_FAILED
    summary = summarise(args.files, args.year)
    for line in describe(summary):
        print(one_line(line))       # an organ name from a file never starts a line of its own
    if not summary.units:
        print("没有可以汇总的文件，未生成汇总表。", file=sys.stderr)
        return EXIT_FAILED
    try:
        export_summary(summary, output)
        if args.draft:
            drafts.save(summary.report, args.draft)
    except (ExcelError, SaveError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    print(f"已生成汇总表：{output}" + (f"；汇总草稿：{args.draft}" if args.draft else ""))
    return EXIT_REFUSED if summary.refused else EXIT_OK
