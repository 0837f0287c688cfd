"""What the desk's lists (tasks, complaints) share: rows of text in a table with the late ones
tinted, the chosen row found again after a reload, and the chosen item's facts as a two-column
HTML table beside it."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

LATE = QColor("#ffcdd2")


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
