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
# Texts Qt 6 moved to a new context that the catalogue still files under the old one (the file
# dialog's 「文件夹」「驱动器」 in its 类型 column).
MOVED = {"QAbstractFileIconProvider": "QFileDialog"}


class TableTranslator(QTranslator):
    """Answers only the texts of its table (and of the moved contexts, through `catalogue`)."""

    def __init__(self, table: dict, parent=None, catalogue: QTranslator | None = None):
        super().__init__(parent)
        self.table, self.catalogue = table, catalogue

    def translate(self, context, source_text, disambiguation=None, n=-1):
        found = self.table.get((context, source_text))
        if found is None and self.catalogue is not None and context in MOVED:
            found = self.catalogue.translate(MOVED[context], source_text, disambiguation, n) or None
        return found                # None: a null text, so Qt asks the next translator

    def isEmpty(self) -> bool:
        return False


def install(app) -> list[QTranslator]:
    """Install the translators on `app` and make dates and numbers Chinese; returns them."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt asks the translator installed last first: the gaps go in before the catalogue, the
    # better words after it.
    catalogues = []
    for name in QT_CATALOGUES:
        translator = QTranslator(app)
        if translator.load(name, folder):
            catalogues.append(translator)
    gaps = TableTranslator(GAPS, app, catalogues[0] if catalogues else None)
    installed = [gaps, *catalogues, TableTranslator(BETTER, app)]
    for translator in installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return installed
