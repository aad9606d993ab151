"""The job list: a table model fed by the JobManager's signals, paged from the store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from app.core.history import same_result_key
from app.core.job import CANCELED, FAILED, PROCESSING, QUEUED, SUCCEEDED, Job
from app.core.no_text import found_no_text
from app.core.store import JobGone
from app.gui.engine_names import engine_name
from app.gui.messages import error_text, status_word
from app.gui.thumbnails import ThumbnailCache

PAGE_SIZE = 200
JOB_ROLE = Qt.ItemDataRole.UserRole + 1
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2

COL_NAME, COL_STATUS, COL_PROGRESS, COL_CONFIDENCE, COL_TIME, COL_CREATED = range(6)
Index = QModelIndex | QPersistentModelIndex


_STATUS_COLORS = {
    QUEUED: QColor(140, 140, 150),
    PROCESSING: QColor(48, 120, 230),
    SUCCEEDED: QColor(46, 160, 67),
    FAILED: QColor(214, 52, 52),
    CANCELED: QColor(140, 140, 150),
}
_status_icons: dict[str, QIcon] = {}


def status_icon(status: str) -> QIcon:
    """A small coloured dot per status."""
    if status not in _status_icons:
        pix = QPixmap(16, 16)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_STATUS_COLORS.get(status, QColor(140, 140, 150)))
        p.drawEllipse(3, 3, 10, 10)
        p.end()
        _status_icons[status] = QIcon(pix)
    return _status_icons[status]


def confidence_color(conf: float) -> QColor:
    """Green for sure words, amber for doubtful ones, red for guesses."""
    if conf >= 0.85:
        return QColor(46, 160, 67)
    if conf >= 0.6:
        return QColor(219, 150, 0)
    return QColor(214, 52, 52)


class JobTableModel(QAbstractTableModel):
    """Newest first. Live jobs come through the manager's signals; history through fetchMore."""

    def __init__(
        self, manager: Any, thumbnails: ThumbnailCache | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.manager = manager
        self.thumbnails = thumbnails
        self._jobs: list[Job] = []
        self._rows: dict[str, int] = {}
        self._total = 0  # rows the store has for the current search
        self._offset = 0  # store rows fetched so far
        self._search = ""
        self._history_loaded = False
        # Identical results show once (the newest): key -> shown job id, shown id -> hidden ids.
        self._by_key: dict[str, str] = {}
        self._collapsed: dict[str, list[str]] = {}
        self._headers = [
            self.tr("Name"),
            self.tr("Status"),
            self.tr("Progress"),
            self.tr("Confidence"),
            self.tr("Time"),
            self.tr("Created"),
        ]
        manager.job_added.connect(self.on_job)
        manager.job_updated.connect(self.on_job)
        manager.job_removed.connect(self.on_removed)
        if thumbnails is not None:
            thumbnails.ready.connect(self._on_thumbnail)

    # -- loading ---------------------------------------------------------------------------
    def load_history(self, search: str = "") -> None:
        """(Re)starts the list from the store; later pages come through fetchMore."""
        self.beginResetModel()
        self._search = search
        self._jobs, self._rows = [], {}
        self._by_key, self._collapsed = {}, {}
        self._offset, self._total = 0, 0
        self._history_loaded = True
        page = self.manager.store.list(limit=PAGE_SIZE, offset=0, search=search or None)
        self._total = page.total
        self._append(page.jobs)
        self.endResetModel()

    def _append(self, jobs: list[Job]) -> None:
        self._offset += len(jobs)
        for job in jobs:
            if job.id in self._rows or self._hidden(job.id):
                continue
            key = self._key(job)
            if key is not None and key in self._by_key:  # an older copy of a shown result
                self._collapsed.setdefault(self._by_key[key], []).append(job.id)
                continue
            if key is not None:
                self._by_key[key] = job.id
            self._rows[job.id] = len(self._jobs)
            self._jobs.append(job)

    def _key(self, job: Job) -> str | None:
        key = same_result_key(job)
        return None if key is None or (key in self._by_key and self._has_edit(job.id)) else key

    def _has_edit(self, job_id: str) -> bool:
        load = getattr(self.manager.store, "load_edit", None)
        return callable(load) and load(job_id, 0) is not None

    def _hidden(self, job_id: str) -> bool:
        return any(job_id in ids for ids in self._collapsed.values())

    def collapsed(self, job_id: str) -> list[str]:
        """The ids of the identical older jobs the row of ``job_id`` stands for."""
        return list(self._collapsed.get(job_id, []))

    def _collapse(self, job: Job) -> None:
        """A job that just ended with the result of a shown one takes that row's place."""
        key = self._key(job)
        if key is None:
            return
        other = self._by_key.get(key)
        if other is not None and other != job.id and self._has_edit(other):
            return  # the older one carries the user's edit: both stay in sight
        self._by_key[key] = job.id
        if other is None or other == job.id:
            return
        row = self._rows.get(other)
        hidden = [other, *self._collapsed.pop(other, [])]
        self._collapsed.setdefault(job.id, []).extend(hidden)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._jobs[row]
            self._rows = {j.id: i for i, j in enumerate(self._jobs)}
            self.endRemoveRows()
        mine = self._rows.get(job.id)
        if mine is not None:
            self.dataChanged.emit(self.index(mine, 0), self.index(mine, len(self._headers) - 1))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._history_loaded and self._offset < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self.manager.store.list(
            limit=PAGE_SIZE, offset=self._offset, search=self._search or None
        )
        fresh = [j for j in page.jobs if j.id not in self._rows]
        if not page.jobs:
            self._total = self._offset
            return
        if fresh:
            first = len(self._jobs)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._append(page.jobs)
            self.endInsertRows()
        else:
            self._offset += len(page.jobs)

    @property
    def search(self) -> str:
        return self._search

    @property
    def total(self) -> int:
        """Rows the list has for the search (identical results count once)."""
        hidden = sum(len(ids) for ids in self._collapsed.values())
        return max(self._total - hidden, len(self._jobs))

    # -- live updates ----------------------------------------------------------------------
    def _matches(self, job: Job) -> bool:
        if not self._search:
            return True
        needle = self._search.lower()
        return needle in (job.text or "").lower() or needle in job.display_name.lower()

    def on_job(self, job: Job) -> None:
        row = self._rows.get(job.id)
        if row is not None:
            if self._jobs[row].is_final and not job.is_final:
                # a worker's "processing" queued to us before the job was canceled here: a
                # final status never changes
                return
            self._jobs[row] = job
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))
            self._collapse(job)
            return
        if self._hidden(job.id) or (not self._matches(job) and job.is_final):
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._jobs.insert(0, job)
        self._rows = {j.id: i for i, j in enumerate(self._jobs)}
        self._offset += 1  # the store now holds one more row before our cursor
        self._total += 1
        self.endInsertRows()
        self._collapse(job)

    def on_removed(self, job_id: str) -> None:
        for ids in self._collapsed.values():
            if job_id in ids:
                ids.remove(job_id)  # the store lost a row before our cursor
                self._total = max(0, self._total - 1)
                self._offset = max(0, self._offset - 1)
        self._collapsed.pop(job_id, None)
        self._by_key = {k: v for k, v in self._by_key.items() if v != job_id}
        row = self._rows.get(job_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._jobs[row]
        self._rows = {j.id: i for i, j in enumerate(self._jobs)}
        self._offset = max(0, self._offset - 1)
        self._total = max(0, self._total - 1)
        self.endRemoveRows()
        if self.thumbnails is not None:
            self.thumbnails.forget(job_id)

    def refresh(self, job_id: str) -> None:
        try:
            job = self.manager.get(job_id)
        except JobGone:
            job = None
        if job is None:
            self.on_removed(job_id)
        else:
            self.on_job(job)

    def _on_thumbnail(self, job_id: str) -> None:
        row = self._rows.get(job_id)
        if row is not None:
            idx = self.index(row, COL_NAME)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])

    # -- access ----------------------------------------------------------------------------
    def job(self, row: int) -> Job | None:
        return self._jobs[row] if 0 <= row < len(self._jobs) else None

    def row_of(self, job_id: str) -> int | None:
        return self._rows.get(job_id)

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def status_text(self, job: Job) -> str:
        text = status_word(job.status)
        if found_no_text(job):
            text = self.tr("No text found")
        elif job.status == SUCCEEDED and job.cached:
            text = self.tr("Done (cached)")
        copies = len(self._collapsed.get(job.id, []))
        if copies:
            text = self.tr("%1 · %2×").replace("%1", text).replace("%2", str(copies + 1))
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        job = self._jobs[index.row()]
        col = index.column()
        if role == JOB_ROLE:
            return job
        if role == PROGRESS_ROLE:
            return job.progress
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return job.display_name
            if col == COL_STATUS:
                if job.error and job.status == FAILED:
                    return f"{self.status_text(job)}: {error_text(job.error, len(job.inputs))}"
                return self.status_text(job)
            if col == COL_PROGRESS:
                return "" if job.status in (FAILED, CANCELED) else f"{job.progress}%"
            if col == COL_CONFIDENCE:
                if job.confidence is None or found_no_text(job):
                    return ""  # no words: no confidence to speak of
                return f"{job.confidence * 100:.0f}%"
            if col == COL_TIME:
                if job.duration is None:
                    return ""
                engine = f" · {engine_name(job.engine)}" if job.engine else ""
                return f"{job.duration:.1f} s{engine}"
            if col == COL_CREATED:
                return _when(job.created_at)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_STATUS:
            return status_icon(job.status)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_NAME and self.thumbnails:
            return self.thumbnails.get(job)
        if role == Qt.ItemDataRole.ToolTipRole:
            if job.error:
                return error_text(job.error, len(job.inputs))
            if col == COL_NAME:
                return job.display_name
            if job.warnings:
                return "\n".join(job.warnings)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_STATUS and job.status == FAILED:
                return QColor(214, 52, 52)
            if col == COL_CONFIDENCE and job.confidence is not None and not found_no_text(job):
                return confidence_color(job.confidence)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_CONFIDENCE, COL_TIME):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_NAME:
            return f"{job.display_name}, {self.status_text(job)}"
        return None


def _when(dt: datetime) -> str:
    local = dt.astimezone()
    now = datetime.now().astimezone()
    if local.date() == now.date():
        return local.strftime("%H:%M:%S")
    return local.strftime("%Y-%m-%d %H:%M")
