"""The progress view's table cells: numbers that open lists (a Pick kept in each cell), filled
in place, and the small text helpers the view and its report share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from assessment.members import Pick

STATUS_COLOURS = {
    "met": "#c8e6c9",
    "on_track": "#dcedc8",
    "behind": "#ffcdd2",
    "missed": "#ef9a9a",
    "before_start": "#eeeeee",
    "no_outfalls": "#eeeeee",
}
PICK_ROLE = Qt.ItemDataRole.UserRole + 1


def short_county(name: str) -> str:
    """A county's name short enough for a chart's axis ("Tongzhou", not "Tongzhou District")."""
    for suffix in (" District", " County", " City"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def pct_text(done: int, total: int) -> str:
    return "—" if not total else f"{done * 100 / total:.1f}%"


def cell(
    table: QTableWidget,
    row: int,
    column: int,
    text: str,
    pick: Pick | None,
    numeric: bool = False,
) -> QTableWidgetItem:
    """Shows ``text`` in a cell, reusing its item: a new item per refresh costs a re-layout each."""
    item = table.item(row, column)
    if item is None:
        item = QTableWidgetItem(text)
        if numeric:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if pick is not None:
            item.setForeground(QColor("#0d47a1"))
            font = item.font()
            font.setUnderline(True)
            item.setFont(font)
        item.setData(PICK_ROLE, pick)
        table.setItem(row, column, item)
        return item
    if item.text() != text:
        item.setText(text)
    if item.data(PICK_ROLE) != pick:
        item.setData(PICK_ROLE, pick)
    return item


def fit_once(table: QTableWidget, skip_first: bool) -> None:
    """Sizes the columns to their contents the first time the table is filled (measuring every
    cell on each change would cost more than all the counting)."""
    if table.property("fitted"):
        return
    table.setProperty("fitted", True)
    for column in range(1 if skip_first else 0, table.columnCount()):
        table.resizeColumnToContents(column)
