"""Faults while saving: whatever step of the atomic save fails, the previous draft (and its .bak)
stays byte-identical and readable, no temporary file is left behind, and the clerk gets a Chinese
reason. The same for the Word and Excel writers, which save through the same code."""
from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from gui.report import atomic, drafts
from gui.report.atomic import SaveError, write_atomic
from gui.report.samples import huaian_2024
from save_faults_support import FaultyDisk, os_error, snapshot
from budgets import examples

CJK = re.compile(r"[\u4e00-\u9fff]")
NAME = "马营镇2024.json"
ENOSPC_EXAMPLES = 150


def _changed():
    report = huaian_2024()
    report.info.organ = "另一个机关"
    report.texts["problems"] = "新写的一段。" * 50
    return report


def _saved_twice(folder: Path) -> Path:
    """A draft with a .bak beside it, as after a second save (written directly: only the next
    save is under test)."""
    path = folder / NAME
    first = huaian_2024()
    first.info.compiler = "第一版"
    (folder / f"{NAME}.bak").write_bytes(drafts.encode(drafts.dumps(first)))
    path.write_bytes(drafts.encode(drafts.dumps(huaian_2024())))
    return path


def _assert_nothing_changed(folder: Path, before: dict[str, bytes]) -> None:
    after = snapshot(folder)
    assert sorted(after) == sorted(before), "a temporary or partial file was left behind"
    assert after == before
    assert drafts.load(folder / NAME) == huaian_2024()


FAILURES = [
    ("open temp", errno.EACCES, "没有权限"),
    ("open temp", errno.EROFS, "只读"),
    ("open temp", errno.ENOSPC, "磁盘空间不足"),
    ("open temp", errno.EMFILE, "原文件未被改动"),
    ("write", errno.ENOSPC, "磁盘空间不足"),
    ("write", errno.EDQUOT, "磁盘空间不足"),
    ("write", errno.EIO, "原文件未被改动"),
    ("fsync", errno.EIO, "原文件未被改动"),
    ("close", errno.EIO, "原文件未被改动"),          # NFS reports a failed write at close
    ("replace", errno.EACCES, "没有权限"),
    ("replace", errno.EBUSY, "原文件未被改动"),
    ("replace", errno.EXDEV, "原文件未被改动"),
]


@pytest.mark.parametrize("step, code, words", FAILURES)
def test_a_failure_at_any_step_keeps_the_draft_and_its_backup(tmp_path, monkeypatch, step, code, words):
    path = _saved_twice(tmp_path)
    before = snapshot(tmp_path)
    disk = FaultyDisk(monkeypatch, tmp_path).fail(step, os_error(code))
    with pytest.raises(SaveError) as raised:
        drafts.save(_changed(), path)
    assert step in disk.steps
    message = str(raised.value)
    assert words in message and CJK.search(message) and NAME in message
    monkeypatch.undo()
    _assert_nothing_changed(tmp_path, before)


def test_a_backup_copy_that_fills_the_disk_leaves_no_partial_backup(tmp_path, monkeypatch):
    """Where hard links are refused (FAT, some network drives) the backup is a copy."""
    path = _saved_twice(tmp_path)
    before = snapshot(tmp_path)
    disk = FaultyDisk(monkeypatch, tmp_path)
    disk.fail("link backup", os_error(errno.EPERM)).fail("copy backup", os_error(errno.ENOSPC))
    with pytest.raises(SaveError, match="磁盘空间不足"):
        drafts.save(_changed(), path)
    assert disk.steps[-1] == "copy backup"
    monkeypatch.undo()
    _assert_nothing_changed(tmp_path, before)


def test_a_backup_that_cannot_be_renamed_still_saves_and_keeps_the_older_backup(tmp_path, monkeypatch):
    path = _saved_twice(tmp_path)
    older = (tmp_path / f"{NAME}.bak").read_bytes()
    FaultyDisk(monkeypatch, tmp_path).fail("replace backup", os_error(errno.EACCES))
    drafts.save(_changed(), path)
    monkeypatch.undo()
    assert drafts.load(path) == _changed()
    assert snapshot(tmp_path) == {NAME: path.read_bytes(), f"{NAME}.bak": older}


