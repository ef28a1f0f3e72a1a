"""Opening .doc/.wps/.xls/.et in the window: converted by LibreOffice in the background (the window
keeps painting, a progress note says what is happening), then opened as .docx/.xlsx; without
LibreOffice, the clerk is told how to 「另存为」 in WPS or Word."""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from gui.report import old_formats
from gui.report.old_formats import NEWER, ConversionError, convert_old, save_as_advice
from .. import settings
from . import dialogs


def in_background(parent, text: str, work):
    """work() run on a worker thread while a busy note shows; its result, or its exception raised."""
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as exc:            # handed to the window's thread, raised there
            outcome["error"] = exc
    thread = threading.Thread(target=run, daemon=True)
    note = QProgressDialog(text, "", 0, 0, parent)
    note.setCancelButton(None)
    note.setWindowTitle("请稍候")
    note.setWindowModality(Qt.WindowModality.WindowModal)
    note.setMinimumDuration(300)
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    thread.start()
    poll.start(30)
    loop.exec()
    poll.stop()
    note.close()
    note.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def open_old_format(window, path: Path, ask: bool = True) -> bool:
    path = Path(path)
    to = NEWER[path.suffix.lower()]
    program = old_formats.soffice()
    if program is None:
        dialogs.show_error(window, "请先另存为新格式", save_as_advice(path))
        return False
    try:
        converted = in_background(window, f"正在用 LibreOffice 把「{path.name}」转换为 .{to}……",
                                  lambda: convert_old(path, None, program))
    except ConversionError as exc:
        dialogs.show_error(window, "无法转换", str(exc))
        return False
    try:
        opened = window.open_path(converted, ask)
    finally:
        shutil.rmtree(converted.parent, ignore_errors=True)
    if opened:
        settings.remember_folder(path)
        window.statusBar().showMessage(f"「{path.name}」是旧格式：已用 LibreOffice 转换为 .{to} 后打开，"
                                       "原文件未改动。保存时另存为草稿。", 15000)
    return opened
