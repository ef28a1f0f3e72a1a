"""Published reports: the one path from what a reader found in a published annual report to the
imported Report. Qt-free, no python-docx, no pdfplumber, no lxml.

Every reader (docx_import: a Word body; pdf_import: a PDF; web_import: a web page or pasted text;
excel.tables_read: a tables workbook) hands over, in document order, the paragraphs (one string
each), the tables as Grids (grid.py) and what only it knows as Metadata (result.py), and calls
import_report (build.py). The builder finds the title and sections (structure.py), which table is
二/三/四 and each typed label's official one (labels.py, tables.py, active.py, appeals.py), places the
text (texts.py) and records the findings on the report (ImportResult.flag); no reader edits the
result afterwards.

    from gui.report.published import Grid, Metadata, import_report
    result = import_report("报告.pdf", paragraphs, [Grid.from_rows(rows)], Metadata(...), error=PdfImportError)
"""
from .build import NotAReport, import_report
from .grid import Cell, Grid, Slot
from .result import ImportResult, Metadata, quote

__all__ = ["import_report", "NotAReport", "Grid", "Slot", "Cell", "ImportResult", "Metadata", "quote"]
