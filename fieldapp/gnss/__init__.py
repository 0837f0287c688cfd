"""Position sources: NMEA from a GNSS receiver on a serial/USB port, from the network
(``tcp://host:port``), or a recorded log replayed. ``follow`` reopens a live one after it drops.

No Qt here: the UI runs a source in a background thread and forwards its fixes by signal. Every
source is an iterator of ``fieldapp.domain.nmea.Fix``; a receiver that goes away raises a
``GnssSourceError`` (the environment's fault, with an English and a Chinese message), never
anything else.
"""

from fieldapp.gnss.errors import GnssSourceError, PortLost, PortUnavailable
from fieldapp.gnss.network import NetworkSource, is_network_spec, parse_address
from fieldapp.gnss.replay import LogReplay
from fieldapp.gnss.serial_port import SerialSource, drain, follow, is_live, open_source

__all__ = [
    "GnssSourceError",
    "LogReplay",
    "NetworkSource",
    "PortLost",
    "PortUnavailable",
    "SerialSource",
    "drain",
    "follow",
    "is_live",
    "is_network_spec",
    "open_source",
    "parse_address",
]
