"""A GNSS receiver on a serial or USB port, read with pyserial (no Qt needed, works on Windows,
Linux and macOS); and ``open_source`` choosing between a port, a network source (``tcp://``) and a
recorded log.

Receivers send each epoch as a burst of sentences and then fall silent until the next second; the
reader closes the epoch when the line goes quiet (``quiet_s``), so a fix is reported as soon as its
burst ends instead of when the next one begins. A port that vanishes mid-session (USB unplugged)
ends the iteration with ``PortLost``; it never crashes the caller.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from fieldapp.domain.nmea import Fix, FixAssembler, ParseStats
from fieldapp.gnss.errors import PortLost, PortUnavailable
from fieldapp.gnss.network import NetworkSource, is_network_spec
from fieldapp.gnss.reconnect import reconnecting
from fieldapp.gnss.replay import LogReplay

DEFAULT_BAUD = 9600
LOG_SUFFIXES = frozenset({".log", ".nmea", ".txt", ".ubx"})  # a missing file, not a port name


class BytePort(Protocol):
    """What the reader needs of a port (pyserial's ``Serial`` has it)."""

    @property
    def in_waiting(self) -> int: ...

    def read(self, size: int = 1) -> bytes: ...

    def close(self) -> None: ...


def open_serial(port: str, baudrate: int, timeout_s: float) -> BytePort:
    """Open a port with pyserial, or raise PortUnavailable with the reason."""
    import serial  # lazily: only technicians with a receiver pay for the import

    try:
        return serial.Serial(port, baudrate=baudrate, timeout=timeout_s)
    except (serial.SerialException, OSError, ValueError) as exc:
        raise PortUnavailable.for_source(port, str(exc)) from exc


class SerialSource:
    """Iterate fixes from a receiver on ``port`` until ``stop()`` says so or the port is lost."""

    def __init__(
        self,
        port: str,
        baudrate: int = DEFAULT_BAUD,
        *,
        quiet_s: float = 0.2,
        open_port: Callable[[str, int, float], BytePort] = open_serial,
    ) -> None:
        self.port = port
        self.baudrate = baudrate
        self.quiet_s = quiet_s
        self._open_port = open_port
        self.stats = ParseStats()

    def fixes(self, stop: Callable[[], bool] = lambda: False) -> Iterator[Fix]:
        handle = self._open_port(self.port, self.baudrate, self.quiet_s)
        assembler = FixAssembler(self.stats)  # counts add up over reconnections
        try:
            while not stop():
                data = self._read(handle)
                if data:
                    yield from assembler.feed(data)
                else:  # quiet line: the burst of this epoch is over
                    yield from assembler.flush()
            yield from assembler.finish()
        finally:
            with contextlib.suppress(OSError):  # closing a port that is already gone may fail
                handle.close()

    def __iter__(self) -> Iterator[Fix]:
        return self.fixes()

    def _read(self, handle: BytePort) -> bytes:
        try:
            return handle.read(max(1, handle.in_waiting))
        except OSError as exc:  # pyserial's SerialException is an OSError
            raise PortLost.for_source(self.port, str(exc) or type(exc).__name__) from exc


def list_ports() -> list[str]:
    """The serial ports this machine has now (for a picker in the UI)."""
    from serial.tools import list_ports as lp

    return sorted(p.device for p in lp.comports())


Source = LogReplay | SerialSource | NetworkSource


def open_source(source: str, *, baudrate: int = DEFAULT_BAUD, speed: float | None = None) -> Source:
    """``tcp://host:port`` a network source; a recorded log when ``source`` is a regular file;
    else a serial port by that name."""
    if not source.strip():
        raise PortUnavailable(
            "No position source is set: choose the receiver's port, tcp://host:port or a log.",
            "尚未设置定位来源：请选择接收机端口、tcp://主机:端口 或日志文件。",
        )
    if is_network_spec(source):
        return NetworkSource(source)
    path = Path(source)
    if path.is_file():
        return LogReplay(path, speed=speed)
    if path.is_dir():
        raise PortUnavailable.for_source(source, "a directory is neither a port nor a log")
    if path.suffix.lower() in LOG_SUFFIXES:
        raise PortUnavailable.for_source(source, "no such log file")
    return SerialSource(source, baudrate)


def drain(source: Source, stop: Callable[[], bool] | None = None) -> Iterator[Fix]:
    """Fixes of any kind of source, one opening (a replay ignores ``stop``)."""
    if isinstance(source, SerialSource | NetworkSource):
        return source.fixes(stop or (lambda: False))
    return iter(source)


def is_live(source: Source) -> bool:
    """A receiver (port or network) rather than a recording."""
    return not isinstance(source, LogReplay)


def follow(
    source: Source,
    stop: Callable[[], bool],
    *,
    retry_s: float = 2.0,
    on_lost: Callable[[Exception], None] = lambda exc: None,
    on_restored: Callable[[], None] = lambda: None,
) -> Iterator[Fix]:
    """Fixes of ``source``; a live one is reopened after it drops (``reconnect.reconnecting``)."""
    if not is_live(source):
        return iter(source)
    return reconnecting(
        lambda: drain(source, stop),
        stop,
        retry_s=retry_s,
        on_lost=on_lost,
        on_restored=on_restored,
    )


def monotonic_deadline(seconds: float | None) -> Callable[[], bool]:
    """A ``stop`` callable that turns true after ``seconds`` (never, for None)."""
    if seconds is None:
        return lambda: False
    end = time.monotonic() + seconds
    return lambda: time.monotonic() >= end
