"""The builder: from paragraphs, grids of cell texts and the reader's metadata to the ImportResult —
the title, the sections, the three tables, the findings and the summary. Every reader of published
reports (Word body, PDF, web page, pasted text, Excel tables) ends here, and none edits the result
afterwards: what only the reader knows comes in as Metadata.

    result = import_report("报告.pdf", paragraphs, [grid, ...], Metadata(first_notes=(...,)),
                           error=PdfImportError)
    result.report, result.summary()
"""
from __future__ import annotations

import re

from .. import levels
from ..draft_reader import DraftError
from ..findings import IMPORT_HEADING, IMPORT_TITLE
from ..form import (FORMAT_NAME, SECTIONS, SECTION_BY_KEY, TABLE_BY_KEY, TEXT_FIELDS, TITLE_SUFFIX,
                    TRIAL_FORMAT_NAME, of_trial_format)
from ..model import Info, Report
from ..problems import INFO_PREFIX, TEXT_PREFIX
from .active import read_active
from .appeals import read_appeals
from .grid import Grid
from .labels import normalise
from .result import ImportResult, Metadata, quote
from .structure import split_sections
from .tables import TableReader, classify
from .texts import place_overview, take_fee, take_opening, take_sign_off

_READ = {"active": read_active, "requests": TableReader.read_requests, "appeals": read_appeals}


class NotAReport(DraftError):
    """Nothing in the document looks like an annual report (a reader passes its own subclass)."""


def import_report(name: str, paragraphs: list[str], tables: list[Grid], metadata: Metadata = Metadata(),
                  error: type[DraftError] = NotAReport) -> ImportResult:
    """The ImportResult of a document made of `paragraphs` and `tables` (in document order).
    Raises `error` with a Chinese message when nothing in it looks like an annual report. `name` is
    the file's name, for messages."""
    structure = split_sections(paragraphs)
    result = ImportResult(Report(Info()))
    result.recognised += metadata.first_notes
    kinds = [classify(t) for t in tables]
    if structure.title is None and len(structure.sections) < 3 and not any(kinds):
        raise error(f"「{name}」不是政府信息公开工作年度报告：没有找到报告标题"
                    "（「××××年政府信息公开工作年度报告」）、一至六部分的标题或统计表格。")
    _info(structure, result, metadata)
    if not metadata.tables_only:
        _texts(structure, result)
    _publish_date(result, metadata)
    reader = TableReader(result, metadata.unplaced)
    for number, (table, kind) in enumerate(zip(tables, kinds), 1):
        if kind is None:
            if any(s.text.strip() for row in table.rows for s in row):
                first = next(s.text for row in table.rows for s in row if s.text.strip())
                result.missed(f"第 {number} 个表格（开头{quote(first)}）不是年报的三张统计表之一，未导入。")
            continue
        _READ[kind](reader, table)
    for key in ("active", "requests", "appeals"):
        if key not in kinds:
            table = TABLE_BY_KEY[key]
            result.missed(f"未找到{table.short_name}（{SECTION_BY_KEY[table.section].heading}），其数字请手工填写。")
    reader.finish()
    result.rows_read = sum(map(len, reader.filled.values()))
    if result.old_format:
        year = result.report.info.year
        if of_trial_format(year):
            result.unrecognised.insert(0, f"该报告是 {year} 年度的报告，使用其年度适用的 {TRIAL_FORMAT_NAME}："
                                          f"与现行格式（{FORMAT_NAME}）不同的栏目未导入，按其年度的格式不作为空白报错。")
        else:
            when = f"（而报告年度是 {year} 年）" if year else ""
            result.unrecognised.insert(0, f"该报告使用的是已废止的 2019 年试行格式{when}；"
                                          f"现行格式为{FORMAT_NAME}，与旧格式不同的栏目未导入。")
    for recognised, note in metadata.notes:
        (result.ok if recognised else result.missed)(note)
    return result


