"""The opening paragraph generated from 基本信息 (FORMAT.md §2: who, the period, the contact): printed
by the Word export, recognised by the importers (an opening equal to it is not kept as typed text)."""
from __future__ import annotations

from .model import Info, Report

REGULATION = "《中华人民共和国政府信息公开条例》"


def generated_opening(info: Info) -> str:
    """The usual opening: compiler under the 条例, statistics period, where to ask."""
    organ = info.organ.strip() or "本机关"
    compiler = info.compiler.strip() or organ
    year = str(info.year) if info.year else "____"
    parts = [f"本报告由{compiler}根据{REGULATION}（以下简称《条例》）要求编制。",
             f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"]
    contact = [f"{label}：{value.strip()}" for label, value in
               (("地址", info.address), ("邮编", info.postcode), ("电话", info.phone))
               if value.strip()]
    if contact:
        parts.append(f"如对本报告有疑问，请与{compiler}联系（{'；'.join(contact)}）。")
    return "".join(parts)


def opening_text(report: Report) -> str:
    """The opening as it will be printed: '' when the clerk switched it off."""
    if not report.opening_enabled:
        return ""
    if report.opening is not None:
        return report.opening
    return generated_opening(report.info)
