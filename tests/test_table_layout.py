"""The editors reproduce the printed tables: same grid, same merges, labels, and table 三 fits the screen."""
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from gui.report.form import TABLES
from gui.report.samples import huaian_2024
from gui.qt.tables.model import GridRole, TableModel
from table_support import make_editor


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.key)
def test_the_model_passes_qt_model_checks(qtmodeltester, table):
    from gui.qt.document import ReportDocument
    model = TableModel(ReportDocument(huaian_2024()), table.key)
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.key)
def test_every_printed_cell_is_there_with_its_merge(qtbot, table):
    editor = make_editor(qtbot, table.key)
    view, model = editor.view, editor.model
    assert (model.rowCount(), model.columnCount()) == (table.grid_rows, table.grid_cols)
    for cell in table.grid:
        index = model.index(cell.row, cell.col)
        assert (view.rowSpan(cell.row, cell.col), view.columnSpan(cell.row, cell.col)) == \
            (cell.rowspan, cell.colspan)
        assert model.data(index, GridRole) == cell.role
        editable = bool(model.flags(index) & Qt.ItemFlag.ItemIsEditable)
        assert editable == (cell.role == "data")
        if cell.ref is None:
            assert model.data(index, Qt.ItemDataRole.DisplayRole) == cell.text
    assert sum(1 for c in table.grid if c.role == "data") == len(table.cells())


def _cell_rect(view, cell) -> QRect:
    return view.visualRect(view.model().index(cell.row, cell.col))


@pytest.mark.parametrize("width", [860, 1100])
def test_table_three_fits_a_1366_by_768_screen_without_horizontal_scrolling(qtbot, width):
    # the wizard page leaves the table roughly 860–1100 px next to the step list and problem panel
    editor = make_editor(qtbot, "requests", size=(width, 700))
    view = editor.view
    columns = sum(view.columnWidth(c) for c in range(view.model().columnCount()))
    assert columns <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0
    metrics = QFontMetrics(view.font())
    for cell in view.model().table.grid:
        if not cell.text:
            continue
        rect = _cell_rect(view, cell)
        needed = metrics.boundingRect(QRect(0, 0, rect.width() - 8, 10_000),
                                      int(Qt.TextFlag.TextWordWrap), cell.text)
        assert needed.height() <= rect.height(), cell.text      # wrapped labels are not cut off
    data = [view.columnWidth(c.col) for c in view.model().grid.data_cells]
    assert min(data) >= metrics.horizontalAdvance("9999999")   # seven digits still show


@pytest.mark.parametrize("key", ["active", "appeals"])
def test_short_tables_are_as_tall_as_their_rows(qtbot, key):
    editor = make_editor(qtbot, key, size=(1000, 900))
    view = editor.view
    qtbot.waitUntil(lambda: view.height() <= view.content_height() + 2, timeout=2000)
    assert view.verticalScrollBar().maximum() == 0


def test_the_column_headings_of_table_three_stay_in_sight_when_scrolled(qtbot):
    editor = make_editor(qtbot, "requests", size=(1000, 400))
    view = editor.view
    assert view.verticalScrollBar().value() == 0          # opens at the top, headings visible
    from table_support import R
    editor.select_cell(R("carry_out", "natural"))
    assert view.verticalScrollBar().value() > 0
    assert view.frozen.isVisible()
    assert view.frozen.geometry().top() == view.viewport().geometry().top()
    assert view.frozen.height() == sum(view.rowHeight(r) for r in range(3))
    # going back up to the first data row scrolls it out from under the frozen headings
    editor.select_cell(R("new", "natural"))
    rect = view.visualRect(view.currentIndex())
    assert rect.top() >= view.frozen.height() or view.verticalScrollBar().value() == 0
