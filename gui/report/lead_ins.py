"""Lead-ins left over from last year's text: a narrative that opens by repeating its own heading.

A published report prints 「（一）主动公开」 and then, as its first words, 「主动公开情况。主要通过……」
or the heading itself again (「（一）主动公开」 on a line of its own). Imported into the field under
the printed heading, those words would be printed twice. This module finds them (rule LEAD_IN, with
a fix that removes them), the import lists them, and the export leaves them out.
"""
from __future__ import annotations

import re
import zlib

from .form import TEXT_FIELDS
from .places import field_name
from .problems import TEXT_PREFIX, WARNING, Fix, Problem

LEAD_IN = "LEAD_IN"
# The words that say a phrase is the heading of this field, besides the field's own label.
_THEME_WORDS = {"overview_active": ("主动公开",), "overview_request": ("依申请公开",),
                "overview_management": ("政府信息管理", "信息管理"),
                "overview_platform": ("平台建设",), "overview_supervision": ("监督保障",),
                "problems": ("存在的主要问题", "问题及改进", "问题和改进"),
                "other": ("其他需要报告的事项",)}
_NUMBER = r"(?:[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.．])?"
_LEAD = re.compile(r"^[ \t\u3000]*(" + _NUMBER + r"[ \t\u3000]*([^\n。：:，,；;！!？?]{2,30}?))"
                   r"(?:[ \t\u3000]*([。：:])|[ \t\u3000]*(?=\n)|[ \t\u3000]*$)")
_ENDINGS = ("情况", "工作", "方面", "")


def _opening(key: str, paragraph: str) -> str | None:
    """The lead-in that opens one paragraph (the words and their 。 or ：), or None."""
    m = _LEAD.match(paragraph)
    if not m:
        return None
    phrase = m.group(2)
    label = next(f.label for f in TEXT_FIELDS if f.key == key)
    for word in (label, *_THEME_WORDS.get(key, ())):
        if word not in phrase:
            continue
        head = phrase[:phrase.index(word)]
        tail = phrase[phrase.index(word) + len(word):]
        # 「政府信息公开平台建设情况」: a few words before it, only 情况/工作/方面 after it
        if len(head) <= 8 and tail in _ENDINGS and len(phrase) <= len(word) + 12:
            return m.group(0).strip(" \t\u3000")
    return None


def lead_ins(key: str, text: str) -> list[str]:
    """The lead-ins opening the field's paragraphs, in order."""
    return [found for line in (text or "").split("\n") if (found := _opening(key, line))]


def lead_in(key: str, text: str) -> str | None:
    """The first lead-in of the field's paragraphs, or None."""
    found = lead_ins(key, text)
    return found[0] if found else None


def without_lead_in(key: str, text: str) -> str:
    """The text with every paragraph's lead-in removed (a paragraph that is nothing else goes)."""
    if not lead_ins(key, text):
        return text
    out = []
    for line in text.split("\n"):
        found = _opening(key, line)
        if found:
            line = line.lstrip(" \t\u3000")[len(found):].lstrip(" \t\u3000")
            if not line:
                continue
        out.append(line)
    return "\n".join(out)


def _first_place(key: str, text: str) -> tuple[int, int] | None:
    """Where the first lead-in stands in the text (for the window to select it)."""
    at = 0
    for line in text.split("\n"):
        found = _opening(key, line)
        if found:
            start = at + line.index(found)
            return start, start + len(found)
        at += len(line) + 1
    return None


def check_lead_ins(report) -> list[Problem]:
    out = []
    for f in TEXT_FIELDS:
        text = report.texts.get(f.key) or ""
        found = "」「".join(lead_ins(f.key, text))
        if not found:
            continue
        field = TEXT_PREFIX + f.key
        heading = f"{f.sub_number}{f.label}"
        out.append(Problem(LEAD_IN, WARNING, f"{field_name(field)}的段落以「{found}」开头，重复了标题"
                           f"「{heading}」（多是沿用上年报告时带进来的）：导出时标题已经印出，这几个字会重复。",
                           f.section, field=field,
                           fix=Fix(f"删去段首的「{found}」", texts=((f.key, without_lead_in(f.key, text)),)),
                           key=f"{LEAD_IN}:{field}", passage=_first_place(f.key, text),
                           fingerprint=str(zlib.crc32(text.encode("utf-8")))))
    return out


def import_notes(report) -> list[str]:
    """For the import summary: each narrative that opens by repeating its heading."""
    return [f"{field_name(TEXT_PREFIX + f.key)}中段落开头的「{'」「'.join(found)}」重复了标题，"
            "可在检查中一键删去（可撤销），导出时不会重复印出。"
            for f in TEXT_FIELDS if (found := lead_ins(f.key, report.texts.get(f.key) or ""))]
