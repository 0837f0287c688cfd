"""The ledger table's Qt model: a window over pages fetched on demand from a `LedgerSource`.

It never holds the whole ledger: it knows the count, and keeps a few recently used pages.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from fieldapp.store.ledger_query import LedgerQuery, LedgerRow
from fieldapp.ui.labels import Labels

PAGE_SIZE = 100
PAGES_KEPT = 12
Index = QModelIndex | QPersistentModelIndex
# True on a row whose outfall's remediation plan (一口一策) is overdue.
PLAN_OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 1
_OVERDUE_BACKGROUND = QBrush(QColor("#fde7ea"))


class LedgerSource(Protocol):
    def count(self, query: LedgerQuery) -> int: ...
    def page(
        self, query: LedgerQuery, offset: int, limit: int, total: int | None = None
    ) -> list[LedgerRow]: ...


# The columns, by their sort key in ledger_query.SORT_COLUMNS; the view supplies translated headers.
COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "county",
    "town",
    "water_body",
    "receiving_kind",
    "type",
    "state",
    "route",
    "responsible_party",
)


class OutfallTableModel(QAbstractTableModel):
    def __init__(self, source: LedgerSource, labels: Labels, headers: list[str]) -> None:
        super().__init__()
        self._source = source
        self._labels = labels
        self._headers = headers
        self._query = LedgerQuery()
        self._count = source.count(self._query)
        self._pages: OrderedDict[int, list[LedgerRow]] = OrderedDict()
        # 一口一策: the outfalls whose plan is overdue, read again at every refresh (a sync, a
        # saved plan), and the marker shown beside their route.
        self._plan_overdue: Callable[[], frozenset[str]] = frozenset
        self._overdue_ids: frozenset[str] = frozenset()
        self._overdue_mark = ""

    def set_plan_overdue(self, overdue: Callable[[], frozenset[str]], mark: str) -> None:
        """Where the overdue plans come from, and the marker (translated) beside the route."""
        self._plan_overdue, self._overdue_mark = overdue, mark
        self.refresh()

    # -- what the view shows -----------------------------------------------------------------
    @property
    def query(self) -> LedgerQuery:
        return self._query

    def set_query(self, query: LedgerQuery) -> None:
        """Shows a new search / filter / sort: one count, then pages as the view asks."""
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._count = self._source.count(query)
        self.endResetModel()

    def refresh(self) -> None:
        # the overdue plans are read here, not at every search keystroke (45 ms at 20,000 plans)
        self._overdue_ids = self._plan_overdue()
        self.set_query(self._query)

    def row_at(self, row: int) -> LedgerRow | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._source.page(self._query, number * PAGE_SIZE, PAGE_SIZE, self._count)
            self._pages[number] = page
            if len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    # -- QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if role == PLAN_OVERDUE_ROLE or role == Qt.ItemDataRole.BackgroundRole:
            row = self.row_at(index.row())
            overdue = row is not None and row.id in self._overdue_ids
            if role == PLAN_OVERDUE_ROLE:
                return overdue
            return _OVERDUE_BACKGROUND if overdue else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        text = self._cell(row, COLUMNS[index.column()])
        if row.id in self._overdue_ids:
            if COLUMNS[index.column()] == "route":
                return f"{text} {self._overdue_mark}".strip()
            if role == Qt.ItemDataRole.ToolTipRole:
                # the marker sits in the last column, cut at 150%: every cell of the row says it
                return f"{text}\n{self._overdue_mark}" if text else self._overdue_mark
        return text

    def _cell(self, row: LedgerRow, key: str) -> str:
        lab = self._labels
        match key:
            case "code":
                return row.code
            case "name":
                return row.name
            case "county":
                return lab.county(row.county_code)
            case "town":
                return f"{row.town} {row.village}".strip()
            case "water_body":
                return row.water_body
            case "receiving_kind":
                return lab.vocab("receiving_kind", row.receiving_kind)
            case "type":
                return lab.type(row.type_code, row.subtype_code)
            case "state":
                return lab.state(row.lifecycle_state)
            case "route":
                return lab.vocab("remediation_route", row.remediation_route)
            case "responsible_party":
                return row.responsible_party or ""
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        q = self._query
        key = COLUMNS[column] if 0 <= column < len(COLUMNS) else "ledger"  # -1: no column
        self.set_query(type(q)(q.text, q.filters, key, order == Qt.SortOrder.DescendingOrder))
