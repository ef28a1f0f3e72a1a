"""`review FILES_OR_FOLDERS… -o 审查.xlsx [--year Y] [--letters DIR] [--last-year DIR] [--force]`: the county review.

Exit status: 0 every unit can be published and every file was reviewed; 1 some unit needs changes,
cannot be read, or some file was left out (all listed); 2 nothing to review, or the workbook or the
letters cannot be written (or would overwrite without --force).
"""
from __future__ import annotations

import sys
from pathlib import Path

from .new import _year

EXIT_OK, EXIT_FINDINGS, EXIT_FAILED = 0, 1, 2


NAMES = ("review",)  # the command names register() adds


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "review", help="审查多个单位的报告并生成审查意见",
        description="逐个读取各单位报送的报告（文件夹会逐层查找），用全部规则检查，比较各单位之间的雷同内容，"
                    "输出审查结果工作簿（总览、问题明细、跨单位、未审查的文件），并可为每个需要修改的单位写一份审查意见（.docx）。"
                    "退出码：0 全部可以发布，1 有单位需修改、无法读取或有文件未审查，2 没有可审查的文件或无法保存。")
    parser.add_argument("files", nargs="+", metavar="文件或文件夹", help="各单位报送的报告，或存放它们的文件夹")
    parser.add_argument("-o", "--output", required=True, metavar="审查结果", help="输出的审查结果工作簿（.xlsx）")
    parser.add_argument("--year", type=_year, metavar="年度", help="报告年度（默认取多数文件的年度）")
    parser.add_argument("--letters", metavar="文件夹", help="为每个需要修改的单位生成审查意见（.docx）到这个文件夹")
    parser.add_argument("--reviewer", default="", metavar="机关", help="审查意见落款的审查机关名称")
    parser.add_argument("--time-limit", type=float, default=None, metavar="秒",
                        help="每个文件最长的读取时间（默认 30 秒），超时的文件列为无法读取")
    parser.add_argument("--last-year", metavar="文件夹",
                        help="上年各单位的报告所在的文件夹：按机关名称对应，在审查结果中加「年度比对」表和图表")
    parser.add_argument("--force", action="store_true",
                        help="覆盖已有的审查结果和审查意见，或允许保存到被审查的文件夹中")
    parser.set_defaults(run=run)


def refused_outputs(output: Path, letters: Path | None, inputs, force: bool) -> str | None:
    """Why the outputs may not be written where asked; None when they may."""
    from ..report.excel.safety import ExcelError
    from ..report.excel.summary import refuse_input_as_output
    from ..report.review.collect import inside
    if output.suffix.lower() != ".xlsx":
        return f"审查结果文件名应以 .xlsx 结尾：「{output.name}」。"
    try:
        refuse_input_as_output(output, [p for p in inputs if Path(p).is_file()])
    except ExcelError as exc:
        return str(exc).replace("要汇总的文件", "要审查的文件")
    if output.is_dir():
        return f"「{output}」是一个文件夹，不能作为审查结果文件。"
    if output.exists() and not force:
        return f"文件「{output}」已存在，未覆盖。如需覆盖，请加 --force。"
    if letters is not None and letters.exists() and not letters.is_dir():
        return f"「{letters}」不是文件夹，无法存放审查意见。"
    if letters is not None and letters.is_dir() and not force:
        from ..report.review.letters import LETTER_SUFFIX
        old = sorted(p.name for p in letters.glob(f"*{LETTER_SUFFIX}"))
        if old:
            return _letters_exist(letters, old)
    if not force:
        for what, target in (("审查结果", output), ("审查意见文件夹", letters)):
            folder = inside(target, inputs) if target is not None else None
            if folder is not None:
                return (f"{what}「{target}」在要审查的文件夹「{folder}」中：保存在那里，下次审查会把它当作单位的报告读取。"
                        "请换一个位置；如确需保存在那里，请加 --force。")
    return None


def _letters_exist(folder: Path, names: list[str]) -> str:
    shown = "、".join(f"「{n}」" for n in names[:3])
    return (f"文件夹「{folder}」中已有审查意见 {shown}{'等' if len(names) > 3 else ''}，未覆盖。"
            "如需覆盖，请加 --force。")


def describe(review) -> list[str]:
    from ..report.review.model import UNREADABLE
    lines = []
    for unit in review.sorted_units():
        if unit.status == UNREADABLE:
            lines.append(f"{unit.status} {unit.path.name}：{unit.unreadable}")
            continue
        late = "（逾期发布）" if unit.late else ""
        lines.append(f"{unit.status} {unit.name}（{unit.path.name}）：{unit.errors} 个错误，{unit.warnings} 个提示{late}")
    for cross in review.cross:
        lines.append(f"跨单位 {cross.unit}：{cross.message}")
    for skipped in review.skipped:
        lines.append(f"未审查 {skipped.path}：{skipped.reason}")
    return lines


def _progress():
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(f"\r正在检查第 {min(done + 1, total)} 个，共 {total} 个", end=end, file=sys.stderr, flush=True)
    return show


def run(args) -> int:
    from ..report.docx_export import ExportError
    from ..report.excel.safety import ExcelError
    from ..report.review import review
    from ..report.review.collect import readable_suffixes
    from ..report.review.model import NEEDS_CHANGES, UNREADABLE
    from ..report.review.letters import existing_letters, write_letters
    from ..report.review.pool import TIME_LIMIT
    from ..report.review.workbook import save_review
    from ..report.target_names import one_line, refuse_bad_names
    output = Path(args.output)
    letters = Path(args.letters) if args.letters else None
    refuse_bad_names(output)
    refuse_bad_names(letters, what="文件夹")
    refused = refused_outputs(output, letters, args.files, args.force)
    if refused:
        print(refused, file=sys.stderr)
        return EXIT_FAILED
    if args.last_year and not Path(args.last_year).is_dir():
        print(f"上年报告文件夹「{args.last_year}」不存在或不是文件夹。", file=sys.stderr)
        return EXIT_FAILED
    limit = args.time_limit if args.time_limit and args.time_limit > 0 else TIME_LIMIT
    result = review(args.files, args.year, progress=_progress(), time_limit=limit)
    if args.last_year and result.units:
        from ..report.review.yearly import compare_years, read_last_year
        result.yearly = compare_years(result, *read_last_year(args.last_year, time_limit=limit))
    for line in describe(result) + (result.yearly.lines() if result.yearly is not None else []):
        print(one_line(line))       # an organ name from a file never starts a line of its own
    if not result.units:
        known = "、".join(sorted(readable_suffixes()))
        print(f"没有找到可以审查的报告（可以审查的文件类型：{known}），未生成审查结果。", file=sys.stderr)
        return EXIT_FAILED
    try:
        if letters is not None:
            existing = existing_letters(result, letters)
            if existing and not args.force:
                print(_letters_exist(letters, [p.name for p in existing]), file=sys.stderr)
                return EXIT_FAILED
            written = write_letters(result, letters, overwrite=args.force, reviewer=args.reviewer)
        save_review(result, output)
    except (ExcelError, ExportError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    counts = result.counts()
    summary = "，".join(f"{status} {n} 个" for status, n in counts.items() if n)
    print(f"已生成审查结果：{output}（{len(result.units)} 个单位：{summary}）")
    if letters is not None:
        print(f"已生成审查意见 {len(written)} 份：{letters}" if written else "没有需要发审查意见的单位。")
    clean = not counts[UNREADABLE] and not counts[NEEDS_CHANGES]
    return EXIT_OK if clean and not result.skipped else EXIT_FINDINGS
