"""年报助手: the application package. `gui.report` is the Qt-free core; the rest is the Qt layer."""
from pathlib import Path as _Path

__version__ = "0.1.0"
APP_NAME = "年报助手"

# resources/ beside gui/ in a checkout; the frozen build collects it to the same place beside gui/.
RESOURCES_DIR = _Path(__file__).resolve().parent.parent / "resources"
DEMO_DRAFT = RESOURCES_DIR / "demo-2024.json"
