"""年报助手: the application package. `gui.report` is the Qt-free core; the rest is the Qt layer."""
__version__ = "0.1.0"
APP_NAME = "年报助手"
