"""View menu toggles for the panes (job list, image, text) and a collapsible job list.

The window's splitter state (saved with the geometry) keeps a collapsed job list; the
toggles' states are settings, so both survive a restart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSplitter, QWidget

from app import settings as S

JOBS_DEFAULT_HEIGHT = 230


class PaneToggles(QObject):
    """Checkable actions that show or hide the job list, the image and the text pane."""

    def __init__(
        self,
        settings: Any,
        menu: QMenu,
        jobs_splitter: QSplitter,
        panes_splitter: QSplitter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.jobs_splitter = jobs_splitter
        self.panes_splitter = panes_splitter
        # The job list (first) may be dragged shut; the result view may not.
        jobs_splitter.setChildrenCollapsible(True)
        jobs_splitter.setCollapsible(1, False)
        self.jobs = self._action(menu, self.tr("&Job list"), "Ctrl+Shift+J", S.VIEW_JOBS)
        self.image = self._action(menu, self.tr("&Image"), "Ctrl+Shift+I", S.VIEW_IMAGE)
        self.text = self._action(menu, self.tr("&Text"), "Ctrl+Shift+T", S.VIEW_TEXT)
        self.jobs.toggled.connect(self._show_jobs)
        self.image.toggled.connect(lambda on: self._show_pane(0, on, S.VIEW_IMAGE, self.text))
        self.text.toggled.connect(lambda on: self._show_pane(1, on, S.VIEW_TEXT, self.image))
        jobs_splitter.splitterMoved.connect(lambda *_: self._sync_jobs())

    def _action(self, menu: QMenu, text: str, shortcut: str, key: str) -> QAction:
        act = QAction(text, self)
        act.setCheckable(True)
        act.setChecked(bool(S.get(self.settings, key)))
        act.setShortcut(QKeySequence(shortcut))
        menu.addAction(act)
        return act

    def apply(self) -> None:
        """Takes the stored states into effect (after the splitter state was restored)."""
        self._show_jobs(self.jobs.isChecked())
        for index, act in ((0, self.image), (1, self.text)):
            self.pane(index).setVisible(act.isChecked())
        if not self.image.isChecked() and not self.text.isChecked():
            self.text.setChecked(True)  # never both hidden

    def pane(self, index: int) -> QWidget:
        widget = self.panes_splitter.widget(index)
        assert widget is not None
        return widget

    def jobs_shown(self) -> bool:
        table = self.jobs_splitter.widget(0)
        return table is not None and table.isVisible() and self.jobs_splitter.sizes()[0] > 0

    def _show_jobs(self, on: bool) -> None:
        table = self.jobs_splitter.widget(0)
        if table is None:
            return
        table.setVisible(on)
        if on and self.jobs_splitter.sizes()[0] == 0:  # it was dragged shut: open it again
            total = sum(self.jobs_splitter.sizes())
            height = min(JOBS_DEFAULT_HEIGHT, max(1, total // 3))
            self.jobs_splitter.setSizes([height, max(1, total - height)])
        self.settings.setValue(S.VIEW_JOBS, on)

    def _sync_jobs(self) -> None:
        open_ = self.jobs_splitter.sizes()[0] > 0
        if open_ != self.jobs.isChecked():
            self.jobs.blockSignals(True)
            self.jobs.setChecked(open_)
            self.jobs.blockSignals(False)
            self.settings.setValue(S.VIEW_JOBS, open_)

    def _show_pane(self, index: int, on: bool, key: str, other: QAction) -> None:
        if not on and not other.isChecked():
            other.setChecked(True)  # hiding the last pane shows the other one
        self.pane(index).setVisible(on)
        self.settings.setValue(key, on)
