"""The start page shown without an open report: new, open, from last year, recent files."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from gui import APP_NAME
from .recent import existing_recent_files


class StartPage(QWidget):
    newClicked = Signal()
    openClicked = Signal()
    fromLastYearClicked = Signal()
    demoClicked = Signal()
    recentClicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        col = QVBoxLayout()
        col.addStretch(1)
        title = QLabel(APP_NAME)
        title.setStyleSheet("font-size: 26pt; font-weight: bold; color: #1f3b63;")
        col.addWidget(title)
        sub = QLabel("政府信息公开工作年度报告：逐步填写、随填随查、导出 Word")
        sub.setStyleSheet("font-size: 12pt; color: #4a5568;")
        col.addWidget(sub)
        col.addSpacing(18)
        self.buttons = {}
        for key, text, tip, signal in (
                ("new", "新建报告", "从空白报告开始", self.newClicked),
                ("open", "打开草稿…", "打开保存过的报告草稿", self.openClicked),
                ("last_year", "从上年报告新建…", "用上年的报告（草稿或 Word）开始：基本信息和上年结转数自动带入",
                 self.fromLastYearClicked),
                ("demo", "查看示例报告", "打开一份填好的示例报告（马营镇 2024 年）", self.demoClicked)):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setMinimumHeight(40)
            button.setStyleSheet("font-size: 12pt; text-align: left; padding-left: 14px;")
            button.clicked.connect(signal.emit)
            self.buttons[key] = button
            col.addWidget(button)
        col.addSpacing(18)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        col.addWidget(line)
        col.addWidget(QLabel("最近打开的文件："))
        self.recent = QListWidget()
        self.recent.setMinimumWidth(520)
        self.recent.setMaximumHeight(200)
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.itemClicked.connect(self._open_recent)
        col.addWidget(self.recent)
        self.no_recent = QLabel("（还没有最近打开的文件）")
        self.no_recent.setStyleSheet("color: #6b7280;")
        col.addWidget(self.no_recent)
        col.addStretch(2)
        outer.addLayout(col)
        outer.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        files = existing_recent_files()
        # the paths by row, not in the items' data: Qt's role enum would cost the first paint 20 ms
        self.recent_paths = [str(path) for path in files]
        for path in files:
            item = QListWidgetItem(f"{path.name}    —    {path.parent}")
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent.setVisible(bool(files))
        self.no_recent.setVisible(not files)

    def _open_recent(self, item):
        self.recentClicked.emit(self.recent_paths[self.recent.row(item)])
