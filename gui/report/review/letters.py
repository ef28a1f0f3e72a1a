"""The reply to each unit that has something to change: a short .docx in the export's styles.

「关于〈机关〉〈年〉年政府信息公开工作年度报告的审查意见」, the errors to correct, then the hints to
check, each in official labels with what to change. A unit with nothing open gets no letter.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace
from pathlib import Path

from ..docx_export import ExportOptions, styles
from ..docx_export.document import add_paragraph, add_run, finish, format_date, new_document
from ..docx_export.writer import ExportError, check_target, write_file
from ..form import title_of
from .model import Review, UnitReview

LETTER_SUFFIX = "审查意见.docx"
GENERIC_CHANGES = ("请改正", "请核实")
_NUMBERS = "一二"
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def letter_title(unit: UnitReview) -> str:
    return f"关于{title_of(unit.organ, unit.year)}的审查意见"


def letter_name(unit: UnitReview) -> str:
    name = _NOT_IN_NAMES.sub("_", unit.organ or unit.path.stem).strip(". ") or "单位"
    return f"{name[:60]}{unit.year or ''}年报告{LETTER_SUFFIX}"    # 60: a file name has 255 bytes


# Rules whose expected value the arithmetic fixes (勾稽关系, last year's carry-over and documents
# in force); any other rule's 「应为 N」 is one reading of two that disagree, so the letter asks to check.
ARITHMETIC_RULES = frozenset({"R1", "R2", "R3", "R4", "R5", "R7"})
OLD_FORMAT, BLANK = "OLD_FORMAT", "BLANK"
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACED = re.compile(f"(?<=[{_CJK}])[ \u00a0]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])[ \u00a0]+(?=[{_CJK}])")
# 「表三「X」行「A」列、表三「X」行「B」列」 → 「表三「X」行「A」「B」列」: a row label named once.
_SAME_ROW = re.compile(r"(表[二三四]「[^」]+」行)((?:「[^」]+」)+)列、\1(「[^」]+」)列")
_QUOTED = re.compile(r"(「[^「」]*」)")
_BLANKS = re.compile(r"有 ?(\d+) ?个空白单元格")


def plain(text: str) -> str:
    """The message as a letter prints it: no space between Chinese and a figure, a repeated row
    label named once."""
    while True:
        shorter = _SAME_ROW.sub(r"\1\2\3列", text)
        if shorter == text:
            break
        text = shorter
    # what is quoted (a file name, the unit's own words) stays as written
    return "".join(part if part.startswith("「") else _SPACED.sub("", part)
                   for part in _QUOTED.split(text))


def _row_of(location: str) -> str:
    return location.split("」行", 1)[0]


def causes(findings) -> list:
    """One finding per cause: the blank cells of 表三 that the superseded 2019 format leaves
    (its single （六） row) go into the one item on that format."""
    old = next((f for f in findings if f.rule == OLD_FORMAT), None)
    if old is None:
        return list(findings)
    folded = [f for f in findings if f.rule == BLANK and _row_of(f.location) == _row_of(old.location)]
    out = []
    for f in findings:
        if f in folded:
            continue
        if f is old and folded:
            count = _BLANKS.search(folded[0].message)
            extra = f"表三因此有{count.group(1)}个空白单元格，" if count else "表三因此有空白单元格，"
            f = replace(f, message=f"{f.message.rstrip('。')}。{extra}按现行格式分项填写即可（没有发生的填0）。")
        out.append(f)
    return out


def item_text(number: int, finding) -> str:
    where = finding.location or finding.step
    said = plain(finding.message)
    # 「表三「（三）不予公开—2.其他…」行「自然人」列」: the group or the item already quoted in the
    # message names the place; a long row label is not written twice.
    labels = [part for q in re.findall(r"「([^」]+)」", where or "") for part in q.split("—")]
    named = where and (said.startswith(where) or plain(where) in said
                       or any(f"「{label}」" in said for label in labels if len(label) > 3))
    text = f"{number}．{said}" if not where or named else f"{number}．{plain(where)}：{said}"
    change = finding.change
    if change.startswith("应为") and finding.rule not in ARITHMETIC_RULES:
        change = "请核实"
    if change and change not in GENERIC_CHANGES:
        text += f"修改意见：{plain(change)}。"
    return text


def build_letter(unit: UnitReview, reviewer: str = "", today: dt.date | None = None):
    options = ExportOptions()
    fonts = options.font_set
    document = new_document(fonts)
    title = document.add_paragraph(style=styles.TITLE)
    add_run(title, letter_title(unit), fonts.latin, fonts.title)
    add_paragraph(document, "", "Normal", fonts.body, fonts)
    add_paragraph(document, f"{unit.organ or unit.path.stem}：", "Normal", fonts.body, fonts)
    errors = causes([f for f in unit.findings if f.is_error])
    hints = causes([f for f in unit.findings if not f.is_error and f.open])
    ask = "以下问题改正后方可发布，" if errors else "可以发布，但以下事项"
    add_paragraph(document, f"你单位报送的《{title_of(unit.organ, unit.year)}》（文件「{unit.path.name}」）已审查。"
               f"{ask}请对照修改或核实，并重新报送。", styles.BODY, fonts.body, fonts)
    groups = [("需要改正的问题", errors), ("请核实的事项", hints)]
    for number, (heading, findings) in enumerate([g for g in groups if g[1]], start=1):
        add_paragraph(document, f"{_NUMBERS[number - 1]}、{heading}", styles.HEADING_1, fonts.hei, fonts)
        for i, finding in enumerate(findings, start=1):
            add_paragraph(document, item_text(i, finding), styles.BODY, fonts.body, fonts)
    add_paragraph(document, "", "Normal", fonts.body, fonts)
    if reviewer.strip():
        add_paragraph(document, reviewer.strip(), styles.SIGN_OFF, fonts.body, fonts)
    add_paragraph(document, format_date(today or dt.date.today()), styles.SIGN_OFF, fonts.body, fonts)
    props = document.core_properties
    props.title, props.author, props.language = letter_title(unit), reviewer.strip(), "zh-CN"
    finish(document, fonts)
    return document


def letter_targets(review: Review, folder) -> list[tuple[UnitReview, Path]]:
    folder = Path(folder)
    return [(u, folder / letter_name(u)) for u in review.sorted_units() if u.needs_letter]


def existing_letters(review: Review, folder) -> list[Path]:
    return [path for _, path in letter_targets(review, folder) if path.exists()]


def write_letters(review: Review, folder, *, overwrite: bool = False, reviewer: str = "",
                  today: dt.date | None = None) -> list[Path]:
    """One letter per unit with something open; raises ExportError (Chinese) before writing any
    when one exists and overwrite is False, or when the folder cannot be made."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"无法创建文件夹「{folder}」：{exc.strerror or exc}。") from None
    targets = letter_targets(review, folder)
    for _, path in targets:
        check_target(path, overwrite)
    written = []
    for unit, path in targets:
        buffer = io.BytesIO()
        build_letter(unit, reviewer, today).save(buffer)
        write_file(path, buffer.getvalue())
        unit.letter = path
        written.append(path)
    return written
