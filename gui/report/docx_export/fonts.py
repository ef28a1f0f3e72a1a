"""Which fonts of an export this computer lacks, and what Word/WPS show in their place.

The document keeps naming the official fonts (the reviewer's computer has them); its font table tells
Word/WPS the stand-in (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体). Qt-free: the window passes a
`has_family(name)` that asks the system's font database.
"""
from __future__ import annotations

from typing import Callable

from .options import ExportOptions
from .oxml import stand_in

# Other names the same fonts are installed under (English names on a non-Chinese Windows, GBK builds).
ALIASES = {
    "仿宋_GB2312": ("FangSong_GB2312",),
    "楷体_GB2312": ("KaiTi_GB2312",),
    "方正小标宋简体": ("FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
    "仿宋": ("FangSong",), "楷体": ("KaiTi",), "黑体": ("SimHei",), "宋体": ("SimSun",),
}


def missing_fonts(options: ExportOptions, has_family: Callable[[str], bool]) -> list[str]:
    """The Chinese fonts `options` writes that this computer has under none of their names."""
    fonts = options.font_set
    names = dict.fromkeys((fonts.body, fonts.kai, fonts.hei, fonts.title, fonts.song))
    return [n for n in names if not any(has_family(a) for a in (n, *ALIASES.get(n, ())))]


def font_notice(options: ExportOptions, has_family: Callable[[str], bool]) -> str | None:
    """What the export dialog tells the clerk when fonts are missing; None when all are there."""
    missing = missing_fonts(options, has_family)
    if not missing:
        return None
    def named(name: str) -> str:
        other = stand_in(name)
        return f"{name}（以{other}代替）" if other and other not in ALIASES.get(name, ()) else name
    return (f"这台电脑没有安装 {'、'.join(map(named, missing))}。导出的文档仍写明这些字体：在这台电脑上 "
            "Word/WPS 以相近的字体显示和打印，版式（页边距、每页 22 行）不变；在装有这些字体的电脑上按原字体显示。")
