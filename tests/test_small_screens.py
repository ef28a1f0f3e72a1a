"""A laptop screen: 1366×768 at 125 % (1093×614 logical) and 1920×1080 at 150 % (1280×720). Every step fits,
the tables scroll sideways with their row labels and header rows frozen (冻结窗格), and following an
error to the last cell of a table keeps that cell in sight beside its label."""
from __future__ import annotations

import pytest

from test_screen_fit import assert_fits, open_window

LAPTOPS = {"1366×768 at 125%": (1366, 768, 1.25, [1093, 614]), "1920×1080 at 150%": (1920, 1080, 1.5, [1280, 720])}


@pytest.fixture(scope="module", params=list(LAPTOPS), ids=list(LAPTOPS))
def seen(request, tmp_path_factory):
    width, height, scale, logical = LAPTOPS[request.param]
    seen = open_window(tmp_path_factory.mktemp("screen"), width, height, scale)
    assert seen["available"] == logical
    return seen


def test_every_step_fits_and_none_needs_more_than_the_screen(seen):
    assert_fits(seen)
    aw, ah = seen["available"]
    wider = {step: s["minimum"] for step, s in seen["steps"].items() if s["minimum"][0] > aw or s["minimum"][1] > ah}
    assert wider == {}, "a step whose minimum size is larger than the screen pushes the window off it"


def test_table_three_scrolls_sideways_with_its_row_labels_frozen(seen):
    requests = seen["frozen"]["requests"]
    assert requests["cell_in_sight"], requests        # 总计 of the last row, beside its label
    if requests["sideways"] > 0:                       # only where the width cannot hold every column
        assert requests["labels_shown"]
    assert requests["labels_width"] <= 0.5 * requests["viewport_width"], "the labels leave room for numbers"
    assert requests["header_shown"]                    # scrolled down to the last row: headings frozen


@pytest.mark.parametrize("key", ["active", "appeals"])
def test_tables_two_and_four_keep_their_last_cell_in_sight(seen, key):
    table = seen["frozen"][key]
    assert table["cell_in_sight"], table
    if key == "appeals" and table["sideways"] > 0:
        assert table["labels_width"] == 0              # 表四 has header rows only; all columns are numbers


def test_the_problem_list_can_be_folded_away_from_the_view_menu(seen):
    assert seen["problems_toggle"]
