"""Excel: the application ledger (台账) → table 三, the three tables to and from .xlsx, county summaries.

Qt-free. Every workbook from outside goes through safety.open_workbook() before openpyxl parses it.
"""
