"""Crashes: the real window, typed into by a child process, is killed (SIGKILL) at a random moment;
the next start restores everything up to the last autosave, and the recovery copy is never taken for
the clerk's file. A process killed in the middle of saving leaves the old or the new draft, whole.

What SIGKILL cannot show: a power cut, where the page cache is lost too; write_atomic's fsync of
the file and the folder is there for that case, and is not tested here.
"""
from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from crash_support import Child, states, steps, window_env
from gui.report import atomic, drafts
from gui.report.samples import huaian_2024
from gui.qt.window.main_window import DEMO_PATH
from message_boxes import boxes  # noqa: F401
from window_support import app_env, window  # noqa: F401

WINDOW_SEEDS = range(1, 9)          # odd: a saved draft; even: the demo, never saved (未命名)
SAVE_KILLS = 40


def _only_recovery_files(folder: Path) -> bool:
    """Copies, their locks, and a hidden temporary copy if the kill came while one was written."""
    return all(p.name.startswith("recovery-") and p.suffix in (".json", ".lock")
               or p.name.startswith(".recovery-") and p.suffix == atomic.TEMP_SUFFIX
               for p in folder.iterdir())


@pytest.mark.parametrize("seed", WINDOW_SEEDS)
def test_killed_while_typing_restores_up_to_the_last_autosave(seed, app_env, window, boxes, tmp_path,
                                                              monkeypatch):
    saved_draft = seed % 2 == 1
    folder = tmp_path / "我的文档"
    folder.mkdir()
    draft = folder / "马营镇2024.json"
    if saved_draft:
        drafts.save(huaian_2024(), draft)
        base, argument = drafts.load(draft), str(draft)
    else:
        base, argument = drafts.load(DEMO_PATH), "--demo"
    before = draft.read_bytes() if saved_draft else None
    typed = steps(seed, base)
    expected = states(base, typed)

    child = Child(["window", argument], window_env(tmp_path, typed))
    child.wait_for("READY")
    child.kill_after(random.Random(seed).uniform(0, 0.8))
    autosaved, edited = child.last("AUTOSAVED") or 0, child.last("EDIT") or 0

    assert (draft.read_bytes() if saved_draft else None) == before      # never written by autosave
    assert sorted(p.name for p in folder.iterdir()) == (["马营镇2024.json"] if saved_draft else [])
    recovery = app_env / "recovery"
    assert _only_recovery_files(recovery)
    boxes.answers.append("恢复")
    restored = window.offer_recovery()
    if not restored:                                   # killed before anything was autosaved
        assert autosaved == 0 and boxes.seen == []
        assert list(recovery.glob(".recovery-*")) == []  # a half-written copy is cleared away
        return
    doc = window.document
    found = [i for i, state in enumerate(expected) if state == doc.report]
    assert found, "the restored report is not the report after any number of steps"
    assert max(autosaved, 1) <= found[-1] <= edited        # nothing the child reported saved is lost
    assert window.isWindowModified()
    if saved_draft:
        assert "马营镇2024.json" in boxes.seen[0][1]
        assert doc.path == draft and window.windowTitle().startswith("马营镇2024.json[*]")
        assert draft.read_bytes() == before                # restoring alone does not write it
        assert window.save() and drafts.load(draft) == doc.report
        assert [t for t, _ in boxes.seen] == ["恢复未保存的内容"]       # the file had not changed
    else:
        assert "尚未保存过" in boxes.seen[0][1]
        assert doc.path is None and window.windowTitle().startswith("未命名报告[*]")
        target = folder / "恢复的报告.json"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        assert window.save() and drafts.load(target) == doc.report
    assert list(recovery.glob("recovery-*.json")) == []  # saved: no copy left
    assert list(recovery.glob(".recovery-*")) == []     # nor a half-written one


def test_a_file_changed_after_the_crash_is_not_overwritten_without_asking(app_env, window, boxes,
                                                                         tmp_path):
    draft = tmp_path / "d.json"
    drafts.save(huaian_2024(), draft)
    typed = steps(99, drafts.load(draft), count=3)
    child = Child(["window", str(draft)], window_env(tmp_path, typed))
    child.wait_for("AUTOSAVED 3")
    child.kill_after(0)
    theirs = huaian_2024()
    theirs.info.phone = "崩溃之后在别处改过"
    drafts.save(theirs, draft)
    boxes.answers += ["恢复", "取消"]
    assert window.offer_recovery()
    assert window.save() is False
    assert [t for t, _ in boxes.seen] == ["恢复未保存的内容", "文件已被其他程序修改"]
    assert drafts.load(draft) == theirs and window.isWindowModified()


def _big_report(label: str):
    report = huaian_2024()
    report.texts["other"] = label * 200_000                   # a draft of about 1 MB: a long write
    return report


def test_killed_while_saving_leaves_the_old_or_the_new_draft_whole(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    drafts.save(_big_report("甲"), first)
    drafts.save(_big_report("乙"), second)
    contents = {first.read_bytes(), second.read_bytes()}
    folder = tmp_path / "target"
    folder.mkdir()
    target = folder / "报告.json"
    target.write_bytes(first.read_bytes())
    rng = random.Random(7)
    for _ in range(SAVE_KILLS):
        child = Child(["save-loop", str(target), str(first), str(second)], {})
        child.wait_for("READY")
        child.kill_after(rng.uniform(0, 0.1))
        assert target.read_bytes() in contents
        assert drafts.load(target).texts["other"][0] in "甲乙"
        backup = atomic.backup_path(target)
        assert not backup.exists() or backup.read_bytes() in contents
        leftovers = [p for p in folder.iterdir() if p not in (target, backup)]
        assert all(p.name.startswith(".") and p.name.endswith(atomic.TEMP_SUFFIX) for p in leftovers)
        for p in leftovers:
            p.unlink()
    assert os.listdir(folder) in (["报告.json"], ["报告.json", "报告.json.bak"],
                                  ["报告.json.bak", "报告.json"])


def test_a_half_written_copy_of_a_killed_window_is_cleared_and_a_running_ones_is_kept(app_env, window):
    from gui.qt.window.autosave import orphaned_recoveries
    recovery = app_env / "recovery"
    killed = recovery / ".recovery-20240101000000-1-abcdef.json.0123abcd.tmp"
    killed.write_text('{"format": "nianbao-zhushou/recovery", "dra', encoding="utf-8")
    running = recovery / f".{window.autosaver.copy.name}.89abcdef.tmp"      # this window, mid-write
    running.write_text("{", encoding="utf-8")
    assert orphaned_recoveries() == []
    assert not killed.exists() and running.exists()
