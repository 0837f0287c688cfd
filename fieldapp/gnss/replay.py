"""Replay of a recorded NMEA log: as fast as wanted (tests, diagnostics) or paced (training)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp.domain.nmea import Fix, FixAssembler, ParseStats
from fieldapp.gnss.errors import PortUnavailable

CHUNK = 64 * 1024
MAX_PAUSE_S = 2.0  # a gap in the recording (receiver off, log spliced) is not replayed in full


@dataclass
class LogReplay:
    """Iterate the fixes of an NMEA log file.

    ``speed`` None replays as fast as the parser goes; 1.0 waits between fixes as long as the
    recording did (gaps capped at ``MAX_PAUSE_S``), 10.0 ten times faster. ``stats`` holds the
    sentence counts once iteration has run.
    """

    path: Path
    speed: float | None = None
    sleep: Callable[[float], None] = time.sleep
    stats: ParseStats = field(default_factory=ParseStats)

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        if self.speed is not None and not self.speed > 0:
            raise ValueError(f"replay speed must be positive, not {self.speed}")

    def __iter__(self) -> Iterator[Fix]:
        try:
            handle = self.path.open("rb")
        except OSError as exc:
            raise PortUnavailable.for_source(str(self.path), exc.strerror or str(exc)) from exc
        assembler = FixAssembler()
        self.stats = assembler.stats
        previous: Fix | None = None
        with handle:
            while chunk := handle.read(CHUNK):
                for fix in assembler.feed(chunk):
                    self._pace(previous, fix)
                    previous = fix
                    yield fix
        for fix in assembler.finish():
            self._pace(previous, fix)
            yield fix

    def _pace(self, previous: Fix | None, fix: Fix) -> None:
        if self.speed is None or previous is None or previous.time is None or fix.time is None:
            return
        gap = (fix.time - previous.time).total_seconds()
        if gap > 0:
            self.sleep(min(gap, MAX_PAUSE_S) / self.speed)
