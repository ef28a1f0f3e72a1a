"""A standing fuzz test: every reader fed seeded mutations of a valid sample, checking the contract
— the file is read, or refused with the reader's own error (a DraftError) whose message is one
Chinese line; never another exception, never more than 30 s, never more than 1 GB.

The everyday run spends a second on each reader; test_fuzz_readers_long (marked slow in conftest.py)
a minute each, from the same first seeds. A failure names the reader and the seed; fuzz_support.mutated(sample,
suffix, seed) makes the same bytes again.
"""
from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from gui.report.docx_export import export_docx
from gui.report.draft_reader import DraftError
from gui.report.excel.ledger_import import read_ledger
from gui.report.excel.tables_xlsx import export_tables
from gui.report.samples import huaian_2024
from gui.report.sources import READERS
from fuzz_support import mutated
from hostile_support import is_chinese_message, watchdog
from web_page_factory import mhtml, official_tables, portal_page, report_html

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MAX_SECONDS = 30
MAX_RSS_BYTES = 1 << 30
EVERYDAY_SECONDS = 1.0
LONG_SECONDS = 60.0


def _samples(folder: Path) -> dict[str, tuple[bytes, object]]:
    """suffix → (a valid sample's bytes, the reader under test)."""
    report = huaian_2024()
    docx = export_docx(report, folder / "s.docx")
    xlsx = folder / "s.xlsx"
    export_tables(report, xlsx)
    page = portal_page(report_html(report, official_tables(report)))
    from gui.report.excel.ledger_template import write_template
    ledger = folder / "ledger.xlsx"
    write_template(ledger, 2024)
    return {
        ".json": ((ROOT / "resources" / "demo-2024.json").read_bytes(), READERS[".json"]),
        ".docx": (docx.read_bytes(), READERS[".docx"]),
        ".xlsx": (xlsx.read_bytes(), READERS[".xlsx"]),
        "ledger.xlsx": (ledger.read_bytes(), lambda path: read_ledger(path, 2024)),
        ".pdf": ((FIXTURES / "hongze-district-2024-report.pdf").read_bytes(), READERS[".pdf"]),
        ".txt": ((FIXTURES / "maying-town-2024-report.txt").read_bytes(), READERS[".txt"]),
        ".html": (page.encode("utf-8"), READERS[".html"]),
        ".mhtml": (mhtml(page), READERS[".mhtml"]),
    }


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return _samples(tmp_path_factory.mktemp("fuzz-samples"))


def _rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024     # Linux: kilobytes


def fuzz(kind: str, samples, folder: Path, seconds: float) -> int:
    """Mutations of one sample until `seconds` pass; returns how many were read."""
    data, reader = samples[kind]
    suffix = kind[kind.rfind("."):]
    ends = time.monotonic() + seconds
    seed = 0
    while time.monotonic() < ends or seed < 3:
        path = folder / f"fuzz-{seed}{suffix}"
        path.write_bytes(mutated(data, kind, seed))
        started = time.monotonic()
        with watchdog(MAX_SECONDS * 2):
            try:
                reader(path)
            except DraftError as exc:
                message = str(exc)
                assert is_chinese_message(message) and "\n" not in message, (kind, seed, message)
            except Exception as exc:     # the contract broken: name what reproduces it
                raise AssertionError(f"{kind} seed {seed}: {type(exc).__name__}: {exc}") from exc
        took = time.monotonic() - started
        assert took < MAX_SECONDS, (kind, seed, took)
        assert _rss() < MAX_RSS_BYTES, (kind, seed, _rss())
        path.unlink()
        seed += 1
    return seed


KINDS = (".json", ".docx", ".xlsx", "ledger.xlsx", ".pdf", ".txt", ".html", ".mhtml")


@pytest.mark.parametrize("kind", KINDS)
def test_fuzz_readers(kind, samples, tmp_path):
    assert fuzz(kind, samples, tmp_path, EVERYDAY_SECONDS) >= 3


@pytest.mark.parametrize("kind", KINDS)
def test_fuzz_readers_long(kind, samples, tmp_path):
    assert fuzz(kind, samples, tmp_path, LONG_SECONDS) >= 3


def test_the_mutations_are_reproducible_and_change_the_file(samples):
    data, _ = samples[".docx"]
    assert mutated(data, ".docx", 7) == mutated(data, ".docx", 7)
    assert sum(mutated(data, ".docx", s) != data for s in range(10)) >= 9
