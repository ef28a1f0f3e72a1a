"""年报助手: the application package.

gui/report/ is the Qt-free core (the form as data, the report, the rules, every reader and writer);
gui/commands/ the command line's commands, started by gui/cli.py with gui/arguments.py's parser;
gui/qt/ the window and every module that imports PySide6; gui/self_check.py `--self-check`.
main.py only chooses between gui/cli.py and gui/qt/app.py.
"""
from pathlib import Path as _Path

__version__ = "0.1.0"
APP_NAME = "年报助手"

# resources/ beside gui/ in a checkout; the frozen build collects it to the same place beside gui/.
RESOURCES_DIR = _Path(__file__).resolve().parent.parent / "resources"
DEMO_DRAFT = RESOURCES_DIR / "demo-2024.json"
