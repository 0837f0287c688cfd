"""A receiver on the network: NMEA over TCP, ``tcp://host:port``.

Many receivers, NMEA multiplexers and serial-to-network bridges serve their sentences on a TCP
port; gpsd does too (on 2947 after a ``?WATCH={"nmea":true}``, which is sent here when the server
greets with gpsd's ``{"class":"VERSION"...}`` banner). One ``NetworkSource.fixes`` call is one
connection: a connection that cannot be made raises ``PortUnavailable``, one that drops, is closed
by the other end or stays silent for ``silence_s`` raises ``PortLost``. Reconnecting is the
caller's (``fieldapp.gnss.reconnect``), as for a USB receiver that is unplugged and plugged back.
Bytes that are not NMEA (a banner, JSON, binary noise) are counted and skipped by the parser.
"""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from fieldapp.domain.nmea import Fix, FixAssembler, ParseStats
from fieldapp.gnss.errors import PortLost, PortUnavailable

SCHEME = "tcp://"
CONNECT_TIMEOUT_S = 5.0
GPSD_BANNER = b'{"class":"VERSION"'
GPSD_WATCH = b'?WATCH={"enable":true,"nmea":true};\n'


@dataclass(frozen=True, slots=True)
class NetworkAddress:
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{SCHEME}{host}:{self.port}"


def is_network_spec(spec: str) -> bool:
    """True when ``spec`` names a network source (``tcp://...``)."""
    return spec.strip().lower().startswith(SCHEME)


def parse_address(spec: str) -> NetworkAddress:
    """``tcp://host:port`` → address, or PortUnavailable saying what is wrong with it."""
    text = spec.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        port, parts = None, None
    if parts is None or parts.scheme.lower() != "tcp" or not parts.hostname or port is None:
        raise PortUnavailable(
            f"{text!r} is not a network source: write tcp://host:port (e.g. tcp://192.168.1.20:2947)",
            f"“{text}”不是有效的网络定位来源：请写成 tcp://主机:端口（如 tcp://192.168.1.20:2947）",
        )
    if parts.path not in ("", "/") or parts.query or parts.username:
        raise PortUnavailable(
            f"{text!r}: a network source is only tcp://host:port",
            f"“{text}”：网络定位来源只能写成 tcp://主机:端口",
        )
    if port == 0:
        raise PortUnavailable(f"{text!r}: port 0 is not a port", f"“{text}”：端口不能为 0")
    return NetworkAddress(parts.hostname, port)


Connect = Callable[[tuple[str, int], float], socket.socket]


class NetworkSource:
    """Iterate fixes from ``tcp://host:port`` until ``stop()`` says so or the connection is lost.

    ``quiet_s``: a pause this long closes the epoch (as for a serial receiver); ``silence_s``: no
    byte at all for this long means the other end is gone.
    """

    def __init__(
        self,
        spec: str,
        *,
        quiet_s: float = 0.2,
        silence_s: float = 10.0,
        connect: Connect = socket.create_connection,
    ) -> None:
        self.address = parse_address(spec)
        self.spec = str(self.address)
        self.quiet_s = quiet_s
        self.silence_s = silence_s
        self._connect = connect
        self.stats = ParseStats()
        self.connections = 0  # made so far (a reconnection adds one)

    def fixes(self, stop: Callable[[], bool] = lambda: False) -> Iterator[Fix]:
        sock = self._open()
        assembler = FixAssembler(self.stats)  # counts add up over reconnections
        last_byte = time.monotonic()
        first = True
        try:
            while not stop():
                data = self._read(sock)
                now = time.monotonic()
                if data is None:  # quiet: the burst of this epoch is over
                    yield from assembler.flush()
                    if now - last_byte > self.silence_s:
                        raise PortLost.for_network(
                            self.spec,
                            f"nothing received for {self.silence_s:g} s",
                            f"{self.silence_s:g} 秒内未收到任何数据",
                        )
                    continue
                if not data:  # what arrived whole is good: report it, then the loss
                    yield from assembler.finish()
                    raise PortLost.for_network(
                        self.spec, "closed by the other end", "对方关闭了连接"
                    )
                last_byte = now
                if first and data.lstrip().startswith(GPSD_BANNER):
                    self._send(sock, GPSD_WATCH)  # gpsd: ask for its NMEA
                first = False
                yield from assembler.feed(data)
            yield from assembler.finish()
        finally:
            with contextlib.suppress(OSError):
                sock.close()

    def __iter__(self) -> Iterator[Fix]:
        return self.fixes()

    def _open(self) -> socket.socket:
        try:
            sock = self._connect((self.address.host, self.address.port), CONNECT_TIMEOUT_S)
        except OSError as exc:
            raise PortUnavailable.for_source(self.spec, *_reason(exc)) from exc
        sock.settimeout(self.quiet_s)
        self.connections += 1
        return sock

    def _read(self, sock: socket.socket) -> bytes | None:
        """Bytes received, ``b""`` when the other end closed, None when nothing came in time."""
        try:
            return sock.recv(4096)
        except TimeoutError:
            return None
        except OSError as exc:  # reset, network unreachable ...
            raise PortLost.for_network(self.spec, *_reason(exc)) from exc

    def _send(self, sock: socket.socket, data: bytes) -> None:
        try:
            sock.sendall(data)
        except OSError as exc:
            raise PortLost.for_network(self.spec, *_reason(exc)) from exc


def _reason(exc: OSError) -> tuple[str, str]:
    """What went wrong, in English and in Chinese."""
    if isinstance(exc, socket.gaierror):
        return "unknown host name", "找不到该主机名"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused: nothing listens on that port", "连接被拒绝：该端口没有服务"
    if isinstance(exc, ConnectionResetError):
        return "connection reset", "连接被重置"
    if isinstance(exc, TimeoutError):
        return "no answer", "无应答"
    detail = exc.strerror or str(exc) or type(exc).__name__
    return detail, f"网络错误：{detail}"
