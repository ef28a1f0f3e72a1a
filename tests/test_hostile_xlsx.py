"""Hostile workbooks: random shapes and values, merged cells, formulas, dates as text, hidden and
renamed sheets, claimed sizes far beyond the real cells, files that are not workbooks, external
links, zip bombs. Every reader (台账导入, 表格读取, 汇总, `check`) returns its result or raises its
Chinese error — never another exception — and never writes to the file it read."""
from __future__ import annotations

import datetime as dt
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gui.cli import main as cli_main
from gui.report import form, rules
from gui.report.excel.ledger_import import read_ledger
from gui.report.excel.safety import ExcelError
from gui.report.excel.summary import summarise
from gui.report.excel.tables_read import read_tables
from gui.report.excel.tables_xlsx import export_tables
from gui.report.samples import huaian_2024
from gui.report.sources import read_report
from hostile_support import (digest, is_chinese_message, network_or_processes, opened_paths, outside_access,
                             watchdog)
from ledger_factory import FOREIGN_KIND, KIND_LABEL, OUR_HEADERS, official_result
from zipbomb_factory import MB, lying, many_members, members_of, replace, write_zip, zeros

EXAMPLES = 80


def read_every_way(path: Path) -> list[str]:
    """Run every reader on `path`; the Chinese messages of the refusals (other exceptions propagate)."""
    messages = []
    for read in (lambda p: read_ledger(p), lambda p: read_ledger(p, 2024), read_tables,
                 lambda p: rules.check(read_report(p))):           # what `check FILE.xlsx` does
        try:
            read(path)
        except ExcelError as exc:
            messages.append(str(exc))
    summary = summarise([path])
    messages += [r.reason for r in summary.refused]
    assert all(is_chinese_message(m) for m in messages), messages
    return messages


# ── generated workbooks ────────────────────────────────────────────────────────────────────
LABELS = (list(OUR_HEADERS) + list(form.INFO_LABELS.values()) + list(form.FEE_LABELS.values())
          + [row.path[-1] for t in (form.ACTIVE, form.REQUESTS) for row in t.rows]
          + [form.REVIEW, form.SUIT, "自然人", "予以公开", "本年新收", "上年结转", "尚未办结", "合计",
             "2024年政府信息公开工作年度报告", "马营镇人民政府2024年政府信息公开工作年度报告"])
TEXT_DATES = ("2024-03-05", "2024年3月5日", "2024/3/5", "2024.3.5", "20240305", "3/5/2024", "2024年13月40日",
              "二〇二四年三月五日", "2024-02-30", "0000-00-00", "9999年12月31日", "2024年3月5日上午")
SHEET_NAMES = ("Sheet", "台账", "基本信息", "表三", "检查结果", "各单位", "未汇总的文件", "Sheet2", "历史")
plain_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
values = st.one_of(
    st.none(), st.sampled_from(LABELS), st.sampled_from(TEXT_DATES), plain_text,
    st.integers(-10**6, 10**6), st.integers(-10**18, 10**18), st.sampled_from([0, 1, 2023, 2024, 45000, 10**15]),
    st.floats(allow_nan=False, allow_infinity=False), st.sampled_from([0.5, -1.5, 1e308, 5e-324, 96171.6]),
    st.booleans(), st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(9999, 1, 1)),
    st.dates(dt.date(1900, 3, 1)), st.times(),
    st.sampled_from(["=A1+1", "=SUM(B2:B9)", "=1/0", "#REF!", "#N/A", "#DIV/0!", "=", "'=A1"]))


LEDGER_WORDS = {
    "申请人类型": list(KIND_LABEL.values()) + list(FOREIGN_KIND.values()),
    "办理结果": [official_result(k) for k in form.DETAIL_ROWS + ("unfinished",)] + ["予以公开", "办理中"],
    "来源": ["本年新收", "上年结转", "网上申请", "信函"],
    "收到日期": list(TEXT_DATES), "办结日期": list(TEXT_DATES),
}


def column_values(heading: str):
    """What a clerk might type under `heading`: its own words most of the time, anything else too."""
    words = LEDGER_WORDS.get(heading)
    return st.one_of(st.sampled_from(words), st.dates(dt.date(2022, 1, 1), dt.date(2026, 12, 31)), values) \
        if words else values


