"""NMEA 0183 parsing: bytes or text in, fixes out. Pure: no I/O, no clock.

Two layers:

- ``parse_sentence(line)`` checks one line (checksum, shape) and returns a ``Sentence`` or the
  reason it was refused (``Rejected``). Nothing with a bad or missing checksum is ever trusted.
- ``FixAssembler`` merges the sentences of one epoch (GGA, RMC, GLL, GNS, GSA, GSV, VTG, GST, ZDA
  from any talker: GP, GN, GL, GA, BD, GB, GQ/QZ, GI/IR, but also IN from integrated navigation
  systems, EC from chart plotters, II from instruments ...) into one ``Fix``. An epoch is the set of
  sentences carrying the same UTC time of day; it closes when a sentence with another time
  arrives, or when the caller says the receiver went quiet (``flush``) or the stream ended
  (``finish``). A receiver that sends nothing but GLL gives position fixes without a date (so
  without ``time``) and without an error estimate.

Sentences of one epoch can disagree: some receivers and marine multiplexers send RMC with the
previous second's position while GGA and GLL of the same second carry the current one. The
position is taken from the best sentence of the epoch, whatever their order: GGA, then GNS, then
GLL, then RMC (gpsd follows GGA there too).

A receiver in simulation mode (GGA quality 8, mode indicator ``S`` in RMC, GLL or GNS) gives
positions that are flagged ``simulated``: shown, never accepted as evidence
(``fieldapp.domain.position``).

A fix has a position only when the receiver says it is valid (GGA quality > 0, RMC/GLL status A,
GNS mode not N) and the coordinates are in range: placeholder positions such as latitude
``8960.000000`` with status V never become fixes. An epoch with a time but no valid position is a
time-only fix (mode ``none``). Times are UTC; a time needs a date (RMC or ZDA) to be reported.

The estimated horizontal error (``eph_m``) follows gpsd: the receiver's own GST error ellipse
(95 %, from the 1-sigma latitude and longitude errors) when it sends one, else HDOP × 19 m, gpsd's
95 % bound for a single-frequency receiver. It is an estimate, not a guarantee.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum

# Which sentence's position wins in an epoch (higher first): GGA and GNS carry the solution with
# its quality, GLL the current position, RMC is the one some devices send a second late.
POSITION_RANK = {"GGA": 4, "GNS": 3, "GLL": 2, "RMC": 1}
SIMULATOR = "S"  # the NMEA 2.3+ mode indicator of a simulated fix
GGA_SIMULATION = 8  # the GGA quality of a simulated fix

# gpsd's multiplier from HDOP to a 95 % horizontal error (metres): UERE for single-frequency GPS.
HDOP_TO_EPH_M = 19.0
# 1-sigma to 95 % for a two-dimensional error (sqrt of chi-square 2 dof at 0.95).
SIGMA_TO_CEP95 = 2.4477

MAX_LINE = 200  # NMEA says 82 characters; some receivers send longer. Longer is garbage.


class FixMode(Enum):
    """The kind of fix a receiver reports: none (time only or nothing), 2-D, 3-D."""

    NONE = "none"
    TWO_D = "2d"
    THREE_D = "3d"

    @property
    def rank(self) -> int:
        return {"none": 1, "2d": 2, "3d": 3}[self.value]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One checked sentence: talker (``GP``), type (``GGA``) and the fields after the type."""

    talker: str
    kind: str
    fields: tuple[str, ...]


class Rejected(Enum):
    """Why a line was not used."""

    EMPTY = "empty"
    GARBAGE = "garbage"  # no "$", too long, or not a sentence shape
    NO_CHECKSUM = "no_checksum"
    BAD_CHECKSUM = "bad_checksum"
    PROPRIETARY = "proprietary"  # $P...: vendor sentences, skipped


