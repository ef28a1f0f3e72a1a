"""Copy and paste of rectangular blocks between the table editors and Excel/WPS (tab-separated text)."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from gui.report.form import REQUESTS, DETAIL_ROWS
from gui.report.model import Report
from gui.qt.tables import clipboard
from table_support import R, make_editor, value

ctrl = Qt.KeyboardModifier.ControlModifier


def paste(qtbot, editor, text: str, at=None) -> None:
    if at is not None:
        editor.select_cell(at)
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(editor.view, Qt.Key.Key_V, ctrl)


def test_a_block_from_excel_fills_the_cells_right_and_down(qtbot):
    editor = make_editor(qtbot, "requests", report=Report())
    paste(qtbot, editor, "１２\t3,119\t0\r\n4\t 5 \t6件\r\n", at=R("open", "commercial"))
    assert [value(editor, R("open", c)) for c in ("commercial", "research", "social")] == [12, 3119, 0]
    assert [value(editor, R("partial", c)) for c in ("commercial", "research", "social")] == [4, 5, 6]
    assert value(editor, R("open", "natural")) is None
    # the pasted block is selected afterwards
    assert len(editor.view.selectionModel().selectedIndexes()) == 6


def test_a_whole_column_of_table_three_in_one_paste_and_one_undo_step(qtbot):
    editor = make_editor(qtbot, "requests", report=Report())
    rows = [row.key for row in REQUESTS.rows]
    paste(qtbot, editor, "\n".join(str(i) for i in range(len(rows))) + "\n", at=R("new", "legal"))
    assert [value(editor, R(r, "legal")) for r in rows] == list(range(len(rows)))
    stack = editor.document.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert all(value(editor, R(r, "legal")) is None for r in rows)
    stack.redo()
    assert value(editor, R("carry_out", "legal")) == len(rows) - 1


def test_a_paste_running_past_the_table_is_refused_whole(qtbot):
    editor = make_editor(qtbot, "requests")
    before = dict(editor.document.report.cells)
    paste(qtbot, editor, "1\t2\t3\n4\t5\t6\n", at=R("carry_out", "other"))
    assert editor.document.report.cells == before
    assert "超出表格" in editor.message_text()
    assert editor.document.undo_stack.count() == 0


def test_a_paste_with_one_unreadable_value_names_the_cell_and_changes_nothing(qtbot):
    editor = make_editor(qtbot, "requests")
    before = dict(editor.document.report.cells)
    paste(qtbot, editor, "1\t2\n3\t见附件\n", at=R("deny_1", "natural"))
    assert editor.document.report.cells == before
    text = editor.message_text()
    assert "2.其他法律行政法规禁止公开" in text and "商业企业" in text and "「见附件」" in text


def test_slashes_and_dashes_from_a_published_table_paste_as_blank_cells(qtbot):
    editor = make_editor(qtbot, "requests")
    stack = editor.document.undo_stack
    paste(qtbot, editor, "1\t/\t—\n-\t\t十二\n", at=R("deny_1", "natural"))
    assert [value(editor, R("deny_1", c)) for c in ("natural", "commercial", "research")] == [1, None, None]
    assert [value(editor, R("deny_2", c)) for c in ("natural", "commercial", "research")] == [None, None, 12]
    assert stack.count() == 1
    assert "其中 3 格是「/」或「—」，已留空" in editor.message_text()
    blanks = {p.target for p in editor.document.problems if p.rule == "BLANK"}
    assert R("deny_1", "commercial") in blanks          # reported like any other blank
    stack.undo()
    assert value(editor, R("deny_2", "research")) != 12


def test_a_paste_onto_label_cells_is_refused(qtbot):
    editor = make_editor(qtbot, "active", report=Report())
    # three rows down from 行政规范性文件 lands on the title 第二十条第（五）项
    paste(qtbot, editor, "1\n2\n3\n", at=R("rules", "issued", "active"))
    assert value(editor, R("rules", "issued", "active")) is None
    assert "第二十条第（五）项" in editor.message_text()


def test_a_merged_data_cell_takes_the_value_excel_copies_with_empty_neighbours(qtbot):
    editor = make_editor(qtbot, "active", report=Report())
    paste(qtbot, editor, "447228\t\t\n", at=R("licensing", "value", "active"))
    assert value(editor, R("licensing", "value", "active")) == 447228


def test_one_value_fills_every_selected_cell(qtbot):
    editor = make_editor(qtbot, "requests", report=Report())
    editor.select_cell(R("deny_1", "research"))
    for _ in range(7):
        qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    paste(qtbot, editor, "0\r\n")
    filled = [R(f"deny_{i}", c) for i in range(1, 9) for c in ("research", "social")]
    assert [value(editor, r) for r in filled] == [0] * 16
    assert editor.document.undo_stack.count() == 1


def test_a_huge_paste_is_refused_at_once(qtbot):
    editor = make_editor(qtbot, "requests")
    before = dict(editor.document.report.cells)
    paste(qtbot, editor, "1\n" * 10_001, at=R("new", "natural"))
    assert editor.document.report.cells == before
    assert "10,000" in editor.message_text()


def test_copy_gives_excel_a_rectangle(qtbot):
    editor = make_editor(qtbot, "requests")
    editor.select_cell(R("new", "natural"))
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor.view, Qt.Key.Key_C, ctrl)
    assert QGuiApplication.clipboard().text() == "3001\t53\r\n34\t0\r\n"


def test_copy_then_paste_round_trips_between_tables(qtbot):
    source = make_editor(qtbot, "requests")
    target = make_editor(qtbot, "requests", report=Report())
    source.select_cell(R("open", "natural"))
    for _ in range(len(DETAIL_ROWS) - 1):
        qtbot.keyClick(source.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(source.view, Qt.Key.Key_C, ctrl)
    paste(qtbot, target, QGuiApplication.clipboard().text(), at=R("open", "natural"))
    assert [value(target, R(r, "natural")) for r in DETAIL_ROWS] == \
        [value(source, R(r, "natural")) for r in DETAIL_ROWS]


@pytest.mark.parametrize("text, rows", [
    ("1\t2\r\n3\t4\r\n", [["1", "2"], ["3", "4"]]),
    ("1\t2\n3\t4", [["1", "2"], ["3", "4"]]),
    ("7\r", [["7"]]),
    ("\t5\n", [["", "5"]]),
])
def test_tsv_parsing_tolerates_line_endings(text, rows):
    assert clipboard.parse_tsv(text) == rows


def test_a_huge_single_line_is_refused_without_being_split():
    with pytest.raises(clipboard.PasteError, match="过大"):
        clipboard.parse_tsv("1\t" * 1_500_000)
