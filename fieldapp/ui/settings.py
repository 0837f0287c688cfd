"""The app's settings: one typed place in front of QSettings (nothing else reads QSettings)."""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from fieldapp.domain.inspection_rules import InspectionSettings

if TYPE_CHECKING:  # the map's modules load when the map opens, not at start-up
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
    def server_ca_file(self) -> str:
        """The bureau's own certificate authority (PEM) the sync server must be signed by; empty:
        the system's certificate store."""
        return str(self._q.value("sync/ca_file", "") or "")

    @server_ca_file.setter
    def server_ca_file(self, value: str) -> None:
        self._q.setValue("sync/ca_file", value)

    @property
    def home_county(self) -> str:
        return str(self._q.value("user/home_county", "") or "")

    @home_county.setter
    def home_county(self, value: str) -> None:
        self._q.setValue("user/home_county", value)

    @property
    def basemap(self) -> BasemapSettings:
        from fieldapp.maps.tiles import BasemapSettings

        path = self._q.value("map/basemap", "") or None
        gcj02 = str(self._q.value("map/gcj02", "false")).lower() == "true"
        return BasemapSettings(str(path) if path else None, gcj02)

    @basemap.setter
    def basemap(self, value: BasemapSettings) -> None:
        self._q.setValue("map/basemap", value.path or "")
        self._q.setValue("map/gcj02", "true" if value.gcj02 else "false")

    # Inspection thresholds. None means "not set here": the data file's value applies
    # (resources/data/inspection.json); an unreadable or non-positive stored value counts as unset.
    @property
    def position_max_error_m(self) -> float | None:
        """A GNSS fix with a larger estimated error cannot be used for a capture (the gate)."""
        return self._positive("inspection/max_position_error_m")

    @position_max_error_m.setter
    def position_max_error_m(self, value: float | None) -> None:
        self._set_number("inspection/max_position_error_m", value)

    @property
    def fixes_to_average(self) -> int | None:
        """How many acceptable fixes a capture averages."""
        value = self._positive("inspection/fixes_to_average")
        return None if value is None else max(1, int(value))

    @fixes_to_average.setter
    def fixes_to_average(self, value: int | None) -> None:
        self._set_number("inspection/fixes_to_average", value)

    @property
    def far_from_outfall_m(self) -> float | None:
        """An inspection captured farther than this from its outfall is flagged."""
        return self._positive("inspection/far_from_outfall_m")

    @far_from_outfall_m.setter
    def far_from_outfall_m(self, value: float | None) -> None:
        self._set_number("inspection/far_from_outfall_m", value)

    @property
    def photo_max_distance_m(self) -> float | None:
        """A photo whose EXIF position is farther than this from the outfall is flagged."""
        return self._positive("inspection/photo_max_distance_m")

    @photo_max_distance_m.setter
    def photo_max_distance_m(self, value: float | None) -> None:
        self._set_number("inspection/photo_max_distance_m", value)

    @property
    def photo_max_time_offset_s(self) -> float | None:
        """A photo taken more than this before or after the inspection is flagged."""
        return self._positive("inspection/photo_max_time_offset_s")

    @photo_max_time_offset_s.setter
    def photo_max_time_offset_s(self, value: float | None) -> None:
        self._set_number("inspection/photo_max_time_offset_s", value)

    # Where the last inspection form was scrolled to, so a reopened draft shows the same place.
    @property
    def inspection_scroll(self) -> tuple[str, int] | None:
        inspection_id = str(self._q.value("inspection/scroll_id", "") or "")
        try:
            value = int(str(self._q.value("inspection/scroll_value", "0")))
        except ValueError:
            value = 0
        return (inspection_id, max(0, value)) if inspection_id else None

    @inspection_scroll.setter
    def inspection_scroll(self, value: tuple[str, int]) -> None:
        self._q.setValue("inspection/scroll_id", value[0])
        self._q.setValue("inspection/scroll_value", str(value[1]))

    def inspection_settings(self, defaults: InspectionSettings) -> InspectionSettings:
        """The data file's thresholds with whatever the user set here on top."""
        out = defaults
        if (error := self.position_max_error_m) is not None:
            out = dataclasses.replace(out, max_position_error_m=error)
        if (fixes := self.fixes_to_average) is not None:
            out = dataclasses.replace(out, fixes_to_average=fixes)
        if (far := self.far_from_outfall_m) is not None:
            out = dataclasses.replace(out, far_from_outfall_m=far)
        if (distance := self.photo_max_distance_m) is not None:
            out = dataclasses.replace(out, photo_max_distance_m=distance)
        if (offset := self.photo_max_time_offset_s) is not None:
            out = dataclasses.replace(out, photo_max_time_offset_s=offset)
        return out

    def _positive(self, key: str) -> float | None:
        raw = self._q.value(key, None)
        try:
            value = float(str(raw))
        except ValueError:
            return None
        return value if math.isfinite(value) and value > 0 else None

    def _set_number(self, key: str, value: float | None) -> None:
        if value is None:
            self._q.remove(key)
        else:
            self._q.setValue(key, str(value))

    def sync(self) -> None:
        self._q.sync()

    def clear(self) -> None:
        """Forgets every setting (a fresh profile, or a test's clean slate)."""
        self._q.clear()
