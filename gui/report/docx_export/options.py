"""What the clerk can choose about the exported document: page numbers and font names."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

OUTER = "outer"      # GB/T 9704: odd pages right, even pages left, one character in
CENTER = "center"
PAGE_NUMBER_CHOICES = {OUTER: "单双页外侧（GB/T 9704）", CENTER: "居中"}

GB = "gb"
COMMON = "common"


class FontSet(NamedTuple):
    body: str          # 正文, （一）… are 楷体, 一、… are 黑体
    kai: str
    hei: str
    title: str
    title_bold: bool   # 宋体 standing in for 小标宋 needs bold to carry the same weight
    song: str          # tables and page numbers
    latin: str = "Times New Roman"


FONT_SETS = {
    GB: FontSet("仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", False, "宋体"),
    COMMON: FontSet("仿宋", "楷体", "黑体", "宋体", True, "宋体"),
}
FONT_CHOICES = {GB: "公文标准字体（仿宋_GB2312、楷体_GB2312、方正小标宋简体）",
                COMMON: "常用字体（仿宋、楷体、宋体、黑体，适合未装公文字体的电脑）"}


@dataclass(frozen=True)
class ExportOptions:
    page_numbers: str = OUTER
    fonts: str = GB

    def __post_init__(self):
        if self.page_numbers not in PAGE_NUMBER_CHOICES:
            raise ValueError(f"page_numbers: {self.page_numbers!r}")
        if self.fonts not in FONT_SETS:
            raise ValueError(f"fonts: {self.fonts!r}")

    @property
    def font_set(self) -> FontSet:
        return FONT_SETS[self.fonts]
