"""PDF preview through LibreOffice, where it is installed: the .docx converted headless.

A private profile folder keeps the conversion independent of a LibreOffice the clerk has open;
a time limit ends a conversion that hangs. The PDF is a preview: Word or WPS is the reference.
"""
from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from .docx_export.document import build
from .docx_export.options import ExportOptions
from .docx_export.writer import ExportError, check_target, write_file
from .model import Report

SUFFIX = ".pdf"
TIMEOUT = 180                     # seconds; the first run of a fresh profile takes a while
PREVIEW_NOTE = "PDF 仅供预览，正式文件以 Word 或 WPS 打开的 .docx 为准。"
NOT_FOUND = ("未找到 LibreOffice，无法生成 PDF。可以从 https://zh-cn.libreoffice.org/ 免费下载安装 "
             "LibreOffice 后重试；也可以先导出 Word，再在 Word 或 WPS 中用「另存为」保存为 PDF。")
_REGISTRY_KEYS = (r"SOFTWARE\LibreOffice\UNO\InstallPath",
                  r"SOFTWARE\WOW6432Node\LibreOffice\UNO\InstallPath")


class PdfError(ExportError):
    """The PDF could not be made; str(error) is the Chinese reason."""


def _windows_candidates() -> list[Path]:
    found = []
    try:
        import winreg
    except ImportError:
        return found
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        for key in _REGISTRY_KEYS:
            try:
                with winreg.OpenKey(hive, key) as handle:
                    folder, _ = winreg.QueryValueEx(handle, "")
            except OSError:
                continue
            found.append(Path(folder) / "soffice.exe")
    for env in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"):
        if os.environ.get(env):
            found.append(Path(os.environ[env]) / "LibreOffice" / "program" / "soffice.exe")
    return found


def find_soffice() -> str | None:
    """The LibreOffice program: PATH first, then the registry and Program Files (Windows)
    or the application bundle (macOS)."""
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    if sys.platform == "win32":
        candidates = _windows_candidates()
    elif sys.platform == "darwin":
        candidates = [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]
    else:
        candidates = [Path("/opt/libreoffice/program/soffice"), Path("/usr/lib/libreoffice/program/soffice")]
    return next((str(p) for p in candidates if p.is_file()), None)


def _stop(proc: subprocess.Popen) -> None:
    if sys.platform == "win32":
        subprocess.run(["taskkill", "/T", "/F", "/PID", str(proc.pid)], capture_output=True)
    else:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            proc.kill()
    proc.wait()


def convert(docx: Path, out_dir: Path, soffice: str, timeout: float = TIMEOUT, to: str = "pdf",
            advice: str = "可以在 Word 或 WPS 中打开导出的 .docx 另存为 PDF。") -> Path:
    """Convert one document into out_dir as `to` (pdf, docx, xlsx) with a private profile; returns the
    new file's path. `advice` ends the message when LibreOffice fails."""
    what = to.upper() if to == "pdf" else f".{to}"
    with tempfile.TemporaryDirectory(prefix="nianbao-lo-") as profile:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--invisible", "--norestore", "--nolockcheck", "--nodefault",
                   "--convert-to", to, "--outdir", str(out_dir), str(docx)]
        extra = ({"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if sys.platform == "win32"
                 else {"start_new_session": True})
        try:
            proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, **extra)
        except OSError as exc:
            raise PdfError(f"无法启动 LibreOffice（{soffice}）：{exc.strerror or exc}。") from exc
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(proc)
            raise PdfError(f"LibreOffice 在 {int(timeout)} 秒内没有完成转换，已停止。"
                           f"请关闭其他 LibreOffice 窗口后重试，或{advice}") from None
    made = out_dir / f"{docx.stem}.{to}"
    if proc.returncode != 0 or not made.is_file():
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
        raise PdfError(f"LibreOffice 未能把文档转换为 {what}" + (f"：{detail[0]}。" if detail else "。")
                       + advice)
    return made


def export_pdf(report: Report, path: str | os.PathLike, options: ExportOptions | None = None, *,
               overwrite: bool = False, timeout: float = TIMEOUT) -> Path:
    """Write a PDF preview of the Word export; raises PdfError (Chinese) when it cannot."""
    path = Path(path)
    check_target(path, overwrite, SUFFIX)
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(NOT_FOUND)
    document = build(report, options or ExportOptions())
    document.core_properties.subject = PREVIEW_NOTE
    with tempfile.TemporaryDirectory(prefix="nianbao-pdf-") as work:
        docx = Path(work) / "report.docx"
        buffer = io.BytesIO()
        document.save(buffer)
        docx.write_bytes(buffer.getvalue())
        pdf = convert(docx, Path(work), soffice, timeout)
        write_file(path, pdf.read_bytes())
    return path
