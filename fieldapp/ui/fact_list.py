"""What the desk's lists (tasks, complaints, leads) share: a read-only table of rows with the late
ones tinted, the chosen row found again after a reload, and the chosen item's facts as a
two-column HTML table beside it, in a splitter."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

LATE = QColor("#ffcdd2")
TOUCH = 44  # a row tall enough for a finger


def list_table(name: str, headers: Sequence[str], stretch: int) -> QTableWidget:
    """A read-only list, one row chosen at a time; column ``stretch`` takes the spare width."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(TOUCH)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def details_label(name: str) -> QLabel:
    """Where the chosen row's facts (``facts_html``) are shown."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


def side_by_side(table: QWidget, side: QWidget, stretch: tuple[int, int] = (3, 2)) -> QSplitter:
    """The list on the left, the chosen row's facts on the right."""
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(table)
    split.addWidget(side)
    split.setStretchFactor(0, stretch[0])
    split.setStretchFactor(1, stretch[1])
    return split


def fill(table: QTableWidget, rows: Sequence[Sequence[str]], late: Sequence[bool]) -> None:
    """The table's rows, each cell's text; a late row's cells tinted."""
    table.setRowCount(len(rows))
    for r, (cells, is_late) in enumerate(zip(rows, late, strict=True)):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if is_late:
                item.setBackground(QBrush(LATE))
            table.setItem(r, column, item)


def chosen(table: QTableWidget, count: int) -> int | None:
    """The selected row, or None (also when the table lags behind its ``count`` items)."""
    selected = table.selectionModel().selectedRows()
    if not selected or not (0 <= selected[0].row() < count):
        return None
    return selected[0].row()


def choose_again(table: QTableWidget, ids: Sequence[str], keep: str | None) -> None:
    """Select the row of ``keep`` again after a reload, when it is still listed."""
    if keep is not None and keep in ids:
        table.selectRow(list(ids).index(keep))


def facts_html(rows: Sequence[tuple[str, str]]) -> str:
    """Label and value per line; labels are escaped here, values must be HTML already."""
    return (
        "<table cellpadding='2'>"
        + "".join(
            f"<tr><td style='padding-right:10px'><b>{html.escape(k)}</b></td><td>{v}</td></tr>"
            for k, v in rows
        )
        + "</table>"
    )
