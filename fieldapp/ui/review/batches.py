"""The desk's batch table: a Qt model over the batches the server listed, and a filter proxy
(county, inspector, flag, review state, since date) sortable by any column."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from fieldapp.ui.review.texts import flag_text, state_text
from sync.review_protocol import DeskBatch

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class BatchTableModel(QAbstractTableModel):
    COLUMNS = ("received", "inspector", "device", "county", "records", "photos", "flags", "review")

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
            self.tr("Records"), self.tr("Photos arrived"), self.tr("Flags"), self.tr("Review"),
        )[section]  # fmt: skip

    def counties_text(self, b: DeskBatch) -> str:
        return "、".join(self.county_names.get(c, c) for c in b.batch.counties)

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
        if role == Qt.ItemDataRole.ToolTipRole and col == "flags":
            return "\n".join(f"{flag_text(f)}: {n}" for f, n in b.flags.items())
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and col == "photos"
            and b.photos_arrived < b.photos
        ):
            from PySide6.QtGui import QColor

            return QColor("#b71c1c")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == "received":
            return b.batch.received_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if col == "inspector":
            return b.batch.username
        if col == "device":
            return b.device_name
        if col == "county":
            return self.counties_text(b)
        if col == "records":
            return str(b.records)
        if col == "photos":
            mark = "✔" if b.photos_arrived == b.photos else "⚠"
            return f"{mark} {b.photos_arrived}/{b.photos}"
        if col == "flags":
            return " · ".join(f"{flag_text(f)} {n}" for f, n in b.flags.items()) or "—"
        return " · ".join(f"{state_text(s)} {n}" for s, n in sorted(b.review.items()))


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
