"""Excel: the application ledger (台账) → table 三, the three tables to and from .xlsx, county summaries.

Qt-free. Every workbook from outside goes through safety.open_workbook() before openpyxl parses it.
"""


def read_tables_report(path):
    """The report in a tables workbook, for gui.report.sources (openpyxl is imported only when used)."""
    from .tables_read import load_report
    return load_report(path)
