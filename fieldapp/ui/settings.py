"""The app's settings: one typed place in front of QSettings (nothing else reads QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from fieldapp.maps.tiles import BasemapSettings


class AppSettings:
    """Per-user settings; `scope` separates test runs from the user's own settings."""

    def __init__(self, scope: str = "Hekou") -> None:
        self._q = QSettings("Hekou", scope)

    # Position source: a serial port (/dev/ttyUSB0, COM3) or an NMEA log to replay (training).
    @property
    def gnss_source(self) -> str:
        return str(self._q.value("gnss/source", "") or "")

    @gnss_source.setter
    def gnss_source(self, value: str) -> None:
        self._q.setValue("gnss/source", value)

    # The county the user works in, for new patrols and newly found outfalls.
    @property
    def home_county(self) -> str:
        return str(self._q.value("user/home_county", "") or "")

    @home_county.setter
    def home_county(self, value: str) -> None:
        self._q.setValue("user/home_county", value)

    @property
    def basemap(self) -> BasemapSettings:
        path = self._q.value("map/basemap", "") or None
        gcj02 = str(self._q.value("map/gcj02", "false")).lower() == "true"
        return BasemapSettings(str(path) if path else None, gcj02)

    @basemap.setter
    def basemap(self, value: BasemapSettings) -> None:
        self._q.setValue("map/basemap", value.path or "")
        self._q.setValue("map/gcj02", "true" if value.gcj02 else "false")

    def sync(self) -> None:
        self._q.sync()

    def clear(self) -> None:
        """Forgets every setting (a fresh profile, or a test's clean slate)."""
        self._q.clear()
