"""The portal's metadata around a report: 索引号 / 发布机构 / 公开日期 …, as 「键：值」 in a line or
as a label cell followed by its value cell in the metadata table."""
from __future__ import annotations

import datetime as dt
import re

PUBLISHER = ("发布机构",)
DATES = ("公开日期", "发布日期", "发布时间")          # in order of preference
LOOSE_DATES = ("时间",)                       # 「时间：2025-03-10 15:35」 under the page's title
# <meta name="PubDate" content="2025-03-10 15:35"> and its kin, in order of preference (names lower-cased)
DATE_TAGS = ("pubdate", "publishdate", "firstpublishedtime", "publishtime", "article:published_time",
             "dc.date.issued", "dcterms.issued")
KEYS = ("索引号", "主题分类", "分类", "发布机构", "发文机关", "公开日期", "发布日期", "发布时间", "成文日期",
        "时间",
        "生成日期", "文号", "发文字号", "有效性", "来源", "信息来源", "浏览次数", "访问量", "公开方式",
        "公开范围", "组配分类", "体裁分类", "主题词", "名称", "标题", "时效", "关键词", "作者", "字号")
# a loose key stands on its own: the 时间 of 「更新时间：」 or 「访问时间：」 is not the page's date
_KEY = "|".join(rf"(?<![\u4e00-\u9fff]){re.escape(k)}" if k in LOOSE_DATES else re.escape(k)
                for k in sorted(KEYS, key=len, reverse=True))
_PAIR = re.compile(rf"(?P<key>{_KEY})\s*[:：]\s*(?P<value>.*?)\s*(?=(?:{_KEY})\s*[:：]|\s{{2,}}|$)")
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
MAX_VALUE = 60
MAX_TEXTS = 400


def pairs(texts: list[str]) -> dict[str, str]:
    """键 → 值 from lines of text and cells of the metadata table (a cell 「发布机构」 or
    「发布机构：」 followed by its value)."""
    found: dict[str, str] = {}
    texts = texts[:MAX_TEXTS]
    for i, text in enumerate(texts):
        line = text.replace("\u00a0", " ").strip()
        bare = line.rstrip(":：").strip()
        if bare in KEYS and i + 1 < len(texts):
            value = texts[i + 1].strip()
            if value and value.rstrip(":：") not in KEYS:
                found.setdefault(bare, value)
            continue
        for match in _PAIR.finditer(line):
            value = match.group("value").strip()
            if value and len(value) <= MAX_VALUE:
                found.setdefault(match.group("key"), value)
    return found


def date_of(text: str) -> dt.date | None:
    match = _DATE.search(text or "")
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def date_tags(root) -> dict[str, tuple[str, str]]:
    """The page's <meta> tags that date it: lower-cased name → (the name as written, content)."""
    found = {}
    for tag in root.iter("meta"):
        name = (tag.get("name") or tag.get("property") or tag.get("itemprop") or "").strip()
        if name.lower() in DATE_TAGS and tag.get("content"):
            found.setdefault(name.lower(), (name, tag.get("content")))
    return found


def publication_date(meta: dict[str, str], tags: dict[str, tuple[str, str]] | None = None
                     ) -> tuple[dt.date | None, str]:
    """The page's publication date and where it stood (for the import summary): its 公开日期 /
    发布日期 / 发布时间, else the <meta> tag (PubDate …), else a bare 「时间：」 line."""
    for key in DATES:
        if date_of(meta.get(key, "")):
            return date_of(meta[key]), f"网页的「{key}」"
    for name in DATE_TAGS:
        written, content = (tags or {}).get(name, ("", ""))
        if date_of(content):
            return date_of(content), f"网页元数据「{written}」"
    for key in LOOSE_DATES:
        if date_of(meta.get(key, "")):
            return date_of(meta[key]), f"网页的「{key}」行"
    return None, ""


def is_metadata_line(text: str) -> bool:
    """A line of the portal's metadata (kept out of the report's opening paragraph)."""
    return bool(_PAIR.match(text.strip())) or text.strip().rstrip(":：") in KEYS