def _info(structure, result: ImportResult, metadata: Metadata) -> None:
    info = result.report.info
    title = structure.title
    if title is None:
        result.missed("未找到报告标题（「机关名称＋××××年政府信息公开工作年度报告」）："
                      "机关名称和报告年度请在基本信息中填写。")
        result.flag(IMPORT_TITLE, f"文档没有规范的报告标题：标题应为「〈机关全称〉〈年度〉{TITLE_SUFFIX}」。",
                    "info", field=INFO_PREFIX + "organ")
    else:
        info.organ, info.year = title.organ, title.year
        if not title.official:
            expected = f"{title.organ or '〈机关全称〉'}{title.year}{TITLE_SUFFIX}"
            result.flag(IMPORT_TITLE, f"报告标题{quote(title.text)}不规范：应为「{expected}」"
                        f"（〈机关全称〉〈年度〉{TITLE_SUFFIX}）。", "info", field=INFO_PREFIX + "organ",
                        quote=title.text)
    from_title = bool(info.organ)
    if from_title:
        result.ok(f"标题：机关名称「{info.organ}」，报告年度 {info.year} 年。")
    elif metadata.organ:
        info.organ = metadata.organ
        result.ok(f"机关名称取自{metadata.organ_from}：「{info.organ}」，请核对是否为机关全称。")
    elif title is not None:
        result.missed(f"标题{quote(title.text)}中没有机关名称，请在基本信息中填写。")
    level = levels.guess(info.organ)
    if level is not None:
        info.level = level
        result.ok(f"单位层级按{'机关名称' if from_title else metadata.organ_from}判断为「{level}」，请核对。")
    elif title is not None:
        result.missed("单位层级无法从机关名称判断，请在基本信息中选择（默认「乡镇/街道」）。")


def _publish_date(result: ImportResult, metadata: Metadata) -> None:
    """The date the reader found outside the report wins over the sign-off's (a page's 公开日期)."""
    if metadata.publish_date is None:
        return
    info = result.report.info
    before, info.publish_date = info.publish_date, metadata.publish_date
    also = f"（报告落款日期为 {before.isoformat()}）" if before and before != info.publish_date else ""
    result.ok(f"发布日期取自{metadata.publish_date_from}：{info.publish_date.isoformat()}{also}。")


def _texts(structure, result: ImportResult) -> None:
    report = result.report
    found = [s.heading for s in SECTIONS if s.key in structure.sections]
    missing = [s.heading for s in SECTIONS if s.key not in structure.sections]
    if found:
        result.ok(f"找到 {len(found)} 个部分的标题：" + "、".join(f"「{h}」" for h in found) + "。")
    if missing:
        result.missed("未找到这些部分的标题，其内容未导入：" + "、".join(f"「{h}」" for h in missing) + "。")
        for section in SECTIONS:
            if section.key not in structure.sections:
                result.flag(IMPORT_HEADING, f"文档中没有「{section.heading}」这一部分的标题：年度报告应有六个部分，"
                            "标题与正式格式一致。", section.key, field=_section_field(section.key))
    for typed, official in structure.heading_variants:
        result.ok(f"标题{quote(typed)}识别为「{official}」。")
        if _words(typed) != _words(official):
            key = next(s.key for s in SECTIONS if s.heading == official)
            result.flag(IMPORT_HEADING, f"部分标题{quote(typed)}与正式标题「{official}」不一致，请使用正式标题。",
                        key, field=_section_field(key), quote=typed)
    take_opening(structure.before, report, result)
    sections = structure.sections
    place_overview(sections.get("overview", []), report, result)
    for key in ("problems", "other"):
        lines = sections.get(key, [])
        if key == "other":
            lines = take_sign_off(lines, report, result)
            take_fee("\n".join(lines), report, result)
        report.texts[key] = "\n".join(lines)
        if lines:
            result.ok(f"「{SECTION_BY_KEY[key].heading}」：{len(lines)} 段。")
    for key in ("active", "requests", "appeals"):
        for line in sections.get(key, []):
            result.missed(f"「{SECTION_BY_KEY[key].heading}」中表格以外的文字未导入：{quote(line)}。")



def _section_field(section: str) -> str | None:
    """The first text field of a section (where the window goes), None for the table sections."""
    return next((TEXT_PREFIX + f.key for f in TEXT_FIELDS if f.section == section), None)


def _words(heading: str) -> str:
    """A heading without its numbering punctuation and spaces: 「一. 总体情况」 reads as 「一、总体情况」."""
    return re.sub(r"^([一二三四五六])[、.．,，]?", r"\1", normalise(heading))
