"""`export DRAFT -o OUT.docx|OUT.pdf`: the report as a Word document in the official layout,
or a PDF preview through LibreOffice. Refuses a report with errors unless --force."""
from __future__ import annotations

import sys
from pathlib import Path

MAX_LISTED = 20


def check(report):
    """rules.check looked up at call time (a binding made at import would keep a test's stand-in)."""
    from ..report import rules
    return rules.check(report)


NAMES = ("export",)  # the command names register() adds


def register(subparsers) -> None:
    from ..report.docx_export import CENTER, COMMON, GB, OUTER
    parser = subparsers.add_parser(
        "export", help="导出 Word（.docx）或 PDF 预览",
        description="把草稿导出为正式格式的 Word 文档（.docx），或经 LibreOffice 转换的 PDF 预览。"
                    "报告中有错误时不导出，除非加 --force。")
    parser.add_argument("draft", metavar="草稿", help="草稿文件（.json）")
    parser.add_argument("-o", "--output", required=True, metavar="输出文件",
                        help="输出文件：以 .docx 结尾导出 Word，以 .pdf 结尾导出 PDF 预览")
    parser.add_argument("--force", action="store_true",
                        help="报告中有错误也导出，并覆盖已存在的输出文件")
    parser.add_argument("--page-numbers", choices=(OUTER, CENTER), default=OUTER,
                        help="页码位置：outer 单页居右、双页居左（GB/T 9704，默认）；center 居中")
    parser.add_argument("--fonts", choices=(GB, COMMON), default=GB,
                        help="字体：gb 仿宋_GB2312、楷体_GB2312、方正小标宋简体（默认）；"
                             "common 仿宋、楷体、宋体、黑体（电脑未装公文字体时用）")
    parser.set_defaults(run=run)


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def run(args) -> int:
    from ..report.deadlines import export_hints
    from ..report.docx_export import ExportError, ExportOptions, TargetExists, export_docx, font_warnings
    from ..report.draft_reader import DraftError
    from ..report.sources import read_report
    from ..report.target_names import refuse_bad_names
    output = Path(args.output)
    refuse_bad_names(output)
    suffix = output.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        _say(f"输出文件应以 .docx 或 .pdf 结尾：「{output.name}」。")
        return 2
    if output.resolve() == Path(args.draft).resolve():
        _say(f"输出文件「{output.name}」就是要导出的文件，不能覆盖它：请另选输出文件名。")
        return 2
    try:
        report = read_report(args.draft)
    except DraftError as exc:
        _say(str(exc))
        return 2
    errors = [p for p in check(report) if p.is_error]
    if errors and not args.force:
        _say(f"报告中有 {len(errors)} 个错误，未导出：")
        for problem in errors[:MAX_LISTED]:
            _say(f"  - {problem.message}")
        if len(errors) > MAX_LISTED:
            _say(f"  ……另有 {len(errors) - MAX_LISTED} 个错误（用 check 命令查看全部）")
        _say("请改正后再导出；如确需导出，加 --force。")
        return 1
    options = ExportOptions(page_numbers=args.page_numbers, fonts=args.fonts)
    try:
        if suffix == ".pdf":
            from ..report.pdf import export_pdf
            export_pdf(report, output, options, overwrite=args.force)
        else:
            export_docx(report, output, options, overwrite=args.force)
    except ExportError as exc:
        _say(str(exc) + ("如要覆盖，加 --force。" if isinstance(exc, TargetExists) else ""))
        return 1
    print(f"已导出：{output}")
    for warning in font_warnings(report, options):
        _say(f"注意：{warning}")
    if suffix == ".pdf":
        from ..report.pdf import PREVIEW_NOTE
        print(PREVIEW_NOTE)
    for hint in export_hints(report):
        _say(hint)
    if errors:
        _say(f"注意：报告中仍有 {len(errors)} 个错误（已按 --force 导出）。")
    return 0
