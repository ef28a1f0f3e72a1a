"""Word documents for the import tests, made here with python-docx in the shapes people type:
official merges or none, `(一)` and `1、`, typos in labels, `/` for zero, the 2019 trial format."""
from __future__ import annotations

from pathlib import Path

import docx

from gui.report.cells import format_value
from gui.report.form import ACTIVE, APPEALS, APPEALS_COLUMNS, REQUESTS, REQUESTS_NOTE, CellRef
from gui.report.model import Report
from gui.report.samples import huaian_2024

COLUMN_HEADS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
APPEAL_HEADS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
# Table 三's row labels as a clerk typed them: (一) for （一）, 1、 for 1., a typo, no quotes.
HAND_LABELS = {
    "new": "一、本年新收政府信息公开申请数量", "carry_in": "二、上年结转政府信息公开申请数量",
    "open": "(一)予以公开", "partial": "(二)部分公开(区分处理的，只计这一情形，不计其他情形)",
    "deny_1": "1、属于国家秘密", "deny_2": "2、其他法律行政止公开", "deny_3": "3、危及三安全一稳定",
    "deny_4": "4、保护第三方合法权益", "deny_5": "5、属于三类内部事务信息", "deny_6": "6、属于四类过程性信息",
    "deny_7": "7、属于行政执法案卷", "deny_8": "8、属于行政查询事项",
    "unable_1": "1、本机关不掌握相关政府信息", "unable_2": "2、没有现成信息需要另行制作",
    "unable_3": "3、补正后申请内容仍不明确",
    "noproc_1": "1、信访举报投诉类申请", "noproc_2": "2、重复申请", "noproc_3": "3、要求提供公开出版物",
    "noproc_4": "4、无正当理由大量反复申请", "noproc_5": "5、要求行政机关确认或重新出具已获取信息",
    "other_1": "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_2": "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_3": "3、其他", "total": "(七)总计", "carry_out": "四、结转下年度继续办理",
}
GROUPS = {"deny": "(三)不予公开", "unable": "(四)无法提供", "noproc": "(五)不予处理", "other": "(六)其他处理"}


def shown(value, slash_zero: bool) -> str:
    return "/" if slash_zero and value == 0 else format_value(value)


def cell_at(table, r: int, c: int):
    """table.cell(r, c) without its cost: python-docx's Table.cell lays out the whole table for each
    call (seconds for a hand-made table 三); a row lays out only itself. The same cell, merges included."""
    return table.rows[r].cells[c]


def fill(table, rows: list[list[str]]) -> None:
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            if text:
                cell_at(table, r, c).text = text


def title(doc, organ: str, year: int, split: bool = False) -> None:
    if split:       # organ on one line, the report name on the next (as some units print it)
        doc.add_paragraph(organ)
        doc.add_paragraph(f"{year}年政府信息公开工作年度报告")
    else:
        doc.add_paragraph(f"{organ}{year}年政府信息公开工作年度报告")