@pytest.mark.parametrize("step", ["link backup", "chmod", "open folder", "fsync folder"])
def test_steps_that_may_fail_without_harm_still_save(tmp_path, monkeypatch, step):
    path = _saved_twice(tmp_path)
    old = path.read_bytes()
    disk = FaultyDisk(monkeypatch, tmp_path).fail(step, os_error(errno.EPERM))
    drafts.save(_changed(), path)
    assert step in disk.steps
    monkeypatch.undo()
    assert drafts.load(path) == _changed()
    assert (tmp_path / f"{NAME}.bak").read_bytes() == old
    assert sorted(snapshot(tmp_path)) == [NAME, f"{NAME}.bak"]


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_an_interruption_that_is_not_a_disk_error_leaves_no_temporary_file(tmp_path, monkeypatch, step):
    path = _saved_twice(tmp_path)
    before = snapshot(tmp_path)
    FaultyDisk(monkeypatch, tmp_path).fail(step, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        drafts.save(_changed(), path)
    monkeypatch.undo()
    _assert_nothing_changed(tmp_path, before)


@settings(max_examples=examples(ENOSPC_EXAMPLES), deadline=None)
@given(data=st.data())
def test_a_disk_that_fills_up_at_any_byte_keeps_the_draft(data):
    """os.write writes what fits (in short writes of any size), then reports ENOSPC."""
    new = drafts.dumps(_changed()).encode("utf-8")
    space = data.draw(st.integers(0, len(new) - 1), label="bytes that fit")
    chunk = data.draw(st.none() | st.integers(1, 8192), label="bytes per write")
    with tempfile.TemporaryDirectory() as name, pytest.MonkeyPatch.context() as monkeypatch:
        folder = Path(name)
        path = _saved_twice(folder)
        before = snapshot(folder)
        disk = FaultyDisk(monkeypatch, folder)
        disk.space, disk.chunk = space, chunk
        with pytest.raises(SaveError, match="磁盘空间不足"):
            write_atomic(path, new)
        monkeypatch.undo()
        _assert_nothing_changed(folder, before)


@settings(max_examples=50, deadline=None)
@given(chunk=st.integers(1, 4096))
def test_short_writes_still_save_every_byte(chunk):
    new = drafts.dumps(_changed()).encode("utf-8")
    with tempfile.TemporaryDirectory() as name, pytest.MonkeyPatch.context() as monkeypatch:
        path = Path(name) / NAME
        FaultyDisk(monkeypatch, Path(name)).chunk = chunk
        write_atomic(path, new)
        monkeypatch.undo()
        assert path.read_bytes() == new


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="a read-only folder needs POSIX permissions; root ignores them")
def test_a_real_read_only_folder(tmp_path):
    path = _saved_twice(tmp_path)
    before = snapshot(tmp_path)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(SaveError, match="没有权限"):
            drafts.save(_changed(), path)
    finally:
        tmp_path.chmod(0o755)
    _assert_nothing_changed(tmp_path, before)


def test_a_file_replaced_underneath_is_overwritten_whole_and_kept_as_the_backup(tmp_path):
    path = _saved_twice(tmp_path)
    theirs = huaian_2024()
    theirs.info.phone = "另一个程序写的"
    path.write_text(drafts.dumps(theirs), encoding="utf-8")          # another program, after we opened it
    drafts.save(_changed(), path)
    assert drafts.load(path) == _changed()
    assert drafts.load(tmp_path / f"{NAME}.bak") == theirs


# ── targets that are not plain files ──
def test_a_folder_as_the_target_is_refused_and_left_alone(tmp_path):
    folder = tmp_path / NAME
    folder.mkdir()
    (folder / "inside.txt").write_text("x")
    with pytest.raises(SaveError, match="是一个文件夹"):
        drafts.save(_changed(), folder)
    assert [p.name for p in folder.iterdir()] == ["inside.txt"]
    assert [p.name for p in tmp_path.iterdir()] == [NAME]


def test_a_link_is_kept_and_the_file_it_points_to_is_saved_with_its_backup(tmp_path):
    real = tmp_path / "真实" / NAME
    real.parent.mkdir()
    drafts.save(huaian_2024(), real)
    link = tmp_path / "快捷方式.json"
    link.symlink_to(real)
    drafts.save(_changed(), link)
    assert link.is_symlink() and link.resolve() == real
    assert drafts.load(real) == _changed()
    assert drafts.load(real.with_name(NAME + ".bak")) == huaian_2024()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["快捷方式.json", "真实"]


def test_a_dangling_link_gets_its_file_written(tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "later.json")
    drafts.save(_changed(), link)
    assert link.is_symlink() and drafts.load(tmp_path / "later.json") == _changed()


