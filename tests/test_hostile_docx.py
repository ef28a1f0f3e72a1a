"""Hostile Word documents: random documents that are not annual reports (paragraphs, tables of random
shapes with merged cells, nested tables), huge tables, a renamed workbook, DOCTYPEs (billion laughs,
XXE), relationships to outside files and addresses, zip bombs. The importer returns a result that
says what was and was not recognised, or raises its Chinese error — never another exception — and
never writes to the file it read or opens anything the document points to."""
from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.exceptions import InvalidSpanError
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docx_import_factory import COLUMN_HEADS, HAND_LABELS, cell_at, hand_made
from gui.cli import main as cli_main
from gui.report import drafts, form, rules
from gui.report.docx_import import DocxImportError, read_docx
from gui.report.lastyear import new_from_last
from gui.report.samples import huaian_2024
from gui.report.sources import read_report
from hostile_support import (digest, is_chinese_message, network_or_processes, opened_paths, outside_access,
                             watchdog)
from window_support import app_env, window  # noqa: F401
from zipbomb_factory import MB, lying, many_members, members_of, replace, write_zip, zeros

EXAMPLES = 60


def import_and_use(path: Path):
    """Import `path` and do what the application does next with the result; the result, or the
    DocxImportError (any other exception propagates)."""
    try:
        result = read_docx(path)
    except DocxImportError as exc:
        assert is_chinese_message(str(exc)), str(exc)
        return exc
    assert result.recognised or result.unrecognised
    assert all(is_chinese_message(m) for m in result.recognised + result.unrecognised)
    result.summary()
    rules.check(result.report)
    drafts.loads(drafts.dumps(result.report))
    if result.report.info.year:
        new_from_last(result.report)
    return result


# ── generated documents ──────────────────────────────────────────────────────────────────────
WORDS = ([s.heading for s in form.SECTIONS] + [f"{n}、{s.heading}" for n, s in zip("一二三四五六", form.SECTIONS)]
         + list(HAND_LABELS.values()) + list(COLUMN_HEADS)
         + ["某镇人民政府2024年政府信息公开工作年度报告", "2024年政府信息公开工作年度报告", "某某县人民政府",
            "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "本年新收", "信息处理费", "收取信息处理费 0 元",
            "2025年1月20日", "（一）主动公开", "1.", "一、", "/", "0", "12", "1,234", "-3", "99999999999", "３", "一百",
            "第二十条第（一）项", "信息内容", "本年制发件数", "规章"])
texts = st.one_of(st.sampled_from(WORDS), st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
                  st.lists(st.sampled_from(WORDS), max_size=4).map("".join))


@st.composite
def tables(draw, depth: int = 0):
    rows, cols = draw(st.integers(1, 10)), draw(st.integers(1, 9))
    cells = draw(st.lists(st.lists(texts, min_size=cols, max_size=cols), min_size=rows, max_size=rows))
    merges = draw(st.lists(st.tuples(st.integers(0, rows - 1), st.integers(0, cols - 1),
                                     st.integers(0, rows - 1), st.integers(0, cols - 1)), max_size=3))
    nested = draw(tables(depth + 1)) if depth < 2 and draw(st.integers(0, 4)) == 0 else None
    return cells, merges, nested


numbers = st.one_of(st.integers(0, 10**10).map(str), st.sampled_from(["/", "", "—", "0", "１２", "3.5", "-1", "十"]))


@st.composite
def report_like_tables(draw):
    """Table 三 as typed: the applicant header, then some of its rows with seven numbers each."""
    labels = draw(st.lists(st.sampled_from(list(HAND_LABELS.values())), min_size=1, max_size=12))
    rows = [["", *COLUMN_HEADS]] + [[label, *draw(st.lists(numbers, min_size=7, max_size=7))] for label in labels]
    merges = draw(st.lists(st.tuples(st.integers(0, len(rows) - 1), st.integers(0, 7),
                                     st.integers(0, len(rows) - 1), st.integers(0, 7)), max_size=2))
    return rows, merges, None


blocks = st.lists(st.one_of(texts.map(lambda t: ("p", t)), tables().map(lambda t: ("t", t)),
                            report_like_tables().map(lambda t: ("t", t))), max_size=14)


def add_table(container, spec) -> None:
    cells, merges, nested = spec
    table = container.add_table(rows=len(cells), cols=len(cells[0]))
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            cell_at(table, r, c).text = text
    for r1, c1, r2, c2 in merges:
        try:
            table.cell(r1, c1).merge(table.cell(r2, c2))
        except (InvalidSpanError, ValueError):   # overlaps an earlier merge (python-docx cannot)
            pass
    if nested is not None:
        cell = table.cell(0, 0)
        add_table(cell, nested) if hasattr(cell, "add_table") else None


