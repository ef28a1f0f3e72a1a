"""`import REPORT -o DRAFT [--force]`: a published report (Word .docx, pasted text .txt) into a draft.

Prints what was recognised and what was not. Exit status: 0 imported, 2 when the file cannot be
read or is not an annual report, or the draft cannot be written.
"""
from __future__ import annotations

import sys
from pathlib import Path


EXIT_OK, EXIT_FAILED = 0, 2


NAMES = ("import",)  # the command names register() adds


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import", help="导入已发布的年度报告（Word .docx、网页复制的文字 .txt）",
        description="读取已发布的年度报告（Word 或 WPS 编辑的 .docx，或从网页、PDF 复制保存的文字 .txt）：从标题读出机关名称和年度，"
        "按一至六部分的标题拆分正文，按标签逐格读取三张统计表，保存为草稿，并列出识别和未识别的内容。")
    parser.add_argument("file", metavar="报告", help="已发布的年度报告（.docx、.txt）")
    parser.add_argument("-o", "--output", required=True, metavar="草稿", help="保存为草稿（.json）")
    parser.add_argument("--force", action="store_true", help="草稿已存在时覆盖（旧文件保留为 .bak）")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..report import drafts
    from ..report.atomic import SaveError
    from ..report.draft_reader import DraftError
    from ..report.sources import IMPORTERS, import_published, unreadable
    from ..report.target_names import refuse_bad_names
    output = Path(args.output)
    refuse_bad_names(output)
    if output.suffix.lower() != drafts.SUFFIX:
        print(f"草稿文件名应以 {drafts.SUFFIX} 结尾：「{output.name}」。", file=sys.stderr)
        return EXIT_FAILED
    if output.exists() and not args.force:
        print(f"文件「{output}」已存在，未覆盖。如需覆盖，请加 --force。", file=sys.stderr)
        return EXIT_FAILED
    source = Path(args.file)
    if source.suffix.lower() not in IMPORTERS and source.is_file():
        known = "、".join(sorted(IMPORTERS))
        print(f"「{source.name}」不是可以导入的报告：只能导入 {known} 格式的报告。", file=sys.stderr)
        return EXIT_FAILED
    try:
        result = import_published(source)
    except DraftError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:    # a damaged file the checks did not foresee: one line, no traceback
        print(unreadable(source, exc), file=sys.stderr)
        return EXIT_FAILED
    try:
        drafts.save(result.report, output)
    except SaveError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    print(result.summary())
    print(f"\n已保存草稿「{output}」。请在年报助手中打开核对后再继续填写。")
    return EXIT_OK