def active_tables(doc, report: Report, slash_zero: bool = False) -> None:
    """Table 二 as four small tables (one per 第二十条 block), labels with typos, no merges."""
    v = lambda row, col="value": shown(report.get(CellRef("active", row, col)), slash_zero)  # noqa: E731
    docs = [["第二十条第(一)项", "", "", ""], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件"]]
    docs += [[label] + [v(key, c) for c in ("issued", "repealed", "in_force")]
             for key, label in (("rules", "规章"), ("normative", "规范性文件"))]
    blocks = [docs,
              [["第二十条第(五)项", "", "", ""], ["信息内容", "本年处理决定数量", "", ""], ["行政许可", v("licensing"), "", ""]],
              [["第二十条第(六)项", "", "", ""], ["信息内容", "本年处理决定数量", "", ""],
               ["行政处罚", v("penalty"), "", ""], ["行政强制", v("coercion"), "", ""]],
              [["第二十条第(八)项", "", "", ""], ["信息内容", "本年收费金额(单位:万元)", "", ""],
               ["行政事业性收费", v("fees"), "", ""]]]
    for rows in blocks:
        fill(doc.add_table(rows=len(rows), cols=4), rows)


def requests_table(doc, report: Report, slash_zero: bool = False, merged: bool = True,
                   single_other: bool = False) -> None:
    """Table 三 by hand: two label columns (group and item), the group merged down when `merged`.
    `single_other`: （六）其他处理 as one row without sub-items (the 2019 trial format)."""
    keys = [r.key for r in REQUESTS.rows]
    if single_other:
        keys = [k for k in keys if k not in ("other_2", "other_3")]
    table = doc.add_table(rows=2 + len(keys), cols=9)
    fill(table, [[REQUESTS_NOTE, "", "申请人情况"], ["", "", *COLUMN_HEADS]])
    table.cell(0, 0).merge(table.cell(1, 1))
    start = {}
    for i, key in enumerate(keys, 2):
        group = GROUPS.get(key.split("_")[0]) if "_" in key else None
        if single_other and key == "other_1":
            values = [sum(report.get(CellRef("requests", k, c.key)) or 0 for k in ("other_1", "other_2", "other_3"))
                      for c in REQUESTS.row(key).columns]
            cells = [GROUPS["other"], ""] + [shown(x, slash_zero) for x in values]
        else:
            values = report.row_values("requests", key)
            label = HAND_LABELS[key]
            cells = [group or label, label if group else ""] + [shown(x, slash_zero) for x in values]
            if group and merged:
                cells[0] = group if group not in start else ""
                start.setdefault(group, i)
        fill_row(table, i, cells)
    if merged:
        for group, first in start.items():
            last = max(i for i, k in enumerate(keys, 2) if GROUPS.get(k.split("_")[0]) == group)
            table.cell(first, 0).merge(table.cell(last, 0))


def fill_row(table, r: int, cells: list[str]) -> None:
    for c, text in enumerate(cells):
        if text:
            cell_at(table, r, c).text = text


def appeals_table(doc, report: Report, slash_zero: bool = False) -> None:
    """Table 四 with the official 3-row header built by hand (merges like the printed form)."""
    table = doc.add_table(rows=4, cols=15)
    table.cell(0, 0).merge(table.cell(0, 4)).text = "行政复议"
    table.cell(0, 5).merge(table.cell(0, 14)).text = "行政诉讼"
    for j, head in enumerate(APPEAL_HEADS):
        table.cell(1, j).merge(table.cell(2, j)).text = head
        table.cell(2, 5 + j).text = head
        table.cell(2, 10 + j).text = head
    table.cell(1, 5).merge(table.cell(1, 9)).text = "未经复议直接起诉"
    table.cell(1, 10).merge(table.cell(1, 14)).text = "复议后起诉"
    refs = [CellRef("appeals", r.key, c.key) for r in APPEALS.rows for c in APPEALS_COLUMNS]
    for j, ref in enumerate(refs):
        cell_at(table, 3, j).text = shown(report.get(ref), slash_zero)


def hand_made(path: Path, report: Report, *, slash_zero: bool = False, merged: bool = True,
              single_other: bool = False, split_title: bool = False, themes: bool = True) -> Path:
    """A whole report typed by hand: `一.` headings with spaces, (一) themes, the three tables."""
    doc = docx.Document()
    title(doc, report.info.organ, report.info.year, split=split_title)
    doc.add_paragraph("本报告根据《中华人民共和国政府信息公开条例》编制。")
    doc.add_paragraph("一. 总体情况")
    if themes:
        for number, key in zip("一二三四五", ("overview_active", "overview_request", "overview_management",
                                           "overview_platform", "overview_supervision")):
            for k, line in enumerate(report.texts[key].splitlines() or [""]):
                doc.add_paragraph(f"({number}){line}" if k == 0 else line)
    doc.add_paragraph("二、 主动公开政府信息情况")
    active_tables(doc, report, slash_zero)
    doc.add_paragraph("三 、收到和处理政府信息公开申请情况")
    requests_table(doc, report, slash_zero, merged, single_other)
    doc.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    appeals_table(doc, report, slash_zero)
    doc.add_paragraph("五、存在的主要问题及改进情况")
    for line in report.texts["problems"].splitlines():
        doc.add_paragraph(line)
    doc.add_paragraph("六、其他需要报告的事项")
    for line in report.texts["other"].splitlines():
        doc.add_paragraph(line)
    doc.add_paragraph(report.info.organ)
    doc.add_paragraph("2025年1月20日")
    doc.save(path)
    return path


OLD_ACTIVE = [   # table 二 of the 2019 trial format (国办公开办函〔2019〕60号)
    ["第二十条第（一）项", "", "", ""],
    ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
    ["规章", "0", "0", "0"], ["规范性文件", "2", "2", "15"],
    ["第二十条第（五）项", "", "", ""],
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政许可", "5", "0", "120"], ["其他对外管理服务事项", "0", "0", "0"],
    ["第二十条第（九）项", "", "", ""],
    ["信息内容", "采购项目数量", "采购总金额", ""], ["政府集中采购", "3", "12.5", ""],
]


def old_report(path: Path, year: int = 2022) -> Path:
    doc = docx.Document()
    title(doc, "某镇人民政府", year)
    doc.add_paragraph("二、主动公开政府信息情况")
    table = doc.add_table(rows=len(OLD_ACTIVE), cols=4)
    for r, row in enumerate(OLD_ACTIVE):
        for c, text in enumerate(row):
            cell_at(table, r, c).text = text
    doc.add_paragraph("三、收到和处理政府信息公开申请情况")
    requests_table(doc, huaian_2024(), single_other=True)
    doc.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    appeals_table(doc, huaian_2024())
    doc.save(path)
    return path
