"""What the narratives say about the figures of tables 三 and 四 (read for R9, compared in prose_rules.py).

A sentence (split on 。；！？ and line breaks) counts only when it is about 政府信息公开申请: it names
them (信息公开申请, 依申请公开 …), stands in 一（二）依申请公开, or — for the results (予以公开,
无法提供, 办结, 结转 …) — stands in a paragraph that names them. The demo's 「全年受理市民12345处理单504件」
is hotline work: it names no application and is ignored.

Inside a sentence, clauses (split on ，：（）) are cut at each keyword — 收到/受理/新收 (new applications),
上年结转 (carried in), 结转/顺延/转下一年度 (carried over), each result group of table 三 (予以公开, 部分公开,
不予公开, 无法提供, 不予处理, 其他处理, 办结), 行政复议, 行政诉讼 and the results of table 四 (维持, 纠正,
其他结果, 尚未审结) — and each keyword takes the first 「N件」 after it in its clause (Chinese numerals too).
Clauses that break the figures down by applicant (其中自然人 …), compare with other years (上年, 同比,
another year's number) or say 各 are skipped rather than guessed at. Negations (未收到政府信息公开申请,
未发生行政复议、行政诉讼) state a zero; 「均获维持」 states that every case of 四 was upheld.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .form import REQUESTS_COLUMNS, REQUESTS_ORGANISATIONS
from .numerals import find_counts

NEW, NONE, CARRY_IN, CARRY_OUT, REVIEW, SUIT = "new", "none", "carry_in", "carry_out", "review", "suit"
OPEN, PARTIAL, DENY, UNABLE, NOT_HELD, NOPROC, OTHER_PROC, DONE, HANDLED = (
    "open", "partial", "deny", "unable", "not_held", "noproc", "other_proc", "done", "handled")
RESULTS = (OPEN, PARTIAL, DENY, UNABLE, NOT_HELD, NOPROC, OTHER_PROC)
AND = "+"                                   # 「予以公开及部分公开42件」: kind "open+partial", the sum
SUIT_DIRECT, SUIT_AFTER = "suit_direct", "suit_after_review"
UPHELD, CORRECTED, OTHER_RESULT, PENDING = "upheld", "corrected", "other", "pending"
ALL_UPHELD = "all_upheld"
ALL_DONE = "all_done"            # 「所有申请均已按要求办理完成」: nothing carried over to next year
APPEAL_GROUPS = (REVIEW, SUIT, SUIT_DIRECT, SUIT_AFTER)
APPEAL_PARTS = (UPHELD, CORRECTED, OTHER_RESULT, PENDING)
REQUEST_FIELD = "overview_request"          # 一（二）依申请公开: every sentence there is about applications
# where table 四 is usually reported: a bare 「行政复议0件」 there is about 政府信息公开
APPEAL_FIELDS = (REQUEST_FIELD, "overview_supervision")

_SENTENCES = re.compile(r"[^。；;！!？?\n]+")
_CLAUSES = re.compile(r"(?:[^，,：:（）()]|(?<=[0-9０-９]),(?=[0-9０-９]{3}))+")   # 3,119 stays whole
_ABOUT_REQUESTS = re.compile(r"信息公开申请|依申请公开|公开申请|申请公开")
_ABOUT_DISCLOSURE = re.compile(r"信息公开|依申请|公开申请")   # 行政复议 of other work (a 司法局) is not table 四
_OTHER_WORK = re.compile(r"12345|热线|处理单|信访|许可|提案|建议|投诉|留言|来信|咨询|问政|网民|诉求|政民互动")
_KEYWORDS = re.compile(
    r"(?P<carry_in>(?:上一?年度?|去年|往年|以前年度)的?(?:结转|转入))|(?P<carry_out>结转|顺延|转(?:入|至|到)?(?:下一?年度?|(?:19|20)[0-9]{2}年))|"
    r"(?P<suit_after_review>(?:行政)?复议后(?:提起)?(?:行政)?(?:起诉|诉讼))|"
    r"(?P<suit_direct>(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼))|"
    r"(?P<review>行政复议)|(?P<suit>行政诉讼)|"
    r"(?P<partial>部分公开|区分处理)|(?P<open>予以公开|全部公开|同意公开)|(?P<deny>不予公开)|"
    r"(?P<unable>无法提供)|(?P<not_held>不掌握)|(?P<noproc>不予处理)|(?P<other_proc>其他处理)|"
    r"(?P<upheld>维持)|(?P<corrected>纠正|纠错|撤销|确认违法)|(?P<other>其他结果)|"
    r"(?P<pending>尚未审结|未审结|正在审理|审理中)|"
    r"(?P<done>办结|办理完毕|处理完毕|办理完成|作出答复|答复)|"
    r"(?P<handled>办理(?=[^，,。；：]{0,8}申请))|"
    r"(?P<new>新收|收到|受理|接到|接收|收悉)")
_APPEAL_WORDS = re.compile(r"复议|诉讼|起诉")
_PART_OF_DONE = re.compile(r"延期|延长|逾期|其中|当面|书面|电话|网上|邮寄|现场|口头")
_AND = ("和", "、", "及", "与", "以及", "或")
_NOT_CASES = re.compile(r"决定|文书|案卷|机构|委员会|工作|人员|案例|应诉|纠错率|发生率|听证")
_HANDLING = re.compile(r"受理|办理|(?<!正在)审理(?!中)|(?<!未)审结|办结|作出")   # a review body's own work: 受理行政复议案件56件
_NEGATED_REQUEST = re.compile(r"(?:未|没有|没)(?:收到|受理|接到|接收|新收)|无(?:政府)?信息公开申请|零申请")
_NEGATION = re.compile(r"未|没有|没|无")
_ALL_UPHELD = re.compile(r"(?:均|全部|都)(?:(?!未|不|没|无)[^，。；,;：:]){0,8}?维持")
# 「所有申请均已按要求办理完成」 says none is carried over; 「均已按时办结」 is about time limits and is not read
_ALL_DONE = re.compile(r"(?:所有|全部)[^，,。；]{0,10}申请[^，,。；]{0,8}?(?:办理完成|办理完毕|全部办结|已办结|均办结)")
_IN_TIME = re.compile(r"按时|按期|及时|期限|时限|限内")
_EACH = re.compile(r"各(?![类级种项部单地乡镇街县区市])|均|都")      # not 各类/各部门: 「受理各类申请」
# what 收到/受理 takes between it and its figure: nothing, or the applications (受理网络问政182件 is other work)
_RECEIVED_OBJECT = re.compile(r"[共计了总合]*|.*申请.*")
_INCLUDES_CARRY = re.compile(r"(?:含|包括|包含)上一?年度?结转")
_MENTIONS_CARRY = re.compile(r"上一?年度?(?:结转|转入)")
_OTHER_PERIOD = re.compile(r"去年|上年|上一年|同期|同比|比")
_BREAKDOWN = re.compile("|".join(["其中", "法人", REQUESTS_ORGANISATIONS] +
                                 [c.label for c in REQUESTS_COLUMNS[:-1] if len(c.label) >= 3]))
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?=\s*年)")


class Statement(NamedTuple):
    kind: str            # NEW, NONE, CARRY_IN, a result of 三, an appeal group, or "group.part" for 四
    value: int           # the number stated (0 for a negation)
    snippet: str         # the clause it was read from, for the message
    carry: str           # for NEW: "with" (含上年结转), "maybe" (the sentence mentions 上年结转), "either", ""
    years: tuple[int, ...]   # years named in the clause (a statement about another year is not compared)
    at: int = -1             # where the figure stands in the text
    span: tuple[int, int] = (0, 0)    # the sentence's place in the text, for the window to select


class _Hit(NamedTuple):
    kind: str
    start: int
    end: int


def _joined(clause: str, hits: list[_Hit], counts) -> list[_Hit]:
    """Keywords joined by 及/和/、 with no figure between make one: 「予以公开及部分公开42件」 is the sum
    (kind "open+partial"), as is 「行政复议和行政诉讼案件共397件」; other mixtures are not guessed at."""
    out: list[list[_Hit]] = []
    for hit in hits:
        last = out[-1][-1] if out else None
        if last and clause[last.end:hit.start] in _AND and \
                not any(last.end <= c[0] < hit.start for c in counts):
            out[-1].append(hit)
        else:
            out.append([hit])
    merged = []
    for group in out:
        kinds = [h.kind for h in group]
        if len(group) == 1:
            merged.append(group[0])
        elif len(set(kinds)) == len(kinds) and (set(kinds) <= set(RESULTS) or set(kinds) <= {REVIEW, SUIT}):
            merged.append(_Hit(AND.join(kinds), group[0].start, group[-1].end))
    return merged


def _assign(clause: str) -> list[tuple[str, int, int, int]]:
    """(kind, value, keyword position, number position) for every keyword of the clause with a number."""
    hits = [_Hit(h.lastgroup, h.start(), h.end()) for h in _KEYWORDS.finditer(clause)]
    counts = find_counts(clause)
    if not hits or not counts:
        return []
    # 「公开行政复议决定书12件」 counts documents, not the cases of table 四
    hits = [h for h in hits if not (h.kind in APPEAL_GROUPS and _NOT_CASES.match(clause, h.end))]
    # 「因不掌握相关信息无法提供的760件」: 无法提供 only says what 不掌握 leads to
    hits = [h for i, h in enumerate(hits) if not (h.kind == UNABLE and i and hits[i - 1].kind == NOT_HELD
                                                  and not any(hits[i - 1].end <= c[0] < h.start for c in counts))]
    # 「同意公开答复9件」「顺延到下年度答复」「转下一年度办理答复的有1件」: 答复 says how, not what
    hits = [h for i, h in enumerate(hits) if not (h.kind == DONE and i and hits[i - 1].kind not in (NEW, DONE)
                                                  and not any(hits[i - 1].end <= c[0] < h.start for c in counts))]
    if _EACH.search(clause):               # 行政复议、行政诉讼均为0件: one number for each
        kinds = {h.kind for h in hits}
        if len(counts) == 1 and kinds <= {REVIEW, SUIT}:
            return [(k, counts[0][2], clause.find(w), counts[0][0])
                    for k, w in ((REVIEW, "行政复议"), (SUIT, "行政诉讼")) if k in kinds]
        return []
    if "分别" in clause:                    # 「予以公开、部分公开分别为9件、3件」
        group = [h for h in _KEYWORDS.finditer(clause) if h.start() < clause.find("分别")]
        after = [c for c in counts if c[0] > clause.find("分别")]
        if len(group) == len(after) > 1 and all(clause[a.end():b.start()] in _AND for a, b in zip(group, group[1:])):
            return [(h.lastgroup, c[2], h.start(), c[0]) for h, c in zip(group, after)]
        return []
    hits = _joined(clause, hits, counts)
    if not hits:
        return []
    out, taken = [], set()
    # a clause whose every keyword follows its own 「N件」 counts figure before noun: 「其中2件维持、1件尚未审结」
    forward = not all(any(0 <= h.start - c[1] <= 1 for c in counts) for h in hits)
    if forward:
        for i, hit in enumerate(hits):
            end = hits[i + 1].start if i + 1 < len(hits) else len(clause)
            after = [c for c in counts if hit.end <= c[0] < end]
            if after:
                out.append((hit.kind, after[0][2], hit.start, after[0][0]))
                taken.add(after[0][0])
    # the figure before its noun: 「有1件涉及…的行政复议」「另有103件顺延到下年度」
    for i, hit in enumerate(hits):
        if any(o[2] == hit.start for o in out):
            continue
        begin = hits[i - 1].end if i else 0
        before = [c for c in counts if begin <= c[0] and c[1] <= hit.start and c[0] not in taken]
        if before:
            # 「2件行政诉讼案件尚在审理中」: the figure counts the part of that group the clause ends with
            part = hits[i + 1] if i + 1 < len(hits) and hit.kind in APPEAL_GROUPS \
                and hits[i + 1].kind in APPEAL_PARTS and not any(o[2] == hits[i + 1].start for o in out) else hit
            out.append((part.kind, before[-1][2], part.start, before[-1][0]))
            taken.add(before[-1][0])
    return sorted(out, key=lambda o: o[3])


class _Context:
    """The appeal group (行政复议, 行政诉讼 …) the results read next refer to, within a paragraph."""

    def __init__(self):
        self.group: str | None = None
        self.groups: list[str] = []       # every group of the last clause that named any
        self.in_sentence: list[str] = []  # every group the sentence has named so far


def _group_at(clause: str, at: int, context: _Context) -> str | None:
    groups = [h.lastgroup for h in _KEYWORDS.finditer(clause, 0, at) if h.lastgroup in APPEAL_GROUPS]
    return groups[-1] if groups else context.group


class _Where(NamedTuple):
    """A clause's place: its offset in the text, the sentence, and what the sentence says of 上年结转."""
    offset: int
    span: tuple[int, int]
    including: frozenset[int]      # text positions of the figures a 「含上年结转…」 follows
    mentions_carry: bool


