"""The exported .docx as LibreOffice prints it (Liberation Serif has Times New Roman's metrics):
figures whole on one line, the labels of 表三 on one page and broken between words, 表二's blocks
unsplit, 28 characters a line of body text. All documents are converted in one soffice run."""
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest

from docx_support import REPORTS
from gui.report import pdf
from gui.report.docx_export import docx_bytes
from gui.report.docx_export.labels import words
from gui.report.form import ACTIVE, ACTIVE_BLOCKS, APPEALS, REQUESTS, REQUESTS_BODY, RESULTS
from pdf_pages_support import (BODY_SIZE, LEFT, RIGHT, big_report, figures, is_full,
                               label_lines, lines, measure, table_stream)

pdfplumber = pytest.importorskip("pdfplumber")
SOFFICE = pdf.find_soffice()
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

SHIFTS = (0, 4, 8, 12, 16, 20)          # lines of text before section 二: 表三 moves down a page
BIG = {f"d{digits}-s{shift}": (digits, shift) for digits in (1, 5, 9) for shift in SHIFTS}
FIGURE_CELLS = 25 * 7 + 15 + 2 * 3 + 3   # 表三, 表四, 表二 without the fee
GROUPS = {}
for key, a, b, c in REQUESTS_BODY:
    if c is not None:
        GROUPS.setdefault(b, []).append(c)


def _documents():
    docs = {name: big_report(*args) for name, args in BIG.items()}
    docs.update({name: make() for name, make in REPORTS.items()})
    return docs


@pytest.fixture(scope="session")
def rendered():
    """{name: [pdfplumber page, …]} for every test document, from a single LibreOffice run."""
    work = Path(tempfile.mkdtemp(prefix="nianbao-pages-"))
    docs = _documents()
    for name, report in docs.items():
        (work / f"{name}.docx").write_bytes(docx_bytes(report))
    profile = work / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", str(work)]
                   + [str(work / f"{n}.docx") for n in docs],
                   check=True, capture_output=True, timeout=600)
    opened = {name: pdfplumber.open(work / f"{name}.pdf") for name in docs}
    yield {name: document.pages for name, document in opened.items()}
    for document in opened.values():
        document.close()
    shutil.rmtree(work, ignore_errors=True)


@pytest.mark.parametrize("name", sorted(BIG))
def test_every_figure_prints_whole_on_one_line(rendered, name):
    digits, _ = BIG[name]
    printed = [f for page in rendered[name] for f in figures(page)]
    assert [f for f in printed if f != "9" * digits] == []
    assert len(printed) == FIGURE_CELLS


@pytest.mark.parametrize("name", sorted(BIG) + sorted(REPORTS))
def test_vertical_label_and_each_group_on_one_page_broken_between_words(rendered, name):
    pages = rendered[name]
    found = [label_lines(page, RESULTS) for page in pages]
    whole = [i for i, lines_ in enumerate(found) if lines_]
    assert len(whole) == 1, f"「{RESULTS}」 not whole on one page"
    assert "".join(found[whole[0]]) == RESULTS
    for group, items in GROUPS.items():
        on = [i for i, page in enumerate(pages) if label_lines(page, group)]
        assert len(on) == 1, f"「{group}」 not whole on one page"
        page = pages[on[0]]
        printed = label_lines(page, group)
        boundaries, at = set(), 0
        for word in words(group):
            at += len(word)
            boundaries.add(at)
        ends = [sum(len(line) for line in printed[:i + 1]) for i in range(len(printed) - 1)]
        assert set(ends) <= boundaries, f"「{group}」 broken inside a word: {printed}"
        stream = table_stream(page)
        assert all(item in stream for item in items), f"rows of 「{group}」 split across pages"


@pytest.mark.parametrize("name", sorted(BIG) + sorted(REPORTS))
def test_each_article_20_block_of_table_2_stays_on_one_page(rendered, name):
    pages = [table_stream(page) for page in rendered[name]]
    for heading, _, members, _ in ACTIVE_BLOCKS:
        holding = [i for i, text in enumerate(pages) if heading in text]
        assert len(holding) == 1
        assert all(label in pages[holding[0]] for _, label in members), heading


