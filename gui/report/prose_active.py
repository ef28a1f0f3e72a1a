"""What the narratives say of table 二's documents: 「本年度制发行政规范性文件62件」, 「废止规章2件」.

Read only where the verb says which column: 制发/印发/出台/制定 (本年制发), 废止 (本年废止), 现行有效
(现行有效). 「发布政府信息393件，其中包括：行政规范性文件13件」 names no such verb (published is not
issued) and is left alone, as is a clause comparing with another year.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .numerals import NUMBER, find_counts

_VERBS = {"issued": r"制发|印发|出台|制定|新制定|新出台", "repealed": r"废止|宣布失效", "in_force": r"现行有效"}
_KINDS = {"normative": r"(?:行政)?规范性文件", "rules": r"(?<!行政)规章"}
_OTHER_PERIOD = re.compile(r"去年|上年|同期|同比|较|比|累计|以来|将|拟|计划|下一步")
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?=\s*年)")
_CLAUSES = re.compile(r"[^。；;！!？?\n，,：:（）()]+")
_STATEMENT = re.compile(
    rf"(?P<verb>{'|'.join(f'(?P<{k}>{v})' for k, v in _VERBS.items())})"
    rf"[^，,。；;0-9０-９]{{0,6}}?(?P<kind>{'|'.join(f'(?P<{k}>{v})' for k, v in _KINDS.items())})"
    rf"[^，,。；;0-9０-９]{{0,3}}?(?={NUMBER}\s*件)")


class DocStatement(NamedTuple):
    row: str             # "normative" | "rules"
    column: str          # "issued" | "repealed" | "in_force"
    value: int
    snippet: str
    span: tuple[int, int]
    years: tuple[int, ...]       # years the clause names (another year's documents are not compared)


@lru_cache(maxsize=256)
def doc_statements(text: str) -> tuple[DocStatement, ...]:
    out = []
    for clause in _CLAUSES.finditer(text):
        words = clause.group()
        found = _STATEMENT.search(words)
        if not found or _OTHER_PERIOD.search(words[:found.start()]) or "各" in words:
            continue
        counts = [c for c in find_counts(words) if c[0] >= found.end() - 1]
        if not counts or counts[0][0] != found.end():
            continue
        column = next(k for k in _VERBS if found.group(k))
        row = next(k for k in _KINDS if found.group(k))
        years = tuple(int(y) for y in _YEAR.findall(words))
        out.append(DocStatement(row, column, counts[0][2], words.strip(), clause.span(), years))
    return tuple(out)
