"""The Qt-free core: the official form as data, the report model, the checks, drafts and exports.

Nothing under this package may import PySide6 (tests/test_core_without_qt.py enforces it).
"""
