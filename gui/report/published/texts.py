"""Placing the text of a published report: 一's themes by their keywords, the opening, 五 and 六,
the sign-off's date, and the 信息处理费 stated in 六. Every decision is noted in the result.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ..draft_reader import DraftError, fee_yuan
from ..form import OVERVIEW_THEMES, SECTION_BY_KEY, TEXT_FIELD_BY_KEY
from ..model import Report
from ..opening import generated_opening
from .labels import normalise
from .result import ImportResult, quote
from .structure import Theme, split_themes

# keywords → theme; a theme's exact label counts double (FORMAT.md §2: the five themes of 一)
THEME_WORDS = {
    "overview_active": ("主动",),
    "overview_request": ("依申请", "申请"),
    "overview_management": ("信息管理", "管理"),
    "overview_platform": ("平台",),
    "overview_supervision": ("监督", "保障", "考核", "评议", "责任追究"),
}
_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
_FEE = re.compile(r"信息处理费[^。；;]*?(\d+(?:\.\d+)?)元")
_NO_FEE = re.compile(r"(未|没有|不)收取[^。；;]*信息处理费")
_CONTACT = {"address": r"地址[:：]([^；;）)]+?)(?=[，,；;）)]\s*(?:邮编|邮政编码|电话|联系电话)|[；;）)]|$)",
            "postcode": r"邮编[:：](\d{6})", "phone": r"电话[:：]([^；;）)，,]+)"}
_COMPILER = re.compile(r"本报告由(.+?)根据")


def _score(theme: Theme, key: str) -> int:
    heading = normalise(theme.heading)
    label = normalise(TEXT_FIELD_BY_KEY[key].label)
    return 2 if label in heading else int(any(w in heading for w in THEME_WORDS[key]))


def assign_themes(themes: list[Theme]) -> list[str | None]:
    """The theme key for each theme of the document: the best keyword match first, then the
    themes without keywords in document order into the places left; None beyond the five."""
    keys = [t.key for t in OVERVIEW_THEMES]
    pairs = sorted(((_score(t, k), -i, k) for i, t in enumerate(themes) for k in keys), reverse=True)
    chosen: list[str | None] = [None] * len(themes)
    for score, neg_i, key in pairs:
        if score and chosen[-neg_i] is None and key not in chosen:
            chosen[-neg_i] = key
    left = [k for k in keys if k not in chosen]
    for i in range(len(themes)):
        if chosen[i] is None and left:
            chosen[i] = left.pop(0)
    return chosen


def _theme_text(theme: Theme, key: str) -> list[str]:
    label = normalise(TEXT_FIELD_BY_KEY[key].label)
    heading = normalise(theme.heading)
    if theme.heading_only and heading.removesuffix("情况").removesuffix("工作") != label:
        return [theme.heading] + theme.lines     # the unit's own heading stays, nothing is lost
    return theme.lines


def place_overview(lines: list[str], report: Report, result: ImportResult) -> None:
    intro, themes = split_themes(lines)
    name = SECTION_BY_KEY["overview"].heading
    if not themes:
        if lines:
            report.texts["overview_active"] = "\n".join(lines)
            result.missed(f"「{name}」没有（一）…（五）小标题，全部 {len(lines)} 段放在了「（一）主动公开」中，"
                          "请按五个主题拆分。")
        return
    texts: dict[str, list[str]] = {}
    previous = None
    for theme, key in zip(themes, assign_themes(themes)):
        field = TEXT_FIELD_BY_KEY[key] if key else None
        if key is None:
            key = previous
            result.missed(f"「{name}」的（{theme.number}）{quote(theme.heading)}超出五个主题，"
                          f"接在「{TEXT_FIELD_BY_KEY[key].sub_number}{TEXT_FIELD_BY_KEY[key].label}」的后面。")
        else:
            how = "按关键词" if _score(theme, key) else "按顺序"
            result.ok(f"「{name}」的（{theme.number}）{quote(theme.heading) if theme.heading else ''}{how}放入"
                      f"「{field.sub_number}{field.label}」。")
        texts.setdefault(key, []).extend(_theme_text(theme, key))
        previous = key
    if intro:
        first = next(iter(texts))
        texts[first] = intro + texts[first]
        result.missed(f"「{name}」中（一）之前的 {len(intro)} 段放在了「{TEXT_FIELD_BY_KEY[first].sub_number}"
                      f"{TEXT_FIELD_BY_KEY[first].label}」的开头，请核对。")
    for key, parts in texts.items():
        report.texts[key] = "\n".join(parts)


def take_sign_off(lines: list[str], report: Report, result: ImportResult) -> list[str]:
    """Drop the organ name and the date under 六 (the sign-off); the date is the 发布日期."""
    organ = normalise(report.info.organ)
    while lines:
        last = normalise(lines[-1])
        date = _DATE.fullmatch(last)
        if date:
            try:
                report.info.publish_date = dt.date(*map(int, date.groups()))
                result.ok(f"落款日期 {lines[-1].strip()} 作为发布日期。")
            except ValueError:
                result.missed(f"落款日期{quote(lines[-1])}不是有效日期，发布日期未导入。")
        elif not (last and (last == organ or set(last) <= set("年月日"))):
            break
        lines = lines[:-1]
    return lines


def take_fee(text: str, report: Report, result: ImportResult) -> None:
    amounts = {Decimal(m) for m in _FEE.findall(text)}
    if len(amounts) == 1:
        try:
            report.fee.amount_yuan = fee_yuan(format(amounts.pop(), "f"))
        except DraftError as exc:          # a draft could not hold it: it would not reopen
            result.missed(f"「六」中的{exc}未导入。")
            return
        result.ok(f"「六」中的信息处理费：{report.fee.amount_yuan} 元。")
    elif len(amounts) > 1:
        result.missed("「六」中提到多个信息处理费金额，未导入，请在「六」中填写。")
    elif _NO_FEE.search(text):
        report.fee.amount_yuan = Decimal(0)
        result.ok("「六」中写明未收取信息处理费：按 0 元导入。")


def take_opening(lines: list[str], report: Report, result: ImportResult) -> None:
    if not lines:
        report.opening_enabled = False
        return
    text = "\n".join(lines)
    compiler = _COMPILER.search(text)
    if compiler and compiler.group(1) != report.info.organ:
        report.info.compiler = compiler.group(1)
    for key, pattern in _CONTACT.items():
        found = re.search(pattern, text)
        if found:
            setattr(report.info, key, found.group(1).strip())
    if generated_opening(report.info) == text:
        report.opening = None
        result.ok("开头段落（编制机构、统计期限、联系方式）已识别。")
    else:
        report.opening = text
        result.ok(f"标题与「一、总体情况」之间的 {len(lines)} 段作为开头段落。")
