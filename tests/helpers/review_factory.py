"""A county's folder of submitted reports for the review tests, with known faults planted.

Every unit has narratives of its own (sentences drawn from phrase pools with its own seed), the fee
sentence the application inserts, and tables that pass every check — except where a fault is planted.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from gui.report import drafts
from gui.report.docx_export import export_docx
from gui.report.form import ALL_CELLS, COUNT, REQUESTS, REQUESTS_COLUMNS, TEXT_FIELDS, CellRef, kind_of
from gui.report.samples import huaian_2024
from gui.report.text_rules import fee_sentence
from docx_import_factory import hand_made
from rules_support import last_year_of

_SUBJECTS = ("我镇", "本单位", "镇党委政府", "政务公开办公室", "各村社区", "相关科室", "分管领导", "业务骨干",
             "信息员队伍", "门户网站", "政务新媒体", "便民服务中心", "档案室", "综合执法队", "财政所", "社会事务办")
_VERBS = ("认真梳理", "持续完善", "及时发布", "深入推进", "全面落实", "定期更新", "严格审核", "集中整理",
          "主动对接", "逐步规范", "统筹安排", "专题研究", "细化分解", "跟踪督办", "广泛征集", "依法办理")
_OBJECTS = ("惠民惠农补贴信息", "重大项目进展", "财政预决算公开内容", "乡村振兴政策文件", "安全生产检查结果",
            "征地拆迁补偿标准", "社会救助对象名单", "公共资源交易信息", "环境整治工作动态", "义务教育招生政策",
            "医疗保障经办流程", "防汛抗旱预警信息", "营商环境举措", "民生实事办理情况", "基层议事协商记录",
            "村务财务公开栏目")
_WHEN = ("年初", "上半年", "三季度以来", "全年", "每月", "每季度", "汛期前", "春节前后", "年底前", "工作日内",
         "按照年度计划", "结合专项检查")
_ENDS = ("取得明显成效", "群众满意度不断提升", "形成长效机制", "做到应公开尽公开", "确保信息准确及时",
         "进一步规范了工作流程", "切实保障了群众知情权", "有效回应社会关切")


def _sentence(rng: random.Random) -> str:
    return (f"{rng.choice(_SUBJECTS)}{rng.choice(_WHEN)}{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}，"
            f"{rng.choice(_ENDS)}。")


def own_texts(seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    texts = {f.key: "".join(_sentence(rng) for _ in range(4)) for f in TEXT_FIELDS if f.key != "other"}
    texts["problems"] = ("存在的问题：" + "".join(_sentence(rng) for _ in range(2))
                         + "下一步，" + "".join(_sentence(rng) for _ in range(3)))
    return texts


def unit_report(organ: str, seed: int, year: int = 2024, factor: int | None = None):
    """A township report that passes every check, with narratives of its own and its tables
    multiplied by `factor` (default: the seed)."""
    report = huaian_2024()
    report.info = dataclasses.replace(report.info, organ=organ, year=year, level="乡镇/街道", compiler="",
                                      publish_date=dt.date(year + 1, 1, 20))
    for col in ("issued", "repealed", "in_force"):          # a town makes no 规章
        report.set(CellRef("active", "rules", col), 0)
    scale(report, seed if factor is None else factor)       # tables of its own, still consistent
    report.texts.update(own_texts(seed))
    report.fee.amount_yuan = Decimal(seed * 10)
    report.texts["other"] = fee_sentence(report)
    return report


def scale(report, factor: int, rows=None) -> None:
    for ref in ALL_CELLS:
        if kind_of(ref) == COUNT and (rows is None or ref.row in rows):
            report.set(ref, report.get(ref) * factor)
    report.set(FEES, report.get(FEES) * factor)


def vary(report, d: int) -> None:
    """Add d applications (natural persons, all made public), d upheld reviews and d licences:
    still consistent."""
    licensing = CellRef("active", "licensing", "value")
    report.set(licensing, report.get(licensing) + d)
    for row in ("new", "open", "total"):
        for col in ("natural", "total"):
            report.set(CellRef("requests", row, col), report.get(CellRef("requests", row, col)) + d)
    for col in ("upheld", "total"):
        report.set(CellRef("appeals", "review", col), report.get(CellRef("appeals", "review", col)) + d)


FEES = CellRef("active", "fees", "value")
WRONG_TOTAL = CellRef("requests", "total", "total")
CLEAN = "子镇人民政府"                          # our own export: nothing to say about it at all
HAND_MADE = "丁街道办事处"                       # typed by hand: no error (format hints may come)
COPIED = ("甲镇人民政府", "丙镇人民政府")        # 丙 copied 甲's 五
SAME_TABLES = ("乙镇人民政府", "癸镇人民政府")   # 癸 sent 乙's tables
LATE, WRONG, MAGNITUDE = "戊镇人民政府", "己镇人民政府", "壬镇人民政府"
LATE_DATE = dt.date(2025, 2, 20)


def county_folder(root: Path) -> Path:
    """The folder a county office collects: our exports, a hand-typed layout, drafts, faults."""
    folder = root / "各单位报送"
    (folder / "补报").mkdir(parents=True)
    jia = unit_report("甲镇人民政府", 1)
    export_docx(jia, folder / "甲镇.docx")
    export_docx(unit_report("乙镇人民政府", 2), folder / "乙镇.docx")
    export_docx(unit_report(CLEAN, 11), folder / "子镇.docx")
    bing = unit_report("丙镇人民政府", 3)
    bing.texts["problems"] = jia.texts["problems"]
    drafts.save(bing, folder / "丙镇.json")
    hand_made(folder / "丁街道.docx", unit_report("丁街道办事处", 4))            # a layout typed by hand
    late = unit_report(LATE, 5)
    late.info.publish_date = LATE_DATE
    export_docx(late, folder / "戊镇.docx")
    wrong = unit_report(WRONG, 6)
    wrong.set(WRONG_TOTAL, wrong.get(WRONG_TOTAL) + 100)
    drafts.save(wrong, folder / "己镇.json")
    (folder / "庚镇.docx").write_bytes(b"PK\x03\x04 this is not really a Word document")
    export_docx(unit_report("辛镇人民政府", 8, year=2023), folder / "辛镇2023.docx")
    drafts.save(unit_report("甲镇人民政府", 1), folder / "补报" / "甲镇（修改稿）.json")
    magnitude = unit_report(MAGNITUDE, 9)
    last = last_year_of(magnitude)
    last.info.organ = MAGNITUDE
    last.texts.update(own_texts(90))
    scale(last, 9, rows={"new", "total"} | {r.key for r in REQUESTS.rows[2:23]})
    for row in ("new", "total"):                            # last year's figures, without two zeros
        for col in REQUESTS_COLUMNS:
            ref = CellRef("requests", row, col.key)
            last.set(ref, last.get(ref) // 100)
    magnitude.last_year = last
    drafts.save(magnitude, folder / "壬镇.json")
    gui = unit_report("癸镇人民政府", 10)
    yi = unit_report("乙镇人民政府", 2)
    gui.cells = dict(yi.cells)
    drafts.save(gui, folder / "癸镇.json")
    (folder / "照片.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder
