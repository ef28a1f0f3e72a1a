"""A Qt table model over one form table's printed grid, backed by the open ReportDocument.

Rows and columns are the grid of form.Table (headers and labels included, spans set by the view);
data cells show and edit the report's values. Marks (problems), tooltips and computed hints are
refreshed on document.problemsChanged, and only the cells whose look changed are announced.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from gui.report import rules
from gui.report.cells import CellError, format_value, parse
from gui.report.form import REQUESTS_ROW_HELP, TABLE_BY_KEY, CellRef, describe, kind_of
from gui.report.problems import BLANK_RULE, ERROR, WARNING, confirmation_text
from .grid import Grid

MarkRole = Qt.ItemDataRole.UserRole + 1     # "error" | "warning" | "involved" | "blank" | None
HintRole = Qt.ItemDataRole.UserRole + 2     # computed value of a blank total, or None
GridRole = Qt.ItemDataRole.UserRole + 3     # the GridCell's role: title/header/label/note/data
RefRole = Qt.ItemDataRole.UserRole + 4      # the CellRef of a data cell

# A cell of a broken relation that is not the one marked as the error (the suspect, else the total):
# marked lightly, so one wrong number shows as one error and not as 25 red cells.
INVOLVED = "involved"
FILL_SHORTCUT = "Ctrl+Enter"


def cell_data(index, role=Qt.ItemDataRole.DisplayRole):
    """index.data(role) read straight from the Python model: no QVariant round trip while painting."""
    return index.model().data(index, role)


class TableModel(QAbstractTableModel):
    inputRefused = Signal(str)      # the Chinese reason a typed value was not accepted

    def __init__(self, document, table_key: str, parent=None):
        super().__init__(parent)
        self.document = document
        self.table = TABLE_BY_KEY[table_key]
        self.grid = Grid(self.table)
        self._marks: dict[CellRef, str] = {}
        self._tips: dict[CellRef, str] = {}
        self._hints: dict[CellRef, object] = {}
        self._refresh_problems(announce=False)
        document.cellsChanged.connect(self._on_cells_changed)
        document.problemsChanged.connect(self._refresh_problems)

    # ── shape ──
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self.grid.rows

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self.grid.cols

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        cell = self.grid.owner(index.row(), index.column())
        if cell is not None and cell.role == "data":
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        return Qt.ItemFlag.ItemIsEnabled

    # ── content ──
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell = self.grid.owner(index.row(), index.column())
        if cell is None or (cell.row, cell.col) != (index.row(), index.column()):
            return None     # covered by a merged cell
        if role == GridRole:
            return cell.role
        ref = cell.ref
        if ref is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return cell.text
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._label_help(index.row())
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_value(self.document.report.get(ref))
        if role == MarkRole:
            return self._marks.get(ref)
        if role == HintRole:
            return self._hints.get(ref)
        if role == RefRole:
            return ref
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(ref)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        ref = self.ref_at(index.row(), index.column()) if index.isValid() else None
        if ref is None or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            parsed = parse("" if value is None else str(value), kind_of(ref), numerals=True)
        except CellError as error:
            self.inputRefused.emit(f"{describe(ref)}：{error}（原值未改动）")
            return False
        self.document.set_cells({ref: parsed}, "修改单元格")
        return True

    # ── helpers for the view and editor ──
    def ref_at(self, row: int, col: int) -> CellRef | None:
        cell = self.grid.owner(row, col)
        return cell.ref if cell is not None else None

    def index_of(self, ref: CellRef) -> QModelIndex:
        row, col = self.grid.position_of[ref]
        return self.index(row, col)

    def hint(self, ref: CellRef):
        return self._hints.get(ref)

    def _label_help(self, row: int) -> str | None:
        if self.table.key != "requests":
            return None
        ref = self.ref_at(row, self.grid.cols - 1)
        return REQUESTS_ROW_HELP.get(ref.row) if ref is not None else None

    def _tooltip(self, ref: CellRef) -> str | None:
        lines = []
        tip = self._tips.get(ref)
        if tip:
            lines.append(tip)
        hint = self._hints.get(ref)
        if hint is not None and self.document.report.get(ref) is None:
            lines.append(f"计算值为 {format_value(hint)}：点单元格右侧的「填」或按 {FILL_SHORTCUT} 填入。")
        return "\n".join(lines) or None

    # ── reacting to the document ──
    def _on_cells_changed(self, refs: list) -> None:
        for ref in refs:
            if ref.table == self.table.key:
                index = self.index_of(ref)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole,
                                                     Qt.ItemDataRole.EditRole])

    def _refresh_problems(self, announce: bool = True) -> None:
        key = self.table.key
        marks: dict[CellRef, str] = {}
        tips: dict[CellRef, list[str]] = {}
        for problem in self.document.problems:
            involved = list(problem.cells)
            if problem.target is not None and problem.target not in involved:
                involved.append(problem.target)
            mine = [ref for ref in involved if ref.table == key]
            if not mine:
                continue
            note = f"（{confirmation_text(problem.confirmed)}）" if problem.confirmed else ""
            severity = None if problem.confirmed else (
                "blank" if problem.rule == BLANK_RULE else problem.severity)
            lead = _lead(problem)
            for ref in mine:
                if lead is not None and ref != lead:
                    _add(tips, ref, _involved_tip(lead, problem))
                    marks[ref] = _worse(marks.get(ref), INVOLVED)
                    continue
                _add(tips, ref, problem.explained(at=ref) + note)
                if severity is not None:
                    marks[ref] = _worse(marks.get(ref), severity)
        hints = {ref: v for ref, v in rules.hints(self.document.report).items() if ref.table == key}
        joined = {ref: "\n".join(t) for ref, t in tips.items()}
        changed = set()
        for old, new in ((self._marks, marks), (self._tips, joined), (self._hints, hints)):
            changed.update(ref for ref in old.keys() | new.keys() if old.get(ref) != new.get(ref))
        self._marks, self._tips, self._hints = marks, joined, hints
        if announce:
            roles = [MarkRole, HintRole, Qt.ItemDataRole.ToolTipRole]
            for ref in changed:
                index = self.index_of(ref)
                self.dataChanged.emit(index, index, roles)


_RANK = {None: 0, INVOLVED: 1, "blank": 2, WARNING: 3, ERROR: 4}


def _lead(problem):
    """The one cell an error of several cells is marked on: its suspect, else its target."""
    if not problem.is_error or problem.rule == BLANK_RULE or len(problem.cells) < 2:
        return None
    return problem.suspect or problem.target


def _involved_tip(lead, problem) -> str:
    if problem.suspect is not None:
        return f"此格所在的勾稽关系不成立，但此格未必填错：最可能填错的是{describe(lead)}。"
    return f"此格所在的勾稽关系不成立：请核对{describe(lead)}及其各项。"


def _add(tips: dict, ref, text: str) -> None:
    found = tips.setdefault(ref, [])
    if text not in found:
        found.append(text)


def _worse(a, b):
    return a if _RANK[a] >= _RANK[b] else b
