"""The undo commands on a bare QUndoStack (no window): each edit goes to the core and comes back whole."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from gui import DEMO_DRAFT
from gui.qt.document import ReportDocument
from gui.qt.undo import SetConfirmation, SetField, SetLastYear
from gui.report.drafts import load
from gui.report.form import REQUESTS, CellRef
from gui.report.model import Report
from gui.report.problems import FEE_RULE

CARRY_IN = [CellRef(REQUESTS.key, "carry_in", c.key) for c in REQUESTS.row("carry_in").columns]


@pytest.fixture
def stack(qapp):
    return QUndoStack()


def test_typing_a_word_is_one_step_and_undo_gives_the_field_back(stack):
    document = ReportDocument(Report())
    seen = []
    document.textChanged.connect(seen.append)
    for text in ("马", "马营", "马营镇"):
        stack.push(SetField(document, "info.organ", text))
    stack.push(SetField(document, "info.phone", "0931"))
    assert stack.count() == 2 and stack.text(0) == "修改基本信息"
    stack.undo()
    stack.undo()
    assert (document.report.info.organ, document.report.info.phone) == ("", "")
    stack.redo()
    assert document.report.info.organ == "马营镇" and document.report.title.startswith("马营镇")
    assert set(seen) == {"info"}


@pytest.mark.parametrize("name, value, said", [("text.problems", "公开栏更新不及时。", "problems"),
                                               ("fee.charged", 2, "fee"),
                                               ("opening", "本报告依据……", "opening"),
                                               ("opening_enabled", False, "opening")])
def test_each_kind_of_field_goes_through_the_one_command(stack, name, value, said):
    document = ReportDocument(Report())
    before = document.report.field(name)
    seen = []
    document.textChanged.connect(seen.append)
    stack.push(SetField(document, name, value, merge=False))
    assert document.report.field(name) == value and seen == [said]
    stack.undo()
    assert document.report.field(name) == before


def test_a_field_the_report_does_not_have_is_refused_by_the_core():
    with pytest.raises(KeyError):
        Report().set_field("info.colour", "red")
    with pytest.raises(KeyError):
        Report().set_field("cells", {})


def test_confirming_goes_through_the_rules_and_undo_withdraws_it(stack):
    document = ReportDocument(load(DEMO_DRAFT))
    warning = next(p for p in document.problems if p.rule == FEE_RULE)
    stack.push(SetConfirmation(document, warning, "已核实：本年未收费", "核实提示"))
    confirmed = next(p for p in document.problems if p.key == warning.key)
    assert confirmed.confirmed == "已核实：本年未收费"
    stack.undo()
    assert warning.key not in document.report.confirmations
    assert next(p for p in document.problems if p.key == warning.key).confirmed is None


def test_an_error_cannot_be_confirmed(stack):
    document = ReportDocument(Report())
    error = next(p for p in document.problems if p.is_error)
    with pytest.raises(ValueError):
        stack.push(SetConfirmation(document, error, "知道了", "核实提示"))
    assert document.report.confirmations == {}


def test_attaching_last_year_fills_a_blank_carry_in_and_undo_takes_both_back(stack):
    last = load(DEMO_DRAFT)
    document = ReportDocument(Report())
    stack.push(SetLastYear(document, last))
    assert stack.count() == 1
    assert document.report.last_year is last
    assert [document.report.get(ref) for ref in CARRY_IN] == [last.get(CellRef(REQUESTS.key, "carry_out", ref.column))
                                                              for ref in CARRY_IN]
    stack.undo()
    assert document.report.last_year is None and all(document.report.get(r) is None for r in CARRY_IN)


def test_attaching_last_year_keeps_a_carry_in_the_clerk_typed(stack):
    document = ReportDocument(Report())
    document.report.set(CARRY_IN[0], 7)
    stack.push(SetLastYear(document, load(DEMO_DRAFT)))
    assert document.report.get(CARRY_IN[0]) == 7 and document.report.get(CARRY_IN[1]) is None
    stack.push(SetLastYear(document, None))
    assert document.report.last_year is None and document.report.get(CARRY_IN[0]) == 7
