"""Security: the zip guard in front of every .xlsx/.docx reader (bombs, lying sizes, DOCTYPEs), the XML
parsers the libraries use, and an audit of the source for dangerous calls."""
from __future__ import annotations

import ast
import random
import tracemalloc
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from gui.report import zipguard
from gui.report.zipguard import Limits, Refused
from zipbomb_factory import MB, deflated, lying, members_of, replace, write_zip, zeros

LIMITS = Limits(file_bytes=100 * MB, inflated_bytes=1024 * MB)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("guard") / "台账.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["申请编号", "收到日期", "申请人类型", "来源", "办理结果"])
    book.save(path)
    return path


def sheet_xml(workbook: Path) -> bytes:
    with zipfile.ZipFile(workbook) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def refusal(path: Path, limits: Limits = LIMITS) -> Refused:
    with pytest.raises(Refused) as caught:
        zipguard.check(path, limits)
    return caught.value


def test_an_ordinary_workbook_and_document_pass(workbook, tmp_path):
    assert any(i.filename == "xl/workbook.xml" for i in zipguard.check(workbook, LIMITS))
    docx.Document().save(tmp_path / "a.docx")
    assert any(i.filename == "word/document.xml" for i in zipguard.check(tmp_path / "a.docx", LIMITS))


def test_a_two_gigabyte_bomb_is_refused_by_its_declared_size_without_inflating(workbook, tmp_path, monkeypatch):
    bomb = write_zip(tmp_path / "bomb.xlsx", replace(members_of(workbook), zeros("xl/worksheets/sheet1.xml", 2100)))
    assert bomb.stat().st_size < 3 * MB
    inflated = []
    monkeypatch.setattr(zipguard, "_inflate", lambda handle, info: inflated.append(info.filename))
    refused = refusal(bomb)
    assert refused.reason == "inflated" and "压缩炸弹" in refused.message(bomb.name, "Excel 工作簿")
    assert inflated == []


@pytest.mark.parametrize("honest_crc", [True, False])
def test_a_member_that_understates_its_size_is_stopped_while_inflating(workbook, tmp_path, honest_crc):
    member = lying("xl/worksheets/sheet1.xml", sheet_xml(workbook), 2100, honest_crc)
    path = write_zip(tmp_path / "lying.xlsx", replace(members_of(workbook), member))
    with zipfile.ZipFile(path) as archive:      # what every check of declared sizes sees: a tiny sheet
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size < 10_000
    tracemalloc.start()
    refused = refusal(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert refused.reason == "lying" and refused.detail == "xl/worksheets/sheet1.xml"
    assert peak < 8 * MB, f"{peak / MB:.1f} MB held while checking"


def test_zipfile_alone_would_inflate_everything_behind_a_small_header(workbook, tmp_path):
    """Why the guard inflates for itself: zipfile's whole-entry read() inflates past the declared size
    before it cuts the data (checked here at 64 MB so that the test stays cheap)."""
    member = lying("xl/worksheets/sheet1.xml", sheet_xml(workbook), 64)
    path = write_zip(tmp_path / "lying.xlsx", replace(members_of(workbook), member))
    tracemalloc.start()
    with zipfile.ZipFile(path) as archive:
        data = archive.read("xl/worksheets/sheet1.xml")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert data == sheet_xml(workbook) and peak > 60 * MB


def test_too_many_members_are_refused_before_the_directory_is_read(workbook, tmp_path, monkeypatch):
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(6000):
            archive.writestr(f"xl/media/{i}.xml", b"")
    real = zipfile.ZipFile
    monkeypatch.setattr(zipfile, "ZipFile", lambda *a, **k: pytest.fail("the directory was read"))
    assert refusal(path).reason == "too_many"
    monkeypatch.setattr(zipfile, "ZipFile", real)
    data = bytearray(path.read_bytes())           # an end record that claims a single entry
    end = data.rfind(b"PK\x05\x06")
    data[end + 8:end + 12] = (1).to_bytes(2, "little") * 2
    path.write_bytes(bytes(data))
    refused = refusal(path)
    assert refused.reason == "too_many" and refused.size == 6000


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_compression_office_never_uses_is_refused(tmp_path, method):
    # bzip2 and lzma entries are inflated by zipfile without any bound on the output
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert refusal(path).reason == "method"


def test_an_encrypted_member_is_refused(tmp_path):
    member = deflated("xl/workbook.xml", b"<workbook/>")
    path = write_zip(tmp_path / "a.xlsx", [member])
    data = bytearray(path.read_bytes())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + flags_at] |= 1
    path.write_bytes(bytes(data))
    assert refusal(path).reason == "method"


