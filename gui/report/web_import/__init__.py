"""Importing a report saved from the government portal: a web page (.html/.htm, .mhtml/.mht) or
its text pasted into a file or copied to the clipboard. Qt-free.

decode.py (bytes → text whatever the label says), safety.py (limits), text_lines.py and
text_tables.py (a pasted text's paragraphs and tables), text_reader.py, html_reader.py, mhtml.py.
Each hands its paragraphs, grids and metadata to the builder shared with the other readers
(gui/report/published/); lxml is imported only when a page is read (not at start-up).
"""
from .safety import PASTED, WebImportError


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


__all__ = ["WebImportError", "PASTED", "read_pasted", "read_text_file", "read_html_file", "read_mhtml_file"]
