"""Steps 一, 五 and 六: one editor per text field, with guidance and a character count."""
from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from gui.report.cells import CellError, format_value, parse
from gui.report.form import COUNT, FEE, FEE_LABELS, TEXT_FIELD_BY_KEY, TEXT_FIELDS
from gui.report.guidance import GUIDANCE
from gui.report.problems import FEE_PREFIX, FEE_RULE, TEXT_PREFIX
from .page import Page
from ..palette import ERROR_TEXT, text_style
from .widgets import (guidance_label, leave_undo_to_window, plain_text_edit,
                      set_plain_text_keeping_cursor)


class TextFieldEditor(QWidget):
    """One TextField: its title, guidance, editor and character count. Typing is undoable."""

    def __init__(self, document, key: str, parent=None, min_height: int = 150):
        super().__init__(parent)
        self.document, self.key = document, key
        field = TEXT_FIELD_BY_KEY[key]
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 6, 0, 6)
        if field.sub_number:
            title = QLabel(field.sub_number + field.label)
            title.setStyleSheet("font-weight: bold; font-size: 11pt;")
            col.addWidget(title)
        col.addWidget(guidance_label(GUIDANCE[key]))
        self.edit = plain_text_edit()
        self.edit.setObjectName(f"text.{key}")
        self.edit.setMinimumHeight(min_height)
        self.edit.setPlainText(document.report.texts[key])
        self.edit.textChanged.connect(self._typed)
        col.addWidget(self.edit, 1)
        self.count = QLabel()
        self.count.setStyleSheet("color: #666;")
        col.addWidget(self.count)
        document.textChanged.connect(self._changed)
        self._update_count()

    def _typed(self):
        self.document.set_field(f"{TEXT_PREFIX}{self.key}", self.edit.toPlainText())
        self._update_count()

    def _changed(self, key: str):
        if key == self.key:
            set_plain_text_keeping_cursor(self.edit, self.document.report.texts[self.key])
            self._update_count()

    def _update_count(self):
        text = self.document.report.texts[self.key]
        chars = sum(1 for ch in text if not ch.isspace())
        self.count.setText(f"{chars} 字")


class TextsPage(Page):
    """A step made of text fields (一 has five themes; 五 and 六 one each)."""

    def __init__(self, document, step: str, heading: str, parent=None):
        super().__init__(document, heading, parent)
        self.step = step
        self.editors = {f.key: TextFieldEditor(document, f.key)
                        for f in TEXT_FIELDS if f.section == step}

    def focus_field(self, field: str, passage: tuple[int, int] | None = None) -> None:
        kind, _, name = field.partition(".")
        editor = self.editors.get(name)
        if kind == "text" and editor is not None:
            self.scroll_to(editor)
            editor.edit.setFocus()
            if passage is not None:                 # select the sentence a problem is about
                cursor = editor.edit.textCursor()
                cursor.setPosition(passage[0])
                cursor.setPosition(min(passage[1], len(editor.edit.toPlainText())), QTextCursor.KeepAnchor)
                editor.edit.setTextCursor(cursor)


class OverviewPage(TextsPage):
    def __init__(self, document, heading: str, parent=None):
        super().__init__(document, "overview", heading, parent)
        for editor in self.editors.values():
            self.body.addWidget(editor)


class ProblemsPage(TextsPage):
    """五: the editor, with last year's 五 beside it (read-only) when last year is attached."""

    def __init__(self, document, heading: str, parent=None):
        super().__init__(document, "problems", heading, parent)
        split = QSplitter()
        split.addWidget(self.editors["problems"])
        self.last_year_box = QGroupBox(
            f"上年报告的「{TEXT_FIELD_BY_KEY['problems'].label}」（只读，供对照整改情况）")
        inner = QVBoxLayout(self.last_year_box)
        self.last_year_text = plain_text_edit()
        self.last_year_text.setReadOnly(True)
        inner.addWidget(self.last_year_text)
        split.addWidget(self.last_year_box)
        self.body.addWidget(split, 1)
        document.problemsChanged.connect(self._show_last_year)
        self._show_last_year()

    def _show_last_year(self):
        """Last year may be attached after this page was built (基本信息 → 附加上年报告)."""
        last = self.document.report.last_year
        self.last_year_box.setVisible(last is not None)
        text = last.texts.get("problems", "") if last is not None else ""
        if self.last_year_text.toPlainText() != text:
            self.last_year_text.setPlainText(text)


