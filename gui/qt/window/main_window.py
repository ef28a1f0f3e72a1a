"""The main window: menus, the start page or the wizard, the problem list, the title bar."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QStackedWidget

from gui import APP_NAME, DEMO_DRAFT
from . import placement
from .autosave import Autosaver
from .edit_actions import EditActions
from .files import FilesMixin
from .open_elsewhere import DraftClaim
from .recent import existing_recent_files
from .start_page import StartPage

if TYPE_CHECKING:     # the wizard, the problem list and the rules are imported when a report opens
    from ..document import ReportDocument
    from .problems_panel import ProblemsView
    from .wizard import Wizard

DEMO_PATH = DEMO_DRAFT
PROBLEMS_MIN_WIDTH = 200     # its splitter can move this far: a table on a laptop screen gets the room


class MainWindow(FilesMixin, QMainWindow):
    firstPainted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document: ReportDocument | None = None
        self.wizard: Wizard | None = None
        self._painted = False
        self.undo_group = QUndoGroup(self)
        self.autosaver = Autosaver(
            self, lambda: self.wizard.current_step if self.wizard is not None else None)
        self.central = QStackedWidget()
        self.start_page = StartPage()
        self.central.addWidget(self.start_page)
        self.setCentralWidget(self.central)
        self.problems_dock = QDockWidget("问题列表", self)
        self.problems_dock.setObjectName("problemsDock")
        # closable: 查看 → 问题列表 and the button beside 下一步 fold it away and bring it back
        self.problems_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                       | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.problems_toggle = self.problems_dock.toggleViewAction()
        self.problems_toggle.setText("问题列表(&P)")
        self.problems_toggle.setShortcuts([QKeySequence("F4")])
        self.problems_toggle.setToolTip("显示或收起右侧的问题列表（F4）")
        self.problems_dock.hide()
        self._problems_docked = False
        self.problems_view: ProblemsView | None = None
        self.draft_claim = DraftClaim(self)
        self._make_menus()
        sp = self.start_page
        sp.newClicked.connect(self.new_report)
        sp.openClicked.connect(self.open_dialog)
        sp.demoClicked.connect(self.open_demo)
        sp.recentClicked.connect(lambda p: self.open_path(Path(p)))
        sp.fromLastYearClicked.connect(self.new_from_last_year)
        self._update_title()
        placement.place(self)

    def _dock_problems(self) -> None:
        """The problem list into the right dock area, just after the first paint or when the first
        report opens, whichever comes first: touching Qt's namespace (its enums) costs the start page
        about 20 ms."""
        if not self._problems_docked:
            from PySide6.QtCore import Qt
            self._problems_docked = True
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.problems_dock)

    # ── menus ──
    def _action(self, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            # setShortcuts with a list: setShortcut's overloads touch Qt's namespace (its enums),
            # which costs the start page 20 ms
            action.setShortcuts([QKeySequence(shortcut)])
        return action

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("文件(&F)")
        self._action(file, "新建报告(&N)", self.new_report, QKeySequence.StandardKey.New)
        self._action(file, "打开…(&O)", self.open_dialog, QKeySequence.StandardKey.Open)
        self._action(file, "从上年报告新建…", self.new_from_last_year)
        self._action(file, "粘贴报告全文…", self.paste_report)
        self.recent_menu = file.addMenu("最近文件(&R)")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file.addSeparator()
        self.save_action = self._action(file, "保存(&S)", self.save, QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(file, "另存为…(&A)", self.save_as, "Ctrl+Shift+S")
        file.addSeparator()
        self.export_actions = []
        self.export_actions.append(self._action(file, "导出 Word…", self.export_word))
        self.export_actions.append(self._action(file, "导出 PDF…", self.export_pdf))
        file.addSeparator()
        self._action(file, "查看示例报告", self.open_demo)
        self._action(file, "退出(&X)", self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu("编辑(&E)")
        self.undo_action = self.undo_group.createUndoAction(self, "撤销")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_group.createRedoAction(self, "重做")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.edit_actions = EditActions(self, edit)
        view = bar.addMenu("查看(&V)")
        view.addAction(self.problems_toggle)
        tools = bar.addMenu("工具(&T)")
        self._action(tools, "下载台账模板…", self.write_ledger_template)
        self._action(tools, "汇总多个单位的报告…", self.open_summary)
        self._action(tools, "审查多个单位的报告…", self.open_review)
        tools.addSeparator()
        self.compare_action = self._action(tools, "与上年比较…", self.open_compare)
        self.compare_action.setToolTip("附加上年报告后可用（基本信息 → 附加或更换上年报告）")
        tools.aboutToShow.connect(lambda: self.compare_action.setEnabled(
            self.document is not None and self.document.report.last_year is not None))
        self.doc_actions = [self.save_action, self.save_as_action] + self.export_actions

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = existing_recent_files()
        for path in files:
            self._action(self.recent_menu, str(path), lambda p=path: self.open_path(p))
        if not files:
            self.recent_menu.addAction("（无）").setEnabled(False)

    # ── documents ──
    def open_report(self, report, path: Path | None = None, modified: bool = False,
                    ask: bool = True) -> bool:
        """Show `report` in the wizard (the public way for other parts to open a report).
        `modified`: it differs from `path` (an import, a restored copy): the title shows [*]."""
        if ask and not self.maybe_save():
            return False
        from ..document import ReportDocument
        from .problems_panel import ProblemsView
        from .wizard import Wizard
        old, old_wizard = self.document, self.wizard
        self.document = ReportDocument(report, path, self)
        self.undo_group.addStack(self.document.undo_stack)
        self.undo_group.setActiveStack(self.document.undo_stack)
        if modified:
            self.document.mark_modified()
        self.document.undo_stack.cleanChanged.connect(self._update_title)
        self.document.pathChanged.connect(self._update_title)
        self.draft_claim.claim(path)
        document = self.document
        document.pathChanged.connect(lambda: self.draft_claim.claim(document.path))
        self.wizard = Wizard(self.document, self)
        self.wizard.stepChanged.connect(self._step_changed)
        self.central.addWidget(self.wizard)
        self.central.setCurrentWidget(self.wizard)
        self.problems_view = ProblemsView(self.document)
        self.problems_view.problemActivated.connect(self.wizard.show_problem)
        self.wizard.stepChanged.connect(self.problems_view.page_shown)
        self.problems_view.setMinimumWidth(PROBLEMS_MIN_WIDTH)
        self.problems_dock.setWidget(self.problems_view)
        self._dock_problems()
        self.wizard.add_nav_action(self.problems_toggle)
        if old is None:                 # the first report of the session: the list as last left
            placement.restore_problems(self)
        else:                           # another report: the list as the clerk has it now
            self.problems_dock.setVisible(self.problems_dock.isVisible() or self.dock_was_visible)
            self.dock_was_visible = False
        self.autosaver.watch(self.document)
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
            old_wizard.deleteLater()
            old.deleteLater()
        self._update_title()
        return True

    def _step_changed(self, key: str) -> None:
        self.autosaver.save_now()
        # 检查与导出 shows the full list itself; the side panel would only repeat it
        if key == "review":
            self.dock_was_visible = self.problems_dock.isVisible() or self.dock_was_visible
            self.problems_dock.hide()
        elif self.dock_was_visible:
            self.dock_was_visible = False
            self.problems_dock.show()

    dock_was_visible = False

    def open_demo(self) -> bool:
        if not self.maybe_save():
            return False
        from gui.report.drafts import load
        report = load(DEMO_PATH)
        return self.open_report(report, None, ask=False)

    # python-docx and openpyxl load only when one of these is used, not at start-up
    def paste_report(self) -> bool:
        from ..lastyear_actions import paste_report
        return paste_report(self)

    def new_from_last_year(self) -> None:
        from ..lastyear_actions import new_from_last
        new_from_last(self)

    def export_word(self) -> None:
        from ..export_actions import export_word
        export_word(self, self.document)

    def export_pdf(self) -> None:
        from ..export_actions import export_pdf
        export_pdf(self, self.document)

    def write_ledger_template(self) -> None:
        from ..ledger_dialog import write_template
        write_template(self)

    def open_summary(self) -> None:
        from ..summary_dialog import open_summary
        open_summary(self)

    def open_review(self) -> None:
        from ..review_dialog import open_review
        open_review(self)

    def open_compare(self) -> None:
        from ..compare_dialog import open_compare
        open_compare(self)

    def _update_title(self, *_):
        self.setWindowTitle(f"{self.document_name()}[*] — {APP_NAME}" if self.document is not None
                            else APP_NAME)
        self.setWindowModified(self.document is not None and self.document.modified)
        for a in self.doc_actions:
            a.setEnabled(self.document is not None)

    # ── window events ──
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._dock_problems)      # not after the window is gone
            self.firstPainted.emit()

    def closeEvent(self, event):
        if not self.maybe_save():
            event.ignore()
            return
        placement.remember(self)
        placement.remember_problems(self)
        self.draft_claim.release()
        self.autosaver.close()
        event.accept()
