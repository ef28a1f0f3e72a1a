"""The Qt layer: the window, the table editor, the dialogs, the open document and its undo commands.

Every module that imports PySide6 lives under this package; `gui.report` (the core) never imports it.
"""
