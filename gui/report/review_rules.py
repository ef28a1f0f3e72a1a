"""Faults review bulletins name in the narratives: STALE_YEAR, OLD_NOTICE, MEASURES, LAST_PROBLEMS.

STALE_YEAR: a paragraph or sentence that opens with an earlier year (「2023年，我镇……」 in a 2024
report), left over from last year's text; 「较2023年增长」, 「2023年结转」, 「2023年以来」 are legitimate.
OLD_NOTICE: a reference to the superseded trial format (国办公开办函〔2019〕60号, 「格式（试行）」).
MEASURES: 五 lists problems but no improvement measures (下一步, 改进, 整改, 措施 …).
LAST_PROBLEMS: last year's report is attached, but 五 says nothing about its problems (上年度问题整改情况).
"""
from __future__ import annotations

import re
import zlib
from functools import lru_cache

from .form import FORMAT_NAME, FORMAT_NUMBER, TEXT_FIELDS
from .places import OPENING, field_name
from .problems import TEXT_PREFIX, WARNING, Fix, Problem

STALE_YEAR, OLD_NOTICE, MEASURES, LAST_PROBLEMS = "STALE_YEAR", "OLD_NOTICE", "MEASURES", "LAST_PROBLEMS"
PROBLEMS = "problems"
FIRST_YEAR = 2008

# a year opening a paragraph or sentence (after a （一） or 一是 of a list), then 年/年度 and a comma
# or the subject: 「2023年，我镇」 「2023年度本机关」 — not 「2023年以来」 「2023年1月」 「2023年结转」
_STALE = re.compile(r"(?:^|(?<=[。！？!?；;\n]))[ \t\u3000]*(?:[（(][一二三四五六七八九十]+[)）]|"
                    r"[一二三四五六七八九十]+是)?[ \t\u3000]*((?:19|20)[0-9]{2})\s*年度?"
                    r"(?=[，,]|[我本全该])")
# a sentence that compares years, or tells what became of last year's problems, names them rightly
_COMPARISON = re.compile(r"较|比|相比|同比|对比|增长|下降|增加|减少|持平|整改|已(?:经)?(?:解决|落实|完成)|报告中|报告所列|指出")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_TRIAL_NAME = re.compile(r"年度报告格式\s*[（(]\s*试行\s*[)）]")
_OLD_NOTICE = re.compile(r"[〔\[【（(]\s*2019\s*[〕\]】）)]\s*60\s*号")
_TRIAL_FORMAT = re.compile(r"年度报告格式\s*[（(]\s*试行\s*[)）]|2019\s*年?\s*(?:版|试行)的?(?:年度报告)?格式|试行格式")
_MEASURE_WORDS = re.compile(
    r"下一步|下阶段|下一阶段|今后|接下来|明年|改进措施|整改|措施|将(?:进一步|继续|持续|着力|不断|切实|"
    r"加强|加大|强化|完善|推进|提升|提高|做好|严格|定期|组织|建立|健全|认真|全面|深入|坚持|积极|大力|优化|"
    r"规范|落实|抓好)|(?<!有待)(?<!亟待)(?<!需要)(?<!仍需)(?<!需)改进")
_LAST_YEAR_WORDS = r"上一?年度?|去年|前一年|往年|以往|{last}年度?"
_FOLLOW_UP = re.compile(r"(?:问题|不足)[^。；;\n]{0,30}(?:已|均已|已经|全部|得到|基本)[^。；;\n]{0,6}"
                        r"(?:整改|解决|改进|改善|落实|完成)|整改(?:情况|落实|到位|完成)")
_WHERE_FIELDS = tuple(f.key for f in TEXT_FIELDS)


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def _narratives(report):
    """(field, text) of every narrative, the opening paragraph included when it is printed."""
    for key in _WHERE_FIELDS:
        text = report.texts.get(key) or ""
        if text:
            yield TEXT_PREFIX + key, text
    if report.opening_enabled and report.opening:
        yield "opening", report.opening


def _where(field: str) -> str:
    return OPENING if field == "opening" else field_name(field)


@lru_cache(maxsize=256)
def stale_years(text: str, year: int) -> tuple[re.Match, ...]:
    out = []
    for m in _STALE.finditer(text):
        found = int(m.group(1))
        if not FIRST_YEAR <= found < year:
            continue
        end = _SENTENCE_END.search(text, m.end())
        sentence = text[m.end():end.start() if end else len(text)]
        if _COMPARISON.search(sentence) or str(year) in sentence:
            continue                     # 「2023年，收到12件，2024年增加到15件」 compares the years
        out.append(m)
    return tuple(out)


