"""A published report's table 三 as a PDF written byte by byte: ruled cells, continued on a second
page whose first row is drawn with partial ruling lines (no top rule, no column rules), as real
PDFs do at a page break. Text in the predefined STSong-Light / UniGB-UCS2-H font (no embedding)."""
from __future__ import annotations

from gui.report.form import REQUESTS, REQUESTS_COLUMNS
from gui.report.model import Report
from pdf_factory import pdf, stream

LEFT, LABEL_RIGHT, RIGHT = 60.0, 300.0, 545.0
COLUMN = (RIGHT - LABEL_RIGHT) / len(REQUESTS_COLUMNS)
ROW = 18.0
HEIGHT = 842.0


def _text(x: float, y_top: float, text: str, size: float = 7.0) -> str:
    hexed = text.encode("utf-16-be").hex()
    return f"BT /F1 {size} Tf {x:.2f} {HEIGHT - y_top - size - 4:.2f} Td <{hexed}> Tj ET\n"


def _line(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"{x0:.2f} {HEIGHT - y0:.2f} m {x1:.2f} {HEIGHT - y1:.2f} l S\n"


def _row(top: float, cells: list[str], ruled: bool = True) -> str:
    out = _text(LEFT + 2, top, cells[0], 6.0)
    for i, value in enumerate(cells[1:]):
        out += _text(LABEL_RIGHT + i * COLUMN + COLUMN / 2 - 3, top, value, 6.0)
    if ruled:
        out += _line(LEFT, top, RIGHT, top)
        for x in [LEFT, LABEL_RIGHT] + [LABEL_RIGHT + (i + 1) * COLUMN for i in range(len(REQUESTS_COLUMNS))]:
            out += _line(x, top, x, top + ROW)
    return out


def _table(top: float, rows: list[list[str]], loose_first: bool = False, loose_last: bool = False) -> str:
    out = "0.5 w\n"
    for i, cells in enumerate(rows):
        out += _row(top + i * ROW, cells, ruled=not (loose_first and i == 0 or loose_last and i == len(rows) - 1))
    bottom = top + (len(rows) - 1 if loose_last else len(rows)) * ROW
    return out + _line(LEFT, bottom, RIGHT, bottom)


def _shown(report: Report, key: str) -> list[str]:
    return [REQUESTS.row(key).label] + [str(v) for v in report.row_values("requests", key)]


def split_requests_pdf(report: Report, break_before: str = "unable_2", loose: str = "head") -> bytes:
    """Title and heading, then table 三 over two pages from the row `break_before` on; the row at
    the break is drawn without its rules: the first of page 2 (loose="head") or the last of page 1
    ("foot")."""
    keys = [row.key for row in REQUESTS.rows]
    cut = keys.index(break_before)
    header = ["申请人情况"] + [c.label for c in REQUESTS_COLUMNS]
    page1 = (_text(LEFT, 60, report.title, 12) + _text(LEFT, 90, "三、收到和处理政府信息公开申请情况", 10)
             + _table(120, [header] + [_shown(report, k) for k in keys[:cut]], loose_last=loose == "foot"))
    page2 = _table(72, [_shown(report, k) for k in keys[cut:]], loose_first=loose == "head")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>",
               b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
               b"/DescendantFonts [8 0 R] >>"]
    for n, content in ((5, page1), (7, page2)):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % n)
        objects.append(stream(content.encode("ascii")))
    objects.append(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                   b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
                   b"/FontDescriptor 9 0 R /DW 1000 /W [1 95 500] >>")
    objects.append(b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] "
                   b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
    return pdf(objects)
