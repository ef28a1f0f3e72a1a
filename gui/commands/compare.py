"""`compare THIS LAST -o FILE [--force]`: this year's report beside last year's, as a Word document
(.docx: tables and the identical passages highlighted) or a workbook (.xlsx), for any pair of files
the application reads.

Exit status: 0 written; 2 a file cannot be read or the output cannot be written.
"""
from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED = 0, 2
SUFFIXES = (".docx", ".xlsx")

NAMES = ("compare",)  # the command names register() adds


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "compare", help="与上年报告比较，输出比较表",
        description="把本年报告与上年报告逐项比较：表二至表四每个数字的本年、上年、增减和增减百分比，"
                    "变化异常的数字，一、五、六部分与上年相同的文字及重复率。输出 Word（.docx）或 Excel（.xlsx）。"
                    "退出码：0 已生成，2 文件无法读取或无法保存。")
    parser.add_argument("this", metavar="本年报告", help="本年的报告（草稿、Word、PDF、网页等）")
    parser.add_argument("last", metavar="上年报告", help="上年的报告")
    parser.add_argument("-o", "--output", required=True, metavar="比较表", help="输出文件（.docx 或 .xlsx）")
    parser.add_argument("--force", action="store_true", help="输出文件已存在时覆盖")
    parser.set_defaults(run=run)


def _read(path: str):
    """The report in `path`, or None with the reason printed."""
    from ..report.draft_reader import DraftError
    from ..report.sources import read_report, unreadable
    try:
        return read_report(path)
    except DraftError as exc:
        print(str(exc), file=sys.stderr)
    except Exception as exc:   # a reader's unforeseen failure: still one line, never a traceback
        print(unreadable(path, exc), file=sys.stderr)
    return None


def _refused(args, output: Path) -> str | None:
    if output.suffix.lower() not in SUFFIXES:
        return f"比较表文件名应以 .docx 或 .xlsx 结尾：「{output.name}」。"
    if any(Path(p).resolve() == output.resolve() for p in (args.this, args.last)):
        return f"输出文件「{output.name}」就是要比较的报告，未覆盖。"
    if output.exists() and not args.force:
        return f"文件「{output}」已存在，未覆盖。如需覆盖，请加 --force。"
    return None


def run(args) -> int:
    output = Path(args.output)
    refused = _refused(args, output)
    if refused:
        print(refused, file=sys.stderr)
        return EXIT_FAILED
    this = _read(args.this)
    last = _read(args.last) if this is not None else None
    if this is None or last is None:
        return EXIT_FAILED
    from ..report.atomic import SaveError
    from ..report.compare import compare
    from ..report.excel.safety import ExcelError
    comparison = compare(this, last)
    try:
        if output.suffix.lower() == ".xlsx":
            from ..report.excel.comparison import export_comparison
            export_comparison(comparison, output)
        else:
            from ..report.docx_export import ExportError
            from ..report.docx_export.comparison import export_comparison as export_docx
            try:
                export_docx(comparison, output)
            except ExportError as exc:
                raise SaveError(str(exc)) from None
    except (ExcelError, SaveError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    for line in summary_lines(comparison):
        print(line)
    print(f"已生成比较表：{output}")
    return EXIT_OK


def summary_lines(comparison) -> list[str]:
    this, last = comparison.this, comparison.last
    lines = [f"本年：{this.title or '（未填机关和年度）'}；上年：{last.title or '（未填机关和年度）'}。"]
    lines += [f"提示 {p.rule} {p.message}" for p in comparison.problems]
    for s in comparison.sections:
        lines.append(f"{s.heading}：与上年重复率 {round(s.rate * 100)}%，相同文字 {len(s.passages)} 处。")
    return lines
