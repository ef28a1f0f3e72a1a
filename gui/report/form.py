"""The official 2021 report format as data: sections, text fields, tables, merges, units.

Every label here is the official text (国办公开办函〔2021〕30号), character for character. Everything
else in the application — the wizard, the rules, the Word/Excel writers, the importers — reads it
from here; no label is typed anywhere else.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

FORMAT_NUMBER = "〔2021〕30号"                         # the notice that set this format
FORMAT_NAME = f"国办公开办函{FORMAT_NUMBER}"            # how messages name the current format
FIRST_YEAR_2021_FORMAT = 2021       # reports on 2021 and later; those on 2019 and 2020 use the trial format
TRIAL_FORMAT_NAME = "2019 年试行格式（国办公开办函〔2019〕60号）"
TITLE_SUFFIX = "年政府信息公开工作年度报告"

COUNT = "count"          # a whole number of items, 0 … MAX_COUNT
FEE = "fee"              # an amount in 万元, Decimal ≥ 0 with at most FEE_PLACES decimals
MAX_COUNT = 999_999_999
FEE_PLACES = 6          # reports print 万元 to the 元 and beyond: 4166.241619
YUAN_PLACES = 4         # the 信息处理费 of 六, in 元
MAX_FEE_INTEGER_DIGITS = 9
MIN_YEAR, MAX_YEAR = 1900, 2999      # a report year drafts, the window and the command line accept
COUNT_UNIT = "件"
FEE_UNIT = "万元"



@dataclass(frozen=True)
class Level:
    """A 单位层级: which kind of organ writes the report. R8 asks `makes_rules` (规章 are made at
    provincial and large-city level), deadlines.py the `deadline_basis` (《条例》第四十九条), the
    importers and the window `endings` (an organ name ending so says this level; a department's
    name says nothing)."""
    name: str
    government: bool                  # a people's government (or a township), not a department
    makes_rules: bool                 # may make 规章
    deadline_basis: str               # "government" | "department" | "town" (deadlines.py)
    endings: tuple[str, ...] = ()


LEVEL_RECORDS = (
    Level("乡镇/街道", True, False, "town", ("镇人民政府", "乡人民政府", "街道办事处", "镇政府", "乡政府")),
    Level("县级人民政府", True, False, "government", ("县人民政府", "区人民政府", "旗人民政府")),
    Level("县级部门", False, False, "department"),
    Level("市级人民政府", True, True, "government", ("市人民政府",)),
    Level("市级部门", False, True, "department"),
    Level("省级及以上", True, True, "government", ("自治区人民政府", "省人民政府")),
)
LEVEL_BY_NAME = {level.name: level for level in LEVEL_RECORDS}
LEVELS = tuple(LEVEL_BY_NAME)            # the names, in the order of the window's list; the first is the default


class Section(NamedTuple):
    key: str
    heading: str


SECTIONS = (
    Section("overview", "一、总体情况"),
    Section("active", "二、主动公开政府信息情况"),
    Section("requests", "三、收到和处理政府信息公开申请情况"),
    Section("appeals", "四、政府信息公开行政复议、行政诉讼情况"),
    Section("problems", "五、存在的主要问题及改进情况"),
    Section("other", "六、其他需要报告的事项"),
)
SECTION_BY_KEY = {s.key: s for s in SECTIONS}


class TextField(NamedTuple):
    key: str
    section: str       # a Section key
    label: str         # what the clerk and the messages call it
    sub_number: str    # （一）… for the themes of 一, else ""


OVERVIEW_THEMES = (
    TextField("overview_active", "overview", "主动公开", "（一）"),
    TextField("overview_request", "overview", "依申请公开", "（二）"),
    TextField("overview_management", "overview", "政府信息管理", "（三）"),
    TextField("overview_platform", "overview", "政府信息公开平台建设", "（四）"),
    TextField("overview_supervision", "overview", "监督保障", "（五）"),
)
TEXT_FIELDS = OVERVIEW_THEMES + (
    TextField("problems", "problems", "存在的主要问题及改进情况", ""),
    TextField("other", "other", "其他需要报告的事项", ""),
)
TEXT_FIELD_BY_KEY = {f.key: f for f in TEXT_FIELDS}

# 基本信息 fields: key → label. Order is the order of the form.
INFO_LABELS = {
    "organ": "机关全称",
    "year": "报告年度",
    "level": "单位层级",
    "compiler": "编制机构",
    "address": "联系地址",
    "postcode": "邮政编码",
    "phone": "联系电话",
    "publish_date": "发布日期",
    "deadline": "报送截止日期",
}
FEE_LABELS = {
    "fee_yuan": "全年收取信息处理费（元）",
    "fee_charged": "收费的申请件数",
}


class CellRef(NamedTuple):
    """One data cell of one table, by the stable keys of FORMAT.md §11."""
    table: str
    row: str
    column: str


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    path: tuple[str, ...] = ()      # header labels above it, outermost first, for messages


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    path: tuple[str, ...]            # label cells left of it, outermost first (the row label last)
    columns: tuple[Column, ...]
    kind: str = COUNT
    json_scalar: bool = False         # a one-value row is a bare value in drafts (§11), not a list


@dataclass(frozen=True)
class GridCell:
    """One cell of the printed table; spans are in grid rows/columns."""
    row: int
    col: int
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    role: str = "label"              # title | header | label | note | data
    ref: CellRef | None = None


@dataclass(frozen=True)
class Table:
    key: str
    section: str                     # Section key
    short_name: str                  # 表二 …, for messages
    rows: tuple[Row, ...]
    grid: tuple[GridCell, ...]
    grid_rows: int
    grid_cols: int
    header_rows: int                 # leading grid rows repeated on each printed page
    col_weights: tuple[int, ...]     # relative printed widths of the grid columns
    row_by_key: dict[str, Row] = field(default_factory=dict, compare=False)

    def cells(self) -> list[CellRef]:
        return [CellRef(self.key, r.key, c.key) for r in self.rows for c in r.columns]

    def row(self, key: str) -> Row:
        return self.row_by_key[key]


def _table(key, short_name, rows, grid, n_rows, n_cols, header_rows, weights) -> Table:
    return Table(key, key, short_name, tuple(rows), tuple(grid), n_rows, n_cols, header_rows,
                 tuple(weights), {r.key: r for r in rows})


# ── 表二 主动公开 (FORMAT.md §3) ────────────────────────────────────────────────────────
ACTIVE_CONTENT = "信息内容"
ACTIVE_DOC_COLUMNS = (
    Column("issued", "本年制发件数"),
    Column("repealed", "本年废止件数"),
    Column("in_force", "现行有效件数"),
)
ACTIVE_DECISIONS = "本年处理决定数量"
ACTIVE_FEES = "本年收费金额（单位：万元）"
# (block heading, column header over the data, ((row key, row label), …), kind)
ACTIVE_BLOCKS = (
    ("第二十条第（一）项", None, (("rules", "规章"), ("normative", "行政规范性文件")), COUNT),
    ("第二十条第（五）项", ACTIVE_DECISIONS, (("licensing", "行政许可"),), COUNT),
    ("第二十条第（六）项", ACTIVE_DECISIONS, (("penalty", "行政处罚"), ("coercion", "行政强制")), COUNT),
    ("第二十条第（八）项", ACTIVE_FEES, (("fees", "行政事业性收费"),), FEE),
)


def _active_table() -> Table:
    rows, grid, r = [], [], 0
    for heading, single_header, members, kind in ACTIVE_BLOCKS:
        grid.append(GridCell(r, 0, heading, colspan=4, role="title"))
        grid.append(GridCell(r + 1, 0, ACTIVE_CONTENT, role="header"))
        if single_header is None:
            for i, col in enumerate(ACTIVE_DOC_COLUMNS):
                grid.append(GridCell(r + 1, 1 + i, col.label, role="header"))
        else:
            grid.append(GridCell(r + 1, 1, single_header, colspan=3, role="header"))
        r += 2
        for row_key, label in members:
            if single_header is None:
                cols = tuple(Column(c.key, c.label, (heading,)) for c in ACTIVE_DOC_COLUMNS)
            else:
                cols = (Column("value", single_header, (heading,)),)
            row = Row(row_key, label, (label,), cols, kind, json_scalar=single_header is not None)
            rows.append(row)
            grid.append(GridCell(r, 0, label, role="label"))
            if single_header is None:
                for i, col in enumerate(cols):
                    grid.append(GridCell(r, 1 + i, role="data", ref=CellRef("active", row_key, col.key)))
            else:
                grid.append(GridCell(r, 1, colspan=3, role="data",
                                     ref=CellRef("active", row_key, "value")))
            r += 1
    return _table("active", "表二", rows, grid, r, 4, 0, (34, 22, 22, 22))


# ── 表三 依申请公开 (FORMAT.md §4) ──────────────────────────────────────────────────────
REQUESTS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
REQUESTS_APPLICANTS = "申请人情况"
REQUESTS_ORGANISATIONS = "法人或其他组织"
REQUESTS_COLUMNS = (
    Column("natural", "自然人"),
    Column("commercial", "商业企业", (REQUESTS_ORGANISATIONS,)),
    Column("research", "科研机构", (REQUESTS_ORGANISATIONS,)),
    Column("social", "社会公益组织", (REQUESTS_ORGANISATIONS,)),
    Column("legal", "法律服务机构", (REQUESTS_ORGANISATIONS,)),
    Column("other", "其他", (REQUESTS_ORGANISATIONS,)),
    Column("total", "总计"),
)
APPLICANT_COLUMNS = tuple(c.key for c in REQUESTS_COLUMNS[:-1])
RESULTS = "三、本年度办理结果"
# Body rows: (key, A label, B label, C label). A label None = inside 三、本年度办理结果;
# B label None = inside the group named by the nearest B above. Full-width brackets, ASCII "1.".
REQUESTS_BODY = (
    ("new", "一、本年新收政府信息公开申请数量", None, None),
    ("carry_in", "二、上年结转政府信息公开申请数量", None, None),
    ("open", RESULTS, "（一）予以公开", None),
    ("partial", RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("deny_1", RESULTS, "（三）不予公开", "1.属于国家秘密"),
    ("deny_2", RESULTS, "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("deny_3", RESULTS, "（三）不予公开", "3.危及\u201c三安全一稳定\u201d"),
    ("deny_4", RESULTS, "（三）不予公开", "4.保护第三方合法权益"),
    ("deny_5", RESULTS, "（三）不予公开", "5.属于三类内部事务信息"),
    ("deny_6", RESULTS, "（三）不予公开", "6.属于四类过程性信息"),
    ("deny_7", RESULTS, "（三）不予公开", "7.属于行政执法案卷"),
    ("deny_8", RESULTS, "（三）不予公开", "8.属于行政查询事项"),
    ("unable_1", RESULTS, "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unable_2", RESULTS, "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("unable_3", RESULTS, "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("noproc_1", RESULTS, "（五）不予处理", "1.信访举报投诉类申请"),
    ("noproc_2", RESULTS, "（五）不予处理", "2.重复申请"),
    ("noproc_3", RESULTS, "（五）不予处理", "3.要求提供公开出版物"),
    ("noproc_4", RESULTS, "（五）不予处理", "4.无正当理由大量反复申请"),
    ("noproc_5", RESULTS, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ("other_1", RESULTS, "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_2", RESULTS, "（六）其他处理",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_3", RESULTS, "（六）其他处理", "3.其他"),
    ("total", RESULTS, "（七）总计", None),
    ("carry_out", "四、结转下年度继续办理", None, None),
)
DETAIL_ROWS = tuple(k for k, *_ in REQUESTS_BODY[2:23])      # open … other_3: the 21 results
# Plain-language help for the rows whose label is terse (FORMAT.md §4).
REQUESTS_ROW_HELP = {
    "deny_3": "“三安全一稳定”指国家安全、公共安全、经济安全和社会稳定。",
    "deny_5": "三类内部事务信息指人事管理、后勤管理、内部工作流程等方面的信息。",
    "deny_6": "四类过程性信息指讨论记录、过程稿、磋商信函、请示报告等。",
    "unable_1": "“本机关不掌握”属于（四）无法提供，不要计入（三）不予公开。",
    "partial": "区分处理的申请只计入本项，不再计入其他情形；每件申请在办理结果中只计一次。",
    "other_3": "申请人撤回的申请一般计入本项。",
}


def _requests_table() -> Table:
    header = 3
    grid = [
        GridCell(0, 0, REQUESTS_NOTE, rowspan=3, colspan=3, role="note"),
        GridCell(0, 3, REQUESTS_APPLICANTS, colspan=7, role="header"),
        GridCell(1, 3, REQUESTS_COLUMNS[0].label, rowspan=2, role="header"),
        GridCell(1, 4, REQUESTS_ORGANISATIONS, colspan=5, role="header"),
        GridCell(1, 9, REQUESTS_COLUMNS[-1].label, rowspan=2, role="header"),
    ]
    grid += [GridCell(2, 4 + i, c.label, role="header") for i, c in enumerate(REQUESTS_COLUMNS[1:6])]
    rows = []
    body = REQUESTS_BODY
    for i, (key, a, b, c) in enumerate(body):
        r = header + i
        path = tuple(x for x in (a, b, c) if x)
        rows.append(Row(key, path[-1], path, REQUESTS_COLUMNS))
        if b is None:
            grid.append(GridCell(r, 0, a, colspan=3))
        else:
            if i == 0 or body[i - 1][1] != a:
                span = sum(1 for x in body if x[1] == a)
                grid.append(GridCell(r, 0, a, rowspan=span))
            if c is None:
                grid.append(GridCell(r, 1, b, colspan=2))
            else:
                if body[i - 1][2] != b:
                    grid.append(GridCell(r, 1, b, rowspan=sum(1 for x in body if x[2] == b)))
                grid.append(GridCell(r, 2, c))
        grid += [GridCell(r, 3 + j, role="data", ref=CellRef("requests", key, col.key))
                 for j, col in enumerate(REQUESTS_COLUMNS)]
    return _table("requests", "表三", rows, grid, header + len(body), 10, header,
                  (6, 9, 33, 7, 8, 8, 8, 7, 7, 7))


# ── 表四 行政复议、行政诉讼 (FORMAT.md §5) ───────────────────────────────────────────────
REVIEW = "行政复议"
SUIT = "行政诉讼"
APPEALS_COLUMNS = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
APPEALS_GROUPS = (
    ("review", REVIEW, ()),
    ("suit_direct", "未经复议直接起诉", (SUIT,)),
    ("suit_after_review", "复议后起诉", (SUIT,)),
)


def _appeals_table() -> Table:
    grid = [GridCell(0, 0, REVIEW, colspan=5, role="header"),
            GridCell(0, 5, SUIT, colspan=10, role="header")]
    rows = []
    for g, (key, label, outer) in enumerate(APPEALS_GROUPS):
        rows.append(Row(key, label, outer + (label,), APPEALS_COLUMNS))
        base = 5 * g
        if g > 0:
            grid.append(GridCell(1, base, label, colspan=5, role="header"))
        for j, col in enumerate(APPEALS_COLUMNS):
            if g == 0:
                grid.append(GridCell(1, j, col.label, rowspan=2, role="header"))
            else:
                grid.append(GridCell(2, base + j, col.label, role="header"))
            grid.append(GridCell(3, base + j, role="data", ref=CellRef("appeals", key, col.key)))
    return _table("appeals", "表四", rows, grid, 4, 15, 3, (1,) * 15)


ACTIVE = _active_table()
REQUESTS = _requests_table()
APPEALS = _appeals_table()
TABLES = (ACTIVE, REQUESTS, APPEALS)
TABLE_BY_KEY = {t.key: t for t in TABLES}
ALL_CELLS = tuple(ref for t in TABLES for ref in t.cells())


def kind_of(ref: CellRef) -> str:
    return TABLE_BY_KEY[ref.table].row(ref.row).kind


def column_of(ref: CellRef) -> Column:
    return next(c for c in TABLE_BY_KEY[ref.table].row(ref.row).columns if c.key == ref.column)


def describe(ref: CellRef) -> str:
    """The cell in official labels, e.g. 表三「（三）不予公开—1.属于国家秘密」行「自然人」列."""
    table = TABLE_BY_KEY[ref.table]
    row = table.row(ref.row)
    col = column_of(ref)
    if ref.table == "active" and len(row.columns) == 1:
        return f"{table.short_name}「{row.label}」{col.label}"
    row_text = "—".join(p for p in row.path if p != RESULTS)
    if ref.table == "appeals":
        return f"{table.short_name}「{row_text}」「{col.label}」"
    return f"{table.short_name}「{row_text}」行「{col.label}」列"


def title_of(organ: str, year: int | None) -> str:
    return f"{organ}{year if year else '____'}{TITLE_SUFFIX}"


# What the 2019 trial format (reports on 2019 and 2020) does not have in this layout: table 二's
# columns differ throughout, and （六）其他处理 is one row without 1.–3.
TRIAL_FORMAT_LACKS = (tuple(ACTIVE.cells()),
                      tuple(CellRef("requests", r, c.key) for r in ("other_1", "other_2", "other_3")
                            for c in REQUESTS_COLUMNS))


def of_trial_format(year: int | None) -> bool:
    """A report on a year before 2021: judged by the 2019 trial format of its year."""
    return bool(year) and year < FIRST_YEAR_2021_FORMAT
