"""The text of a .docx report: the title (organ and year), the six sections split by their headings
(一、 or 一. or 一 、, spaces anywhere), and the themes of 一 split by （一）…（五） or (一)….
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..form import SECTIONS, TITLE_SUFFIX
from .labels import normalise, similar

NUMERALS = "一二三四五六七八九十"
_SUFFIXES = (TITLE_SUFFIX, "年度政府信息公开工作年度报告", "年政府信息公开年度报告", "年度政府信息公开年度报告",
             "年政府信息公开工作报告", "年度政府信息公开工作报告")
_TITLE = re.compile(r"(?P<organ>.*?)(?P<year>(?:19|20)\d\d)(?P<suffix>" +
                    "|".join(re.escape(normalise(s)) for s in _SUFFIXES) + r")")
_YEAR_FIRST = re.compile(r"(?P<year>(?:19|20)\d\d)年度?(?P<organ>.+?)政府信息公开(?:工作)?年度报告")
_HEADING = re.compile(r"^([一二三四五六])[、.．,，]?(.*)$")
THEME_START = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*[、.．]?\s*")
# what each section heading must contain (typed headings vary: 存在的主要问题和改进措施 …)
_HEADING_WORDS = {"overview": "总体", "active": "主动公开", "requests": "申请", "appeals": "复议",
                  "problems": "问题", "other": "其他"}
MAX_TITLE_LINES = 8


@dataclass
class Title:
    organ: str = ""
    year: int | None = None
    text: str = ""
    official: bool = True     # worded 〈机关〉〈年〉年政府信息公开工作年度报告 (the organ may stand above)


@dataclass
class Theme:
    number: str           # 一 … (the document's own numbering)
    heading: str          # the heading line, or the first sentence of a run-in heading
    lines: list[str]      # the text, the heading dropped only when it is a heading line
    heading_only: bool    # the heading stood in a paragraph of its own


@dataclass
class Structure:
    title: Title | None = None
    before: list[str] = field(default_factory=list)             # between the title and 一、
    sections: dict[str, list[str]] = field(default_factory=dict)  # section key → its paragraphs
    heading_variants: list[tuple[str, str]] = field(default_factory=list)   # (typed, official)


def find_title(paragraphs: list[str]) -> tuple[Title | None, int]:
    """The title and the index of the paragraph after it; the organ may stand on a line of its own."""
    lines = [i for i, p in enumerate(paragraphs) if p.strip()][:MAX_TITLE_LINES]
    for n, i in enumerate(lines):
        text = normalise(paragraphs[i])
        match = _TITLE.fullmatch(text)
        organ = match.group("organ") if match else ""
        official = bool(match) and match.group("suffix") == normalise(TITLE_SUFFIX)
        if not match:
            match = _YEAR_FIRST.fullmatch(text)
            organ = match.group("organ") if match else ""
        if not match:
            continue
        above = normalise(paragraphs[lines[n - 1]]) if n > 0 else ""
        # the organ on the line above: not a 附件 mark or a document number
        if not organ and above and len(above) <= 40 and not re.search(r"\d|附件|〔", above):
            organ = above
        official = official and bool(organ) and not organ.endswith("关于")
        organ = organ.removesuffix("关于").strip("《》")
        text = " ".join(paragraphs[lines[max(n - 1, 0)]:i + 1]) if organ and organ != match.group("organ") \
            else paragraphs[i]
        return Title(organ, int(match.group("year")), text, official), i + 1
    return None, 0


def heading_of(text: str, after: int) -> tuple[int, str] | None:
    """(section index, the rest of the paragraph after the heading) when `text` is the heading of a
    section later than `after`; None for body text (「一、政务公开…」 in a list is not a heading)."""
    t = normalise(text)
    match = _HEADING.match(t)
    if not match or len(t) > 60:
        return None
    index = NUMERALS.index(match.group(1))
    if index <= after:
        return None
    section = SECTIONS[index]
    official = normalise(section.heading)[2:]
    rest = match.group(2)
    if rest.startswith(official):
        return index, rest[len(official):].lstrip("。:：")
    if _HEADING_WORDS[section.key] in rest and (similar(rest, official) >= 0.5 or len(rest) <= len(official) + 4):
        return index, ""
    return None


def split_sections(paragraphs: list[str]) -> Structure:
    structure = Structure()
    structure.title, start = find_title(paragraphs)
    current, index = None, -1
    for text in paragraphs[start:]:
        found = heading_of(text, index) if text.strip() else None
        if found is not None:
            index, rest = found
            current = SECTIONS[index].key
            typed = " ".join(text.split())
            if normalise(typed) != normalise(SECTIONS[index].heading) and not rest:
                structure.heading_variants.append((typed, SECTIONS[index].heading))
            structure.sections[current] = [rest] if rest else []
            continue
        if not text.strip():
            continue
        (structure.sections[current] if current else structure.before).append(text.strip())
    return structure


def split_themes(lines: list[str]) -> tuple[list[str], list[Theme]]:
    """(the paragraphs before （一）, the themes in document order). Numbers must run in sequence,
    so a （一） inside a theme's own list is text, not a new theme."""
    intro, themes = [], []
    for line in lines:
        match = THEME_START.match(line)
        expected = NUMERALS[len(themes)] if len(themes) < len(NUMERALS) else None
        if match and match.group(1) == expected:
            rest = line[match.end():].strip()
            first = re.split(r"[。！？]", rest, maxsplit=1)[0]
            heading_only = len(rest) <= 30 and first.rstrip("：:") == rest.rstrip("。：:")
            themes.append(Theme(match.group(1), first.rstrip("：:"), [] if heading_only else [rest], heading_only))
        elif themes:
            themes[-1].lines.append(line)
        else:
            intro.append(line)
    return intro, themes
