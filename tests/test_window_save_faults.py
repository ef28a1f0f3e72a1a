"""Saving from the window when the disk fails or another program wrote the file: the clerk is told
in Chinese, the report stays in the window (modified mark and all), 另存为 elsewhere works, and a
failing autosave stays quiet."""
from __future__ import annotations

import errno
import json
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from gui.report import drafts
from gui.report.form import CellRef
from gui.report.samples import huaian_2024
from message_boxes import boxes  # noqa: F401
from save_faults_support import FaultyDisk, os_error
from window_support import app_env, show_active, type_into_cell, window  # noqa: F401

CELL = CellRef("appeals", "review", "upheld")


def _draft(folder, name="草稿.json"):
    folder.mkdir(exist_ok=True)
    path = folder / name
    drafts.save(huaian_2024(), path)
    return path


def _edit(window, qtbot):
    type_into_cell(qtbot, window, CELL, "71")
    window.document.set_field("text.problems", "公开栏更新不及时。")


def _has_the_edits(report) -> bool:
    return report.get(CELL) == 71 and report.texts["problems"] == "公开栏更新不及时。"


def _save_as_goes_to(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


@pytest.mark.parametrize("step, code, words", [("write", errno.ENOSPC, "磁盘空间不足"),
                                               ("open temp", errno.EROFS, "只读"),
                                               ("replace", errno.EACCES, "没有权限")])
def test_a_failed_save_says_why_and_the_report_can_be_saved_elsewhere(
        window, qtbot, boxes, tmp_path, monkeypatch, step, code, words):
    path = _draft(tmp_path / "U盘")
    before = path.read_bytes()
    window.open_path(path)
    _edit(window, qtbot)
    with pytest.MonkeyPatch.context() as disk:
        FaultyDisk(disk, path.parent).fail(step, os_error(code))
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(boxes.seen) == 1
    title, text = boxes.seen[0]
    assert title == "保存失败" and words in text and "另存为" in text and "Errno" not in text
    assert window.isWindowModified() and window.windowTitle().startswith("草稿.json[*]")
    assert _has_the_edits(window.document.report)
    assert path.read_bytes() == before
    other = tmp_path / "另一个文件夹" / "草稿.json"
    other.parent.mkdir()
    _save_as_goes_to(monkeypatch, other)
    assert window.save_as()
    assert not window.isWindowModified() and window.document.path == other
    assert _has_the_edits(drafts.load(other)) and drafts.load(other) == window.document.report
    assert path.read_bytes() == before


@pytest.fixture
def fast_autosave_window(app_env, qtbot, monkeypatch):
    monkeypatch.setenv("NIANBAO_AUTOSAVE_MS", "50")
    monkeypatch.setenv("NIANBAO_AUTOSAVE_QUIET_MS", "20")
    from gui.qt.window.main_window import MainWindow
    win = MainWindow()
    show_active(win, qtbot)
    yield win
    if win.document is not None:
        win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()


def test_when_autosave_fails_too_there_is_one_message_and_nothing_is_lost(
        fast_autosave_window, app_env, qtbot, boxes, tmp_path):
    window = fast_autosave_window
    path = _draft(tmp_path / "drafts")
    window.open_path(path)
    recovery = app_env / "recovery"
    with pytest.MonkeyPatch.context() as patch:
        disk = FaultyDisk(patch, path.parent, recovery).fail("open temp", os_error(errno.ENOSPC))
        _edit(window, qtbot)
        assert not window.save()
        qtbot.wait(600)                                  # a dozen autosave ticks on the full disk
        attempts = disk.steps.count("open temp")
    assert attempts >= 4                                 # it kept trying, quietly
    assert [t for t, _ in boxes.seen] == ["保存失败"]
    assert list(recovery.glob("recovery-*.json")) == []
    assert _has_the_edits(window.document.report) and window.isWindowModified()
    # the disk has room again: the next tick writes the copy, and saving works
    qtbot.waitUntil(lambda: len(list(recovery.glob("recovery-*.json"))) == 1, timeout=5000)
    copy = json.loads(next(recovery.glob("recovery-*.json")).read_text(encoding="utf-8"))
    assert _has_the_edits(drafts.from_json(copy["draft"]))
    assert window.save() and _has_the_edits(drafts.load(path))


def _written_by_another_program(path):
    theirs = huaian_2024()
    theirs.info.phone = "0517-00000000（另一个程序写的）"
    path.write_text(drafts.dumps(theirs), encoding="utf-8")
    return theirs


def test_a_file_changed_underneath_cancel_keeps_both(window, qtbot, boxes, tmp_path):
    path = _draft(tmp_path / "d")
    window.open_path(path)
    _edit(window, qtbot)
    theirs = _written_by_another_program(path)
    boxes.answers.append("取消")
    assert window.save() is False
    title, text = boxes.seen[0]
    assert title == "文件已被其他程序修改" and "草稿.json" in text and "覆盖" in text
    assert drafts.load(path) == theirs
    assert window.isWindowModified() and _has_the_edits(window.document.report)


def test_a_file_changed_underneath_overwrite_keeps_theirs_as_the_backup(window, qtbot, boxes, tmp_path):
    path = _draft(tmp_path / "d")
    window.open_path(path)
    _edit(window, qtbot)
    theirs = _written_by_another_program(path)
    boxes.answers.append("覆盖")
    assert window.save()
    assert _has_the_edits(drafts.load(path)) and not window.isWindowModified()
    assert drafts.load(path.with_name("草稿.json.bak")) == theirs
    window.document.set_field("text.problems", "再改一次。")
    assert window.save() and len(boxes.seen) == 1        # our own save is not "another program"


def test_a_file_changed_underneath_save_as_keeps_both(window, qtbot, boxes, tmp_path, monkeypatch):
    path = _draft(tmp_path / "d")
    window.open_path(path)
    _edit(window, qtbot)
    theirs = _written_by_another_program(path)
    other = tmp_path / "d" / "我的版本.json"
    _save_as_goes_to(monkeypatch, other)
    boxes.answers.append("另存为…")
    assert window.save()
    assert drafts.load(path) == theirs and _has_the_edits(drafts.load(other))
    assert window.document.path == other and window.windowTitle().startswith("我的版本.json")


def test_a_file_only_touched_or_deleted_is_saved_without_asking(window, qtbot, boxes, tmp_path):
    path = _draft(tmp_path / "d")
    window.open_path(path)
    _edit(window, qtbot)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5 * 10**9))    # same bytes, newer time
    assert window.save() and boxes.seen == []
    window.document.set_field("text.problems", "又改了。")
    path.unlink()                                       # moved away by the clerk: nothing to lose
    assert window.save() and boxes.seen == []
    assert drafts.load(path).texts["problems"] == "又改了。"


def test_without_a_recovery_folder_the_window_still_works_and_says_so(app_env, qtbot, boxes, tmp_path,
                                                                     monkeypatch):
    blocker = tmp_path / "不是文件夹"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("NIANBAO_RECOVERY_DIR", str(blocker / "recovery"))    # cannot be created
    from gui.qt.window.main_window import MainWindow
    win = MainWindow()
    show_active(win, qtbot)
    try:
        assert win.offer_recovery() is False
        path = _draft(tmp_path / "d")
        win.open_path(path)
        assert "自动保存" in win.statusBar().currentMessage()
        _edit(win, qtbot)
        assert win.autosaver.save_now() is False
        assert win.save() and _has_the_edits(drafts.load(path))
        assert boxes.seen == []
    finally:
        win.close()
        win.deleteLater()
