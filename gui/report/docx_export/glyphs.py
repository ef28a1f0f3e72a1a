"""Characters the document's fonts cannot print (emoji, rare characters), found before export.

仿宋_GB2312 and 楷体_GB2312 hold the GB 2312 characters, 仿宋/楷体/宋体/黑体 the GBK ones, Times New
Roman the Latin letters; Word and WPS draw anything else in some other font or as a box. The export
still writes the text as typed: the warning lets the clerk decide.
"""
from __future__ import annotations

from ..form import INFO_LABELS, TEXT_FIELDS
from ..model import Report
from ..opening import opening_text
from .options import COMMON, ExportOptions

LATIN_END = 0x250          # Basic Latin to Latin Extended-B: Times New Roman has them
_CODEC = {COMMON: "gbk"}
MAX_SHOWN = 5


def printable(ch: str, codec: str) -> bool:
    return ord(ch) < LATIN_END or ch in "\n\r\t" or _encodes(ch, codec)


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _fields(report: Report):
    yield INFO_LABELS.get("organ", "机关全称"), report.info.organ
    yield "开头段落", opening_text(report)
    for field in TEXT_FIELDS:
        yield field.label, report.texts.get(field.key, "")


def font_warnings(report: Report, options: ExportOptions | None = None) -> list[str]:
    """One Chinese warning per text holding characters outside the chosen fonts, naming them."""
    options = options or ExportOptions()
    codec = _CODEC.get(options.fonts, "gb2312")
    fonts = options.font_set
    warnings = []
    for label, text in _fields(report):
        if _encodes(text, codec):        # the usual case, at once: every character is printable
            continue
        missing = list(dict.fromkeys(ch for ch in text if not printable(ch, codec)))
        if not missing:
            continue
        shown = "、".join(f"「{ch}」" for ch in missing[:MAX_SHOWN])
        more = f"等 {len(missing)} 个字符" if len(missing) > MAX_SHOWN else ""
        warnings.append(f"「{label}」中的 {shown}{more}不在{fonts.body}等字体中，Word 或 WPS 会用其他"
                        "字体显示或显示为方框；表情符号请删去，生僻字请核对打印效果。")
    return warnings
