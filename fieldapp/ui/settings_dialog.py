"""The settings dialog: the position source, the home county, the offline basemap, and the
inspection thresholds (the data file's defaults until the user changes them)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.inspection_rules import InspectionSettings
from fieldapp.maps.tiles import BasemapSettings
from fieldapp.ui import formatting as fmt
from fieldapp.ui.labels import Labels
from fieldapp.ui.settings import AppSettings


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: AppSettings,
        labels: Labels,
        defaults: InspectionSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.resize(680, 560)

        self.gnss = QLineEdit(settings.gnss_source)
        self.gnss.setObjectName("gnssSource")
        self.gnss.setPlaceholderText(
            self.tr("Receiver port (e.g. /dev/ttyUSB0 or COM3) or an NMEA log")
        )
        browse_log = QPushButton(self.tr("Log file…"))
        browse_log.clicked.connect(self._browse_log)
        gnss_row = QHBoxLayout()
        gnss_row.addWidget(self.gnss, 1)
        gnss_row.addWidget(browse_log)

        self.county = QComboBox()
        self.county.setObjectName("homeCounty")
        self.county.addItem("—", "")
        for term in labels.ref.counties:
            self.county.addItem(term.label(labels.lang), term.code)
        self.county.setCurrentIndex(max(0, self.county.findData(settings.home_county)))

        basemap = settings.basemap
        self.basemap = QLineEdit(basemap.path or "")
        self.basemap.setObjectName("basemapPath")
        self.basemap.setPlaceholderText(self.tr("An MBTiles file or a folder of XYZ tiles"))
        browse_tiles = QPushButton(self.tr("Choose…"))
        browse_tiles.clicked.connect(self._browse_tiles)
        tiles_row = QHBoxLayout()
        tiles_row.addWidget(self.basemap, 1)
        tiles_row.addWidget(browse_tiles)
        self.gcj02 = QCheckBox(self.tr("Tiles are in GCJ-02 (Amap, Tencent): shift for display"))
        self.gcj02.setObjectName("basemapGcj02")
        self.gcj02.setChecked(basemap.gcj02)

        # Inspection thresholds: what the user set, else the data file's defaults.
        current = settings.inspection_settings(defaults)
        self.defaults = defaults
        metres, hours = fmt.unit_suffix("m"), fmt.unit_suffix("h")
        self.max_error = _number(current.max_position_error_m, 1, 500, metres, "maxError")
        self.fixes = QSpinBox()
        self.fixes.setObjectName("fixesToAverage")
        self.fixes.setRange(1, 60)
        self.fixes.setValue(current.fixes_to_average)
        self.far = _number(current.far_from_outfall_m, 5, 5000, metres, "farFromOutfall")
        self.photo_distance = _number(
            current.photo_max_distance_m, 5, 50000, metres, "photoDistance"
        )
        self.photo_hours = _number(
            current.photo_max_time_offset_s / 3600, 0.1, 720, hours, "photoHours"
        )

        form = QFormLayout()
        form.addRow(self.tr("Position source"), gnss_row)
        form.addRow(self.tr("Home county"), self.county)
        form.addRow(self.tr("Basemap"), tiles_row)
        form.addRow("", self.gcj02)
        form.addRow(self.tr("Capture a position when its error is at most"), self.max_error)
        form.addRow(self.tr("Fixes averaged per capture"), self.fixes)
        form.addRow(self.tr("Flag an inspection farther from its outfall than"), self.far)
        form.addRow(
            self.tr("Flag a photo taken farther from the outfall than"), self.photo_distance
        )
        form.addRow(self.tr("Flag a photo taken longer before or after than"), self.photo_hours)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _browse_log(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("NMEA log"), "", "NMEA (*.log *.nmea *.txt);;* (*)"
        )
        if path:
            self.gnss.setText(path)

    def _browse_tiles(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Basemap"), "", "MBTiles (*.mbtiles);;* (*)"
        )
        if path:
            self.basemap.setText(path)

    def save(self) -> None:
        self.settings.gnss_source = self.gnss.text().strip()
        self.settings.home_county = self.county.currentData() or ""
        self.settings.basemap = BasemapSettings(
            self.basemap.text().strip() or None, self.gcj02.isChecked()
        )
        self.settings.position_max_error_m = self.max_error.value()
        self.settings.fixes_to_average = self.fixes.value()
        self.settings.far_from_outfall_m = self.far.value()
        self.settings.photo_max_distance_m = self.photo_distance.value()
        self.settings.photo_max_time_offset_s = self.photo_hours.value() * 3600
        self.settings.sync()
        self.accept()


def _number(value: float, low: float, high: float, suffix: str, name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(low, high)
    box.setDecimals(1)
    box.setSuffix(suffix)
    box.setValue(value)
    box.setMinimumHeight(40)
    return box
