"""Opening a PDF from others safely: limits on bytes, pages, objects, decoded stream data and time,
enforced around pdfminer (underneath pdfplumber) the way gui/report/zipguard.py guards zips.

pdfminer inflates a stream in one call (zlib.decompress) and never stops on its own: its decoders
are replaced here by ones that inflate in steps and stop at the limits; the clock is checked in
those steps and between pages. Every failure becomes PdfImportError with a Chinese reason.
"""
from __future__ import annotations

import logging
import time
import zlib
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from ..draft_reader import DraftError

MAX_FILE_BYTES = 30 * 1024 * 1024       # a published report is well under 5 MB
MAX_PAGES = 200                         # a report has 5–30 pages
MAX_OBJECTS = 200_000                   # objects in the cross-reference table(s)
MAX_STREAM_BYTES = 64 * 1024 * 1024     # one stream inflated
MAX_DECODED_BYTES = 256 * 1024 * 1024   # all streams inflated, together
MAX_CHARS = 400_000                     # characters on all pages
MAX_SECONDS = 30.0                      # reading stops after this
MAX_PAGE_GLYPHS = 50_000                # characters drawn on one page (spaces too); a full page is ~3,000
MAX_PAGE_PATHS = 50_000                 # lines, rectangles and curves drawn on one page
MAX_GRID_POINTS = 10_000                # ruling-line crossings on one page (a report's table: a few hundred;
                                        # the table finder takes ~3 s at 10,000 and grows as their square)
MAX_WIDTH_ENTRIES = 1 << 20             # a font's /W ranges, summed (a CID is at most 65,535)
_STEP = 1024 * 1024


class PdfImportError(DraftError):
    """A PDF that cannot be imported; str(error) is the Chinese message for the clerk."""


class _Stop(Exception):
    """Raised from inside pdfminer when a limit is passed; carries the reason."""


class Budget:
    """The limits of one read: decoded bytes left and the deadline."""

    def __init__(self, seconds: float = MAX_SECONDS, decoded: int = MAX_DECODED_BYTES):
        self.deadline = time.monotonic() + seconds
        self.seconds = seconds
        self.left = decoded

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise _Stop(f"读取超过 {self.seconds:g} 秒仍未完成（文件结构异常或过于复杂）")

    def spend(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise _Stop(f"解压后的内容超过 {MAX_DECODED_BYTES // 1024 // 1024} MB（可能是恶意构造的压缩数据）")
        self.tick()


_budget: Budget | None = None


def _spend(n: int) -> None:
    if _budget is not None:
        _budget.spend(n)


def _inflate(data: bytes) -> bytes:
    """zlib.decompress in 1 MB steps, stopping at the limits; a damaged tail keeps what came out."""
    d = zlib.decompressobj()
    out, total = [], 0
    try:
        chunk = d.decompress(data, _STEP)
        while True:
            out.append(chunk)
            total += len(chunk)
            if total > MAX_STREAM_BYTES:
                raise _Stop(f"一个数据流解压后超过 {MAX_STREAM_BYTES // 1024 // 1024} MB（可能是恶意构造的压缩数据）")
            _spend(len(chunk))
            if d.eof or not d.unconsumed_tail:
                break
            chunk = d.decompress(d.unconsumed_tail, _STEP)
    except zlib.error:
        if not out:
            raise
    return b"".join(out)


class _BoundedZlib:
    """What pdfminer.pdftypes sees as `zlib`: decompress bounded, the rest unchanged."""
    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)
    decompress = staticmethod(_inflate)


def _bounded(decoder, ratio: int):
    """A decoder whose output is at most `ratio` × its input: refused before it runs when that
    could pass the stream limit (RunLength and LZW can inflate many times their size)."""
    def decode(data: bytes, *args):
        if len(data) * ratio > MAX_STREAM_BYTES:
            raise _Stop("压缩数据流过大")
        result = decoder(data, *args)
        _spend(len(result))
        return result
    return decode


_installed = False


def install() -> None:
    """Put the bounded decoders into pdfminer (once per process)."""
    global _installed
    if _installed:
        return
    from pdfminer import pdftypes
    pdftypes.zlib = _BoundedZlib
    pdftypes.lzwdecode = _bounded(pdftypes.lzwdecode, 4096)
    pdftypes.rldecode = _bounded(pdftypes.rldecode, 128)
    _bound_fonts_and_pages()
    _installed = True


def _capped_widths(get_widths, per_range: int):
    """pdfminer's get_widths(2) with each range c1…c2 cut to the CIDs that exist (0–65,535) and
    their sum bounded: `/W [0 4294967295 1000]` would otherwise build a dict of 4 billion keys."""
    def widths(seq):
        from pdfminer.pdftypes import resolve1
        out, numbers, total = [], [], 0
        for v in seq:
            v = resolve1(v)
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                out += numbers
                out.append(v)
                numbers = []
                continue
            numbers.append(v)
            if len(numbers) == per_range:
                first, last = numbers[0], numbers[1]
                if isinstance(first, int) and isinstance(last, int):
                    first, last = max(first, 0), min(last, 0xFFFF)
                    total += max(last - first + 1, 0)
                    if total > MAX_WIDTH_ENTRIES:
                        raise _Stop("字体的字宽表过大（可能是恶意构造的文件）")
                    numbers[:2] = [first, last]
                out += numbers
                numbers = []
        return get_widths(out + numbers)
    return widths