def test_a_link_to_itself_is_refused_in_chinese(tmp_path):
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    with pytest.raises(SaveError, match="符号链接"):
        drafts.save(_changed(), loop)
    assert loop.is_symlink() and [p.name for p in tmp_path.iterdir()] == ["loop.json"]


def test_a_name_too_long_for_the_file_system_is_a_save_error(tmp_path):
    with pytest.raises(SaveError, match="过长"):
        drafts.save(_changed(), tmp_path / ("很长的名字" * 60 + ".json"))
    assert list(tmp_path.iterdir()) == []


def test_text_the_encoder_cannot_write_is_still_saved_and_reads_back():
    """A lone surrogate can only come from a damaged draft ("\\ud800" is valid JSON): saving it
    must not fail with a traceback, and what is saved must read back the same."""
    report = drafts.loads(drafts.dumps(_changed()).replace("新写的一段。", "新写的\\ud800一段。", 1))
    assert "\ud800" in report.texts["problems"]
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / NAME
        drafts.save(report, path)
        assert drafts.load(path) == report
        first = path.read_bytes()
        drafts.save(drafts.load(path), path)
        assert drafts.load(path) == report and b"\\ud800" in first


# ── the Word and Excel writers go through the same atomic save ──
def _docx(report, path):
    from gui.report.docx_export import export_docx
    export_docx(report, path, overwrite=True)


def _tables_xlsx(report, path):
    from gui.report.excel.tables_xlsx import export_tables
    export_tables(report, path)


def _ledger_template(report, path):
    from gui.report.excel.ledger_template import write_template
    write_template(path, report.info.year)


@pytest.mark.parametrize("write, name", [(_docx, "年报.docx"), (_tables_xlsx, "表格.xlsx"),
                                         (_ledger_template, "台账.xlsx")])
@pytest.mark.parametrize("step, code", [("write", errno.ENOSPC), ("fsync", errno.EIO),
                                        ("replace", errno.EACCES)])
def test_exports_fail_cleanly_and_keep_the_old_file(tmp_path, monkeypatch, write, name, step, code):
    path = tmp_path / name
    write(huaian_2024(), path)
    before = snapshot(tmp_path)
    FaultyDisk(monkeypatch, tmp_path).fail(step, os_error(code))
    with pytest.raises(Exception) as raised:
        write(_changed(), path)
    monkeypatch.undo()
    assert type(raised.value).__name__ in ("ExportError", "TargetLocked", "ExcelError")
    assert CJK.search(str(raised.value)) and "Errno" not in str(raised.value)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("write, name", [(_docx, "年报.docx"), (_tables_xlsx, "表格.xlsx")])
def test_exports_leave_no_temporary_file_and_get_normal_permissions(tmp_path, write, name):
    path = tmp_path / name
    write(huaian_2024(), path)
    assert [p.name for p in tmp_path.iterdir()] == [name]
    if os.name == "posix":
        umask = os.umask(0)
        os.umask(umask)
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask     # not 0600 like a mkstemp file


def test_temporary_names_are_hidden_and_never_taken_for_a_draft(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(src, dst, **kwargs):
        seen.append(Path(src).name)
        return real_replace(src, dst, **kwargs)
    monkeypatch.setattr(os, "replace", spy)
    drafts.save(huaian_2024(), tmp_path / NAME)
    drafts.save(huaian_2024(), tmp_path / NAME)
    assert seen and all(n.startswith(".") and n.endswith(atomic.TEMP_SUFFIX) for n in seen)
    assert not any(n.endswith(drafts.SUFFIX) for n in seen)


def test_temporary_files_left_by_a_killed_save_are_cleared_by_a_later_save(tmp_path):
    draft = tmp_path / "马营镇2024.json"
    drafts.save(huaian_2024(), draft)
    stale = [tmp_path / ".马营镇2024.json.0badf00d.tmp", tmp_path / ".马营镇2024.json.bak.0badf00d.tmp"]
    fresh = tmp_path / ".马营镇2024.json.c0ffee00.tmp"        # maybe another window saving right now
    other = tmp_path / ".其他报告.json.0badf00d.tmp"
    for temp in (*stale, fresh, other):
        temp.write_bytes(b'{"half": ')
    long_ago = draft.stat().st_mtime - 2 * atomic.STALE_TEMP_SECONDS
    for temp in (*stale, other):
        os.utime(temp, (long_ago, long_ago))
    drafts.save(huaian_2024(), draft)
    assert not any(t.exists() for t in stale)
    assert fresh.exists() and other.exists()
    assert drafts.load(draft) == huaian_2024()
