"""Qt's own words in Chinese: Qt's zh_CN translation, plus the few texts it leaves in English.

qtbase_zh_CN.qm has no Chinese for the file dialog's 「查找范围」 and 「文件类型」 labels and a few
others; Qt's widget file dialog (used where the system offers none, e.g. Linux without a desktop
theme) would show "Look in:" beside Chinese. GAPS fills exactly those; BETTER replaces the one
word whose Chinese reads wrong.
"""
from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

QT_CATALOGUES = ("qtbase_zh_CN",)

# (context, English source) → Chinese: the texts qtbase_zh_CN.qm leaves in English …
GAPS = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileDialog", "Computer"): "计算机",
}
# … and those it renders oddly (「体积」 is a volume; Windows Explorer says 「大小」).
BETTER = {
    ("QFileSystemModel", "Size"): "大小",
}


class TableTranslator(QTranslator):
    """Answers only the texts of its table, and nothing for any other text."""

    def __init__(self, table: dict, parent=None):
        super().__init__(parent)
        self.table = table

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return self.table.get((context, source_text))     # None: a null text, ask the next one

    def isEmpty(self) -> bool:
        return False


def install(app) -> list[QTranslator]:
    """Install the translators on `app` and make dates and numbers Chinese; returns them."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt asks the translator installed last first: the gaps go in before the catalogue, the
    # better words after it.
    installed = [TableTranslator(GAPS, app)]
    for name in QT_CATALOGUES:
        translator = QTranslator(app)
        if translator.load(name, folder):
            installed.append(translator)
    installed.append(TableTranslator(BETTER, app))
    for translator in installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return installed
