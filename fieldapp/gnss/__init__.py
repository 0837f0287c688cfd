"""Position sources: NMEA from a GNSS receiver on a serial/USB port, or a recorded log replayed.

No Qt here: the UI runs a source in a background thread and forwards its fixes by signal. Every
source is an iterator of ``fieldapp.domain.nmea.Fix``; a receiver that goes away raises a
``GnssSourceError`` (the environment's fault, with an English and a Chinese message), never
anything else.
"""

from fieldapp.gnss.errors import GnssSourceError, PortLost, PortUnavailable
from fieldapp.gnss.replay import LogReplay
from fieldapp.gnss.serial_port import SerialSource, open_source

__all__ = [
    "GnssSourceError",
    "LogReplay",
    "PortLost",
    "PortUnavailable",
    "SerialSource",
    "open_source",
]
