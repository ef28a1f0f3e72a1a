"""Step 基本信息: organ, year, level, contact, dates, the printed title, the opening paragraph."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from gui.report import levels
from gui.report.deadlines import chinese_date, deadline_status, default_explanation
from gui.report.form import INFO_LABELS, LEVELS, MAX_YEAR, MIN_YEAR
from gui.report.places import INFO_STEP
from gui.report.guidance import GUIDANCE
from gui.report.problems import INFO_PREFIX
from .page import Page
from .widgets import guidance_label, leave_undo_to_window, plain_text_edit, \
    set_plain_text_keeping_cursor

_TEXT_FIELDS = ("organ", "compiler", "address", "postcode", "phone")
NO_YEAR = MIN_YEAR - 1          # the spin box's 「请选择」


def _beside(widget: QWidget, note: QLabel) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(widget)
    row.addWidget(note)
    row.addStretch(1)
    return box


def deadline_basis_text(info) -> str:
    """Beside the 报送截止日期: the default and its reason, or that another date was entered."""
    explained = default_explanation(info.level, info.year)
    if info.deadline is None:
        return explained
    return f"已改为 {chinese_date(info.deadline)}（如县里另行规定的日期）；{explained}"


class YearBox(QSpinBox):
    """The report year: 「请选择」 below the first year drafts accept; stepping from it goes to last year
    (the year a report is usually written for), not to the first year a draft could hold."""

    def stepBy(self, steps: int) -> None:
        if self.value() == self.minimum() and steps > 0:
            self.setValue(dt.date.today().year - 1)
        else:
            super().stepBy(steps)


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class InfoPage(Page):
    step = "info"

    def __init__(self, document, parent=None):
        super().__init__(document, INFO_STEP, parent)
        info = document.report.info
        form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        for key in _TEXT_FIELDS:
            edit = QLineEdit(getattr(info, key))
            leave_undo_to_window(edit)
            if key == "organ":
                edit.textEdited.connect(self.document.set_organ)
            else:
                edit.textEdited.connect(lambda text, k=key: self.document.set_field(INFO_PREFIX + k, text))
            self.fields[key] = edit
        self.fields["organ"].setPlaceholderText("例如：马营镇人民政府")
        year = YearBox()
        year.setRange(NO_YEAR, MAX_YEAR)
        year.setSpecialValueText("请选择")
        year.setValue(info.year or NO_YEAR)
        year.valueChanged.connect(lambda v: self.document.set_field("info.year", None if v == NO_YEAR else v))
        self.fields["year"] = year
        level = QComboBox()
        level.addItems(LEVELS)
        level.setCurrentText(info.level)
        # the clerk's choice; a refresh (undo, the organ's guess) sets the list with _editable False
        level.currentTextChanged.connect(lambda t: self._editable and self.document.choose_level(t))
        self.fields["level"] = level
        self.level_note = QLabel()
        self.level_note.setStyleSheet("color: #5f6368;")
        self.fields["publish_date"] = self._publish_row()
        self.fields["deadline"] = self._deadline_row()
        rows = dict(self.fields, level=_beside(level, self.level_note))
        for key, label in INFO_LABELS.items():
            form.addRow(label + "：", rows[key])
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold; color: #1f3b63; padding: 4px 0;")
        self.body.addWidget(guidance_label(GUIDANCE["info"]))
        self.body.addWidget(QLabel("报告标题（打印效果）："))
        self.body.addWidget(self.title)
        holder = QWidget()
        holder.setMaximumWidth(820)
        holder.setLayout(form)
        self.body.addWidget(holder)
        self.body.addWidget(self._opening_box())
        row = QHBoxLayout()
        self.last_year_label = QLabel()
        self.attach_button = QPushButton("附加或更换上年报告…")
        self.attach_button.setToolTip("附加上年报告后，可检查上年结转、现行有效件数和内容雷同")
        self.attach_button.clicked.connect(self._attach_last_year)
        self.remove_last_button = QPushButton("移除上年报告")
        self.remove_last_button.setToolTip("不再对照上年报告检查；已填写的上年结转数字保留（可撤销）")
        self.remove_last_button.clicked.connect(self._remove_last_year)
        row.addWidget(self.last_year_label)
        row.addStretch(1)
        row.addWidget(self.remove_last_button)
        row.addWidget(self.attach_button)
        self.body.addLayout(row)
        document.problemsChanged.connect(self._show_last_year)
        self._show_last_year()
        self.body.addStretch(1)
        document.textChanged.connect(self._on_changed)
        self.refresh()

    def _publish_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.publish_known = QCheckBox("已确定")
        self.publish_edit = QDateEdit(calendarPopup=True)
        self.publish_edit.setDisplayFormat("yyyy年M月d日")
        self.publish_known.toggled.connect(self._publish_edited)
        self.publish_edit.dateChanged.connect(self._publish_edited)
        row.addWidget(self.publish_known)
        row.addWidget(self.publish_edit)
        row.addStretch(1)
        return box

    def _deadline_row(self) -> QWidget:
        row = QHBoxLayout()
        self.deadline_edit = QDateEdit(calendarPopup=True)
        self.deadline_edit.setDisplayFormat("yyyy年M月d日")
        self.deadline_edit.dateChanged.connect(
            lambda q: self.document.set_field("info.deadline", _pydate(q)) if self._editable else None)
        self.deadline_default = QPushButton("恢复默认")
        self.deadline_default.setToolTip("按《政府信息公开条例》第四十九条和单位层级的默认截止日期")
        self.deadline_default.clicked.connect(lambda: self.document.set_field("info.deadline", None))
        self.days_left = QLabel()
        for w in (self.deadline_edit, self.deadline_default, self.days_left):
            row.addWidget(w)
        row.addStretch(1)
        # why the default is what it is (条例 art. 49 and the 单位层级), or that the county's date is used
        self.deadline_basis = QLabel()
        self.deadline_basis.setWordWrap(True)
        self.deadline_basis.setStyleSheet("color: #555;")
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.deadline_basis)
        return box

    def _opening_box(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.opening_enabled = QCheckBox("在正文前加入开头段落（编制依据、统计期限、联系方式）")
        self.opening_enabled.toggled.connect(lambda on: self.document.set_field("opening_enabled", on))
        self.opening_reset = QPushButton("按基本信息重新生成")
        self.opening_reset.clicked.connect(lambda: self.document.set_field("opening", None))
        top.addWidget(self.opening_enabled)
        top.addStretch(1)
        top.addWidget(self.opening_reset)
        self.opening_edit = plain_text_edit()
        self.opening_edit.setFixedHeight(90)
        self.opening_edit.textChanged.connect(
            lambda: self.document.set_field("opening", self.opening_edit.toPlainText()))
        col.addLayout(top)
        col.addWidget(self.opening_edit)
        return box

    _editable = True

    def _publish_edited(self, *_):
        if self._editable:
            value = _pydate(self.publish_edit.date()) if self.publish_known.isChecked() else None
            self.document.set_field("info.publish_date", value)

    def _on_changed(self, what: str) -> None:
        if what in ("info", "opening"):
            self.refresh()

    def refresh(self) -> None:
        """Show the report's values (after an undo, redo or a change made elsewhere)."""
        report = self.document.report
        info = report.info
        self._editable = False
        try:
            for key in _TEXT_FIELDS:
                if self.fields[key].text() != getattr(info, key):
                    self.fields[key].setText(getattr(info, key))
            self.fields["year"].setValue(info.year or NO_YEAR)
            self.fields["level"].setCurrentText(info.level)
            guessed = not self.document.level_by_hand and levels.guess(info.organ) == info.level
            self.level_note.setText("按机关名称判断，可更改" if guessed else "")
            self.publish_known.setChecked(info.publish_date is not None)
            self.publish_edit.setEnabled(info.publish_date is not None)
            self.publish_edit.setDate(_qdate(info.publish_date or dt.date.today()))
            deadline = info.effective_deadline()
            self.deadline_edit.setEnabled(deadline is not None)
            if deadline:
                self.deadline_edit.setDate(_qdate(deadline))
            self.deadline_default.setEnabled(info.deadline is not None)
            self.deadline_basis.setText(deadline_basis_text(info))
            self.days_left.setText(deadline_status(deadline, dt.date.today(), info.publish_date))
            self.title.setText(report.title)
            self.opening_enabled.setChecked(report.opening_enabled)
            self.opening_edit.setEnabled(report.opening_enabled)
            self.opening_reset.setEnabled(report.opening is not None)
            self.opening_edit.blockSignals(True)
            set_plain_text_keeping_cursor(self.opening_edit, self._opening_text())
            self.opening_edit.blockSignals(False)
        finally:
            self._editable = True

    def _attach_last_year(self) -> None:
        from ..lastyear_actions import attach_last_year     # the readers load only when used
        attach_last_year(self.window(), self.document)

    def _remove_last_year(self) -> None:
        from ..lastyear_actions import remove_last_year
        remove_last_year(self.window(), self.document)

    def _show_last_year(self) -> None:
        last = self.document.report.last_year
        self.last_year_label.setText(
            f"已附加上年报告：{last.title}" if last is not None else "尚未附加上年报告（可选）")
        self.remove_last_button.setVisible(last is not None)

    def _opening_text(self) -> str:
        report = self.document.report
        if report.opening is not None:
            return report.opening
        try:
            from gui.report.opening import generated_opening
        except ImportError:
            return ""
        return generated_opening(report.info)

    def focus_field(self, field: str, passage: tuple[int, int] | None = None) -> None:
        name = field.partition(".")[2]
        widget = self.fields.get(name)
        if widget is not None:
            self.scroll_to(widget)
            widget.setFocus()
