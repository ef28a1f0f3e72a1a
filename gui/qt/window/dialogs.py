"""The window's questions and messages, in Chinese, with the buttons named by what they do."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox


SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RESTORE, LATER = "restore", "later"
OVERWRITE, SAVE_AS = "overwrite", "save_as"


def _ask(parent, title: str, text: str, buttons, default: str, icon=QMessageBox.Icon.Question,
         informative: str = "") -> str:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    if informative:
        box.setInformativeText(informative)
    made = {}
    for key, label, role in buttons:
        made[box.addButton(label, role)] = key
    by_key = {v: k for k, v in made.items()}
    box.setDefaultButton(by_key[default])
    escape = next((k for k, _l, r in buttons if r == QMessageBox.ButtonRole.RejectRole), None)
    if escape:
        box.setEscapeButton(by_key[escape])
    box.exec()
    return made.get(box.clickedButton(), escape or default)


def ask_save_changes(parent, name: str) -> str:
    """保存 / 不保存 / 取消 before closing or replacing a modified report."""
    return _ask(parent, "保存修改", f"报告「{name}」有尚未保存的修改。要保存吗？",
                ((SAVE, "保存", QMessageBox.ButtonRole.AcceptRole),
                 (DISCARD, "不保存", QMessageBox.ButtonRole.DestructiveRole),
                 (CANCEL, "取消", QMessageBox.ButtonRole.RejectRole)), SAVE,
                informative="不保存将丢失上次保存之后的所有修改。")


def ask_restore(parent, recovery) -> str:
    """After a crash: restore the recovery copy, discard it, or decide later. The question names
    the report (organ, year, file) and when the copy was made, so two copies can be told apart."""
    from gui.report.form import INFO_LABELS
    unreadable = recovery.organ is None            # a damaged copy: its 基本信息 cannot be read
    organ = recovery.organ or ("（无法读取）" if unreadable else "（尚未填写）")
    year = f"{recovery.year} 年" if recovery.year is not None else (
        "（无法读取）" if unreadable else "（尚未填写）")
    file = f"「{recovery.file.name}」" if recovery.file else "尚未保存过，还没有文件名"
    return _ask(parent, "恢复未保存的内容",
                "年报助手上次没有正常关闭，留下了一份自动保存的报告内容：\n\n"
                f"{INFO_LABELS['organ']}：{organ}\n{INFO_LABELS['year']}：{year}\n文件：{file}\n"
                f"自动保存于：{recovery.saved_at_text}\n\n要恢复这份内容吗？",
                ((RESTORE, "恢复", QMessageBox.ButtonRole.AcceptRole),
                 (DISCARD, "丢弃", QMessageBox.ButtonRole.DestructiveRole),
                 (LATER, "以后再说", QMessageBox.ButtonRole.RejectRole)), RESTORE,
                informative="恢复后请检查内容并保存；在您保存之前，原文件不会被改动。" if recovery.file
                else "恢复后请检查内容，并用「保存」给它起个文件名。")


def ask_file_changed(parent, name: str) -> str:
    """覆盖 / 另存为 / 取消 when another program wrote the file after it was opened here."""
    return _ask(parent, "文件已被其他程序修改",
                f"「{name}」在打开之后已被其他程序（或另一个年报助手窗口）修改。要用这里的内容覆盖它吗？",
                ((OVERWRITE, "覆盖", QMessageBox.ButtonRole.AcceptRole),
                 (SAVE_AS, "另存为…", QMessageBox.ButtonRole.ActionRole),
                 (CANCEL, "取消", QMessageBox.ButtonRole.RejectRole)), SAVE_AS,
                icon=QMessageBox.Icon.Warning,
                informative=f"覆盖后，对方保存的内容保留在「{name}.bak」中；"
                            "另存为会把这里的内容存成另一个文件，两份都保留。")


def show_error(parent, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def ask_save_path(parent, title: str, suggested, file_filter: str, suffix: str) -> Path | None:
    """The save dialog; `suffix` is added when the clerk typed a name without it."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
