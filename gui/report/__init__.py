"""The Qt-free core: the official form as data (form.py), the report (model.py), the checks
(rules.py and the rule modules it calls), drafts (drafts.py, draft_reader.py), the registry of
readers (sources.py) and the packages: published/ (the builder every reader of a published report
calls), docx_import/, pdf_import/, web_import/ (the readers), docx_export/ (Word), excel/ (ledger,
tables workbook, summaries), review/ (the county review).

Nothing under this package may import PySide6 (tests/test_core_without_qt.py enforces it).
"""
