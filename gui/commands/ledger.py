"""`ledger-template OUT.xlsx` and `import-ledger LEDGER.xlsx --into DRAFT`: table 三 from the ledger.

import-ledger exit status: 0 written; 1 the ledger has bad rows (nothing written; --force writes the
table counted from the good rows); 2 a file cannot be read or written.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..report.form import describe
from ..report.model import Info, Report
from .new import _year

EXIT_OK, EXIT_BAD_ROWS, EXIT_FAILED = 0, 1, 2


NAMES = ("ledger-template", "import-ledger")  # the command names register() adds


def register(subparsers) -> None:
    template = subparsers.add_parser(
        "ledger-template", help="生成依申请公开登记台账模板（.xlsx）",
        description="生成依申请公开登记台账模板：每件申请一行，申请人类型、来源、办理结果为下拉选择，附填写说明。")
    template.add_argument("output", metavar="输出文件", help="模板文件名（.xlsx）")
    template.add_argument("--year", type=_year, metavar="年度", help="报告年度（用于日期校验和说明）")
    template.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    template.set_defaults(run=run_template)

    imp = subparsers.add_parser(
        "import-ledger", help="从台账计算表三并写入草稿",
        description="从依申请公开登记台账（.xlsx）计算整张表三（含总计），写入草稿。台账中有问题的行会按 "
                    "Excel 行号列出；有问题时不写入，除非加 --force（只计入没有问题的行）。"
                    "退出码：0 已写入，1 台账有问题行未写入，2 文件无法读取或保存。")
    imp.add_argument("ledger", metavar="台账", help="台账文件（.xlsx）")
    imp.add_argument("--into", required=True, metavar="草稿", help="要写入的草稿（.json）；不存在时新建")
    imp.add_argument("--year", type=_year, metavar="年度", help="报告年度（默认取草稿的年度，或按台账日期判断）")
    imp.add_argument("--force", action="store_true", help="台账有问题行时，仍写入其余各行的统计结果")
    imp.set_defaults(run=run_import)


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def run_template(args) -> int:
    from ..report.excel.ledger_template import write_template
    from ..report.excel.safety import ExcelError
    from ..report.target_names import refuse_bad_names
    output = Path(args.output)
    refuse_bad_names(output)
    if output.suffix.lower() != ".xlsx":
        _say(f"模板文件名应以 .xlsx 结尾：「{output.name}」。")
        return EXIT_FAILED
    if output.exists() and not args.force:
        _say(f"文件「{output}」已存在，未覆盖。如需覆盖，请加 --force。")
        return EXIT_FAILED
    try:
        write_template(output, args.year)
    except ExcelError as exc:
        _say(str(exc))
        return EXIT_FAILED
    print(f"已生成台账模板：{output}")
    return EXIT_OK


def run_import(args) -> int:
    from ..report import drafts
    from ..report.atomic import SaveError
    from ..report.cells import format_value
    from ..report.draft_reader import DraftError
    from ..report.excel.ledger_import import read_ledger
    from ..report.excel.safety import ExcelError
    from ..report.target_names import refuse_bad_names
    into = Path(args.into)
    refuse_bad_names(into)
    if into.suffix.lower() != drafts.SUFFIX:
        _say(f"草稿文件名应以 {drafts.SUFFIX} 结尾：「{into.name}」。")
        return EXIT_FAILED
    report = None
    if into.exists():
        try:
            report = drafts.load(into)
        except DraftError as exc:
            _say(str(exc))
            return EXIT_FAILED
    year = args.year or (report.info.year if report else None)
    if report and args.year and report.info.year and report.info.year != args.year:
        _say(f"草稿是 {report.info.year} 年的报告，与 --year {args.year} 不一致，未导入。")
        return EXIT_FAILED
    try:
        result = read_ledger(args.ledger, year)
    except ExcelError as exc:
        _say(str(exc))
        return EXIT_FAILED
    print(result.summary)
    for note in result.notes:
        print(f"说明：{note}")
    for bad in result.bad_rows:
        number = f"（编号 {bad.application}）" if bad.application else ""
        _say(f"  第 {bad.row} 行{number}：{bad.reason}")
    if result.bad_rows and not args.force:
        _say(f"台账中有 {len(result.bad_rows)} 行有问题，未写入草稿。请修正台账后重新导入；"
             "如只导入没有问题的行，加 --force。")
        return EXIT_BAD_ROWS
    if report is None:
        report = Report(Info(year=result.year))
        print(f"草稿「{into.name}」不存在，将新建（请在基本信息中填写机关全称）。")
    changes = [(ref, report.get(ref), v) for ref, v in result.values.items() if report.get(ref) != v]
    report.set_many(result.values)
    try:
        drafts.save(report, into)
    except SaveError as exc:
        _say(str(exc))
        return EXIT_FAILED
    for ref, old, new in changes:
        print(f"  {describe(ref)}：{format_value(old) or '（空）'} → {format_value(new)}")
    print(f"已写入「{into}」：表三 {len(changes)} 个单元格有变化。")
    return EXIT_OK