def _counted(method, attribute: str, limit: int, what: str):
    """A device method (render_char, paint_path) counting its calls per page: the page is refused
    as soon as it draws more than `limit`, before pdfplumber keeps an object for each."""
    def counted(self, *args, **kwargs):
        n = self.__dict__.get(attribute, 0) + 1
        self.__dict__[attribute] = n
        if n > limit:
            raise _Stop(f"一页中的{what}超过 {limit} 个，不像是年度报告")
        if n % 1000 == 0 and _budget is not None:
            _budget.tick()
        return method(self, *args, **kwargs)
    return counted


def _bound_fonts_and_pages() -> None:
    from pdfminer import converter, pdffont
    pdffont.get_widths = _capped_widths(pdffont.get_widths, 3)
    pdffont.get_widths2 = _capped_widths(pdffont.get_widths2, 5)
    analyzer = converter.PDFLayoutAnalyzer
    analyzer.render_char = _counted(analyzer.render_char, "_glyphs_drawn", MAX_PAGE_GLYPHS, "文字")
    analyzer.paint_path = _counted(analyzer.paint_path, "_paths_drawn", MAX_PAGE_PATHS, "线条和图形")


def check_ruling(ruled, number: int) -> None:
    """Refuse a page whose ruling lines would keep the table finder busy for minutes (it has no
    clock): counted before it runs, as distinct horizontal × vertical positions."""
    xs, ys = set(), set()
    for edge in ruled.edges:
        (xs if edge.get("orientation") == "v" else ys).add(round(edge["x0" if edge.get("orientation") == "v" else "top"]))
        if len(xs) * len(ys) > MAX_GRID_POINTS:
            raise _Stop(f"第 {number} 页的表格线过多（横竖交叉超过 {MAX_GRID_POINTS} 处），不像是年度报告的表格")


def check_file(path: Path) -> None:
    name = path.name
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(1024)
    except OSError as exc:
        raise PdfImportError(f"无法读取「{name}」：{exc.strerror or exc}。") from None
    if size > MAX_FILE_BYTES:
        raise PdfImportError(f"「{name}」有 {size / 1024 / 1024:.1f} MB，超过可导入的 PDF 上限 "
                             f"{MAX_FILE_BYTES // 1024 // 1024} MB（年度报告的 PDF 一般不到 5 MB），已拒绝打开。")
    if b"%PDF-" not in head:
        raise PdfImportError(not_a_pdf(name))


def not_a_pdf(name: str) -> str:
    return f"「{name}」不是有效的 PDF 文件：文件已损坏，或只是改了扩展名。"


def damaged(name: str) -> str:
    return (f"「{name}」已损坏，无法读取（PDF 结构不完整或有错误）。请重新下载，"
            "或在 PDF 阅读器中「另存为」/「打印为 PDF」后再导入。")


@contextmanager
def guarded(name: str, budget: Budget):
    """Run pdfminer under `budget`; any failure inside becomes PdfImportError (never a traceback)."""
    global _budget
    install()
    _budget = budget
    quiet = [logging.getLogger(n) for n in ("pdfminer", "pdfplumber")]
    levels = [q.level for q in quiet]
    for q in quiet:
        q.setLevel(logging.CRITICAL)     # a damaged file's warnings are not the clerk's to read
    try:
        yield
    except PdfImportError:
        raise
    except Exception as exc:             # pdfminer raises many kinds; pdfplumber wraps them
        raise PdfImportError(_reason(name, _root(exc))) from None
    finally:
        _budget = None
        for q, level in zip(quiet, levels):
            q.setLevel(level)


def _root(exc: BaseException) -> BaseException:
    """The exception that started it all: pdfplumber wraps pdfminer's (PdfminerException(e))."""
    from pdfminer.pdfdocument import PDFEncryptionError
    seen = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, (_Stop, PDFEncryptionError, MemoryError, RecursionError)):
            return exc
        inner = next((a for a in getattr(exc, "args", ()) if isinstance(a, BaseException)), None)
        inner = inner or exc.__cause__ or exc.__context__
        if inner is None:
            break
        exc = inner
    return exc


def _reason(name: str, exc: BaseException) -> str:
    from pdfminer.pdfdocument import PDFEncryptionError
    if isinstance(exc, _Stop):
        return f"「{name}」无法导入：{exc}。已停止读取。"
    if isinstance(exc, PDFEncryptionError):
        return encrypted(name)
    if isinstance(exc, MemoryError):
        return f"「{name}」过大，内存不足以读取，已停止。"
    if isinstance(exc, RecursionError):
        return f"「{name}」的结构嵌套过深（可能是恶意构造的文件），已拒绝读取。"
    return damaged(name)


def encrypted(name: str) -> str:
    return (f"「{name}」设置了密码（已加密），无法读取其中的文字。请向发布单位索取未加密的版本，"
            "或在 PDF 阅读器中输入密码后「打印为 PDF」另存一份再导入。")


def check_document(pdf, name: str) -> None:
    """Objects and pages within the limits before any page is read. (A PDF encrypted with an
    empty user password — only printing or copying restricted — opens and is read.)"""
    from pdfminer.pdfpage import PDFPage
    doc = pdf.doc
    objects = sum(len(list(x.get_objids())) for x in doc.xrefs)
    if objects > MAX_OBJECTS:
        raise PdfImportError(f"「{name}」有 {objects} 个对象，超过上限 {MAX_OBJECTS}，不像是年度报告，已拒绝读取。")
    pages = sum(1 for _ in islice(PDFPage.create_pages(doc), MAX_PAGES + 1))
    if pages > MAX_PAGES:
        raise PdfImportError(f"「{name}」超过 {MAX_PAGES} 页，超过可导入的上限"
                             "（年度报告一般 5 至 30 页），已拒绝读取。")
    if pages == 0:
        raise PdfImportError(damaged(name))