@dataclass(frozen=True, slots=True)
class Fix:
    """One epoch's merged position report. ``lat``/``lon`` are None for a time-only fix."""

    time: datetime | None  # UTC, None when the receiver has not yet given a date
    time_of_day: str | None  # the receiver's hhmmss.ss, as sent
    mode: FixMode
    lat: float | None = None
    lon: float | None = None
    alt_m: float | None = None  # above mean sea level
    satellites: int | None = None  # satellites used in the solution
    hdop: float | None = None
    eph_m: float | None = None  # estimated horizontal error, metres, 95 %
    speed_mps: float | None = None
    track_deg: float | None = None
    simulated: bool = False  # the receiver said it is simulating: never evidence

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def iso_time(self) -> str | None:
        """ISO 8601 UTC with milliseconds, as gpsd writes it: ``2014-12-31T03:07:19.000Z``."""
        if self.time is None:
            return None
        return self.time.strftime("%Y-%m-%dT%H:%M:%S.") + f"{self.time.microsecond // 1000:03d}Z"

    def as_json(self) -> dict[str, object]:
        """The fix as a JSON-ready dict (the `fieldapp gps check` line)."""
        out: dict[str, object] = {"time": self.iso_time, "mode": self.mode.value}
        if self.time is None and self.time_of_day:
            out["time_of_day"] = self.time_of_day
        if self.lat is not None and self.lon is not None:
            out["lat"] = round(self.lat, 9)
            out["lon"] = round(self.lon, 9)
        for key, value in (
            ("alt", self.alt_m),
            ("satellites", self.satellites),
            ("hdop", self.hdop),
            ("eph", None if self.eph_m is None else round(self.eph_m, 3)),
            ("speed", None if self.speed_mps is None else round(self.speed_mps, 3)),
            ("track", self.track_deg),
        ):
            if value is not None:
                out[key] = value
        if self.simulated:
            out["simulated"] = True
        return out


@dataclass(slots=True)
class ParseStats:
    """Counts of what a stream held: lines, good sentences by type, refusals by reason."""

    lines: int = 0
    sentences: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    rejected: dict[str, int] = field(default_factory=dict)
    fixes: int = 0
    fixes_with_position: int = 0

    @property
    def bad_checksums(self) -> int:
        return self.rejected.get(Rejected.BAD_CHECKSUM.value, 0)

    def as_json(self) -> dict[str, object]:
        return {
            "lines": self.lines,
            "sentences": self.sentences,
            "by_type": dict(sorted(self.by_kind.items())),
            "bad_checksums": self.bad_checksums,
            "rejected": dict(sorted(self.rejected.items())),
            "fixes": self.fixes,
            "fixes_with_position": self.fixes_with_position,
        }


# --- one line ---------------------------------------------------------------------------------


def checksum(body: str) -> int:
    """XOR of the characters between ``$`` and ``*``."""
    value = 0
    for byte in body.encode("ascii", "replace"):
        value ^= byte
    return value


def with_checksum(body: str) -> str:
    """``$`` + body + ``*HH``: a complete sentence for ``body`` (for tests and simulators)."""
    return f"${body}*{checksum(body):02X}"


def parse_sentence(line: str | bytes) -> Sentence | Rejected:
    """Check one line and split it, or say why not. Never raises on any input."""
    if isinstance(line, bytes | bytearray):
        line = bytes(line).decode("ascii", "replace")
    line = line.strip()
    if not line:
        return Rejected.EMPTY
    start = line.rfind("$")  # after garbage, a partial line, or the "$$" prefix some loggers add
    if start < 0:
        return Rejected.GARBAGE
    line = line[start + 1 :]
    if line[:1] == "P":
        return Rejected.PROPRIETARY
    if len(line) > MAX_LINE:
        return Rejected.GARBAGE
    star = line.rfind("*")
    if star < 0:
        return Rejected.NO_CHECKSUM
    body, given = line[:star], line[star + 1 : star + 3]
    if len(given) != 2 or not _is_hex(given):
        return Rejected.NO_CHECKSUM
    if int(given, 16) != checksum(body):
        return Rejected.BAD_CHECKSUM
    address, _, rest = body.partition(",")
    if len(address) != 5 or not address.isascii() or not address.isalnum():
        return Rejected.GARBAGE
    return Sentence(address[:2], address[2:], tuple(rest.split(",")) if rest else ())