def check_stale_years(report) -> list[Problem]:
    year = report.info.year
    if not year:
        return []
    out = []
    for field, text in _narratives(report):
        found = stale_years(text, year)
        if not found:
            continue
        quoted = "、".join(dict.fromkeys(f"「{_sentence_start(text, m)}」" for m in found))
        # what the hint says opens with the year: the paragraph itself, or a sentence inside it
        starts = {m.start() == 0 or text[m.start() - 1] == "\n" for m in found}
        where = {frozenset({True}): "的段落", frozenset({False}): "中的句子"}.get(frozenset(starts), "的段落或句子")
        fix = None
        if field.startswith(TEXT_PREFIX):
            fixed = text
            for m in reversed(found):
                fixed = fixed[:m.start(1)] + str(year) + fixed[m.end(1):]
            fix = Fix(f"改为 {year} 年", texts=((field[len(TEXT_PREFIX):], fixed),))
        out.append(Problem(STALE_YEAR, WARNING, f"{_where(field)}{where}以{quoted}开头，而报告年度是 {year} 年："
                           "可能是沿用上年文字时没有改年份，请核对这一段的年份和内容。",
                           _step(field), field=field, actual=int(found[0].group(1)), expected=year, fix=fix,
                           key=f"{STALE_YEAR}:{field}", fingerprint=f"{year}|{_crc(text)}",
                           passage=_sentence_span(text, found[0]) if field.startswith(TEXT_PREFIX) else None))
    return out


def _sentence_span(text: str, m: re.Match) -> tuple[int, int]:
    end = _SENTENCE_END.search(text, m.end())
    return m.start(1), end.start() if end else len(text)


def _sentence_start(text: str, m: re.Match, most: int = 16) -> str:
    """The sentence the year opens, as quoted in the hint: 「2023年，我镇围绕…」."""
    start, end = _sentence_span(text, m)
    return text[start:end] if end - start <= most else text[start:start + most - 1] + "…"


def _step(field: str) -> str:
    if field == "opening":
        return "info"
    key = field[len(TEXT_PREFIX):]
    return next(f.section for f in TEXT_FIELDS if f.key == key)


def check_old_notice(report) -> list[Problem]:
    out = []
    for field, text in _narratives(report):
        found = _old_notice(text)
        if not found:
            continue
        fix = None
        if field.startswith(TEXT_PREFIX):
            fixed = _TRIAL_NAME.sub("年度报告格式", _OLD_NOTICE.sub(FORMAT_NUMBER, text))
            if not _old_notice(fixed):          # only the number and the name: a wording is the clerk's to change
                fix = Fix(f"改为现行格式（{FORMAT_NAME}）", texts=((field[len(TEXT_PREFIX):], fixed),))
        out.append(Problem(OLD_NOTICE, WARNING, f"{_where(field)}引用了已废止的 2019 年试行格式（「{found.group().strip()}」，"
                           f"国办公开办函〔2019〕60号）：现行格式为{FORMAT_NAME}"
                           "《中华人民共和国政府信息公开工作年度报告格式》。", _step(field), field=field,
                           fix=fix, key=f"{OLD_NOTICE}:{field}", fingerprint=str(_crc(text))))
    return out


@lru_cache(maxsize=256)
def _old_notice(text: str) -> re.Match | None:
    return _OLD_NOTICE.search(text) or _TRIAL_FORMAT.search(text)


@lru_cache(maxsize=64)
def _has_measures(text: str) -> bool:
    return bool(_MEASURE_WORDS.search(text))


def check_problems_section(report) -> list[Problem]:
    """MEASURES and LAST_PROBLEMS for 五."""
    text = report.texts.get(PROBLEMS) or ""
    if not text.strip():
        return []                                   # EMPTY says so
    field = TEXT_PREFIX + PROBLEMS
    out = []
    if not _has_measures(text):
        out.append(Problem(MEASURES, WARNING, f"{field_name(field)}写了存在的问题，但没有写改进措施（如「下一步」「整改」"
                           "「改进措施」）：本部分应针对所列问题写明改进情况和措施。", PROBLEMS, field=field,
                           key=f"{MEASURES}:{PROBLEMS}", fingerprint=str(_crc(text))))
    last = report.last_year
    last_text = (last.texts.get(PROBLEMS) or "") if last is not None else ""
    if last_text.strip() and not _mentions_last_year(text, report.info.year):
        out.append(Problem(LAST_PROBLEMS, WARNING, f"{field_name(field)}没有提到上年报告所列问题的整改情况：附上的上年报告"
                           "列有存在的问题，本年应写明这些问题的整改落实情况（上年度问题整改情况）。", PROBLEMS,
                           field=field, key=f"{LAST_PROBLEMS}:{PROBLEMS}",
                           fingerprint=f"{_crc(text)}|{_crc(last_text)}"))
    return out


@lru_cache(maxsize=64)
def _mentions_last_year(text: str, year: int | None) -> bool:
    words = _LAST_YEAR_WORDS.format(last=year - 1 if year else "上")
    near = re.compile(rf"(?:{words})[^。；;\n]{{0,40}}(?:问题|不足|短板|整改|改进|薄弱|建议|意见)")
    return bool(near.search(text) or _FOLLOW_UP.search(text))


def check(report) -> list[Problem]:
    return check_stale_years(report) + check_old_notice(report) + check_problems_section(report)
