"""Recovery copies: written while there are unsaved changes, never over the user's file, offered
again after the process is killed, removed by a clean close."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gui.qt.window.autosave import QUIET_ENV
from gui.report import drafts
from gui.report.form import CellRef
from gui.report.samples import huaian_2024
from window_support import answer_next_box, app_env, open_sample, type_into_cell, window  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
CELL = CellRef("appeals", "review", "upheld")


def _copies(app_env):
    return sorted((app_env / "recovery").glob("recovery-*.json"))


def _run_and_kill(tmp_path, draft: Path, edits: list) -> None:
    """main.py DRAFT in a child that types `edits`, waits for its autosave, then gets SIGKILL."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NIANBAO_RECOVERY_DIR=str(tmp_path / "recovery"),
               NIANBAO_AUTOSAVE_MS="200", NIANBAO_TEST_EDITS=json.dumps(edits, ensure_ascii=False),
               XDG_CONFIG_HOME=str(tmp_path / "child-config"), XDG_DATA_HOME=str(tmp_path / "child-data"))
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), str(draft)], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if line.startswith("AUTOSAVED"):
                break
            assert line, "the child ended before autosaving"
        else:
            raise AssertionError("no autosave within 60 s")
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(10)


def test_killed_session_is_offered_and_restored_without_touching_the_file(app_env, window, tmp_path):
    draft = tmp_path / "马营镇2024.json"
    drafts.save(huaian_2024(), draft)
    before = draft.read_bytes()
    _run_and_kill(tmp_path, draft, [{"cell": list(CELL), "value": 70},
                                    {"text": "problems", "value": "公开栏更新不及时。"}])
    assert draft.read_bytes() == before            # autosave never writes the user's file
    assert len(_copies(app_env)) == 1
    seen = []
    answer_next_box("恢复", seen)
    assert window.offer_recovery() is True
    assert "马营镇2024.json" in seen[0]
    doc = window.document
    assert doc.report.get(CELL) == 70 and doc.report.texts["problems"] == "公开栏更新不及时。"
    assert doc.path == draft and window.isWindowModified()
    assert draft.read_bytes() == before            # untouched until the clerk saves
    assert window.save()
    assert drafts.load(draft).get(CELL) == 70
    assert _copies(app_env) == []                  # saved: no recovery copy left


def test_discarding_the_offer_removes_the_copy(app_env, window, tmp_path):
    draft = tmp_path / "d.json"
    drafts.save(huaian_2024(), draft)
    _run_and_kill(tmp_path, draft, [{"cell": list(CELL), "value": 9}])
    answer_next_box("丢弃")
    assert window.offer_recovery() is False
    assert _copies(app_env) == [] and window.document is None


def test_autosave_on_step_change_only_with_unsaved_changes_and_clean_close_removes_it(
        app_env, window, qtbot):
    open_sample(window)
    window.wizard.go_to("overview")
    assert _copies(app_env) == []                  # nothing unsaved: nothing written
    type_into_cell(qtbot, window, CELL, "12")
    window.wizard.go_to("review")
    copies = _copies(app_env)
    assert len(copies) == 1
    data = json.loads(copies[0].read_text(encoding="utf-8"))
    assert data["file"] is None and drafts.from_json(data["draft"]).get(CELL) == 12
    # a running window's copy is not offered to another window
    from gui.qt.window.autosave import orphaned_recoveries
    assert orphaned_recoveries() == []
    answer_next_box("不保存")
    window.close()
    assert _copies(app_env) == []


def test_undo_back_to_the_saved_state_removes_the_copy(app_env, window, qtbot):
    open_sample(window)
    type_into_cell(qtbot, window, CELL, "12")
    window.autosaver.save_now()
    assert len(_copies(app_env)) == 1
    window.undo_action.trigger()
    assert _copies(app_env) == []


@pytest.fixture
def short_quiet(monkeypatch):
    """The pause after typing that writes a copy: 300 ms instead of the product's 2 s, set before the
    window reads it (list this fixture before `window`)."""
    monkeypatch.setenv(QUIET_ENV, "300")


def test_a_copy_is_written_shortly_after_typing_stops(short_quiet, app_env, window, qtbot):
    open_sample(window)
    type_into_cell(qtbot, window, CELL, "33")
    qtbot.waitUntil(lambda: len(_copies(app_env)) == 1, timeout=5000)
    data = json.loads(_copies(app_env)[0].read_text(encoding="utf-8"))
    assert drafts.from_json(data["draft"]).get(CELL) == 33
