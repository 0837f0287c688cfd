"""The list behind a number: the outfalls a figure counted, on its day; double-click shows one in
the ledger."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store.progress import MemberRow
from fieldapp.ui.labels import Labels

Index = QModelIndex | QPersistentModelIndex


class MemberModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[MemberRow], labels: Labels, headers: list[str]) -> None:
        super().__init__()
        self.rows = list(rows)
        self.labels = labels
        self.headers = headers

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        r = self.rows[index.row()]
        return (
            r.code,
            r.name,
            self.labels.county(r.county_code),
            r.town,
            self.labels.state(r.lifecycle_state),
        )[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class MembersDialog(QDialog):
    """The outfalls behind one figure."""

    outfall_activated = Signal(str)

    def __init__(
        self, title: str, rows: Sequence[MemberRow], labels: Labels, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressMembers")
        self.setWindowTitle(title)
        self.resize(1000, 560)
        heading = QLabel(
            self.tr("%1 — %2 outfalls. Double-click one to show it in the ledger.")
            .replace("%1", title)
            .replace("%2", str(len(rows)))
        )
        heading.setWordWrap(True)
        heading.setObjectName("membersHeading")
        self.model = MemberModel(
            rows,
            labels,
            [self.tr("Code"), self.tr("Name"), self.tr("County"), self.tr("Town"),
             self.tr("State today")],
        )  # fmt: skip
        self.table = QTableView()
        self.table.setObjectName("membersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(34)
        vh.hide()
        for column, width in enumerate((160, 420, 110, 130, 130)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(
            lambda i: self.outfall_activated.emit(self.model.rows[i.row()].id)
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
