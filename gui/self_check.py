"""`--self-check`: is everything this copy of 年报助手 needs present? A report in Chinese, one line a part.

Meant for a frozen build (a copy that lost a module or a data file fails silently otherwise): each part
is imported directly and exercised once — the demo draft is read, checked, exported to Word and read
back, a workbook is written and read back, Qt's Chinese translation translates. Exit 0 when every
part works, 1 otherwise. Qt is imported only inside the checks that need it.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Callable

from . import APP_NAME, DEMO_DRAFT, __version__
from .missing import Missing

OK, FAILED, NOTE = "正常", "缺失", "提示"


def _demo():
    from .report import drafts
    if not DEMO_DRAFT.is_file():
        raise Missing(f"找不到示例报告 {DEMO_DRAFT}")
    return drafts.load(DEMO_DRAFT)


def check_commands(folder: Path) -> str:
    from .arguments import build_parser
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return "命令 " + "、".join(sub.choices)


def check_demo(folder: Path) -> str:
    from .report import rules
    report = _demo()
    problems = rules.check(report)
    return f"{DEMO_DRAFT.name}（{report.title}，检查发现 {len(problems)} 个问题）"


def check_word_templates(folder: Path) -> str:
    import docx
    from docx.parts import hdrftr
    # python-docx opens docx/parts/../templates/…: the folder docx/parts must exist for that to resolve.
    names = ("default.docx", "default-styles.xml", "default-settings.xml", "default-header.xml",
             "default-footer.xml")
    folder = os.path.join(os.path.split(hdrftr.__file__)[0], "..", "templates")
    absent = [n for n in names if not os.path.isfile(os.path.join(folder, n))]
    if absent:
        raise Missing(f"python-docx 的模板缺少 {'、'.join(absent)}（{folder}）")
    return f"python-docx {docx.__version__} 的模板 {'、'.join(names)}"


def check_word(folder: Path) -> str:
    from .report.docx_export import export_docx
    from .report.docx_import import read_docx
    report = _demo()
    path = export_docx(report, folder / "自检.docx")
    back = read_docx(path).report
    if back.cells != report.cells or back.info.organ != report.info.organ:
        raise Missing("示例报告导出 Word 后读回的内容与原报告不同")
    return f"示例报告导出 Word（{path.stat().st_size // 1024} KB，含页码）并读回，表格一致"


def check_excel(folder: Path) -> str:
    from .report.excel import read_tables_report
    from .report.excel.ledger_template import write_template
    from .report.excel.tables_xlsx import export_tables
    report = _demo()
    export_tables(report, folder / "自检表格.xlsx")
    if read_tables_report(folder / "自检表格.xlsx").cells != report.cells:
        raise Missing("表格工作簿写出后读回的数字与原报告不同")
    write_template(folder / "自检台账.xlsx", report.info.year)
    return "表格工作簿写出并读回一致，台账模板可以生成"


def check_pdf_import(folder: Path) -> str:
    import pdfplumber
    from pdfminer.cmapdb import CMapDB
    from .report.pdf_import import reader  # noqa: F401  (the reader itself, imported only when a PDF is read)
    try:   # Chinese PDFs name their characters through these maps (pdfminer's data files)
        CMapDB.get_unicode_map("Adobe-GB1")
        CMapDB.get_cmap("UniGB-UCS2-H")
    except Exception as exc:
        raise Missing(f"pdfminer 的中文字符映射缺失（{type(exc).__name__}）：PDF 中的中文无法读取") from exc
    return f"pdfplumber {pdfplumber.__version__}，中文字符映射 Adobe-GB1、UniGB-UCS2-H"


def check_readers(folder: Path) -> str:
    from .report.sources import READERS
    return "可以打开 " + "、".join(sorted(READERS))


def check_pdf(folder: Path) -> str:
    from .report.pdf import find_soffice
    soffice = find_soffice()
    if soffice is None:
        raise Missing("未找到 LibreOffice：导出 PDF 预览不可用（导出 Word 不受影响）")
    return f"LibreOffice：{soffice}"


def check_translation(folder: Path) -> str:
    try:
        from .qt import self_check_qt
    except ImportError as exc:
        raise Missing(f"缺少 PySide6（{exc.name}）") from exc
    return self_check_qt.check_translation(folder)


def check_window(folder: Path) -> str:
    try:
        from .qt import self_check_qt
    except ImportError as exc:
        raise Missing(f"窗口的模块缺失（{exc.name}）") from exc
    return self_check_qt.check_window(folder)


def check_x11_libraries(folder: Path) -> str:
    from .qt import self_check_qt
    return self_check_qt.check_x11_libraries(folder)


# (what the clerk would miss, check(temporary folder) -> detail, whether the copy is unusable without it)
CHECKS: tuple[tuple[str, Callable[[Path], str], bool], ...] = (
    ("命令行", check_commands, True),
    ("示例报告", check_demo, True),
    ("Word 模板", check_word_templates, True),
    ("Word 导出与导入", check_word, True),
    ("Excel 表格与台账", check_excel, True),
    ("PDF 导入", check_pdf_import, True),
    ("可打开的文件", check_readers, True),
    ("窗口", check_window, True),
    ("Qt 中文翻译", check_translation, True),
    ("窗口系统库", check_x11_libraries, False),       # a server without X can still run the commands
    ("PDF 预览", check_pdf, False),
)


def run(out=None) -> int:
    out = out or sys.stdout
    where = Path(sys.executable).parent if getattr(sys, "frozen", False) else Path(__file__).resolve().parents[1]
    print(f"{APP_NAME} {__version__} 自检（{where}）", file=out)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="nianbao-self-check-") as tmp:
        for label, check, required in CHECKS:
            try:
                status, detail = OK, check(Path(tmp))
            except Missing as exc:
                status, detail = (FAILED if required else NOTE), str(exc)
            except Exception as exc:        # a part that is there but broken: name it, never a traceback
                status, detail = (FAILED if required else NOTE), f"{type(exc).__name__}: {exc}"
            failed += status == FAILED
            print(f"  {status}  {label}：{detail}", file=out)
    if failed:
        print(f"自检未通过：{failed} 项缺失或不能使用（见上）。", file=out)
        return 1
    print(f"自检通过：{sum(r for _, _, r in CHECKS)} 项全部正常。", file=out)
    return 0