def fee_sentence_fix(problems):
    """The R10 fix that inserts the standard 信息处理费 sentence, when the rules offer one."""
    return next((p.fix for p in problems if p.rule == FEE_RULE and p.fix is not None and p.fix.texts),
                None)


class OtherPage(TextsPage):
    """六: the 信息处理费 figures, the standard sentence, and the text."""

    def __init__(self, document, heading: str, parent=None):
        super().__init__(document, "other", heading, parent)
        box = QGroupBox("信息处理费")
        form = QFormLayout(box)
        form.addRow(guidance_label(GUIDANCE["fee"]))
        self.fee_edits: dict[str, QLineEdit] = {}
        for key, label_key, kind in (("amount_yuan", "fee_yuan", FEE), ("charged", "fee_charged", COUNT)):
            edit = QLineEdit()
            edit.setObjectName(f"fee.{key}")
            edit.setMaximumWidth(160)
            leave_undo_to_window(edit)
            edit.textEdited.connect(lambda text, k=key, kd=kind: self._fee_typed(k, kd, text))
            self.fee_edits[key] = edit
            form.addRow(FEE_LABELS[label_key] + "：", edit)
        self.fee_error = QLabel()
        self.fee_error.setStyleSheet(text_style(ERROR_TEXT))
        form.addRow(self.fee_error)
        row = QHBoxLayout()
        self.insert_sentence = QPushButton("插入信息处理费标准表述")
        self.insert_sentence.clicked.connect(self._insert_sentence)
        row.addWidget(self.insert_sentence)
        row.addStretch(1)
        form.addRow(row)
        self.body.addWidget(box)
        self.body.addWidget(self.editors["other"], 1)
        document.textChanged.connect(lambda what: self._refresh_fee() if what == "fee" else None)
        document.problemsChanged.connect(self._refresh_action)
        self._refresh_fee()
        self._refresh_action()

    def _fee_typed(self, key: str, kind: str, text: str) -> None:
        try:
            value = parse(text.strip().removesuffix("元"), kind)
        except CellError as exc:
            self.fee_error.setText(f"{FEE_LABELS['fee_yuan' if key == 'amount_yuan' else 'fee_charged']}："
                                   f"{exc}")
            return
        self.fee_error.clear()
        self.document.set_field(f"{FEE_PREFIX}{key}", value)

    def _refresh_fee(self) -> None:
        for key, edit in self.fee_edits.items():
            value = getattr(self.document.report.fee, key)
            try:
                shown = parse(edit.text().strip().removesuffix("元"), FEE if key == "amount_yuan" else COUNT)
            except CellError:
                shown = object()
            if shown != value:
                edit.setText(format_value(value))

    def _refresh_action(self) -> None:
        fix = fee_sentence_fix(self.document.problems)
        self.insert_sentence.setEnabled(fix is not None)
        if fix is not None:
            self.insert_sentence.setToolTip(f"{fix.label}（可撤销）")
        elif self.document.report.fee.amount_yuan is None:
            self.insert_sentence.setToolTip("请先填写全年收取的信息处理费（没有收取填0）")
        else:
            self.insert_sentence.setToolTip("正文中已有信息处理费的表述")

    def _insert_sentence(self) -> None:
        fix = fee_sentence_fix(self.document.problems)
        if fix is not None:
            self.document.apply_fix(fix)

    def focus_field(self, field: str, passage: tuple[int, int] | None = None) -> None:
        kind, _, name = field.partition(".")
        if kind == "fee" and name in self.fee_edits:
            self.scroll_to(self.fee_edits[name])
            self.fee_edits[name].setFocus()
        else:
            super().focus_field(field, passage)