@st.composite
def ledger_cells(draw, rows: int, cols: int) -> dict:
    """A header row with the columns a ledger needs (most of the time), and rows of typed values."""
    needed = ["申请人类型", "办理结果", draw(st.sampled_from(["收到日期", "来源"]))]
    header = draw(st.permutations(needed + draw(st.lists(st.sampled_from(OUR_HEADERS), max_size=4))))
    header = [h for i, h in enumerate(header) if h not in header[:i]][:cols]
    at = draw(st.integers(1, min(rows, 5)))
    cells = {(at, c + 1): h for c, h in enumerate(header)}
    for r in range(at + 1, rows + 1):
        for c, heading in enumerate(header):
            cells[(r, c + 1)] = draw(column_values(heading))
    return cells


@st.composite
def tables_cells(draw, rows: int, cols: int) -> dict:
    """Official row labels in the first column(s) with numbers (or anything) to their right."""
    labels = [row.path for t in (form.ACTIVE, form.REQUESTS) for row in t.rows]
    cells = {}
    for r in range(1, rows + 1):
        path = draw(st.sampled_from(labels))
        start = draw(st.integers(1, 2))
        for i, label in enumerate(path[-2:] if draw(st.booleans()) else path[-1:]):
            cells[(r, start + i)] = label
        for c in range(start + 2, cols + 1):
            cells[(r, c)] = draw(st.one_of(st.integers(0, 10**9), values))
    return cells


@st.composite
def sheets(draw):
    rows, cols = draw(st.integers(0, 50)), draw(st.integers(0, 20))
    cells = {}
    if rows and cols:
        shape = draw(st.sampled_from(["ledger", "tables", "random"]))
        if shape == "ledger":
            cells = draw(ledger_cells(rows, max(cols, 3)))
        elif shape == "tables":
            cells = draw(tables_cells(rows, max(cols, 3)))
        coordinates = st.tuples(st.integers(1, rows), st.integers(1, cols))
        cells.update(draw(st.dictionaries(coordinates, values, max_size=60 if shape == "random" else 8)))
    merges = []
    for _ in range(draw(st.integers(0, 4)) if rows and cols else 0):
        r1, r2 = sorted(draw(st.lists(st.integers(1, rows), min_size=2, max_size=2)))
        c1, c2 = sorted(draw(st.lists(st.integers(1, cols), min_size=2, max_size=2)))
        merges.append((r1, c1, r2, c2))
    state = draw(st.sampled_from(["visible", "visible", "hidden", "veryHidden"]))
    return draw(st.sampled_from(SHEET_NAMES)), state, cells, merges


def build(path: Path, specs) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, state, cells, merges in specs:
        sheet = book.create_sheet(title)         # openpyxl renames a repeated title (台账1 …)
        sheet.sheet_state = state
        for (r, c), value in cells.items():
            sheet.cell(r, c).value = value
        for r1, c1, r2, c2 in merges:
            if (r1, c1) != (r2, c2) and not any(_overlap(m, (r1, c1, r2, c2)) for m in sheet.merged_cells.ranges):
                sheet.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    if not any(s.sheet_state == "visible" for s in book.worksheets):
        book.worksheets[0].sheet_state = "visible"
    book.save(path)


def _overlap(existing, new) -> bool:
    r1, c1, r2, c2 = new
    return not (existing.max_row < r1 or existing.min_row > r2 or existing.max_col < c1 or existing.min_col > c2)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sheets(), min_size=1, max_size=3))
def test_any_workbook_is_read_or_refused_in_chinese_and_left_unchanged(tmp_path_factory, specs):
    path = tmp_path_factory.mktemp("wb") / "随机.xlsx"
    build(path, specs)
    before = digest(path)
    read_every_way(path)
    assert digest(path) == before


# ── hand-made: sizes claimed far beyond the real cells ───────────────────────────────────────
def ledger(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["申请编号", "收到日期", "申请人类型", "来源", "办理结果"])
    book.active.append(["1", "2024-01-02", "自然人", "本年新收", "予以公开"])
    book.save(path)
    return path


