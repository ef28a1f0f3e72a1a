"""Importing a report saved from the government portal: a web page (.html/.htm, .mhtml/.mht) or
its text pasted into a file or copied to the clipboard. Qt-free.

decode.py (bytes → text whatever the label says), safety.py (limits), text_lines.py and
text_tables.py (a pasted text's paragraphs and tables), text_reader.py. The tables go through the
path shared with the Word and PDF readers (grid_import.import_report), so python-docx and lxml are imported only
when a page or text is read (not at start-up).
"""
from .safety import WebImportError

PASTED = "粘贴的文本"


def read_pasted(text: str, name: str = PASTED):
    """The report in a pasted text, as an ImportResult; raises WebImportError."""
    from .text_reader import read_pasted as read
    return read(text, name)


def read_text_file(path):
    """The report in a .txt (any encoding), as an ImportResult; raises WebImportError."""
    from .text_reader import read_text_file as read
    return read(path)


def read_html_file(path):
    """The report in a saved web page (.html/.htm), as an ImportResult; raises WebImportError."""
    from .html_reader import read_html_file as read
    return read(path)


def read_mhtml_file(path):
    """The report in a single-file web page (.mhtml/.mht), as an ImportResult; raises WebImportError."""
    from .mhtml import read_mhtml_file as read
    return read(path)


def read_html_report(path):
    return read_html_file(path).report


def read_mhtml_report(path):
    return read_mhtml_file(path).report


def read_text_report(path):
    """Only the report (gui.report.sources: every command accepts a .txt)."""
    return read_text_file(path).report


__all__ = ["WebImportError", "PASTED", "read_pasted", "read_text_file", "read_text_report", "read_html_file",
           "read_mhtml_file", "read_html_report", "read_mhtml_report"]