def _carry(clause: str, kw_at: int, num_at: int, where: _Where) -> str:
    """NEW: "with" (含上年结转 follows this figure), "maybe" (the sentence speaks of 上年结转), "either"
    (收到/受理 are written for 新收 and for 新收 with 上年结转), "" (新收: 新收 alone)."""
    if where.offset + num_at in where.including:
        return "with"
    if where.mentions_carry:
        return "maybe"
    return "" if clause.startswith("新收", kw_at) else "either"


def _clause_statements(clause: str, where: _Where, years: tuple[int, ...], about_requests: bool,
                       appeals: bool, context: _Context) -> list[Statement]:
    appeal = bool(_APPEAL_WORDS.search(clause))
    snippet = clause.strip()
    out = []

    def said(kind, value, carry="", num_at=0):
        return Statement(kind, value, snippet, carry, years, where.offset + num_at, where.span)
    upheld = _ALL_UPHELD.search(clause) if appeals else None
    for kind, value, kw_at, num_at in _assign(clause[:upheld.start()] if upheld else clause):
        if kind in APPEAL_GROUPS or kind in APPEAL_PARTS or AND in kind and kind.split(AND)[0] in APPEAL_GROUPS:
            group = kind if kind not in APPEAL_PARTS else _group_at(clause, kw_at, context)
            if appeals and group:
                out.append(said(kind if kind == group else f"{group}.{kind}", value, num_at=num_at))
            continue
        if not about_requests or appeal or _OTHER_WORK.search(clause):
            continue
        before = clause[:num_at]
        if kind == NEW and (_BREAKDOWN.search(before) or _OTHER_PERIOD.search(before)):
            continue
        between = clause[_KEYWORDS.match(clause, kw_at).end():num_at]
        if kind == NEW and num_at > kw_at and not _RECEIVED_OBJECT.fullmatch(between.strip()):
            continue                        # 「受理网络问政182件」「收到市长信箱来信200件」
        if kind != NEW and _OTHER_PERIOD.search(between):
            continue                        # 「予以公开的比上年多12件」 compares, it does not count
        if kind == DONE and _PART_OF_DONE.search(before):
            continue                        # 「延期答复28件」 is some of them
        out.append(said(kind, value, _carry(clause, kw_at, num_at, where) if kind == NEW else "", num_at))
    if not find_counts(clause):
        if appeal and appeals:
            negation = _NEGATION.search(clause)
            for kind, word in ((REVIEW, "行政复议"), (SUIT, "行政诉讼")):
                at = clause.find(word)
                if negation and 0 <= at and negation.start() < at:
                    out.append(said(kind, 0))
        elif about_requests and _NEGATED_REQUEST.search(clause) and not _OTHER_WORK.search(clause):
            out.append(said(NONE, 0))
        elif about_requests and not appeal and _ALL_DONE.search(clause) and not _IN_TIME.search(clause):
            out.append(said(ALL_DONE, 0))
    if upheld:
        groups = [h.lastgroup for h in _KEYWORDS.finditer(clause) if h.lastgroup in APPEAL_GROUPS] or (
            [REVIEW] if "复议" in clause else [SUIT] if re.search("诉讼|起诉", clause) else [])
        if not groups:
            # 「被申请行政复议2件，被提起行政诉讼1件，均维持」: all the sentence named
            groups = list(dict.fromkeys(context.in_sentence)) or context.groups
        out += [said(f"{g}.{ALL_UPHELD}", 0) for g in dict.fromkeys(groups)]
    named = [h.lastgroup for h in _KEYWORDS.finditer(clause) if h.lastgroup in APPEAL_GROUPS]
    if named:
        context.group, context.groups = named[-1], named
        context.in_sentence += named
    return out