def edit_sheet(path: Path, edit, part: str = "xl/worksheets/sheet1.xml") -> Path:
    """Rewrite one part of the workbook in place; `edit(xml text) -> xml text`."""
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    parts[part] = edit(parts[part].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def far_cell(xml: str, ref: str = "XFD1048576") -> str:
    row = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return xml.replace("</sheetData>", f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>远</t></is></c></row></sheetData>')


def bounded(read, *args, megabytes: int = 64):
    """Run a reader under the hang guard; its result (or ExcelError) and its peak traced memory."""
    tracemalloc.start()
    try:
        with watchdog():
            try:
                result = read(*args)
            except ExcelError as exc:
                result = exc
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < megabytes * MB, f"{peak / MB:.0f} MB"
    return result


def test_a_dimension_claiming_the_whole_sheet_reads_only_the_real_cells(tmp_path):
    path = edit_sheet(ledger(tmp_path / "台账.xlsx"), lambda x: x.replace('<dimension ref="A1:E2"/>',
                                                                           '<dimension ref="A1:XFD1048576"/>'))
    assert bounded(read_ledger, path).counted == 1
    assert isinstance(bounded(read_tables, path), ExcelError)


def test_a_single_cell_at_the_last_row_and_column_changes_nothing(tmp_path):
    path = edit_sheet(ledger(tmp_path / "台账.xlsx"), far_cell)
    assert bounded(read_ledger, path).counted == 1
    tables = tmp_path / "表格.xlsx"
    export_tables(huaian_2024(), tables)
    expected = read_tables(tables).report
    edit_sheet(tables, far_cell)
    back = bounded(read_tables, tables).report
    assert [back.get(ref) for ref in form.ALL_CELLS] == [expected.get(ref) for ref in form.ALL_CELLS]


@pytest.mark.parametrize("ref", ["A99999999999", "ZZZZZZZ2", "XFE1"])
def test_a_cell_beyond_excels_grid_is_refused(tmp_path, ref):
    path = edit_sheet(ledger(tmp_path / "台账.xlsx"), lambda x: far_cell(x, ref))
    for read in (read_ledger, read_tables):
        outcome = bounded(read, path)
        assert not isinstance(outcome, ExcelError) or is_chinese_message(str(outcome))
    assert "超出 Excel 的范围" in str(bounded(read_ledger, path))


@pytest.mark.parametrize("span", ['<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>',
                                  '<hyperlinks><hyperlink ref="A3:XFD1048576" location="Sheet!A1"/></hyperlinks>'])
def test_a_merge_or_hyperlink_over_the_whole_sheet_is_refused_before_openpyxl_expands_it(tmp_path, span):
    path = edit_sheet(ledger(tmp_path / "台账.xlsx"), lambda x: x.replace("</sheetData>", "</sheetData>" + span))
    assert "范围过大" in str(bounded(read_tables, path))
    assert bounded(read_ledger, path).counted == 1        # read-only mode never expands them


@pytest.mark.filterwarnings("ignore:Cell B2 is marked as a date")
@pytest.mark.parametrize("cell", ['<c r="A2" t="s"><v>999</v></c>', '<c r="A2" t="s"><v>x</v></c>',
                                  '<c r="A2"><v>1,5</v></c>', '<c r="B2" s="1"><v>1e308</v></c>',
                                  '<row r="zz">'])
def test_values_that_cannot_be_converted_end_in_a_chinese_message(tmp_path, cell):
    def edit(xml):
        if cell.startswith("<row"):
            return xml.replace('<row r="2">', cell)
        start = xml.index('<c r="' + cell[6:8])
        return xml[:start] + cell + xml[xml.index("</c>", start) + 4:]
    book = openpyxl.Workbook()
    book.active.append(["申请编号", "收到日期", "申请人类型", "来源", "办理结果"])
    book.active.append(["1", dt.date(2024, 1, 2), "自然人", "本年新收", "予以公开"])
    book.save(tmp_path / "台账.xlsx")
    path = edit_sheet(tmp_path / "台账.xlsx", edit)
    read_every_way(path)


# ── hand-made: damaged inside, found only while reading ─────────────────────────────────────
def test_a_sheet_failing_its_crc_or_cut_off_is_refused_in_chinese(tmp_path):
    members = members_of(ledger(tmp_path / "台账.xlsx"))
    sheet = next(m for m in members if m.name == "xl/worksheets/sheet1.xml")
    bad_crc = write_zip(tmp_path / "crc.xlsx", replace(members, sheet.__class__(
        sheet.name, sheet.stream, sheet.crc ^ 1, sheet.size)))
    cut = write_zip(tmp_path / "cut.xlsx", replace(members, sheet.__class__(
        sheet.name, sheet.stream[: len(sheet.stream) // 2], sheet.crc, sheet.size)))
    for path in (bad_crc, cut):
        assert len(read_every_way(path)) == 5, path.name       # refused by every reader


# ── hand-made: not workbooks at all ──────────────────────────────────────────────────────────
def renamed_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("照片/1.jpg", bytes(range(256)) * 4)
        archive.writestr("说明.txt", "不是工作簿")


NOT_WORKBOOKS = {
    "renamed zip": (renamed_zip, "不是有效的 Excel 工作簿"),
    "xls renamed": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)), "密码"),
    "csv renamed": (lambda p: p.write_text("申请编号,办理结果\n1,予以公开\n", encoding="utf-8"), "不是有效的"),
    "empty": (lambda p: p.write_bytes(b""), "不是有效的"),
    "zip of a docx": (lambda p: __import__("docx").Document().save(p), "不是有效的 Excel 工作簿"),
}


@pytest.mark.parametrize("make, words", NOT_WORKBOOKS.values(), ids=NOT_WORKBOOKS.keys())
def test_a_file_that_is_not_a_workbook_is_named_as_such_by_every_reader(tmp_path, make, words):
    path = tmp_path / "报表.xlsx"
    make(path)
    before = digest(path)
    messages = read_every_way(path)
    assert len(messages) == 5 and all(words in m for m in messages), messages
    assert digest(path) == before


@pytest.mark.parametrize("command", [["check", "{}"], ["import-ledger", "{}", "--into", "{out}"],
                                     ["summary", "{}", "-o", "{out}.xlsx"]])
def test_the_command_line_exits_2_with_one_chinese_line(tmp_path, capsys, command):
    path = tmp_path / "报表.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    out = tmp_path / "草稿.json"
    assert cli_main([a.format(path, out=out) for a in command]) == 2
    printed = capsys.readouterr()             # summary lists each refused file on stdout
    assert "密码" in printed.out + printed.err and is_chinese_message(printed.err)
    assert not out.exists() and not Path(f"{out}.xlsx").exists()


# ── hand-made: external links are never followed ─────────────────────────────────────────────
def test_external_links_are_never_opened(tmp_path):
    canary = tmp_path / "机密.xlsx"
    canary.write_bytes(b"never to be read")
    path = tmp_path / "带外部链接.xlsx"
    export_tables(huaian_2024(), path)
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts["xl/externalLinks/externalLink1.xml"] = (
        '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'xmlns:r="{ns}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>'
        '</externalBook></externalLink>').encode()
    targets = [canary.as_uri(), str(canary), "http://127.0.0.1:9/x.xlsx", "\\\\server\\share\\x.xlsx"]
    parts["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{i + 1}" Type="{ns}/externalLinkPath" Target="{t}" TargetMode="External"/>'
                  for i, t in enumerate(targets)) + "</Relationships>").encode()
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rIdX" Type="{ns}/externalLink" '
                             'Target="externalLinks/externalLink1.xml"/></Relationships>'.encode())
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"</workbook>", f'<externalReferences><externalReference xmlns:r="{ns}" r:id="rIdX"/>'
                        '</externalReferences></workbook>'.encode())
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/'
                     b'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert openpyxl.load_workbook(path)._external_links, "the link must be one openpyxl sees"
    with outside_access() as seen:
        report = read_tables(path).report
        read_every_way(path)
    assert report.info.organ == "淮安市人民政府"
    assert not [p for p in opened_paths(seen) if "机密" in p or "server" in p]
    assert network_or_processes(seen) == []


