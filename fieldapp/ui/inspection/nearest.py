"""The "nearest outfalls" list (sorted by distance from the current position) and the dialog for
a newly discovered, unregistered outfall (a provisional ledger entry)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.inspection import PositionRecord
from fieldapp.domain.nmea import Fix
from fieldapp.domain.outfall import Outfall, OutfallId
from fieldapp.domain.position import is_acceptable
from fieldapp.domain.problems import Problem
from fieldapp.store.inspection_reader import InspectionReader
from fieldapp.store.nearby import NearbyOutfall
from fieldapp.ui.inspection.position_panel import PositionPanel, distance_text
from fieldapp.ui.labels import Labels
from fieldapp.ui.screen_fit import scrolling


class NearestOutfallsDialog(QDialog):
    """Outfalls around the current position, nearest first; Enter starts an inspection."""

    inspect = Signal(str)  # outfall id
    new_outfall = Signal(object)  # PositionRecord | None

    def __init__(
        self, reader: InspectionReader, panel: PositionPanel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("nearestDialog")
        self.setWindowTitle(self.tr("Nearest outfalls"))
        self.reader = reader
        self.panel = panel
        self.here: tuple[float, float] | None = None
        self.rows: list[NearbyOutfall] = []
        panel.fix_seen.connect(self._fix)
        panel.captured.connect(self._captured)
        panel.capture_button.hide()

        self.where = QLabel(self.tr("Waiting for a position…"))
        self.where.setObjectName("nearest_where")
        self.list = QListWidget()
        self.list.setObjectName("nearest_list")
        self.list.setStyleSheet("QListWidget::item { min-height: 44px; font-size: 16px; }")
        self.list.itemActivated.connect(self._activated)
        self.inspect_button = QPushButton(self.tr("Inspect this outfall"))
        self.inspect_button.setObjectName("nearest_inspect")
        self.inspect_button.clicked.connect(lambda: self._activated(self.list.currentItem()))
        self.new_button = QPushButton(self.tr("New outfall here…"))
        self.new_button.setObjectName("nearest_new")
        self.new_button.clicked.connect(self._new_clicked)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.inspect_button)
        layout = QVBoxLayout(self)
        layout.addWidget(panel)
        layout.addWidget(self.where)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def _fix(self, fix: Fix) -> None:
        first = self.here is None
        if is_acceptable(fix, self.panel.capture_settings.max_error_m):
            self.here = (fix.lat, fix.lon)  # type: ignore[assignment]
            if first:
                self.refresh()

    def _captured(self, record: PositionRecord) -> None:
        self.here = (record.lat, record.lon)
        self.refresh()

    def set_position(self, lat: float, lon: float) -> None:
        self.here = (lat, lon)
        self.refresh()

    def refresh(self) -> None:
        if self.here is None:
            return
        lat, lon = self.here
        self.where.setText(
            self.tr("From %1, %2").replace("%1", f"{lat:.6f}").replace("%2", f"{lon:.6f}")
        )
        self.rows = self.reader.nearest(lat, lon)
        self.list.clear()
        for row in self.rows:
            where = f"{distance_text(row.distance_m)} {self.panel.direction(row.bearing_deg)}"
            text = f"{where}   {row.code}   {row.name}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        if not self.rows:
            self.list.addItem(self.tr("No registered outfall within 50 km"))
        else:
            self.list.setCurrentRow(0)

    def _activated(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.inspect.emit(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    def _new_clicked(self) -> None:
        self.new_outfall.emit(self.panel.record)
        self.accept()

    def done(self, result: int) -> None:
        self.panel.stop()
        super().done(result)


class NewOutfallDialog(QDialog):
    """A newly discovered outfall: what the ledger needs for a provisional entry."""

    submitted = Signal(object)  # an Outfall draft (no codes: the store gives a provisional one)

    def __init__(self, labels: Labels, panel: PositionPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newOutfallDialog")
        self.setWindowTitle(self.tr("New, unregistered outfall"))
        self.labels = labels
        self.panel = panel
        ref = labels.ref
        lang = labels.lang
        self.name = QLineEdit()
        self.name.setObjectName("new_name")
        self.name.setPlaceholderText(self.tr("County + town + village + landmark + type"))
        self.county = QComboBox()
        self.county.setObjectName("new_county")
        for c in ref.counties:
            self.county.addItem(c.label(lang), c.code)
        self.town = QLineEdit()
        self.town.setObjectName("new_town")
        self.village = QLineEdit()
        self.village.setObjectName("new_village")
        self.water_body = QLineEdit()
        self.water_body.setObjectName("new_water_body")
        self.receiving = QComboBox()
        self.receiving.setObjectName("new_receiving")
        for t in ref.vocabulary("receiving_kind"):
            self.receiving.addItem(t.label(lang), t.code)
        self.basin = QComboBox()
        self.basin.setObjectName("new_basin")
        for t in ref.vocabulary("basin"):
            self.basin.addItem(t.label(lang), t.code)
        self.errors = QLabel()
        self.errors.setObjectName("new_errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #a00000; font-weight: bold;")
        self.create_button = QPushButton(self.tr("Create and inspect"))
        self.create_button.setObjectName("new_create")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._create)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("County"), self.county)
        form.addRow(self.tr("Town"), self.town)
        form.addRow(self.tr("Village"), self.village)
        form.addRow(self.tr("Water body"), self.water_body)
        form.addRow(self.tr("Into"), self.receiving)
        form.addRow(self.tr("Basin"), self.basin)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.create_button)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        body_layout.addWidget(panel)
        body_layout.addWidget(self.errors)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)  # a short screen scrolls the fields, not the buttons
        layout.addLayout(buttons)

    def draft(self) -> Outfall:
        record = self.panel.record
        return Outfall(
            id=OutfallId(""),
            name=self.name.text().strip(),
            county_code=self.county.currentData(),
            town=self.town.text().strip(),
            village=self.village.text().strip(),
            water_body=self.water_body.text().strip(),
            receiving_kind=self.receiving.currentData(),
            basin=self.basin.currentData(),
            lat=record.lat if record else None,
            lon=record.lon if record else None,
            position_accuracy_m=record.accuracy_m if record else None,
            position_source=record.source if record else None,
        )

    def _create(self) -> None:
        if self.panel.record is None:
            self.show_problems(
                [
                    Problem(
                        "lat",
                        "required",
                        "请先采集或输入新排污口的位置。",
                        "Capture or type the new outfall's position first.",
                    )
                ]
            )
            return
        self.create_button.setEnabled(False)
        self.submitted.emit(self.draft())

    def show_problems(self, problems: list[Problem]) -> None:
        self.create_button.setEnabled(True)
        self.errors.setText("\n".join("• " + p.message(self.labels.lang) for p in problems))

    def done(self, result: int) -> None:
        self.panel.stop()
        super().done(result)
