"""The main window's search box: the stored jobs and the screenshot index."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QListWidgetItem

from app.gui.window_base import WindowPart


class SearchPart(WindowPart):
    """Searches as the user types (debounced) and lists the index's hits below the panes."""

    def _connect_search(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._run_search)
        self._index_timer = QTimer(self)  # new items in the index: its hits again, calmly
        self._index_timer.setSingleShot(True)
        self._index_timer.setInterval(1000)
        self._index_timer.timeout.connect(self._show_index_hits)
        self.index.changed.connect(self._index_timer.start)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _run_search(self) -> None:
        self.result_view.set_search(self.search.text())
        self._show_index_hits()
        if self._history_loaded:
            self.model.load_history(self.search.text().strip())
            self._update_stack()
            if self.model.rowCount():
                self.select_row(0)
            else:
                self.result_view.show_job(None)

    def _show_index_hits(self) -> None:
        """The search box's query in the screenshot index: file and snippet of each hit."""
        self.index_hits.clear()
        for hit in self.index.search(self.search.text()):
            item = QListWidgetItem(f"{Path(hit.path).name} — {hit.snippet}")
            item.setIcon(self.thumbnails.get_file(hit.path))
            item.setData(Qt.ItemDataRole.UserRole, hit.path)
            item.setToolTip(hit.path)
            self.index_hits.addItem(item)
        self.index_hits.setVisible(self.index_hits.count() > 0)

    def _on_index_thumbnail(self, key: str) -> None:
        if not key.startswith("file:"):
            return
        for row in range(self.index_hits.count()):
            item = self.index_hits.item(row)
            if f"file:{item.data(Qt.ItemDataRole.UserRole)}" == key:
                item.setIcon(self.thumbnails.get_file(key[5:]))

    def _open_index_hit(self, item: QListWidgetItem) -> None:
        self.add_paths([str(item.data(Qt.ItemDataRole.UserRole))])
