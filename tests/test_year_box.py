"""The report year's spin box accepts every year a draft holds (form.MIN_YEAR–MAX_YEAR, one range for
the window, drafts and the command line), and stepping up from 「请选择」 lands on last year."""
import datetime as dt

from PySide6.QtCore import Qt

from gui.qt.window.info_page import NO_YEAR, YearBox
from gui.report.form import MAX_YEAR, MIN_YEAR


def _box(qtbot) -> YearBox:
    box = YearBox()
    qtbot.addWidget(box)
    box.setRange(NO_YEAR, MAX_YEAR)
    box.setSpecialValueText("请选择")
    box.setValue(NO_YEAR)
    return box


def test_up_from_choose_goes_to_last_year(qtbot):
    box = _box(qtbot)
    assert box.text() == "请选择"
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.value() == dt.date.today().year - 1
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.value() == dt.date.today().year


def test_every_year_a_draft_holds_can_be_shown(qtbot):
    box = _box(qtbot)
    for year in (MIN_YEAR, MAX_YEAR):
        box.setValue(year)
        assert box.value() == year and box.text() == str(year)