DOCTYPES = {
    "billion laughs": '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w>&b;</w>',
    "external entity": '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY s SYSTEM "file:///etc/passwd">]><w>&s;</w>',
    "after a long comment": '<?xml version="1.0"?><!--' + random.Random(0).randbytes(2 * MB).hex() + '--><!DOCTYPE w><w/>',
}


@pytest.mark.parametrize("xml", DOCTYPES.values(), ids=DOCTYPES.keys())
def test_an_xml_part_with_a_doctype_is_refused(tmp_path, xml):
    path = write_zip(tmp_path / "a.docx", [deflated("word/document.xml", xml.encode())])
    refused = refusal(path)
    assert refused.reason == "doctype" and refused.detail == "word/document.xml"
    assert "DOCTYPE" in refused.message(path.name, "Word 文档")


@pytest.mark.parametrize("encoding", ["utf-16", "gbk"])     # gbk: an encoding expat cannot read
def test_a_doctype_is_found_in_other_encodings(tmp_path, encoding):
    xml = f'<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE w [<!ENTITY a "甲">]><w>&a;</w>'
    path = write_zip(tmp_path / "a.xlsx", [deflated("xl/_rels/workbook.xml.rels", xml.encode(encoding))])
    assert refusal(path).reason == "doctype"


def test_html_that_is_not_an_xml_part_may_have_a_doctype(tmp_path):
    html = b"<!DOCTYPE html><html><body>\xe9\x99\x84\xe4\xbb\xb6</body></html>"
    path = write_zip(tmp_path / "a.docx", [deflated("word/afchunk.htm", html), deflated("word/x.xml", b"<w/>")])
    assert [i.filename for i in zipguard.check(path, LIMITS)] == ["word/afchunk.htm", "word/x.xml"]


@pytest.mark.parametrize("content, reason", [(b"", "not_zip"), (b"name,count\n a,1\n", "not_zip"),
                                             (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "ole")])
def test_files_that_are_not_zip_archives(tmp_path, content, reason):
    path = tmp_path / "a.xlsx"
    path.write_bytes(content)
    assert refusal(path).reason == reason


def test_missing_file_folder_and_size_limit(tmp_path, workbook):
    assert refusal(tmp_path / "nope.xlsx").reason == "missing"
    assert refusal(tmp_path).reason == "directory"
    refused = refusal(workbook, Limits(file_bytes=1000, inflated_bytes=MB))
    assert refused.reason == "too_big" and "上限 0 MB" in refused.message("a", "b")


# ── the XML parsers of the libraries ─────────────────────────────────────────────────────────
def test_openpyxl_parses_through_defusedxml():
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize("parse", ["docx.oxml.parser.parse_xml", "docx.opc.oxml.parse_xml"])
def test_python_docx_never_expands_entities(tmp_path, parse):
    """Second line of defence behind zipguard's DOCTYPE refusal: python-docx's lxml parser has
    resolve_entities=False (and lxml loads no DTD and uses no network by default)."""
    import importlib
    module, _, name = parse.rpartition(".")
    parse_xml = getattr(importlib.import_module(module), name)
    canary = tmp_path / "secret.txt"
    canary.write_text("CANARY-4711", encoding="utf-8")
    internal = parse_xml(b'<!DOCTYPE x [<!ENTITY a "EXPANDED">]><x>&a;</x>')
    external = parse_xml(f'<!DOCTYPE x [<!ENTITY s SYSTEM "{canary.as_uri()}">]><x>&s;</x>'.encode())
    assert internal.text is None and "".join(internal.itertext()) == "&a;"     # kept as a reference
    assert "CANARY" not in external.xpath("string()")                          # the file was never read


# ── paths inside imported files are never followed ───────────────────────────────────────────
def test_a_draft_naming_files_never_makes_the_reader_open_them(tmp_path):
    from gui.report import drafts
    from gui.report.draft_reader import DraftError
    from gui.report.samples import huaian_2024
    from hostile_support import opened_paths, outside_access
    canary = tmp_path / "机密.json"
    drafts.save(huaian_2024(), canary)
    good = tmp_path / "引用.json"
    report = huaian_2024()
    report.texts["other"] = f"见 {canary} 与 {canary.as_uri()}"
    drafts.save(report, good)
    bad = tmp_path / "路径.json"
    data = good.read_text(encoding="utf-8").replace('"last_year": null', f'"last_year": "{canary.as_posix()}"')
    assert '"last_year": "' in data
    bad.write_text(data, encoding="utf-8")
    with outside_access() as seen:
        assert drafts.load(good).texts["other"].startswith("见 ")
        with pytest.raises(DraftError):
            drafts.load(bad)
    assert all("机密" not in p for p in opened_paths(seen)), opened_paths(seen)


# ── an audit of the source ───────────────────────────────────────────────────────────────────
ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN_MODULES = ("pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "yaml", "xml.etree", "xml.dom",
                     "xml.sax", "lxml.etree", "lxml.objectify", "lxml.html")