def _about_appeals(field_key: str, sentence: str, paragraph_about: bool) -> bool:
    if _ABOUT_DISCLOSURE.search(sentence):
        return True
    if _HANDLING.search(sentence):
        return False
    return paragraph_about or field_key in APPEAL_FIELDS


def _including(sentence: str, start: int) -> frozenset[int]:
    """The figures a 「含上年结转…」 qualifies: each the last figure before it (「答复3050件（含上年度结转…」)."""
    counts = find_counts(sentence)
    out = set()
    for m in _INCLUDES_CARRY.finditer(sentence):
        before = [c for c in counts if c[1] <= m.start()]
        if before:
            out.add(start + before[-1][0])
    return frozenset(out)


def _without_qualifiers(said: list[Statement], sentence: str, start: int) -> list[Statement]:
    """A 「含上年结转N件」 is compared with 上年结转 only where it qualifies the applications received:
    of 「答复3050件（含上年度结转申请34件）」 the tables say nothing."""
    counts = find_counts(sentence)
    new_at = {st.at for st in said if st.kind == NEW}
    drop = set()
    for m in _INCLUDES_CARRY.finditer(sentence):
        before = [c for c in counts if c[1] <= m.start()]
        inside = [c for c in counts if c[0] >= m.start()]
        if inside and not (before and start + before[-1][0] in new_at):
            drop.add(start + inside[0][0])
    return [st for st in said if not (st.kind == CARRY_IN and st.at in drop)]