def test_body_text_runs_28_characters_a_line(rendered):
    """The demo's long texts: every line at most 28 characters, nearly every justified line
    exactly 28 (a few end early where a number or a closing quote may not be split off)."""
    full = []
    for page in rendered["demo"]:
        for line in lines(page, BODY_SIZE):
            assert measure(line) <= 28, "".join(c["text"] for c in line)
            if is_full(line):
                full.append(measure(line))
    assert len(full) >= 40
    assert all(m >= 26 for m in full), full
    assert full.count(28) >= 0.85 * len(full), full


def test_page_numbers_one_character_in_and_the_sign_off_two_also_in_libreoffice(rendered):
    """LibreOffice ignores Word's character indents: the twips given beside them must show."""
    pages = rendered["huaian"]
    for number, page in enumerate(pages, start=1):
        dashes = [c for c in page.chars if abs(c["size"] - 14) < 0.5]
        assert "".join(c["text"] for c in dashes).replace(" ", "") == f"—{number}—"
        if number % 2:
            assert 12 <= RIGHT - max(c["x1"] for c in dashes) <= 16       # one 4号 character
        else:
            assert 12 <= min(c["x0"] for c in dashes) - LEFT <= 16
    organ = [c for c in pages[-1].chars if c["text"] == "府" and abs(c["size"] - BODY_SIZE) < 0.6]
    assert 29 <= RIGHT - organ[-1]["x1"] <= 34                           # two characters


CJK = range(0x4E00, 0xA000)
TOP, BOTTOM = 37 / 25.4 * 72, (297 - 35) / 25.4 * 72    # the text block's top and foot, in points


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_digits_sit_beside_chinese_without_a_grid_cell_gap(rendered, name):
    """Before: 「1  月」, a digit padded to a whole grid cell (7–8 pt). Now at most LibreOffice's
    own Asian/Western spacing (⅕ em, which a .docx cannot switch off there) plus justification."""
    gaps = []
    for page in rendered[name]:
        for line in lines(page, BODY_SIZE):
            for a, b in zip(line, line[1:]):
                if (a["text"].isdigit() and ord(b["text"]) in CJK) or (
                        ord(a["text"]) in CJK and b["text"].isdigit()):
                    gaps.append(round(b["x0"] - a["x1"], 1))
    assert gaps, "no digit beside Chinese"
    assert max(gaps) <= 0.3 * BODY_SIZE, sorted(gaps)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_no_punctuation_lost_and_none_starts_or_ends_a_line_against_the_rules(rendered, name):
    document = docx.Document(io.BytesIO(docx_bytes(REPORTS[name]())))
    body = "".join(p.text for p in document.paragraphs)
    printed = [line for page in rendered[name] for line in lines(page, BODY_SIZE)]
    text = "".join(c["text"] for line in printed for c in line)
    for mark in "、，。；：":
        assert text.count(mark) == body.count(mark), mark
    for line in printed:
        assert line[0]["text"] not in "、，。；：？！）」』”", "".join(c["text"] for c in line)
        assert line[-1]["text"] not in "（「『“", "".join(c["text"] for c in line)
        assert max(c["x1"] for c in line) <= RIGHT + 1, "punctuation hangs past the margin"


@pytest.mark.parametrize("name", sorted(BIG) + sorted(REPORTS))
def test_every_table_label_prints_as_the_form_has_it(rendered, name):
    stream = "".join(table_stream(page) for page in rendered[name])
    for table in (ACTIVE, REQUESTS, APPEALS):
        for cell in table.grid:
            if cell.ref is None and cell.text and cell.text != RESULTS:
                assert cell.text in stream, cell.text


@pytest.mark.parametrize("name", sorted(BIG) + sorted(REPORTS))
def test_no_page_is_left_more_than_40_percent_empty_before_the_next(rendered, name):
    pages = rendered[name]
    for number, page in enumerate(pages[:-1], start=1):
        tops = sorted({round(c["top"]) for c in page.chars if c["size"] < 20 and c["top"] < BOTTOM})
        bottoms = [round(c["bottom"]) for c in page.chars if c["top"] < BOTTOM]
        room = [b - a for a, b in zip(tops, tops[1:])] + [BOTTOM - max(bottoms)]
        assert max(room) <= 0.4 * (BOTTOM - TOP), (name, number, max(room))