def _is_hex(text: str) -> bool:
    return all(c in "0123456789ABCDEFabcdef" for c in text)


# --- field decoding: every function returns None on anything odd --------------------------------


def _float(text: str) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _int(text: str) -> int | None:
    if not text or not text.isdigit():
        return None
    return int(text)


def _coordinate(value: str, hemisphere: str, max_degrees: int) -> float | None:
    """``ddmm.mmmm`` (or ``dddmm.mmmm``) plus N/S/E/W → signed decimal degrees, None if invalid."""
    if not value or hemisphere not in ("N", "S", "E", "W"):
        return None
    dot = value.find(".")
    head = value if dot < 0 else value[:dot]
    if len(head) < 3 or not head.isdigit():
        return None
    minutes = _float(value[len(head) - 2 :])
    degrees = int(head[:-2])
    if minutes is None or minutes < 0 or minutes >= 60 or degrees > max_degrees:
        return None
    result = degrees + minutes / 60.0
    if result > max_degrees:
        return None
    if (hemisphere in ("N", "S")) != (max_degrees == 90):
        return None
    return -result if hemisphere in ("S", "W") else result


def _time_of_day(text: str) -> time | None:
    if len(text) < 6 or not text[:6].isdigit():
        return None
    hour, minute, second = int(text[:2]), int(text[2:4]), int(text[4:6])
    micro = 0
    if len(text) > 6:
        if text[6] != "." or not text[7:].isdigit():
            return None
        micro = round(float("0" + text[6:]) * 1_000_000)
        if micro >= 1_000_000:
            micro = 999_999
    if hour > 23 or minute > 59 or second > 60:
        return None
    if second == 60:  # leap second: keep it inside the minute rather than invent a date change
        second, micro = 59, 999_999
    return time(hour, minute, second, micro)


def _rmc_date(text: str) -> date | None:
    if len(text) != 6 or not text.isdigit():
        return None
    day, month, yy = int(text[:2]), int(text[2:4]), int(text[4:6])
    year = 1900 + yy if yy >= 80 else 2000 + yy  # the usual NMEA century pivot
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _zda_date(fields: tuple[str, ...]) -> date | None:
    if len(fields) < 4:
        return None
    day, month, year = _int(fields[1]), _int(fields[2]), _int(fields[3])
    if day is None or month is None or year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- epochs -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Epoch:
    """What the sentences of one epoch have said so far."""

    time_text: str | None = None
    time_of_day: time | None = None
    lat: float | None = None
    lon: float | None = None
    position_rank: int = 0  # POSITION_RANK of the sentence the position came from
    alt_m: float | None = None
    simulated: bool = False  # some sentence said the receiver is simulating
    quality_valid: bool = False  # some sentence said the position is valid
    quality_invalid: bool = False  # some sentence said it is not
    gsa_mode: int | None = None
    gsa_used: set[str] = field(default_factory=set)
    satellites: int | None = None
    hdop: float | None = None
    gst_sigma_m: float | None = None
    speed_mps: float | None = None
    track_deg: float | None = None
    seen: int = 0  # sentences merged into this epoch


KNOTS_TO_MPS = 1852.0 / 3600.0


