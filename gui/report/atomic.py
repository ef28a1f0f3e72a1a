"""Writing a file so that a crash, a full disk or a locked file never leaves it half written.

The new bytes go to a temporary file in the same folder, are flushed and fsynced, and then replace
the old file in one step (os.replace). The previous version is kept as "<name>.bak". Any failure
raises SaveError with a Chinese message; the previous file is then untouched.

file_stamp()/changed_since() notice another program writing a file after it was opened or saved.
"""
from __future__ import annotations

import errno
import glob
import hashlib
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from .target_names import name_problem

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"

# Windows: ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION (the file is open in Word, WPS, Excel …)
_WINDOWS_LOCKED = {32, 33}


class SaveError(OSError):
    """The file could not be written; str(error) is the Chinese reason shown to the clerk."""

    def __str__(self) -> str:
        return self.args[0] if self.args else "保存失败。"


def backup_path(path: str | os.PathLike) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def reason(exc: OSError, path: Path) -> str:
    """A Chinese sentence for why writing `path` failed."""
    name = path.name
    if getattr(exc, "winerror", None) in _WINDOWS_LOCKED:
        return f"文件「{name}」正被其他程序占用（例如在 Word、WPS 或 Excel 中打开），请关闭后重试。"
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"磁盘空间不足，无法保存「{name}」。请清理磁盘或换一个位置保存。"
    if code == errno.EROFS:
        return f"「{path.parent}」所在的磁盘是只读的，无法保存「{name}」。请换一个位置保存。"
    if code in (errno.EACCES, errno.EPERM):
        return f"没有权限写入「{path}」。请换一个文件夹保存，或检查文件是否被设为只读或被其他程序占用。"
    if code == errno.ENOENT:
        return f"文件夹「{path.parent}」不存在，无法保存「{name}」。"
    if code == errno.EISDIR:
        return f"「{path}」是一个文件夹，不能作为文件保存。"
    if code == errno.ENAMETOOLONG:
        return f"文件名或路径过长，无法保存「{name}」。"
    if code == errno.ELOOP:
        return f"「{name}」是一个指向自身的快捷方式（符号链接），无法保存。请换一个文件名保存。"
    detail = exc.strerror or type(exc).__name__
    return f"保存「{name}」失败：{detail}。原文件未被改动。"


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":          # Windows cannot open a directory for fsync
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass                        # some file systems refuse fsync on folders; the data is synced
    finally:
        os.close(fd)


def _open_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new hidden ".<name>.<random>.tmp" beside the target: never listed or opened as a draft."""
    for _ in range(100):
        temp = folder / f".{name}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
        try:
            # 0o666 minus the umask: the same permissions a new file would normally get
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                           0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)         # may write less than asked (a nearly full disk)
        if written <= 0:                     # no progress and no error: do not spin forever
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def _remove(temp: Path | None) -> None:
    if temp is not None:
        try:
            temp.unlink()
        except OSError:
            pass


def _prepare_backup(path: Path) -> Path:
    """The current version under a hidden temporary name, renamed to <name>.bak only once the new
    version is in place: a failed save keeps the previous backup, a failed copy leaves nothing."""
    fd, temp = _open_temp(path.parent, backup_path(path).name)
    os.close(fd)
    try:
        try:
            temp.unlink()
            os.link(path, temp)      # cheap: the old file's data stays under the backup name
        except OSError:
            shutil.copy2(path, temp)
    except BaseException:
        _remove(temp)
        raise
    return temp


def _real_target(path: Path) -> Path:
    """A link is kept and the file it points to is written."""
    if not path.is_symlink():
        return path
    try:
        return path.resolve()
    except RuntimeError:                 # Python < 3.13 reports a link loop this way
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from None


def write_atomic(path: str | os.PathLike, data: bytes, *, backup: bool = True) -> None:
    """Replace `path` with `data` in one step, keeping the old version as <name>.bak."""
    path = Path(path)
    refused = name_problem(path)
    if refused:
        raise SaveError(refused)
    temp = old = None
    try:
        path = _real_target(path)
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        folder = path.parent
        fd, temp = _open_temp(folder, path.name)
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if path.exists():
            try:
                os.chmod(temp, path.stat().st_mode & 0o7777)
            except OSError:
                pass
            if backup:
                old = _prepare_backup(path)
        os.replace(temp, path)
        temp = None
        if old is not None:
            try:
                os.replace(old, backup_path(path))
                old = None
            except OSError:
                pass                 # saved; only the backup stays one version older
        _fsync_folder(folder)
    except OSError as exc:
        raise SaveError(reason(exc, path)) from exc
    finally:
        _remove(temp)
        _remove(old)
    _remove_stale_temps(folder, path.name)


STALE_TEMP_SECONDS = 3600


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Temporary files of this name left by a process killed while saving (an hour old: no save
    still in progress takes that long)."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for temp in folder.glob(f".{glob.escape(name)}.*{TEMP_SUFFIX}"):      # the backup's too
        try:
            if temp.stat().st_mtime < cutoff:
                temp.unlink()
        except OSError:
            pass


@dataclass(frozen=True)
class FileStamp:
    """A file as it was when it was opened or saved."""
    size: int
    mtime_ns: int
    sha256: str


def file_stamp(path: str | os.PathLike) -> FileStamp | None:
    """None when the file cannot be read."""
    try:
        info = os.stat(path)
        with open(path, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None
    return FileStamp(info.st_size, info.st_mtime_ns, digest)


def changed_since(path: str | os.PathLike, stamp: FileStamp | None) -> bool:
    """True when the file at `path` is no longer the one `stamp` describes (stamp None: a file
    nothing is known about). A file that is gone has nothing to lose; one merely touched is the same."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    if stamp is None:
        return True
    if (info.st_size, info.st_mtime_ns) == (stamp.size, stamp.mtime_ns):
        return False
    now = file_stamp(path)
    return now is None or now.sha256 != stamp.sha256


__all__ = ["SaveError", "write_atomic", "backup_path", "BACKUP_SUFFIX", "FileStamp", "file_stamp",
           "changed_since"]
