"""Qt: this year beside last year (工具 → 与上年比较…): tables 二/三/四 with both years, the change and
the change in per cent (totals first, 三's detail rows foldable, the unusual changes marked), the
texts of 一/五/六 with the passages identical to last year's highlighted and each section's rate, and
a bar chart of the main figures. Clicking a figure or a passage goes to it in the wizard."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QLabel, QListWidget,
                               QListWidgetItem, QSplitter, QTableView, QTabWidget, QTextBrowser,
                               QVBoxLayout, QWidget)

from gui.report.compare import (Comparison, change_text, compare, field_label, is_detail, main_figures,
                                percent_text)
from gui.report.cells import format_value
from gui.report.form import SECTION_BY_KEY, TABLE_BY_KEY, TEXT_FIELD_BY_KEY
from . import settings
from .window import dialogs

HEADERS = ("项目", "栏目", "本年", "上年", "增减", "增减%")
WARNED = QColor("#fff1b8")
PASSAGE = "#ffe58f"
THIS_COLOUR, LAST_COLOUR = QColor("#1677ff"), QColor("#bfbfbf")


class ComparisonTableModel(QAbstractTableModel):
    """One line per figure of a table: its row, column, this year, last year, change, per cent."""

    def __init__(self, comparison: Comparison, table: str, parent=None):
        super().__init__(parent)
        self.comparison = comparison
        self.table = table
        self.show_details = True
        self._lines = []
        self._fill()

    def _fill(self) -> None:
        self._lines = [(row, cell, next(c.label for c in row.row.columns if c.key == cell.ref.column))
                       for row in self.comparison.tables[self.table]
                       if self.show_details or not is_detail(row) for cell in row.cells]

    def set_show_details(self, show: bool) -> None:
        self.beginResetModel()
        self.show_details = show
        self._fill()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def ref_at(self, row: int):
        return self._lines[row][1].ref

    def row_of(self, ref) -> int:
        return next(i for i, (_, cell, _) in enumerate(self._lines) if cell.ref == ref)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        row, cell, column = self._lines[index.row()]
        warnings = self.comparison.problems_at(cell.ref)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (row.label, column, format_value(cell.this), format_value(cell.last),
                      change_text(cell.change), percent_text(cell.percent))
            text = values[col]
            if col == 5 and warnings:
                text = f"⚠ {text}"
            return text
        if role == Qt.ItemDataRole.BackgroundRole and warnings:
            return QBrush(WARNED)
        if role == Qt.ItemDataRole.ToolTipRole and warnings:
            return "\n".join(p.explained() for p in warnings)
        if role == Qt.ItemDataRole.FontRole and row.leading:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FiguresChart(QWidget):
    """Bars of the main figures, this year beside last year, painted with QPainter."""

    def __init__(self, figures, this_year, last_year, parent=None):
        super().__init__(parent)
        self.figures = figures
        self.legend = (f"{this_year or '本年'}年", f"{last_year or '上年'}年")
        self.setMinimumSize(520, 190)

    def paintEvent(self, _event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        metrics = painter.fontMetrics()
        line = metrics.height()
        top, bottom = line + 8, self.height() - 2 * line - 6
        most = max([1] + [max(a, b) for _, a, b in self.figures])
        slot = (self.width() - 20) / max(1, len(self.figures))
        bar = min(28.0, slot / 3)
        for colour, text, x in ((THIS_COLOUR, self.legend[0], 10), (LAST_COLOUR, self.legend[1], 110)):
            painter.fillRect(QRectF(x, 4, 12, 12), colour)
            painter.setPen(QColor("black"))
            painter.drawText(QRectF(x + 16, 0, 90, line + 4), Qt.AlignmentFlag.AlignVCenter, text)
        painter.drawLine(10, bottom, self.width() - 10, bottom)
        for i, (name, this, last) in enumerate(self.figures):
            centre = 10 + slot * (i + 0.5)
            for value, colour, x in ((this, THIS_COLOUR, centre - bar - 6), (last, LAST_COLOUR, centre + 6)):
                height = (bottom - top - line) * value / most
                painter.fillRect(QRectF(x, bottom - height, bar, height), colour)
                painter.setPen(QColor("black"))
                label = QRectF(x - 5, bottom - height - line, bar + 10, line)   # never over the other bar's label
                painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, str(value))
            painter.drawText(QRectF(centre - slot / 2, bottom + 4, slot, line + 2),
                             Qt.AlignmentFlag.AlignHCenter, name)
        painter.end()


class SectionView(QWidget):
    """A section's text with the identical passages highlighted, its rate, and the passages listed."""
    passageActivated = Signal(object)          # a compare.Passage

    def __init__(self, comparison: Comparison, section, parent=None):
        super().__init__(parent)
        self.section = section
        layout = QVBoxLayout(self)
        self.rate_label = QLabel(f"{section.heading}：与上年重复率 {round(section.rate * 100)}%，"
                                 f"与上年相同的文字 {len(section.passages)} 处（黄色底色）")
        layout.addWidget(self.rate_label)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.this_text = QTextBrowser()
        self.this_text.setHtml(_marked_html(comparison.this, section))
        self.last_text = QTextBrowser()
        self.last_text.setHtml("".join(f"<p>{_lines_html(comparison.last.texts.get(k) or '')}</p>"
                                       for k in section.keys))
        for title, widget in (("本年", self.this_text), ("上年", self.last_text)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(title))
            box_layout.addWidget(widget)
            split.addWidget(box)
        layout.addWidget(split, 1)
        self.passages = QListWidget()
        self.passages.setWordWrap(True)
        for p in section.passages:
            item = QListWidgetItem(f"{field_label(p.field)}：{p.text}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.passages.addItem(item)
        self.passages.itemActivated.connect(self._activated)
        self.passages.itemClicked.connect(self._activated)
        self.passages.setMaximumHeight(120)
        layout.addWidget(QLabel("与上年相同的文字（点击转到该段落修改）："))
        layout.addWidget(self.passages)

    def _activated(self, item) -> None:
        self.passageActivated.emit(item.data(Qt.ItemDataRole.UserRole))


def _lines_html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _marked_html(report, section) -> str:
    out = []
    for key in section.keys:
        text = report.texts.get(key) or ""
        marks = sorted((p.start, p.end) for p in section.passages if p.field == "text." + key)
        parts, at = [], 0
        for start, end in marks:
            parts.append(_lines_html(text[at:start]))
            parts.append(f'<span style="background-color:{PASSAGE}">{_lines_html(text[start:end])}</span>')
            at = end
        parts.append(_lines_html(text[at:]))
        title = ""
        if len(section.keys) > 1:
            field = TEXT_FIELD_BY_KEY[key]
            title = f"<b>{field.sub_number}{field.label}</b><br>"
        out.append(f"<p>{title}{''.join(parts)}</p>")
    return "".join(out)


class CompareDialog(QDialog):
    """The comparison of the window's report with its attached last year's."""
    cellActivated = Signal(object)             # a CellRef
    passageActivated = Signal(object)          # a compare.Passage

    def __init__(self, report, parent=None):
        super().__init__(parent)
        self.comparison = compare(report, report.last_year)
        this, last = report, report.last_year
        self.setWindowTitle("与上年比较")
        self.resize(980, 720)
        layout = QVBoxLayout(self)
        warnings = len(self.comparison.problems)
        summary = QLabel(f"本年：{this.title or '（未填）'}　上年：{last.title or '（未填）'}　"
                         f"变化异常的数字 {warnings} 个（黄色底色，可在问题列表中核实确认）")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.chart = FiguresChart(main_figures(this, last), this.info.year, last.info.year)
        layout.addWidget(self.chart)
        self.tabs = QTabWidget()
        self.models, self.views = {}, {}
        for key in self.comparison.tables:
            page = QWidget()
            page_layout = QVBoxLayout(page)
            model = ComparisonTableModel(self.comparison, key, self)
            view = QTableView()
            view.setModel(model)
            view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
            view.verticalHeader().hide()
            view.setWordWrap(False)
            for col, width in enumerate((300, 120, 80, 80, 70, 90)):
                view.setColumnWidth(col, width)
            view.clicked.connect(lambda index, m=model: self.cellActivated.emit(m.ref_at(index.row())))
            if key == "requests":
                fold = QCheckBox("显示办理结果的明细行")
                fold.setChecked(True)
                fold.toggled.connect(model.set_show_details)
                page_layout.addWidget(fold)
                self.fold = fold
            page_layout.addWidget(view)
            self.models[key], self.views[key] = model, view
            self.tabs.addTab(page, TABLE_BY_KEY[key].short_name)
        self.sections = {}
        for section in self.comparison.sections:
            view = SectionView(self.comparison, section)
            view.passageActivated.connect(self.passageActivated)
            self.sections[section.section] = view
            heading = SECTION_BY_KEY[section.section].heading.partition("、")[0]
            self.tabs.addTab(view, f"{heading}（重复率 {round(section.rate * 100)}%）")
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox()
        self.word_button = buttons.addButton("导出 Word…", QDialogButtonBox.ButtonRole.ActionRole)
        self.excel_button = buttons.addButton("导出 Excel…", QDialogButtonBox.ButtonRole.ActionRole)
        self.word_button.clicked.connect(lambda: self.export(".docx"))
        self.excel_button.clicked.connect(lambda: self.export(".xlsx"))
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


    def export(self, suffix: str) -> Path | None:
        """The comparison for the meeting, as Word or Excel (the command line's compare writes the same)."""
        kinds = {".docx": "Word 文档 (*.docx)", ".xlsx": "Excel 工作簿 (*.xlsx)"}
        title = self.comparison.this.title or "报告"
        path = dialogs.ask_save_path(self, "保存与上年比较", Path(settings.folder()) / f"{title}与上年比较{suffix}",
                                     kinds[suffix], suffix)
        if path is None:
            return None
        from gui.report.atomic import SaveError
        from gui.report.docx_export import ExportError
        from gui.report.excel.safety import ExcelError
        try:
            if suffix == ".docx":
                from gui.report.docx_export.comparison import export_comparison
            else:
                from gui.report.excel.comparison import export_comparison
            export_comparison(self.comparison, path)
        except (ExportError, ExcelError, SaveError) as exc:
            dialogs.show_error(self, "无法保存", str(exc))
            return None
        settings.remember_folder(path)
        return path


def open_compare(window) -> CompareDialog | None:
    """工具 → 与上年比较…: the dialog beside the wizard; clicking goes to the cell or paragraph."""
    document = getattr(window, "document", None)
    if document is None or document.report.last_year is None:
        return None
    dialog = CompareDialog(document.report, window)

    def go_to_cell(ref):
        window.wizard.go_to(ref.table).select_cell(ref)

    def go_to_passage(passage):
        step = next(s.section for s in dialog.comparison.sections if passage in s.passages)
        window.wizard.go_to(step).focus_field(passage.field, (passage.start, passage.end))

    dialog.cellActivated.connect(go_to_cell)
    dialog.passageActivated.connect(go_to_passage)
    dialog.setModal(False)
    dialog.show()
    window.compare_dialog = dialog
    return dialog
