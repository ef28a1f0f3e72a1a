"""The list of every problem: counts, grouped by step, click to go there, confirm or fix."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from gui.report.problems import CONFIRM_PREFIX, SEVERITY_LABELS, confirmation_text
from ..palette import ERROR_TEXT, WARNING_TEXT
from ..tooltips import show_item_tip, wrapped_tip
from .steps import REVIEW, STEP_BY_KEY, STEP_KEYS, page_of

_ERROR_COLOUR = QColor(ERROR_TEXT)
_WARNING_COLOUR = QColor(WARNING_TEXT)
_CONFIRMED_COLOUR = QColor("#6b7280")
SHORT_FIX = 8        # characters: a longer fix ("填入标准表述……") is only 「修正」 on the button


def problem_tooltip(problem) -> str:
    """The wording used in the list and on the cells."""
    text = problem.explained()
    if problem.confirmed:
        text += f"\n{confirmation_text(problem.confirmed)}"
    return text


def fix_text(fix) -> str:
    return f"可修正：{fix.label}"


def counts_text(problems) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = [p for p in problems if not p.is_error]
    confirmed = sum(1 for p in warnings if p.confirmed)
    text = f"错误 {errors} 处 · 提示 {len(warnings)} 处"
    if confirmed:
        text += f"（已核实 {confirmed} 处）"
    return text


class _WrappingTree(QTreeWidget):
    """A tree whose long Chinese messages wrap to the panel's width instead of being cut off."""

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit_rows()

    def viewportEvent(self, event):
        if event.type() == event.Type.ToolTip:
            return show_item_tip(self, event)
        return super().viewportEvent(event)

    def fit_rows(self) -> None:
        fm = self.fontMetrics()
        width = max(self.viewport().width() - 2 * self.indentation() - 12, 80)
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            for item in [group] + [group.child(j) for j in range(group.childCount())]:
                indent = 0 if item is group else self.indentation()
                rect = fm.boundingRect(QRect(0, 0, width - indent, 100000),
                                       int(Qt.TextFlag.TextWordWrap), item.text(0))
                item.setSizeHint(0, QSize(width - indent, rect.height() + 8))
        self.scheduleDelayedItemsLayout()


class ProblemsView(QWidget):
    problemActivated = Signal(object)      # a Problem: go to it

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        col = QVBoxLayout(self)
        col.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: bold;")
        col.addWidget(self.summary)
        self.tree = _WrappingTree()
        self.tree.setHeaderHidden(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(12)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        col.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.confirm_button = QPushButton("核实…")
        self.confirm_button.setToolTip("已核对数据无误：写一句说明，该提示不再计入待处理")
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.unconfirm_button = QPushButton("撤销核实")
        self.unconfirm_button.clicked.connect(self._unconfirm_selected)
        self.fix_button = QPushButton("修正")
        self.fix_button.clicked.connect(self._fix_selected)
        for b in (self.confirm_button, self.unconfirm_button, self.fix_button):
            row.addWidget(b)
        row.addStretch(1)
        col.addLayout(row)
        document.problemsChanged.connect(self.rebuild)
        self.rebuild()

    # ── contents ──
    def rebuild(self) -> None:
        problems = self.document.problems
        selected = self.selected_problem()
        keep = selected.key if selected is not None else None
        self.summary.setText(counts_text(problems) if problems else "没有发现问题")
        self.tree.clear()
        current = None
        for step in STEP_KEYS:
            mine = [p for p in problems if p.step == step]
            if not mine:
                continue
            errors = sum(1 for p in mine if p.is_error)
            group = QTreeWidgetItem([f"{STEP_BY_KEY[step].title}（{self._group_counts(mine, errors)}）"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setData(0, Qt.ItemDataRole.UserRole, step)
            self.tree.addTopLevelItem(group)
            for p in mine:
                item = QTreeWidgetItem([self._item_text(p)])
                item.setData(0, Qt.ItemDataRole.UserRole, p)
                item.setToolTip(0, problem_tooltip(p))
                colour = _CONFIRMED_COLOUR if p.confirmed else (
                    _ERROR_COLOUR if p.is_error else _WARNING_COLOUR)
                item.setForeground(0, QBrush(colour))
                group.addChild(item)
                if keep and p.key == keep:
                    current = item
            group.setExpanded(True)
        self.tree.fit_rows()
        if current is not None:
            self.tree.setCurrentItem(current)
        self._update_buttons()

    @staticmethod
    def _group_counts(mine, errors) -> str:
        parts = []
        if errors:
            parts.append(f"{errors} 处错误")
        if len(mine) - errors:
            parts.append(f"{len(mine) - errors} 处提示")
        return "，".join(parts)

    @staticmethod
    def _item_text(p) -> str:
        mark = "✖" if p.is_error else ("✔" if p.confirmed else "⚠")
        text = f"{mark} {SEVERITY_LABELS[p.severity]}：{p.message}"
        if p.confirmed:
            text += f"\n    {confirmation_text(p.confirmed)}"
        if p.fix is not None:
            text += f"\n    {fix_text(p.fix)}"
        return text

    def items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            out += [group.child(j) for j in range(group.childCount())]
        return out

    def item_for(self, predicate) -> QTreeWidgetItem | None:
        return next((it for it in self.items() if predicate(it.data(0, Qt.ItemDataRole.UserRole))), None)

    def selected_problem(self):
        item = self.tree.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return value if value is not None and not isinstance(value, str) else None

    def page_shown(self, step: str) -> None:
        """The wizard shows `step`: a selection that belongs to another page is let go, so 核实/修正
        never act on a problem the clerk no longer sees (检查与导出 lists them all)."""
        item = self.tree.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if value is None or step == REVIEW:
            return
        here = value == step if isinstance(value, str) else step in (value.step, page_of(value))
        if not here:
            self.tree.setCurrentIndex(QModelIndex())
            self.tree.clearSelection()

    # ── actions ──
    def _clicked(self, item, _column=0):
        value = item.data(0, Qt.ItemDataRole.UserRole)
        if value is None:
            return
        if isinstance(value, str):              # a step group
            self.problemActivated.emit(value)
        else:
            self.problemActivated.emit(value)
        self._update_buttons()

    def _update_buttons(self):
        p = self.selected_problem()
        warning = p is not None and not p.is_error
        self.confirm_button.setEnabled(warning and not p.confirmed)
        self.unconfirm_button.setVisible(warning and bool(p.confirmed))
        has_fix = p is not None and p.fix is not None
        self.fix_button.setEnabled(has_fix)
        short = has_fix and len(p.fix.label) <= SHORT_FIX
        self.fix_button.setText(f"修正：{p.fix.label}" if short else "修正")
        # the label stays short so the panel keeps its width; what it will do is in the tooltip
        # and in the problem's own text
        self.fix_button.setToolTip(wrapped_tip(f"{fix_text(p.fix)}（可撤销）") if has_fix
                                   else "选中一个可以自动修正的问题")

    def confirm_selected(self) -> None:
        p = self.selected_problem()
        if p is None or p.is_error:
            return
        note, ok = QInputDialog.getText(self, "核实提示",
                                        f"{p.message}\n\n请简要写明核实情况：", text=CONFIRM_PREFIX)
        note = note.strip()
        if ok and note and note != CONFIRM_PREFIX.strip():
            self.document.confirm(p, confirmation_text(note))

    def _unconfirm_selected(self) -> None:
        p = self.selected_problem()
        if p is not None:
            self.document.unconfirm(p)

    def _fix_selected(self) -> None:
        p = self.selected_problem()
        if p is not None and p.fix is not None:
            self.document.apply_fix(p.fix)
