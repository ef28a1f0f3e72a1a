"""The self-check's one exception, apart from gui/self_check.py so that its Qt half
(gui/qt/self_check_qt.py) raises it without importing the self-check that imports it."""


class Missing(Exception):
    """A part is present but does not work; str() is the Chinese reason."""