class FixAssembler:
    """Merges a stream of NMEA into one ``Fix`` per epoch; counts everything it refuses.

    ``feed(data)`` accepts bytes or text in arbitrary chunks (a partial line waits for the rest);
    it returns the fixes of the epochs that closed. ``flush()`` closes the open epoch (the receiver
    went quiet), ``finish()`` also parses a last unterminated line.
    """

    def __init__(self, stats: ParseStats | None = None) -> None:
        self.stats = stats if stats is not None else ParseStats()  # shared: counts add up
        self._pending = ""
        self._epoch = _Epoch()
        self._date: date | None = None
        self._last_utc: datetime | None = None

    # input

    def feed(self, data: str | bytes) -> list[Fix]:
        if isinstance(data, bytes | bytearray):
            data = bytes(data).decode("ascii", "replace")
        text = self._pending + data
        lines = text.replace("\r", "\n").split("\n")
        self._pending = lines.pop()
        if len(self._pending) > 4 * MAX_LINE:  # a stream of garbage with no newline
            self._count_rejected(Rejected.GARBAGE)
            self._pending = ""
        out: list[Fix] = []
        for line in lines:
            if line:
                self._feed_line(line, out)
        return out

    def feed_lines(self, lines: Iterable[str | bytes]) -> list[Fix]:
        """Each item is one whole line (no partial-line buffering)."""
        out: list[Fix] = []
        for line in lines:
            if isinstance(line, bytes | bytearray):
                line = bytes(line).decode("ascii", "replace")
            self._feed_line(line, out)
        return out

    def flush(self) -> list[Fix]:
        """Close the open epoch and return its fix, if it had a time."""
        out: list[Fix] = []
        self._close_epoch(out)
        return out

    def finish(self) -> list[Fix]:
        """End of stream: parse the last unterminated line, then flush."""
        out: list[Fix] = []
        if self._pending.strip():
            self._feed_line(self._pending, out)
        self._pending = ""
        self._close_epoch(out)
        return out

    # internals

    def _count_rejected(self, reason: Rejected) -> None:
        self.stats.rejected[reason.value] = self.stats.rejected.get(reason.value, 0) + 1

    def _feed_line(self, line: str, out: list[Fix]) -> None:
        stripped = line.strip()
        if not stripped or stripped[0] == "#":  # comments in recorded logs
            return
        self.stats.lines += 1
        sentence = parse_sentence(stripped)
        if isinstance(sentence, Rejected):
            self._count_rejected(sentence)
            return
        self.stats.sentences += 1
        kind = sentence.kind
        self.stats.by_kind[kind] = self.stats.by_kind.get(kind, 0) + 1
        handler = _HANDLERS.get(kind)
        if handler is not None:
            handler(self, sentence.fields, out)

    def _start_time(self, text: str, out: list[Fix]) -> bool:
        """Enter the epoch of time ``text``; False if the time is unreadable (sentence ignored)."""
        if not text:
            return True  # untimed (e.g. an empty GGA before a fix): belongs to the open epoch
        tod = _time_of_day(text)
        if tod is None:
            return False
        epoch = self._epoch
        if epoch.time_of_day is not None and epoch.time_of_day != tod:
            self._close_epoch(out)
            epoch = self._epoch
        if epoch.time_of_day is None:
            # Untimed status sentences seen before this one ("$GPRMC,,V,...") belong to no epoch.
            epoch.time_of_day = tod
            epoch.time_text = text
            epoch.quality_valid = epoch.quality_invalid = False
            epoch.lat = epoch.lon = None
            epoch.position_rank = 0
            epoch.simulated = False
        return True

    def _close_epoch(self, out: list[Fix]) -> None:
        epoch = self._epoch
        self._epoch = _Epoch()
        if epoch.time_of_day is None:
            return
        fix = self._make_fix(epoch)
        self.stats.fixes += 1
        if fix.has_position:
            self.stats.fixes_with_position += 1
        out.append(fix)

    def _utc(self, tod: time) -> datetime | None:
        if self._date is None:
            return None
        utc = datetime.combine(self._date, tod, tzinfo=UTC)
        last = self._last_utc
        # An epoch past midnight before the next RMC/ZDA brings the new date.
        if last is not None and utc < last - timedelta(hours=12):
            utc += timedelta(days=1)
        return utc

    def _make_fix(self, epoch: _Epoch) -> Fix:
        assert epoch.time_of_day is not None
        utc = self._utc(epoch.time_of_day)
        if utc is not None:
            self._last_utc = utc
        valid = (
            epoch.quality_valid
            and not epoch.quality_invalid
            and epoch.lat is not None
            and epoch.lon is not None
        )
        satellites = epoch.satellites
        if satellites is None and epoch.gsa_used:
            satellites = len(epoch.gsa_used)
        if not valid:
            return Fix(utc, epoch.time_text, FixMode.NONE, satellites=satellites, hdop=epoch.hdop)
        if epoch.gsa_mode in (2, 3):
            mode = FixMode.THREE_D if epoch.gsa_mode == 3 else FixMode.TWO_D
        else:
            mode = FixMode.THREE_D if epoch.alt_m is not None else FixMode.TWO_D
        if epoch.gst_sigma_m is not None:
            eph: float | None = epoch.gst_sigma_m * SIGMA_TO_CEP95
        elif epoch.hdop is not None:
            eph = epoch.hdop * HDOP_TO_EPH_M
        else:
            eph = None
        return Fix(
            utc,
            epoch.time_text,
            mode,
            lat=epoch.lat,
            lon=epoch.lon,
            alt_m=epoch.alt_m if mode is FixMode.THREE_D else None,
            satellites=satellites,
            hdop=epoch.hdop,
            eph_m=eph,
            speed_mps=epoch.speed_mps,
            track_deg=epoch.track_deg,
            simulated=epoch.simulated,
        )

    def _set_position(self, kind: str, lat_text: str, ns: str, lon_text: str, ew: str) -> None:
        """Take this sentence's position unless a better sentence of the epoch gave one."""
        lat = _coordinate(lat_text, ns, 90)
        lon = _coordinate(lon_text, ew, 180)
        rank = POSITION_RANK[kind]
        epoch = self._epoch
        if lat is not None and lon is not None and rank > epoch.position_rank:
            epoch.lat, epoch.lon, epoch.position_rank = lat, lon, rank

    def _mark(self, valid: bool | None) -> None:
        if valid is True:
            self._epoch.quality_valid = True
        elif valid is False:
            self._epoch.quality_invalid = True

    # sentence handlers: each takes the fields after the sentence type

    def _gga(self, f: tuple[str, ...], out: list[Fix]) -> None:
        if len(f) < 9 or not self._start_time(f[0], out):
            return
        quality = _int(f[5])
        if quality is None:
            return
        self._mark(quality > 0 and quality != 6)  # 6 = dead reckoning: not a measured position
        if quality > 0 and quality != 6:
            if quality == GGA_SIMULATION:
                self._epoch.simulated = True
            self._set_position("GGA", f[1], f[2], f[3], f[4])
            epoch = self._epoch
            if epoch.satellites is None:
                epoch.satellites = _int(f[6])
            if epoch.hdop is None:
                epoch.hdop = _float(f[7])
            if epoch.alt_m is None:
                epoch.alt_m = _float(f[8])

    def _rmc(self, f: tuple[str, ...], out: list[Fix]) -> None:
        if len(f) < 9:
            return
        day = _rmc_date(f[8])
        if day is not None and f[0]:
            self._date = day
        if not self._start_time(f[0], out):
            return
        status = f[1]
        # NMEA 4.1 adds a mode indicator (f[11]); N means no fix even with status A.
        mode = f[11] if len(f) > 11 else ""
        if status == "A" and mode != "N":
            self._mark(True)
            if mode == SIMULATOR:
                self._epoch.simulated = True
            self._set_position("RMC", f[2], f[3], f[4], f[5])
            knots = _float(f[6])
            if knots is not None and self._epoch.speed_mps is None:
                self._epoch.speed_mps = knots * KNOTS_TO_MPS
            if self._epoch.track_deg is None:
                self._epoch.track_deg = _float(f[7])
        elif status == "V":
            self._mark(False)

    def _gll(self, f: tuple[str, ...], out: list[Fix]) -> None:
        if len(f) < 6 or not self._start_time(f[4], out):
            return
        mode = f[6] if len(f) > 6 else ""
        if f[5] == "A" and mode != "N":
            self._mark(True)
            if mode == SIMULATOR:
                self._epoch.simulated = True
            self._set_position("GLL", f[0], f[1], f[2], f[3])
        elif f[5] == "V":
            self._mark(False)

    def _gns(self, f: tuple[str, ...], out: list[Fix]) -> None:
        if len(f) < 9 or not self._start_time(f[0], out):
            return
        modes = f[5]
        if not modes:
            return
        if all(m == "N" for m in modes):
            self._mark(False)
            return
        if any(m in "ADPRFMS" for m in modes):
            self._mark(True)
            if SIMULATOR in modes:
                self._epoch.simulated = True
            self._set_position("GNS", f[1], f[2], f[3], f[4])
            epoch = self._epoch
            if epoch.satellites is None:
                epoch.satellites = _int(f[6])
            if epoch.hdop is None:
                epoch.hdop = _float(f[7])
            if epoch.alt_m is None:
                epoch.alt_m = _float(f[8])

    def _gsa(self, f: tuple[str, ...], out: list[Fix]) -> None:
        if len(f) < 17:
            return
        mode = _int(f[1])
        epoch = self._epoch
        if mode in (1, 2, 3):
            epoch.gsa_mode = mode if epoch.gsa_mode is None else max(epoch.gsa_mode, mode)
        # Multi-constellation receivers send one GSA per system (GN talker, system id at f[17]).
        system = f[17] if len(f) > 17 else ""
        for prn in f[2:14]:
            if prn:
                epoch.gsa_used.add(system + ":" + prn)
        if epoch.hdop is None:
            epoch.hdop = _float(f[15])

    def _vtg(self, f: tuple[str, ...], out: list[Fix]) -> None:
        if len(f) < 7:
            return
        epoch = self._epoch
        if epoch.track_deg is None:
            epoch.track_deg = _float(f[0])
        if epoch.speed_mps is None:
            kmh = _float(f[6])
            if kmh is not None:
                epoch.speed_mps = kmh / 3.6

    def _gst(self, f: tuple[str, ...], out: list[Fix]) -> None:
        if len(f) < 7 or not self._start_time(f[0], out):
            return
        lat_sigma, lon_sigma = _float(f[5]), _float(f[6])
        if lat_sigma is not None and lon_sigma is not None and lat_sigma >= 0 and lon_sigma >= 0:
            self._epoch.gst_sigma_m = math.hypot(lat_sigma, lon_sigma) / math.sqrt(2)

    def _zda(self, f: tuple[str, ...], out: list[Fix]) -> None:
        day = _zda_date(f)
        if day is None:
            return
        self._date = day
        self._start_time(f[0], out)

    def _ignore(self, f: tuple[str, ...], out: list[Fix]) -> None:
        return


_HANDLERS = {
    "GGA": FixAssembler._gga,
    "RMC": FixAssembler._rmc,
    "GLL": FixAssembler._gll,
    "GNS": FixAssembler._gns,
    "GSA": FixAssembler._gsa,
    "VTG": FixAssembler._vtg,
    "GST": FixAssembler._gst,
    "ZDA": FixAssembler._zda,
    "GSV": FixAssembler._ignore,  # satellites in view: counted, not needed for a fix
}


def parse_fixes(data: str | bytes) -> tuple[list[Fix], ParseStats]:
    """All fixes in a whole log, and its statistics."""
    assembler = FixAssembler()
    fixes = assembler.feed(data)
    fixes.extend(assembler.finish())
    return fixes, assembler.stats


def iter_fixes(
    chunks: Iterable[str | bytes], assembler: FixAssembler | None = None
) -> Iterator[Fix]:
    """Fixes from a stream of chunks, as each epoch closes."""
    assembler = assembler or FixAssembler()
    for chunk in chunks:
        yield from assembler.feed(chunk)
    yield from assembler.finish()
