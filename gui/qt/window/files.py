"""Drafts in the window: new, open, save, save as, recent files and restoring a recovery copy."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from .. import settings
from . import dialogs
from .autosave import orphaned_recoveries
from .recent import add_recent

# The report's model, the steps and the file stamps are imported where they are used: the window
# paints its start page without them (tests/test_lean_start.py).

DRAFT_FILTER = "年报草稿 (*.json)"
UNTITLED = "未命名报告"


def _open_filter() -> str:
    from gui.report.old_formats import NEWER
    from gui.report.sources import READERS
    patterns = " ".join(f"*{s}" for s in sorted(READERS))
    old = " ".join(f"*{s}" for s in sorted(NEWER))
    return (f"可以打开的文件 ({patterns} {old});;{DRAFT_FILTER};;网页 (*.html *.htm *.mhtml *.mht);;"
            f"文本 (*.txt);;所有文件 (*)")


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


class FilesMixin:
    """File handling for MainWindow (needs self.document, self.open_report, self.autosaver)."""

    def document_name(self) -> str:
        doc = self.document
        return doc.path.name if doc is not None and doc.path is not None else UNTITLED

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current report (saved, discarded or unchanged)."""
        doc = self.document
        if doc is None or not doc.modified:
            return True
        answer = dialogs.ask_save_changes(self, self.document_name())
        if answer == dialogs.SAVE:
            return self.save()
        return answer == dialogs.DISCARD

    def new_report(self) -> bool:
        if not self.maybe_save():
            return False
        from gui.report.model import Info, Report, report_year_being_prepared
        report = Report(Info(year=report_year_being_prepared()))
        return self.open_report(report, None, ask=False)

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path, _ = QFileDialog.getOpenFileName(self, "打开草稿", settings.folder(), _open_filter())
        return self.open_path(Path(path), ask=False) if path else False

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open any file the application reads; an unreadable file gives the core's message."""
        from gui.report.atomic import file_stamp
        from gui.report.draft_reader import DraftError
        from gui.report.sources import read_report, unreadable
        path = Path(path)
        from gui.report.sources import IMPORTERS
        from gui.report.old_formats import is_old_format
        if is_old_format(path):                  # .doc, .wps, .xls, .et: through LibreOffice
            from .old_files import open_old_format
            return open_old_format(self, path, ask)
        if path.suffix.lower() in IMPORTERS:     # a published report (Word, PDF…) shows its summary first
            from ..lastyear_actions import open_published
            opened = bool(open_published(self, path, ask))
            if opened:
                settings.remember_folder(path)
            return opened
        shown = self._shown_already(path) if path.suffix.lower() == ".json" else None
        if shown is not None:
            return shown
        try:
            report = read_report(path)
        except DraftError as exc:
            dialogs.show_error(self, "无法打开", str(exc))
            return False
        except OSError as exc:
            dialogs.show_error(self, "无法打开", f"无法打开「{path.name}」：{exc.strerror or exc}")
            return False
        except Exception as exc:        # a reader's bug must not cost the clerk the open window
            dialogs.show_error(self, "无法打开", unreadable(path, exc))
            return False
        # Only a draft becomes the document's file; anything else is saved as a new draft.
        is_draft = path.suffix.lower() == ".json"
        opened = self.open_report(report, path if is_draft else None, modified=not is_draft, ask=ask)
        if opened:
            settings.remember_folder(path)
            if is_draft:
                self.document.disk_stamp = file_stamp(path)
                add_recent(path)
        return opened

    def _shown_already(self, path: Path) -> bool | None:
        """The draft is open already: True in this window, False in another one (which comes to the
        front); None when it is not open anywhere."""
        from .open_elsewhere import bring_forward
        doc = self.document
        if doc is not None and doc.path is not None and same_file(doc.path, path):
            self.statusBar().showMessage(f"「{path.name}」已在本窗口中打开。", 8000)
            return True
        if bring_forward(path):
            self.statusBar().showMessage(f"「{path.name}」已在另一个窗口中打开，已把那个窗口切换到前面；"
                                         "同一份草稿不在两个窗口中同时修改。", 10000)
            return False
        return None

    def save(self) -> bool:
        from gui.report.atomic import changed_since
        doc = self.document
        if doc is None:
            return False
        if doc.path is None:
            return self.save_as()
        if changed_since(doc.path, doc.disk_stamp):        # another program wrote it since
            answer = dialogs.ask_file_changed(self, doc.path.name)
            if answer == dialogs.SAVE_AS:
                return self.save_as()
            if answer != dialogs.OVERWRITE:
                return False
        return self._write(doc.path)

    def save_as(self) -> bool:
        doc = self.document
        if doc is None:
            return False
        suggested = doc.path or Path(settings.folder()) / f"{doc.report.title.replace('____', '')}.json"
        path = dialogs.ask_save_path(self, "另存为", suggested, DRAFT_FILTER, ".json")
        if path is None:
            return False
        if not self._write(path):
            return False
        doc.set_path(path)
        return True

    def _write(self, path: Path) -> bool:
        from gui.report.atomic import SaveError, file_stamp
        from gui.report.drafts import save
        report = self.document.report
        # The clerk has seen the imported document's format findings in the problem list; the
        # exported document uses the official labels and layout, so a draft saved here drops them.
        findings, report.import_findings = report.import_findings, ()
        try:
            save(report, path)
        except SaveError as exc:
            report.import_findings = findings
            dialogs.show_error(self, "保存失败", f"{exc}\n\n填写的内容仍在窗口中，没有丢失；"
                               "可以用「另存为」保存到其他位置。")
            return False
        if findings:
            self.document.recheck()
        self.document.disk_stamp = file_stamp(path)
        self.document.undo_stack.setClean()
        self.autosaver.remove()
        add_recent(path)
        settings.remember_folder(path)
        self.statusBar().showMessage(f"已保存到 {path}", 5000)
        return True

    def offer_recovery(self) -> bool:
        """After a crash or a kill: offer each recovery copy left behind. True when one was restored."""
        from .steps import INFO, STEP_BY_KEY
        for recovery in orphaned_recoveries():
            answer = dialogs.ask_restore(self, recovery)
            if answer == dialogs.DISCARD:
                recovery.discard()
            elif answer == dialogs.RESTORE:
                try:
                    report = recovery.report()
                except Exception as exc:        # a damaged copy: say so, keep the file for support
                    dialogs.show_error(self, "无法恢复", f"自动保存的内容已损坏，无法恢复：{exc}")
                    continue
                if self.open_report(report, recovery.file, modified=True):
                    # the file as the lost session knew it: saving over a newer one asks first
                    self.document.disk_stamp = recovery.file_stamp
                    self.wizard.go_to(recovery.step if recovery.step in STEP_BY_KEY else INFO)
                    self.autosaver.save_now()       # our own copy first, then drop the old one
                    recovery.discard()
                    return True
        return False
