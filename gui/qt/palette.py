"""The colours of a problem's severity in text (the step list, the problem list, the review page, the
export dialog, a field's error): one palette, so an error is the same red everywhere. The table's
cell marks (tables/delegate.py) paint backgrounds and badges with their own lighter tints."""
ERROR_TEXT = "#b00020"
WARNING_TEXT = "#8a5a00"       # a warning is to check, not wrong: brown, not red
DONE_TEXT = "#1b7f3b"
QUIET_TEXT = "#6b7280"         # not filled in yet


def text_style(colour: str) -> str:
    return f"color: {colour};"
