"""What a person reads in a window: every visible widget's text, table headers and visible cells,
and the heuristics that find what a Chinese UI must not show (ISO timestamps, UUID-like ids,
untranslated English words)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]00:?00)\b")
UUID_LIKE = re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-|\b[0-9a-f]{16,}\b")
ENGLISH_WORD = re.compile(r"(?<![A-Za-z0-9_.])[A-Za-z]{3,}(?![A-Za-z0-9_])")
RAW_UNIT = re.compile(r"\d\s?(?:m|km|h|min|s|d)\b")  # "±9 m" in a Chinese UI: 米 it should be
PATH_LIKE = re.compile(r"(?<![\w.])(/|[A-Za-z]:\\)[\w./\\-]+")
# Words that Chinese users read as they are: standards, file formats and receiver terms.
ALLOWED = {
    "EXIF",
    "GPS",
    "GNSS",
    "NMEA",
    "WGS",
    "GPX",
    "HDOP",
    "GCJ",
    "COD",
    "MBTiles",
    "XYZ",
    "JPEG",
    "PNG",
    "HEIC",
    "PDF",
    "COM",
    "USB",
    "TCP",
    "RTK",
    "GB",
    "HJ",
    "URL",
    "HTTP",
    "HTTPS",
    "Hekou",
    "SQLite",
    "OpenStreetMap",
}
MAX_ROWS = 40


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model: QAbstractItemModel | None = view.model()
    if model is None:
        return
    hidden = getattr(view, "isColumnHidden", lambda _c: False)
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    shown = [c for c in range(columns) if not hidden(c)]
    if not isinstance(model, QAbstractListModel):
        for section in shown:
            header = model.headerData(section, Qt.Orientation.Horizontal)
            if header is not None:
                yield str(header)
    for row in range(min(model.rowCount(QModelIndex()), MAX_ROWS)):
        for column in shown:
            index = model.index(row, column, QModelIndex())
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str) and value:
                    yield value


def widget_texts(widget: QWidget) -> Iterator[str]:
    """Every text a person can read in ``widget`` and its visible children."""
    yield widget.windowTitle()
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        yield child.toolTip()
        if isinstance(child, QLabel | QAbstractButton):
            yield child.text()
        elif isinstance(child, QLineEdit):
            yield child.text()
            yield child.placeholderText()
        elif isinstance(child, QAbstractSpinBox):
            yield child.text()  # with its prefix and suffix (units)
        elif isinstance(child, QComboBox):
            yield from (child.itemText(i) for i in range(child.count()))
        elif isinstance(child, QGroupBox):
            yield child.title()
        elif isinstance(child, QTabWidget):
            yield from (child.tabText(i) for i in range(child.count()))
        elif isinstance(child, QTextEdit | QPlainTextEdit):
            yield child.toPlainText()
            yield child.placeholderText()
        elif isinstance(child, QAbstractItemView):
            yield from _model_texts(child)
    for action in widget.actions():
        yield action.text()
        yield action.toolTip()


def problems(texts: Iterator[str] | list[str], data: Iterable[str] = ()) -> list[str]:
    """The texts that show an ISO timestamp, a UUID-like id or an English word (file paths, the
    allowed words and ``data``, what people typed such as account or device names, aside), each
    with what was found."""
    typed = sorted(data, key=len, reverse=True)
    found = []
    for text in texts:
        if not text:
            continue
        plain = html.unescape(re.sub(r"<[^>]+>", " ", text))  # rich text: tags are not read
        for value in typed:
            plain = plain.replace(value, " ")
        plain = PATH_LIKE.sub(" ", plain)
        if ISO_TIME.search(plain):
            found.append(f"ISO time: {text!r}")
        if RAW_UNIT.search(plain):
            found.append(f"unit: {text!r}")
        if UUID_LIKE.search(plain):
            found.append(f"id: {text!r}")
        words = [w for w in ENGLISH_WORD.findall(plain) if w not in ALLOWED]
        if words:
            found.append(f"English {words}: {text!r}")
    return found
