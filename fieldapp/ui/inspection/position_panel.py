"""The position panel: a GNSS source read off the GUI thread, live fix quality, a capture gated on
accuracy that averages several fixes, the offset from the registered outfall, and the fallbacks
(a photo's EXIF position, or coordinates typed in with a reason).

The app's one `PositionFeed` (`fieldapp.ui.position_feed`) reads the source (`fieldapp.gnss`: a
receiver on a serial port or the network, or a replayed NMEA log) off the GUI thread; a receiver
that vanishes becomes a message, is reopened with backoff, and meanwhile the panel goes on
working with the fallbacks.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import position as pos
from fieldapp.domain.inspection import PositionRecord
from fieldapp.domain.inspection_rules import InspectionSettings
from fieldapp.domain.nmea import Fix, FixMode
from fieldapp.gnss import drain, open_source
from fieldapp.ui import formatting as fmt
from fieldapp.ui.position_feed import PositionFeed

COMPASS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")


def compass(bearing: float) -> str:
    return COMPASS[int((bearing % 360) / 45 + 0.5) % 8]


def distance_text(metres: float) -> str:
    return fmt.distance(metres)


class PositionPanel(QGroupBox):
    """Live fix, capture, offset from the outfall, and the fallbacks. Emits ``captured``."""

    captured = Signal(object)  # PositionRecord
    fix_seen = Signal(object)  # every Fix, for whoever listens (the nearest list)

    def __init__(
        self,
        settings: InspectionSettings,
        lang: str,
        outfall_position: tuple[float, float] | None = None,
        replay_speed: float | None = 1.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Position"))
        self.settings = settings
        self.lang = lang
        self.outfall_position = outfall_position
        self.replay_speed = replay_speed
        self.feed = PositionFeed(self._no_source, parent=self)
        self.feed.fix.connect(self._on_fix)
        self.feed.lost.connect(self._on_failed)
        self.feed.restored.connect(lambda: self._on_failed("", ""))
        self.feed.ended.connect(self._on_finished)
        self.last_fix: Fix | None = None
        self.capture: pos.PositionCapture | None = None
        self.record: PositionRecord | None = None
        self.capture_settings = pos.CaptureSettings(
            settings.max_position_error_m, settings.fixes_to_average, settings.far_from_outfall_m
        )

        self.source = QLineEdit()
        self.source.setObjectName("gnss_source")
        self.source.setPlaceholderText(self.tr("Receiver port (COM3, /dev/ttyUSB0) or NMEA log"))
        self.start_button = QPushButton(self.tr("Connect"))
        self.start_button.setObjectName("gnss_start")
        self.start_button.clicked.connect(self._start_clicked)
        self.browse_button = QPushButton(self.tr("Log file…"))
        self.browse_button.clicked.connect(self._browse)
        source_row = QHBoxLayout()
        source_row.addWidget(self.start_button)
        source_row.addWidget(self.browse_button)
        source_row.addStretch(1)

        self.live = QLabel(self.tr("No receiver connected"))
        self.live.setObjectName("gnss_live")
        self.live.setWordWrap(True)
        self.capture_button = QPushButton(self.tr("Capture position"))
        self.capture_button.setObjectName("gnss_capture")
        self.capture_button.setEnabled(False)
        self.capture_button.clicked.connect(self._capture_clicked)
        self.result = QLabel(self.tr("No position captured yet"))
        self.result.setObjectName("position_result")
        self.result.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("gnss_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a00000; font-weight: bold;")
        self.message.hide()

        self.manual_lat = QLineEdit()
        self.manual_lat.setObjectName("manual_lat")
        self.manual_lat.setPlaceholderText(self.tr("Latitude"))
        self.manual_lat.setValidator(QDoubleValidator(-90, 90, 8))
        self.manual_lon = QLineEdit()
        self.manual_lon.setObjectName("manual_lon")
        self.manual_lon.setPlaceholderText(self.tr("Longitude"))
        self.manual_lon.setValidator(QDoubleValidator(-180, 180, 8))
        self.manual_reason = QLineEdit()
        self.manual_reason.setObjectName("manual_reason")
        self.manual_reason.setPlaceholderText(self.tr("Why typed in (required)"))
        self.manual_button = QPushButton(self.tr("Use typed"))
        self.manual_button.setObjectName("manual_use")
        self.manual_button.clicked.connect(self._manual_clicked)
        manual_at = QHBoxLayout()
        manual_at.addWidget(self.manual_lat)
        manual_at.addWidget(self.manual_lon)
        manual = QHBoxLayout()
        manual.addWidget(self.manual_reason, 1)
        manual.addWidget(self.manual_button)
        live_row = QHBoxLayout()
        live_row.addWidget(self.live, 1)
        live_row.addWidget(self.capture_button)

        layout = QVBoxLayout(self)  # narrow rows: the panel fits beside the form at 150%
        layout.addWidget(self.source)
        layout.addLayout(source_row)
        layout.addLayout(live_row)
        layout.addWidget(self.result)
        layout.addWidget(self.message)
        layout.addLayout(manual_at)
        layout.addLayout(manual)

    # -- the source ----------------------------------------------------------------------------

    def start(self, spec: str) -> None:
        self.source.setText(spec)
        self._say("")
        self.live.setText(self.tr("Waiting for the receiver…"))
        speed, stopping = self.replay_speed, self.feed.stopping
        self.feed.start(lambda: drain(open_source(spec, speed=speed), stopping))
        self.start_button.setText(self.tr("Disconnect"))

    def stop(self) -> None:
        self.feed.stop()
        self.start_button.setText(self.tr("Connect"))

    @staticmethod
    def _no_source() -> list[Fix]:
        return []  # until start() gives one

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _start_clicked(self) -> None:
        if self.feed.running:
            self.stop()
        elif self.source.text().strip():
            self.start(self.source.text().strip())

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("NMEA log"), "", self.tr("NMEA logs (*.log *.nmea *.txt);;All files (*)")
        )
        if name:
            self.start(name)

    def _on_failed(self, message_en: str, message_zh: str) -> None:
        self._say(message_zh if self.lang.startswith("zh") else message_en)
        self.capture_button.setEnabled(False)
        self.capture = None

    def _on_finished(self) -> None:
        self.start_button.setText(self.tr("Connect"))
        self.capture_button.setEnabled(False)
        if self.capture is not None and not self.capture.complete:
            self.capture = None
            self.result.setText(self.tr("The source ended before enough good fixes arrived"))

    def _on_fix(self, fix: Fix) -> None:
        self.last_fix = fix
        self.fix_seen.emit(fix)
        mode = {FixMode.NONE: self.tr("no fix"), FixMode.TWO_D: "2D", FixMode.THREE_D: "3D"}.get(
            fix.mode, "?"
        )
        sats = "–" if fix.satellites is None else str(fix.satellites)
        hdop = "–" if fix.hdop is None else f"{fix.hdop:.1f}"
        error = "–" if fix.eph_m is None else fmt.distance(fix.eph_m)
        text = self.tr("Fix %1 · satellites %2 · HDOP %3 · error ±%4")
        text = text.replace("%1", mode).replace("%2", sats).replace("%3", hdop)
        self.live.setText(text.replace("%4", error))
        refusal = pos.refusal(fix, self.capture_settings.max_error_m)
        simulated = pos.FixRefusal.SIMULATED.message(self.lang)
        if refusal is pos.FixRefusal.SIMULATED:  # never evidence: say so where it is seen
            self._say(simulated)
        elif self.message.text() == simulated:
            self._say("")
        if self.capture is not None:
            self.capture.add(fix)
            self._show_progress()
        else:
            self.capture_button.setEnabled(refusal is None)
            if refusal is not None and fix.mode is not FixMode.NONE:
                self.capture_button.setToolTip(
                    refusal.message(self.lang, self.capture_settings.max_error_m)
                )

    # -- capture -------------------------------------------------------------------------------

    def _capture_clicked(self) -> None:
        self.capture = pos.PositionCapture(self.capture_settings)
        self.capture_button.setEnabled(False)
        if self.last_fix is not None:
            self.capture.add(self.last_fix)
        self._show_progress()

    def _show_progress(self) -> None:
        capture = self.capture
        if capture is None:
            return
        result = capture.result()
        if result is None:
            text = self.tr("Averaging fixes: %1 of %2")
            self.result.setText(
                text.replace("%1", str(len(capture.used))).replace(
                    "%2", str(capture.settings.fixes_to_average)
                )
            )
            return
        self.capture = None
        self.use_position(result)

    def use_photo_position(
        self, lat: float, lon: float, alt_m: float | None, taken_at: datetime | None
    ) -> None:
        """Fallback: a photo's EXIF position."""
        self.use_position(pos.from_photo(lat, lon, alt_m, taken_at))

    def _manual_clicked(self) -> None:
        try:
            lat = float(self.manual_lat.text().replace(",", "."))
            lon = float(self.manual_lon.text().replace(",", "."))
            captured = pos.manual(lat, lon, self.manual_reason.text())
        except ValueError:
            self._say(self.tr("Type a latitude, a longitude and the reason they were typed in"))
            return
        self._say("")
        self.use_position(captured)

    def use_position(self, captured: pos.CapturedPosition) -> None:
        """Record a position from any source, with its offset from the outfall."""
        offset = None
        if self.outfall_position is not None:
            offset = pos.offset_from_outfall(
                captured, *self.outfall_position, self.capture_settings.far_from_outfall_m
            )
        record = PositionRecord.of(
            captured,
            offset.distance_m if offset else None,
            offset.bearing_deg if offset else None,
            bool(offset and offset.far),
        )
        self.show_record(record)
        self.captured.emit(record)

    def show_record(self, record: PositionRecord | None) -> None:
        self.record = record
        if record is None:
            self.result.setText(self.tr("No position captured yet"))
            return
        sources = {
            "gnss": self.tr("GNSS, %1 fixes averaged").replace("%1", str(record.n_fixes)),
            "photo_exif": self.tr("from a photo's EXIF"),
            "manual": self.tr("typed in: %1").replace("%1", record.reason or ""),
        }
        accuracy = "" if record.accuracy_m is None else " " + fmt.accuracy(record.accuracy_m)
        text = f"{record.lat:.6f}, {record.lon:.6f}{accuracy} · {sources.get(record.source, '')}"
        if record.distance_m is not None and record.bearing_deg is not None:
            where = self.tr("Outfall %1 to the %2").replace("%1", distance_text(record.distance_m))
            text += "\n" + where.replace("%2", self._compass(record.bearing_deg))
        if record.far:
            text += "\n⚠ " + self.tr("Far from the registered outfall: this will be flagged")
            self.result.setStyleSheet("color: #a00000; font-weight: bold;")
        else:
            self.result.setStyleSheet("")
        self.result.setText(text)

    def _compass(self, bearing: float) -> str:
        return fmt.bearing(self.direction(bearing), bearing)

    def direction(self, bearing: float) -> str:
        """The compass direction of ``bearing`` in the user's language."""
        names = {
            "N": self.tr("north"),
            "NE": self.tr("north-east"),
            "E": self.tr("east"),
            "SE": self.tr("south-east"),
            "S": self.tr("south"),
            "SW": self.tr("south-west"),
            "W": self.tr("west"),
            "NW": self.tr("north-west"),
        }
        return names[compass(bearing)]

    def set_read_only(self, read_only: bool) -> None:
        for w in (self.capture_button, self.manual_button, self.manual_lat, self.manual_lon):
            w.setEnabled(not read_only and w is not self.capture_button)
        self.manual_reason.setEnabled(not read_only)
        if read_only:
            self.capture = None
