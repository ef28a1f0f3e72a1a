"""Any table 三 that satisfies R1, written out as a ledger (wording varied), counts back to itself."""
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from gui.report import form
from gui.report.excel.ledger_import import count_rows
from gui.report.form import CellRef
from gui.report.model import Report
from ledger_factory import applications, loose_result, our_row
from budgets import examples

COLUMNS = {"id": 0, "received": 1, "kind": 2, "content": 3, "source": 4, "result": 5, "done": 6}
counts = st.integers(min_value=0, max_value=6)


@st.composite
def tables(draw):
    report = Report()
    for kind in form.APPLICANT_COLUMNS:
        detail = {row: draw(counts) for row in form.DETAIL_ROWS}
        carry_out, carry_in = draw(counts), draw(counts)
        total = sum(detail.values())
        carry_in = min(carry_in, total + carry_out)
        values = dict(detail, total=total, carry_out=carry_out, carry_in=carry_in,
                      new=total + carry_out - carry_in)
        for row, value in values.items():
            report.set(CellRef("requests", row, kind), value)
    for row in form.REQUESTS.rows:
        report.set(CellRef("requests", row.key, "total"),
                   sum(report.get(CellRef("requests", row.key, k)) for k in form.APPLICANT_COLUMNS))
    return report


@settings(max_examples=examples(40), deadline=None)
@given(tables(), st.integers(min_value=0, max_value=10_000), st.booleans())
def test_ledger_of_any_consistent_table_counts_back_to_it(report, seed, loose):
    rng = random.Random(seed)
    apps = applications(report, 2023, rng)
    rows = []
    for app in apps:
        row = our_row(app)
        if loose:
            row[5] = loose_result(app["result"], rng)
        rows.append(tuple(row))
    result = count_rows(rows, COLUMNS, 2023)
    assert result.bad_rows == []
    assert result.values == {ref: report.get(ref) for ref in form.REQUESTS.cells()}
