"""The settings dialog: the position source, the home county, the offline basemap, and the
inspection thresholds (the data file's defaults until the user changes them)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
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
from fieldapp.ui.screen_fit import fit_dialog, scrolling
from fieldapp.ui.settings import AppSettings


class SettingsDialog(QDialog):
    backup_requested = Signal()  # the session backs the profile up (fieldapp.profile_backup)

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
        fit_dialog(self, 860, 600)

        self.gnss = QLineEdit(settings.gnss_source)
        self.gnss.setObjectName("gnssSource")
        self.gnss.setPlaceholderText(
            self.tr("Receiver port (/dev/ttyUSB0, COM3), tcp://host:port or an NMEA log")
        )
        self.gnss_error = QLabel()  # a network address that cannot be right, said in place
        self.gnss_error.setObjectName("gnssSourceError")
        self.gnss_error.setWordWrap(True)
        self.gnss_error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.gnss_error.hide()
        self.lang = labels.lang
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

        self.ca_file = QLineEdit(settings.server_ca_file)
        self.ca_file.setObjectName("serverCaFile")
        self.ca_file.setPlaceholderText(self.tr("Empty: the system's certificates"))
        browse_ca = QPushButton(self.tr("Choose…"))
        browse_ca.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse_ca)

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
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: label above
        form.addRow(self.tr("Position source"), gnss_row)
        form.addRow("", self.gnss_error)
        form.addRow(self.tr("Home county"), self.county)
        form.addRow(self.tr("Basemap"), tiles_row)
        form.addRow("", self.gcj02)
        form.addRow(self.tr("Sync server's certificate authority (PEM)"), ca_row)
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
        self.backup_button = QPushButton(self.tr("Back up this profile…"))
        self.backup_button.setObjectName("backupProfile")
        self.backup_button.setToolTip(
            self.tr("The database, its key (by passphrase) and the photos, to a USB drive; checked")
        )
        self.backup_button.clicked.connect(self.backup_requested.emit)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)  # a small screen scrolls the fields, not the buttons
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

    def _browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Certificate authority"), "", "PEM (*.pem *.crt *.cer);;* (*)"
        )
        if path:
            self.ca_file.setText(path)

    def save(self) -> None:
        from fieldapp.gnss.errors import GnssSourceError
        from fieldapp.gnss.network import is_network_spec, parse_address

        spec = self.gnss.text().strip()
        if is_network_spec(spec):
            try:
                spec = str(parse_address(spec))
            except GnssSourceError as exc:
                self.gnss_error.setText(exc.message(self.lang))
                self.gnss_error.show()
                self.gnss.setFocus()
                return
        self.settings.gnss_source = spec
        self.settings.home_county = self.county.currentData() or ""
        self.settings.basemap = BasemapSettings(
            self.basemap.text().strip() or None, self.gcj02.isChecked()
        )
        self.settings.position_max_error_m = self.max_error.value()
        self.settings.fixes_to_average = self.fixes.value()
        self.settings.far_from_outfall_m = self.far.value()
        self.settings.photo_max_distance_m = self.photo_distance.value()
        self.settings.photo_max_time_offset_s = self.photo_hours.value() * 3600
        self.settings.server_ca_file = self.ca_file.text().strip()
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
