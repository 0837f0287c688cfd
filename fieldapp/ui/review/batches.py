"""The desk's batch table: a Qt model over the batches the server listed, and a filter proxy
(county, inspector, flag, review state, since date) sortable by any column. The view shows the
``SHOWN`` columns (device and county are in every row's tooltip, the county also in the filter)
so the table fits beside the record at 1366 px."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from fieldapp.ui import formatting as fmt
from fieldapp.ui.review.texts import flag_text, state_text
from sync.review_protocol import DeskBatch

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class BatchTableModel(QAbstractTableModel):
    COLUMNS = ("received", "inspector", "device", "county", "records", "photos", "review", "flags")
    SHOWN = ("received", "inspector", "records", "photos", "review", "flags")
    REVIEW_ORDER = ("pending", "returned", "escalated", "approved")

    def __init__(self, county_names: dict[str, str]) -> None:
        super().__init__()
        self.batches: list[DeskBatch] = []
        self.county_names = county_names

    def set_batches(self, batches: list[DeskBatch]) -> None:
        self.beginResetModel()
        self.batches = list(batches)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.batches)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            self.tr("Received"), self.tr("Inspector"), self.tr("Device"), self.tr("County"),
            self.tr("Records"), self.tr("Photos"), self.tr("Review"), self.tr("Flags"),
        )[section]  # fmt: skip

    def counties_text(self, b: DeskBatch) -> str:
        return "、".join(self.county_names.get(c, c) for c in b.batch.counties)

    def flags_text(self, b: DeskBatch) -> str:
        most = sorted(b.flags.items(), key=lambda fn: -fn[1])
        return " · ".join(f"{flag_text(f)} {n}" for f, n in most)

    def review_text(self, b: DeskBatch) -> str:
        order = self.REVIEW_ORDER
        ranked = sorted(
            b.review.items(), key=lambda sn: order.index(sn[0]) if sn[0] in order else 9
        )
        return " · ".join(f"{state_text(s)} {n}" for s, n in ranked)

    def tooltip(self, b: DeskBatch) -> str:
        """Everything about the batch, for the columns the table leaves out or elides."""
        lines = [
            self.tr("Received %1").replace("%1", fmt.local_time(b.batch.received_at)),
            self.tr("Inspector %1 on device %2")
            .replace("%1", b.batch.username)
            .replace("%2", b.device_name),
            self.tr("County: %1").replace("%1", self.counties_text(b)),
            self.tr("%1 records; photos arrived %2 of %3")
            .replace("%1", str(b.records))
            .replace("%2", str(b.photos_arrived))
            .replace("%3", str(b.photos)),
        ]
        lines += [f"⚠ {flag_text(f)}: {n}" for f, n in b.flags.items()]
        lines.append(self.review_text(b))
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b = self.batches[index.row()]
        col = self.COLUMNS[index.column()]
        if role == SORT_ROLE:
            return {
                "received": b.batch.received_at.isoformat(),
                "records": b.records,
                "photos": b.photos_arrived - b.photos,
                "flags": sum(b.flags.values()),
                "review": b.review.get("pending", 0),
            }.get(col, self.data(index))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(b)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and col == "photos"
            and b.photos_arrived < b.photos
        ):
            from PySide6.QtGui import QColor

            return QColor("#b71c1c")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == "received":  # the year only when it is not this one (the tooltip has it all)
            when = b.batch.received_at.astimezone()
            same_year = when.year == datetime.now().astimezone().year
            return when.strftime("%m-%d %H:%M" if same_year else "%Y-%m-%d %H:%M")
        if col == "inspector":
            return b.batch.username
        if col == "device":
            return b.device_name
        if col == "county":
            return self.counties_text(b)
        if col == "records":  # a batch of patrols only has no records but reaches the desk
            if b.patrols:
                patrols = self.tr("%1 patrols").replace("%1", str(b.patrols))
                return f"{b.records} + {patrols}" if b.records else patrols
            return str(b.records)
        if col == "photos":
            mark = "✓" if b.photos_arrived == b.photos else "⚠"
            return f"{mark} {b.photos_arrived}/{b.photos}"
        if col == "review":  # what is left to do; the tooltip has every state
            pending = b.review.get("pending", 0)
            return self.tr("%1 pending").replace("%1", str(pending)) if pending else self.tr("Done")
        overdue = self.tr("⚠ %1 escalations overdue").replace("%1", str(b.overdue))
        return " · ".join(t for t in (overdue if b.overdue else "", self.flags_text(b)) if t) or "—"


class BatchFilter(QSortFilterProxyModel):
    def __init__(self, source: BatchTableModel) -> None:
        super().__init__()
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.county: str | None = None
        self.inspector: str | None = None
        self.flag: str | None = None
        self.state: str | None = None
        self.since: date | None = None

    def set_filter(self, **values: Any) -> None:
        self.beginFilterChange()
        for key, value in values.items():
            setattr(self, key, value or None)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, BatchTableModel)
        b = model.batches[row]
        if self.county and self.county not in b.batch.counties:
            return False
        if self.inspector and b.batch.username != self.inspector:
            return False
        if self.flag and not b.flags.get(self.flag):
            return False
        if self.state and not b.review.get(self.state):
            return False
        return not (self.since and b.batch.received_at.astimezone().date() < self.since)


class BatchTableView(QTableView):
    """The batch table as it fits beside the record: the ``SHOWN`` columns at widths taken from
    their contents' font (dates and counts whole, names and flags elided; the flags take what is left)."""

    SAMPLES: ClassVar[dict[str, str]] = {
        "received": "12-28 23:59", "inspector": "wang.xia", "records": "999",
        "photos": "⚠ 999/999", "review": "999 pending", "flags": "",
    }  # fmt: skip

    def __init__(self, proxy: BatchFilter, row_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setDefaultSectionSize(row_height)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(40)
        for col, name in enumerate(BatchTableModel.COLUMNS):
            self.setColumnHidden(col, name not in BatchTableModel.SHOWN)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each shown column as wide as its sample text or its title (with the sort arrow)."""
        cells, titles = self.fontMetrics(), self.horizontalHeader().fontMetrics()
        model = self.model()
        for col, name in enumerate(BatchTableModel.COLUMNS):
            if self.isColumnHidden(col):
                continue
            sample = self.SAMPLES[name]  # the last column (flags) stretches
            title = str(model.headerData(col, Qt.Orientation.Horizontal))
            self.setColumnWidth(
                col, max(cells.horizontalAdvance(sample) + 14, titles.horizontalAdvance(title) + 24)
            )