def build(path: Path, content) -> None:
    document = docx.Document()
    for kind, spec in content:
        if kind == "p":
            document.add_paragraph(spec)
        else:
            add_table(document, spec)
    document.save(path)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks)
def test_any_document_is_imported_with_what_was_recognised_or_refused_in_chinese(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("doc") / "随机.docx"
    build(path, content)
    before = digest(path)
    import_and_use(path)
    try:
        read_report(path)
    except DocxImportError:
        pass
    assert digest(path) == before


# ── hand-made: huge tables, a renamed workbook ──────────────────────────────────────────────
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def with_parts(path: Path, base: Path, edit) -> Path:
    """A copy of `base` whose parts are changed by `edit(parts: dict[name, bytes])`."""
    with zipfile.ZipFile(base) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    edit(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def replace_body(parts: dict, body: str) -> None:
    xml = parts["word/document.xml"].decode()
    start, end = xml.index("<w:body>") + len("<w:body>"), xml.index("<w:sectPr")
    parts["word/document.xml"] = (xml[:start] + body + xml[end:]).encode()


def grid(rows: int, cols: int) -> str:
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    return "<w:tbl>" + "".join("<w:tr>" + "".join(cell.format((r * 7 + c) % 1000) for c in range(cols)) + "</w:tr>"
                                for r in range(rows)) + "</w:tbl>"


@pytest.fixture(scope="module")
def blank(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "blank.docx"
    document = docx.Document()
    document.add_paragraph("某镇人民政府2024年政府信息公开工作年度报告")
    document.save(path)
    return path


@pytest.mark.parametrize("rows, cols", [(3, 1000), (10_000, 3)])
def test_a_table_of_a_thousand_columns_or_ten_thousand_rows_is_reported_not_read_blindly(tmp_path, blank, rows, cols):
    title = '<w:p><w:r><w:t>某镇人民政府2024年政府信息公开工作年度报告</w:t></w:r></w:p>'
    path = with_parts(tmp_path / "大表.docx", blank, lambda parts: replace_body(parts, title + grid(rows, cols)))
    with watchdog():
        result = import_and_use(path)
    assert not isinstance(result, DocxImportError)
    assert any("第 1 个表格" in m and "未导入" in m for m in result.unrecognised)


def test_a_renamed_workbook_is_not_a_word_document(tmp_path):
    path = tmp_path / "报告.docx"
    openpyxl.Workbook().save(path)
    assert "不是有效的 Word 文档" in str(import_and_use(path))


# ── hand-made: DOCTYPE and entities are refused before any parser sees them ─────────────────
def laughs(parts: dict) -> None:
    entities = '<!ENTITY a "哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    xml = parts["word/document.xml"].decode()
    declaration, rest = xml.split("?>", 1)
    rest = rest.replace("2024年政府信息公开工作年度报告", "&j;")
    parts["word/document.xml"] = f"{declaration}?><!DOCTYPE w:document [{entities}]>{rest}".encode()


def external_entity(target: str, part: str = "word/document.xml"):
    def edit(parts: dict) -> None:
        xml = parts[part].decode()
        declaration, rest = xml.split("?>", 1)
        rest = rest.replace("2024年政府信息公开工作年度报告", "&s;") if part == "word/document.xml" else rest
        parts[part] = f'{declaration}?><!DOCTYPE x [<!ENTITY s SYSTEM "{target}">]>{rest}'.encode()
    return edit


@pytest.mark.parametrize("part", ["word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"])
def test_xml_entities_are_refused_and_nothing_they_name_is_read(tmp_path, blank, part):
    canary = tmp_path / "机密.txt"
    canary.write_text("绝密内容", encoding="utf-8")
    for n, edit in enumerate([laughs, external_entity(canary.as_uri(), part), external_entity(str(canary), part),
                              external_entity("http://127.0.0.1:9/x", part)]):
        if edit is laughs and part != "word/document.xml":
            continue
        path = with_parts(tmp_path / f"实体{n}.docx", blank, edit)
        with outside_access() as seen:
            outcome = import_and_use(path)
        assert isinstance(outcome, DocxImportError) and "DOCTYPE" in str(outcome)
        assert "绝密" not in str(outcome)
        assert not [p for p in opened_paths(seen) if "机密" in p] and network_or_processes(seen) == []


# ── hand-made: relationships to outside files and addresses are never followed ───────────────
def outside_relationships(canary: Path):
    targets = {"hyperlink": "http://127.0.0.1:9/page", "image": canary.as_uri(), "aFChunk": str(canary),
               "subDocument": "\\\\server\\share\\sub.docx", "oleObject": "file:///etc/passwd"}

    def edit(parts: dict) -> None:
        rels = parts["word/_rels/document.xml.rels"].decode()
        extra = "".join(f'<Relationship Id="rX{kind}" Type="{R}/{kind}" Target="{target}" TargetMode="External"/>'
                        for kind, target in targets.items())
        parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", extra + "</Relationships>").encode()
        pic = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
               'wordprocessingDrawing"><wp:extent cx="10" cy="10"/><wp:docPr id="9" name="p"/><a:graphic xmlns:a='
               '"http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.'
               'openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/'
               'drawingml/2006/picture"><pic:blipFill><a:blip r:link="rXimage"/></pic:blipFill></pic:pic>'
               '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')
        body = (f'<w:p><w:hyperlink r:id="rXhyperlink"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>{pic}'
                '<w:altChunk r:id="rXaFChunk"/><w:subDoc r:id="rXsubDocument"/>')
        xml = parts["word/document.xml"].decode()
        if 'xmlns:r=' not in xml[:2000]:
            xml = xml.replace("<w:document ", f'<w:document xmlns:r="{R}" ', 1)
        parts["word/document.xml"] = xml.replace("<w:sectPr", body + "<w:sectPr", 1).encode()
        settings_rels = (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         f'<Relationship Id="rT" Type="{R}/attachedTemplate" Target="{canary.as_uri()}" '
                         'TargetMode="External"/></Relationships>')
        parts["word/_rels/settings.xml.rels"] = settings_rels.encode()
    return edit


def test_relationships_to_outside_files_and_addresses_are_never_followed(tmp_path):
    canary = tmp_path / "机密.docx"
    canary.write_bytes(b"never to be read")
    report = tmp_path / "报告.docx"
    hand_made(report, huaian_2024())
    path = with_parts(tmp_path / "外部.docx", report, outside_relationships(canary))
    with outside_access() as seen:
        result = import_and_use(path)
        read_report(path)
    assert not isinstance(result, DocxImportError), result
    assert result.report.info.organ and result.report.get(form.CellRef("requests", "new", "total")) is not None
    assert not [p for p in opened_paths(seen) if "机密" in p or "server" in p or "passwd" in p]
    assert network_or_processes(seen) == []


# ── zip bombs at every entry point ───────────────────────────────────────────────────────────
@pytest.fixture(scope="module")
def bombs(blank, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    members = members_of(blank)
    with zipfile.ZipFile(blank) as archive:
        document = archive.read("word/document.xml")
    return {
        "2 GB of zeros": write_zip(folder / "zeros.docx", replace(members, zeros("word/media/image1.png", 2100))),
        "lying header": write_zip(folder / "lying.docx", replace(members, lying("word/document.xml", document, 2100))),
        "100,000 members": many_members(folder / "many.docx", blank, 100_000),
    }


BOMB_WORDS = {"2 GB of zeros": "压缩炸弹", "lying header": "压缩炸弹", "100,000 members": "部件过多"}


@pytest.mark.parametrize("kind", BOMB_WORDS)
def test_a_zip_bomb_is_refused_before_it_is_inflated(bombs, kind):
    tracemalloc.start()
    try:
        outcomes = [import_and_use(bombs[kind])]
        try:
            read_report(bombs[kind])
        except DocxImportError as exc:
            outcomes.append(exc)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(outcomes) == 2 and all(BOMB_WORDS[kind] in str(o) for o in outcomes), outcomes
    assert peak < 16 * MB, f"{peak / MB:.0f} MB"


@pytest.mark.parametrize("kind", BOMB_WORDS)
def test_a_zip_bomb_makes_every_command_exit_2(bombs, kind, tmp_path, capsys):
    out = tmp_path / "草稿.json"
    for command in (["check", bombs[kind]], ["import", bombs[kind], "-o", out], ["new", "-o", out, "--from", bombs[kind]]):
        assert cli_main([str(a) for a in command]) == 2, command
        printed = capsys.readouterr()
        assert BOMB_WORDS[kind] in printed.err and is_chinese_message(printed.err)
    assert not out.exists()


def close_next_message_box(seen: list, attempts: int = 500) -> None:
    """Record and close the next modal message box; give up after `attempts` × 20 ms."""
    def look(left: int) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        elif left:
            QTimer.singleShot(20, lambda: look(left - 1))
    QTimer.singleShot(0, lambda: look(attempts))


def test_the_window_shows_a_dialog_for_a_bomb_and_carries_on(window, bombs, monkeypatch):
    summaries = []      # had the bomb been read, its import summary would be asked about (not a box)
    monkeypatch.setattr("gui.qt.lastyear_actions.show_import_summary", lambda *a, **k: summaries.append(a))
    for kind in BOMB_WORDS:
        seen = []
        close_next_message_box(seen)
        assert window.open_path(bombs[kind]) is False
        assert summaries == [] and len(seen) == 1 and BOMB_WORDS[kind] in seen[0] and bombs[kind].name in seen[0]
    assert window.document is None and window.central.currentWidget() is window.start_page
