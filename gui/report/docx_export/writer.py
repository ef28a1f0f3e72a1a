"""Writing the .docx safely: never over an existing file unless asked, never half-written,
and a clear message when Word or WPS holds the target open."""
from __future__ import annotations

import io
import os
from pathlib import Path

from ..atomic import SaveError, write_atomic
from ..model import Report
from ..target_names import name_problem, one_line
from .document import build
from .options import ExportOptions

SUFFIX = ".docx"


class ExportError(Exception):
    """The export failed or was refused; str(error) is the Chinese reason shown to the clerk."""


class TargetExists(ExportError):
    pass


class TargetLocked(ExportError):
    pass


def owner_files(path: Path) -> list[Path]:
    """The lock files Word, WPS and LibreOffice leave beside a document they hold open."""
    name = path.name
    names = {f"~${name}", f".~lock.{name}#"}
    if len(path.stem) > 6:        # Word shortens long names: "~$" replaces the first two characters
        names.add(f"~${name[2:]}")
    return [path.with_name(n) for n in sorted(names) if path.with_name(n).exists()]


def locked_message(path: Path) -> str:
    return (f"「{path.name}」正在 Word 或 WPS 中打开，无法覆盖。"
            "请先关闭该文件再导出，或换一个文件名。")


def another_name(path: Path) -> Path:
    """The first free name like 「报告（2）.docx」 in the same folder."""
    for n in range(2, 1000):
        candidate = path.with_name(f"{path.stem}（{n}）{path.suffix}")
        if not candidate.exists() and not owner_files(candidate):
            return candidate
    raise ExportError(f"「{path.parent}」中同名文件过多，请换一个文件名。")


def check_target(path: Path, overwrite: bool, suffix: str = SUFFIX) -> None:
    if path.suffix.lower() != suffix:
        raise ExportError(f"文件名应以 {suffix} 结尾：「{one_line(path.name)}」。")
    refused = name_problem(path)
    if refused:
        raise ExportError(refused)
    if not path.parent.is_dir():
        raise ExportError(f"文件夹「{path.parent}」不存在，请换一个位置保存。")
    if path.is_dir():
        raise ExportError(f"「{path}」是一个文件夹，不能作为文件保存。")
    if path.exists():
        if owner_files(path):
            raise TargetLocked(locked_message(path))
        if not overwrite:
            raise TargetExists(f"「{path.name}」已存在，没有覆盖。")


def docx_bytes(report: Report, options: ExportOptions | None = None) -> bytes:
    buffer = io.BytesIO()
    build(report, options or ExportOptions()).save(buffer)
    return buffer.getvalue()


def write_file(path: Path, data: bytes) -> None:
    """Temp file in the same folder, then os.replace; a refused replace means the file is open."""
    existed = path.exists()
    try:
        write_atomic(path, data, backup=False)
    except SaveError as exc:
        if existed and isinstance(exc.__cause__, PermissionError):
            raise TargetLocked(locked_message(path)) from exc
        raise ExportError(str(exc)) from exc


def export_docx(report: Report, path: str | os.PathLike, options: ExportOptions | None = None,
                *, overwrite: bool = False) -> Path:
    """Write the report as a Word document in the official layout; returns the path written."""
    path = Path(path)
    check_target(path, overwrite)
    write_file(path, docx_bytes(report, options))
    return path