@lru_cache(maxsize=512)
def statements(field_key: str, text: str) -> tuple[Statement, ...]:
    """Every figure a narrative states about applications, reviews and suits (memoized per text)."""
    out: list[Statement] = []
    at = 0
    for paragraph in text.split("\n"):
        paragraph_requests = field_key == REQUEST_FIELD or bool(_ABOUT_REQUESTS.search(paragraph))
        paragraph_disclosure = paragraph_requests or bool(_ABOUT_DISCLOSURE.search(paragraph))
        context = _Context()
        for found in _SENTENCES.finditer(paragraph):
            context.in_sentence = []
            sentence = found.group()
            about_requests = field_key == REQUEST_FIELD or bool(_ABOUT_REQUESTS.search(sentence))
            about_results = about_requests or paragraph_requests and not _OTHER_WORK.search(sentence)
            appeals = _about_appeals(field_key, sentence, paragraph_disclosure)
            if not (about_results or appeals):
                continue
            start = at + found.start()
            where = _Where(0, (start, start + len(sentence)), _including(sentence, start),
                           bool(_MENTIONS_CARRY.search(sentence)))
            said: list[Statement] = []
            for m in _CLAUSES.finditer(sentence):
                clause = m.group()
                # A clause without a year of its own is about the year named before it (2023年，收到…).
                years = _YEAR.findall(clause) or _YEAR.findall(sentence[:m.start()])[-1:]
                years = tuple(int(y) for y in years)
                for st in _clause_statements(clause, where._replace(offset=start + m.start()), years,
                                             about_results, appeals, context):
                    if st.kind in (NEW, NONE) and not about_requests:
                        continue
                    said.append(st)
            out += _without_qualifiers(said, sentence, start)
        at += len(paragraph) + 1
    return tuple(out)
