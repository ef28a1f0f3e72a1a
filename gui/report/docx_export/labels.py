"""The labels of 表三 and 表四 as the form has them, wrapped by the width of their column only.

A label cell holds the official text and nothing else (no typed line breaks): Word, WPS and
LibreOffice wrap it where the column is full, character by character, keeping closing punctuation
off the start of a line and opening punctuation off its end (kinsoku). So the column widths are
chosen to make that wrap fall between words: 「社会公益组织」 in a column of two characters reads
社会/公益/组织, in three it would read 社会公/益组织. The vertical 「三、本年度办理结果」 is set as
vertical text (tables.py), so it never wraps at all.
"""
from __future__ import annotations

# The words of the labels: a wrap may fall between them, not inside one.
WORDS = frozenset("""自然人 法人 或 其他 组织 商业 企业 科研 机构 社会 公益 法律 服务 总计 申请人
    情况 行政 复议 诉讼 结果 维持 纠正 尚未 审结 未经 直接 起诉 不予 公开 无法 提供 处理 予以""".split())
OPEN, CLOSE = "（“《「", "）”》」、，。：；"


def words(text: str) -> list[str]:
    """The label cut into words: known words whole, other characters one by one, punctuation kept
    with the character it belongs to (「（三）」, 「三、」)."""
    units, i = [], 0
    while i < len(text):
        for n in (3, 2):
            if text[i:i + n] in WORDS:
                units.append(text[i:i + n])
                i += n
                break
        else:
            units.append(text[i])
            i += 1
    merged: list[str] = []
    for unit in units:
        if merged and (unit[0] in CLOSE or merged[-1][-1] in OPEN):
            merged[-1] += unit
        else:
            merged.append(unit)
    return merged


def fill(text: str, chars_per_line: int) -> list[str]:
    """Greedy lines of at most chars_per_line characters, broken between words only (a word
    longer than a line is the one thing split, character by character)."""
    lines = [""]
    for word in words(text):
        pieces = [word] if len(word) <= chars_per_line else list(word)
        for piece in pieces:
            if lines[-1] and len(lines[-1]) + len(piece) > chars_per_line:
                lines.append("")
            lines[-1] += piece
    return lines


def wrapped(text: str, chars_per_line: int) -> list[str]:
    """The lines a word processor makes of text in a column of chars_per_line full-width
    characters: full lines, except that a closing mark never starts a line and an opening mark
    never ends one (the character before it moves down with it)."""
    lines, i = [], 0
    while i < len(text):
        end = min(i + chars_per_line, len(text))
        while i + 1 < end < len(text) and (text[end] in CLOSE or text[end - 1] in OPEN):
            end -= 1
        lines.append(text[i:end])
        i = end
    return lines


def between_words(text: str, chars_per_line: int) -> bool:
    """Whether wrapping text at this width breaks it only between words."""
    bounds, at = set(), 0
    for word in words(text):
        at += len(word)
        bounds.add(at)
    ends, at = [], 0
    for line in wrapped(text, chars_per_line)[:-1]:
        at += len(line)
        ends.append(at)
    return set(ends) <= bounds


def good_widths(texts, most: int) -> list[int]:
    """The characters a line, 1 … most, at which every text wraps between words only."""
    return [n for n in range(1, most + 1) if all(between_words(t, n) for t in texts)]
