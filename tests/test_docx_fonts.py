"""The export dialog's notice about missing official fonts (the core part; the dialog in test_docx_export_actions)."""
from gui.report.docx_export import ExportOptions
from gui.report.docx_export.fonts import font_notice, missing_fonts
from gui.report.docx_export.options import COMMON, GB

WINDOWS_WITHOUT_OFFICIAL_FONTS = {"宋体", "黑体", "仿宋", "楷体", "微软雅黑"}


def test_a_plain_windows_lacks_the_three_official_fonts_and_is_told_the_stand_ins():
    has = WINDOWS_WITHOUT_OFFICIAL_FONTS.__contains__
    assert missing_fonts(ExportOptions(fonts=GB), has) == ["仿宋_GB2312", "楷体_GB2312", "方正小标宋简体"]
    notice = font_notice(ExportOptions(fonts=GB), has)
    assert "仿宋_GB2312（以仿宋代替）" in notice and "方正小标宋简体（以宋体代替）" in notice
    assert "版式（页边距、每页 22 行）不变" in notice


def test_no_notice_with_the_common_fonts_or_when_the_official_ones_are_installed():
    has = WINDOWS_WITHOUT_OFFICIAL_FONTS.__contains__
    assert font_notice(ExportOptions(fonts=COMMON), has) is None
    everything = WINDOWS_WITHOUT_OFFICIAL_FONTS | {"仿宋_GB2312", "楷体_GB2312", "方正小标宋简体"}
    assert font_notice(ExportOptions(fonts=GB), everything.__contains__) is None


def test_fonts_installed_under_their_english_names_count_as_installed():
    english = {"SimSun", "SimHei", "FangSong", "KaiTi", "FangSong_GB2312", "KaiTi_GB2312", "FZXiaoBiaoSong-B05S"}
    assert missing_fonts(ExportOptions(fonts=GB), english.__contains__) == []


def test_a_linux_machine_with_only_noto_lacks_every_chinese_font_named():
    notice = font_notice(ExportOptions(fonts=COMMON), {"Noto Sans CJK SC"}.__contains__)
    assert notice.startswith("这台电脑没有安装 仿宋、楷体、黑体、宋体")