ALLOWED_MODULES = {"xml.sax.saxutils"}          # escaping text, no parsing
FORBIDDEN_BUILTINS = {"eval", "exec", "compile", "__import__", "input"}
FORBIDDEN_CALLS = {("os", "system"), ("os", "popen"), ("os", "startfile"), ("yaml", "load"), ("yaml", "unsafe_load")}
SUBPROCESS_ALLOWED = {"gui/report/pdf.py"}     # LibreOffice, started with an argument list and no shell
# the one HTML parser (saved portal pages): lxml.html without network, without huge trees
LXML_HTML_ALLOWED = {"gui/report/web_import/html_reader.py": ("no_network=True", "huge_tree=False")}


def violations(source: str, name: str) -> list[str]:
    tree = ast.parse(source)
    found = []

    def where(node) -> str:
        return f"{name}:{node.lineno}"

    for node in ast.walk(tree):
        modules = []
        if isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for module in modules:
            if name in LXML_HTML_ALLOWED and module in ("lxml", "lxml.html", "lxml.etree", "lxml.etree.ParserError",
                                                         "lxml.etree.XMLSyntaxError", "lxml.html.HTMLParser"):
                if not all(option in source for option in LXML_HTML_ALLOWED[name]):
                    found.append(f"{where(node)} parses HTML without no_network=True, huge_tree=False")
                continue
            if module not in ALLOWED_MODULES and any(module == f or module.startswith(f + ".")
                                                     for f in FORBIDDEN_MODULES):
                if not any(module.startswith(a) for a in ALLOWED_MODULES):
                    found.append(f"{where(node)} imports {module}")
            if module.split(".")[0] == "subprocess" and name not in SUBPROCESS_ALLOWED:
                found.append(f"{where(node)} imports subprocess")
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in FORBIDDEN_BUILTINS:
            found.append(f"{where(node)} calls {func.id}()")
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            pair = (func.value.id, func.attr)
            if pair in FORBIDDEN_CALLS or (func.value.id == "os" and func.attr.startswith(("exec", "spawn"))):
                found.append(f"{where(node)} calls {'.'.join(pair)}()")
            if func.value.id == "subprocess":
                shell = next((k.value for k in node.keywords if k.arg == "shell"), None)
                if shell is not None and not (isinstance(shell, ast.Constant) and shell.value is False):
                    found.append(f"{where(node)} runs a shell")
                if node.args and isinstance(node.args[0], (ast.Constant, ast.JoinedStr, ast.BinOp)):
                    found.append(f"{where(node)} runs a command line as one string")
    if "ParserCreate" in source and "StartDoctypeDeclHandler" not in source:
        found.append(f"{name}: an expat parser that does not refuse DOCTYPEs")
    return found


def sources() -> list[Path]:
    return sorted((ROOT / "gui").rglob("*.py")) + [ROOT / "main.py"]


def test_the_source_has_no_dangerous_calls():
    found = []
    for path in sources():
        found += violations(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    assert found == []
    assert len(sources()) > 50          # the walk saw the whole package


@pytest.mark.parametrize("snippet", [
    "import pickle", "from pickle import loads", "import marshal", "import shelve", "import yaml",
    "x = eval(text)", "exec(code)", "import os\nos.system('rm x')", "import os\nos.execv('a', [])",
    "import subprocess\nsubprocess.run(cmd, shell=True)", "import subprocess\nsubprocess.run('ls ' + x)",
    "import xml.etree.ElementTree as ET", "from xml.dom import minidom", "from lxml import etree",
    "from lxml.etree import fromstring", "import xml.sax", "from xml.parsers import expat\nexpat.ParserCreate()",
])
def test_the_audit_finds_each_kind_of_danger(snippet):
    assert violations(snippet, "gui/report/example.py")


def test_the_audit_allows_lxml_html_only_in_the_page_reader_with_its_guards():
    page = "from lxml import etree, html\nhtml.HTMLParser(no_network=True, huge_tree=False)"
    assert violations(page, "gui/report/web_import/html_reader.py") == []
    assert violations("from lxml import etree, html\nhtml.HTMLParser()", "gui/report/web_import/html_reader.py")
    assert violations(page, "gui/report/web_import/text_reader.py")


def test_the_audit_allows_what_the_application_needs():
    allowed = ("from xml.sax.saxutils import quoteattr\nwindow.exec()\nbox.exec()\nre.compile('x')\n"
               "from xml.parsers import expat\np = expat.ParserCreate()\np.StartDoctypeDeclHandler = no")
    assert violations(allowed, "gui/report/example.py") == []
    assert violations("import subprocess\nsubprocess.Popen(['soffice', '--headless'])", "gui/report/pdf.py") == []
