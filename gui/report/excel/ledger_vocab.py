"""The ledger's columns and the words allowed in them, all derived from gui/report/form.py.

The drop-down options of the template and the tolerant matching of the import share this module,
so what the template offers is exactly what the import understands.
"""
from __future__ import annotations

from typing import NamedTuple

from .. import form
from .headers import Matcher, fold_header


class LedgerField(NamedTuple):
    key: str
    label: str               # the header of our template
    width: int               # column width in the template
    synonyms: tuple[str, ...]


FIELDS = (
    LedgerField("id", "申请编号", 16, ("编号", "登记编号", "受理编号", "申请号", "流水号", "序号", "申请序号")),
    LedgerField("received", "收到日期", 13, ("收到时间", "申请时间", "申请日期", "受理日期", "受理时间",
                                          "登记日期", "登记时间", "接收日期", "收件日期", "来件日期",
                                          "提交日期", "收文日期", "申请收到日期")),
    LedgerField("kind", "申请人类型", 16, ("申请人类别", "申请人身份", "申请人性质", "申请主体类型",
                                        "申请主体", "申请人分类", "主体类型", "申请人种类")),
    LedgerField("content", "申请内容", 36, ("申请事项", "申请公开内容", "申请公开的信息", "所需信息",
                                         "内容摘要", "申请信息内容", "申请公开事项")),
    LedgerField("source", "来源", 12, ("申请批次", "是否上年结转", "结转情况", "收案类型", "新收或结转",
                                     "本年新收或上年结转", "案件来源")),
    LedgerField("result", "办理结果", 46, ("答复结果", "处理结果", "办理情况", "答复情况", "答复类型",
                                        "处理情况", "办理结果类型", "结果", "答复结论", "办结结果")),
    LedgerField("done", "办结日期", 13, ("办结时间", "答复日期", "答复时间", "办理完成日期", "完成日期",
                                      "结案日期", "告知日期", "办结日")),
    LedgerField("note", "备注", 24, ("说明",)),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
HEADER_MATCHER = Matcher({f.key: (f.label,) + f.synonyms for f in FIELDS}, folder=fold_header)

SOURCE_NEW = "本年新收"
SOURCE_CARRIED = "上年结转"
SOURCES = (SOURCE_NEW, SOURCE_CARRIED)
UNFINISHED = "尚未办结"
UNFINISHED_KEY = "unfinished"

KIND_OPTIONS = tuple(c.label for c in form.REQUESTS_COLUMNS[:-1])


def _result_label(row: form.Row) -> str:
    return "—".join(p for p in row.path if p != form.RESULTS)


RESULT_ROWS = tuple(form.REQUESTS.row(k) for k in form.DETAIL_ROWS)
RESULT_OPTIONS = tuple(_result_label(r) for r in RESULT_ROWS) + (UNFINISHED,)
RESULT_LABEL = {r.key: _result_label(r) for r in RESULT_ROWS}
RESULT_LABEL[UNFINISHED_KEY] = UNFINISHED

_KIND_SYNONYMS = {
    "natural": ("个人", "公民", "自然人申请", "群众", "个人申请"),
    "commercial": ("企业", "公司", "商业企业法人", "企业法人", "商业组织"),
    "research": ("科研院所", "科研单位", "研究机构", "高等院校", "高校", "科研"),
    "social": ("社会组织", "公益组织", "社会团体", "公益机构", "社会公益机构"),
    "legal": ("律师事务所", "律所", "律师", "法律服务", "法律服务所"),
    "other": ("其他组织", "其它", "其它组织", "其他法人"),
}
KIND_MATCHER = Matcher(
    {c.key: (c.label,) + _KIND_SYNONYMS[c.key] for c in form.REQUESTS_COLUMNS[:-1]},
    contain_min=4, strip=(form.REQUESTS_ORGANISATIONS,),
    keywords={"legal": ("律师",), "commercial": ("公司",)},
    ambiguous={form.REQUESTS_ORGANISATIONS: f"「{form.REQUESTS_ORGANISATIONS}」下有 5 类，请选择具体类型（如商业企业）。",
               "法人": "「法人」请选择具体类型（如商业企业、科研机构）。"})

SOURCE_MATCHER = Matcher({
    "new": (SOURCE_NEW, "新收", "本年", "本年度新收", "新申请", "当年新收", "本年度", "新增"),
    "carry_in": (SOURCE_CARRIED, "结转", "上年", "上年度结转", "往年结转", "上年度", "上年结转申请"),
}, contain_min=2)

# Words that name a result row but are not its official label (the plain wording clerks use).
_RESULT_KEYWORDS = {
    "open": ("全部公开", "同意公开", "予以公开", "已公开", "依申请公开"),
    "partial": ("部分公开",),
    "deny_1": ("国家秘密",), "deny_2": ("法律行政法规禁止", "其他法律行政止公开", "法律法规禁止公开"),
    "deny_3": ("三安全一稳定",), "deny_4": ("第三方合法权益",), "deny_5": ("内部事务",),
    "deny_6": ("过程性信息",), "deny_7": ("行政执法案卷",), "deny_8": ("行政查询事项",),
    "unable_1": ("不掌握", "信息不存在", "不存在"), "unable_2": ("另行制作",),
    "unable_3": ("仍不明确",),
    "noproc_1": ("信访", "举报投诉"), "noproc_2": ("重复申请",), "noproc_3": ("公开出版物",),
    "noproc_4": ("大量反复",), "noproc_5": ("重新出具",),
    "other_1": ("逾期不补正",), "other_2": ("缴纳费用",), "other_3": ("撤回",),
    UNFINISHED_KEY: ("未办结", "办理中", "正在办理", "在办", "待办", "未结", "结转下年度",
                     "尚未答复", "未答复", "处理中", "待答复", "未完成"),
}


def _result_phrases() -> dict[str, tuple[str, ...]]:
    phrases: dict[str, tuple[str, ...]] = {}
    for row in RESULT_ROWS:
        group = row.path[1]
        texts = [RESULT_LABEL[row.key], row.path[-1]]
        if len(row.path) == 2:          # a one-row group: its name alone is enough
            texts.append(group.split("（区分")[0])
        phrases[row.key] = tuple(texts)
    phrases[UNFINISHED_KEY] = (UNFINISHED,)
    return phrases


def _group_ambiguity() -> dict[str, str]:
    groups: dict[str, list[str]] = {}
    for row in RESULT_ROWS:
        if len(row.path) == 3:
            groups.setdefault(row.path[1], []).append(row.key)
    return {g: f"「{g}」下有 {len(keys)} 种情形，请写明具体是哪一项"
               f"（例如「{RESULT_LABEL[keys[0]]}」）。"
            for g, keys in groups.items()}


RESULT_MATCHER = Matcher(_result_phrases(), keywords=_RESULT_KEYWORDS, ambiguous=_group_ambiguity())
