"""Importing a published report from its PDF: pages read under the guard's limits, page furniture
dropped, paragraphs rebuilt, ruled tables (or, without ruling lines, rows of text split by x)
turned into grids, then the builder shared with the other readers (gui/report/published/).
"""
from __future__ import annotations

import os
from pathlib import Path

from ..published import ImportResult, Metadata, import_report
from . import guard
from .fallback import text_tables
from .grids import grid_of, tables_of
from .orphans import rejoin
from .layout import Line, TablePart, read_page
from .paragraphs import drop_furniture, paragraphs
from .guard import PdfImportError

MIN_TEXT_CHARS = 20        # fewer characters than this on every page: no text layer


def scanned(name: str) -> str:
    return (f"这份 PDF 是扫描图像，没有可读取的文字（「{name}」）：年报助手不做文字识别，以免认错数字。"
            "请向发布单位索取 Word 版（.docx）或可以复制文字的 PDF；或者新建报告，对照扫描件手工填写。")


def _pages(path: Path, budget: guard.Budget):
    import pdfplumber
    name = path.name
    with guard.guarded(name, budget):
        with pdfplumber.open(str(path)) as pdf:
            guard.check_document(pdf, name)
            pages, offset, chars = [], 0.0, 0
            for page in pdf.pages:
                budget.tick()
                read = read_page(page, offset, budget.tick)
                chars += read.chars
                if chars > guard.MAX_CHARS:
                    raise PdfImportError(f"「{name}」的文字超过 {guard.MAX_CHARS} 个字符，不像是年度报告，已拒绝读取。")
                pages.append(read)
                offset += read.height
                page.flush_cache()
            return pages


def read_pdf(path: str | os.PathLike, seconds: float = guard.MAX_SECONDS) -> ImportResult:
    """The report in a PDF with what was and was not recognised; raises PdfImportError."""
    path = Path(path)
    guard.check_file(path)
    pages = _pages(path, guard.Budget(seconds))
    if sum(p.chars for p in pages) < MIN_TEXT_CHARS:
        if any(p.images for p in pages):
            raise PdfImportError(scanned(path.name))
        raise PdfImportError(f"「{path.name}」中没有可读取的文字，不是政府信息公开工作年度报告。")
    removed = drop_furniture(pages)
    rejoined = rejoin(pages)
    for page in pages:
        if page.items:
            if isinstance(page.items[0], TablePart):
                page.items[0].first_on_page = True
            if isinstance(page.items[-1], TablePart):
                page.items[-1].last_on_page = True
    items = [it for page in pages for it in page.items]
    parts = [it for it in items if isinstance(it, TablePart)]
    ruled = tables_of(parts)
    starts = {id(first): cells for first, cells in ruled}
    flow: list = []
    for it in items:
        if isinstance(it, TablePart):
            if id(it) in starts:
                flow.append(grid_of(starts[id(it)]))
        else:
            flow.append(it)
    fallback = False
    if not parts:
        flow, fallback = text_tables(flow)
    blocks = paragraphs(flow, pages)
    texts = [b for b in blocks if isinstance(b, str)]
    grids = [b for b in blocks if not isinstance(b, str)]
    return import_report(path.name, texts, grids, _metadata(len(pages), removed, fallback, len(parts), len(ruled), rejoined),
                         error=PdfImportError)


def _metadata(pages: int, removed: int, fallback: bool, parts: int, tables: int, rejoined: int = 0) -> Metadata:
    """How the PDF was read, for the summary: its pages, the page furniture, the tables' lines."""
    first = (f"PDF 共 {pages} 页：正文按缩进和行距重组为段落" + (f"，去掉了页码和页眉页脚 {removed} 处" if removed else "") + "。",)
    if fallback:
        notes = ((False, "PDF 中的表格没有表格线：按文字的横向位置分列读取，请逐格核对表二、表三、表四的数字。"),)
    elif parts:
        joined = parts - tables
        notes = ((True, f"表格按表格线逐格读取（{tables} 个表格" + (f"，其中 {joined} 处跨页续表已接上" if joined else "") + "）。"),)
        if rejoined:
            notes += ((False, f"分页处有 {rejoined} 行表格缺少表格线：已按所在表格的各列读入，请核对这几行的数字。"),)
    else:
        notes = ()
    return Metadata(first_notes=first, notes=notes)


__all__ = ["read_pdf", "PdfImportError", "Line"]