# ── zip bombs at every entry point ───────────────────────────────────────────────────────────
@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    base = ledger(folder / "base.xlsx")
    members = members_of(base)
    sheet = next(m for m in members if m.name == "xl/worksheets/sheet1.xml")
    with zipfile.ZipFile(base) as archive:
        sheet_xml = archive.read(sheet.name)
    return {
        "2 GB of zeros": write_zip(folder / "zeros.xlsx", replace(members, zeros(sheet.name, 2100))),
        "lying header": write_zip(folder / "lying.xlsx", replace(members, lying(sheet.name, sheet_xml, 2100))),
        "100,000 members": many_members(folder / "many.xlsx", base, 100_000),
    }


BOMB_WORDS = {"2 GB of zeros": "压缩炸弹", "lying header": "压缩炸弹", "100,000 members": "部件过多"}


@pytest.mark.parametrize("kind", BOMB_WORDS)
def test_a_zip_bomb_is_refused_by_every_reader_before_it_is_inflated(bombs, kind):
    path = bombs[kind]
    assert path.stat().st_size < 13 * MB
    for read in (read_ledger, read_tables, read_report):
        outcome = bounded(read, path, megabytes=16)
        assert isinstance(outcome, ExcelError) and BOMB_WORDS[kind] in str(outcome), outcome
    summary = bounded(summarise, [path], megabytes=16)
    assert summary.units == [] and BOMB_WORDS[kind] in summary.refused[0].reason


@pytest.mark.parametrize("kind", BOMB_WORDS)
def test_a_zip_bomb_makes_the_commands_exit_2(bombs, kind, tmp_path, capsys):
    out = tmp_path / "草稿.json"
    for command in (["check", str(bombs[kind])], ["import-ledger", str(bombs[kind]), "--into", str(out)]):
        assert cli_main(command) == 2
        err = capsys.readouterr().err
        assert BOMB_WORDS[kind] in err and is_chinese_message(err)
    assert not out.exists()
