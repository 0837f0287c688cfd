"""案卷: an outfall's case history, newest first, with the selected entry's evidence.

One widget for the laptop (entries from its profile, ``fieldapp.store.outfall_history``) and the
desk (entries from the server): it only shows ``sync.history.Entry`` values. Thumbnails are made
off the GUI thread (``WorkerPool``) by the ``thumbnail`` callable the owner hands in, fetched and
decoded there (the laptop reads its evidence store, the desk the server through its cache).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui import formatting as fmt
from fieldapp.ui.workers import WorkerPool
from sync.history import Entry, Kind

THUMB = 120
# Which record a viewer opens for an entry of each kind: (entity, the entry's field naming it).
OPENS: dict[Kind, str] = {
    Kind.INSPECTION: "inspections",
    Kind.REVIEW: "inspections",  # a decision opens the inspection it decided on
    Kind.PATROL_PROBLEM: "patrols",
}


class HistoryView(QWidget):
    """The history table, the selected entry's photos, and a button that opens its record."""

    record_requested = Signal(str, str)  # entity, record id

    def __init__(
        self,
        state_name: Callable[[str], str],
        thumbnail: Callable[[str], QImage] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self._state_name = state_name
        self._thumbnail = thumbnail
        self._entries: list[Entry] = []
        self._pool = WorkerPool(self)
        self._shown_photos: tuple[str, ...] = ()

        self.heading = QLabel()
        self.heading.setObjectName("historyHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Who"), self.tr("Details")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())

        self.photos = QListWidget()
        self.photos.setObjectName("historyPhotos")
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMB, THUMB))
        self.photos.setFlow(QListWidget.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.photos.setFixedHeight(THUMB + 40)
        self.photos_label = QLabel()
        self.photos_label.setObjectName("historyPhotosLabel")

        self.open_button = QPushButton(self.tr("Open record"))
        self.open_button.setObjectName("historyOpen")
        self.open_button.setMinimumHeight(40)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)

        bottom = QHBoxLayout()
        bottom.addWidget(self.photos_label, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.photos)

    @property
    def pending(self) -> int:
        """Thumbnails asked for and not yet shown."""
        return self._pool.pending

    def wait(self) -> None:
        self._pool.wait()

    def close_pool(self) -> None:
        self._pool.close()

    def set_history(self, heading: str, entries: Sequence[Entry]) -> None:
        self.heading.setText(heading)
        self._entries = list(entries)
        self.table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            cells = (fmt.local_time(entry.at), self.kind_name(entry), entry.who or "—")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            details = self.details(entry)
            if entry.photos:  # words, not an emoji: the bundled font has none
                details += " · " + self.tr("%n photo(s)", "", len(entry.photos))
            self.table.setItem(row, 3, QTableWidgetItem(details))
        self.table.resizeRowsToContents()
        if not self._entries:
            self.photos_label.setText(self.tr("Nothing is recorded for this outfall yet."))
        else:
            self.table.selectRow(0)

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def selected(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self._entries[rows[0].row()] if rows else None

    def kind_name(self, entry: Entry) -> str:
        names = {
            Kind.INSPECTION: self.tr("Inspection"),
            Kind.REVIEW: self.tr("Review decision"),
            Kind.STEP: self.tr("Lifecycle step"),
            Kind.PROPOSAL: self.tr("Ledger proposal"),
            Kind.TASK: self.tr("Task"),
            Kind.LEAD: self.tr("Aerial-survey lead"),
            Kind.PATROL_PROBLEM: self.tr("Patrol problem"),
            Kind.PLAN: self.tr("Remediation plan"),
        }
        return names[entry.kind]

    def details(self, entry: Entry) -> str:
        """What happened, in words: the decision, the step, the state, and the note."""
        words = {
            "draft": self.tr("draft"),
            "complete": self.tr("completed"),
            "approved": self.tr("approved"),
            "returned": self.tr("returned for correction"),
            "pending": self.tr("awaiting decision"),
            "accepted": self.tr("accepted"),
            "merged": self.tr("merged"),
            "rejected": self.tr("rejected"),
            "open": self.tr("open"),
            "done": self.tr("done"),
            "cancelled": self.tr("cancelled"),
            "not_outfall": self.tr("not an outfall"),
            "duplicate": self.tr("duplicate of this outfall"),
            "handled": self.tr("handled"),
            # 一口一策 (sync.plans.events)
            "plan_created": self.tr("plan made"),
            "plan_updated": self.tr("plan changed"),
            "note": self.tr("progress note"),
            "milestone_done": self.tr("milestone met"),
            "plan_completed": self.tr("plan completed"),
        }
        if entry.kind == Kind.STEP:
            head = (
                f"{self._state_name(entry.from_state)} → " if entry.from_state else ""
            ) + self._state_name(entry.state)
        else:
            head = words.get(entry.state, entry.state)
        return " · ".join(part for part in (head, entry.note) if part)

    def open_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.kind not in OPENS or not entry.record_id:
            return
        self.record_requested.emit(OPENS[entry.kind], entry.record_id)

    def _selected(self) -> None:
        entry = self.selected()
        self.open_button.setEnabled(
            entry is not None and entry.kind in OPENS and bool(entry.record_id)
        )
        self._show_photos(entry.photos if entry else ())

    def _show_photos(self, photos: tuple[str, ...]) -> None:
        self._shown_photos = photos
        self.photos.clear()
        self.photos.setVisible(bool(photos))  # no empty strip: the table keeps the room
        if not photos:
            self.photos_label.setText(self.tr("No photos with this entry."))
            return
        self.photos_label.setText(self.tr("Photos: %n", "", len(photos)))
        for sha256 in photos:
            item = QListWidgetItem(sha256[:8])
            item.setData(Qt.ItemDataRole.UserRole, sha256)
            item.setSizeHint(QSize(THUMB + 16, THUMB + 30))
            self.photos.addItem(item)
            if self._thumbnail is not None:
                self._ask_thumbnail(self._thumbnail, sha256)

    def _ask_thumbnail(self, make: Callable[[str], QImage], sha256: str) -> None:
        self._pool.submit(
            lambda: make(sha256),
            lambda image: self._thumbnail_ready(sha256, image),
            lambda _exc: self._thumbnail_failed(sha256),
        )

    def _item(self, sha256: str) -> QListWidgetItem | None:
        for row in range(self.photos.count()):
            item = self.photos.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == sha256:
                return item
        return None  # another entry was selected meanwhile

    def _thumbnail_ready(self, sha256: str, image: QImage) -> None:
        item = self._item(sha256)
        if item is None:
            return
        if image.isNull():
            item.setText(self.tr("not available"))
            return
        item.setIcon(QIcon(QPixmap.fromImage(image)))
        item.setText("")

    def _thumbnail_failed(self, sha256: str) -> None:
        # A photo not on this laptop (not pulled) or unreadable: said, never a crash.
        item = self._item(sha256)
        if item is not None:
            item.setText(self.tr("not available"))
