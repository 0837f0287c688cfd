"""A receiver on the network for tests: a real TCP server on loopback that replays a real NMEA log
as the receiver sent it, one epoch (burst of sentences) at a time, and can misbehave on request:
drop every connection, send garbage bytes, greet like gpsd."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from pathlib import Path

GPSD_BANNER = (
    b'{"class":"VERSION","release":"3.25","rev":"3.25","proto_major":3,"proto_minor":15}\n'
)


def epochs(log: Path) -> list[bytes]:
    """The log's lines grouped into bursts: a new burst starts at each GGA or RMC with a new time."""
    bursts: list[list[bytes]] = [[]]
    last_time = None
    for line in log.read_bytes().splitlines(keepends=True):
        if line.startswith(b"#"):
            continue
        head = line.lstrip(b"$")[2:6]
        if head in (b"GGA,", b"RMC,"):
            t = line.split(b",")[1]
            if t and last_time is not None and t != last_time and bursts[-1]:
                bursts.append([])
            last_time = t or last_time
        bursts[-1].append(line)
    return [b"".join(b) for b in bursts if b]


class NmeaServer:
    """Serves ``log`` on 127.0.0.1:``port``. Each connection gets the bursts from where the last
    connection stopped (a receiver goes on while nobody listens), ``interval_s`` apart.

    ``drop_after``: close each connection after this many bursts (a flaky link);
    ``garbage``: bytes sent before every burst; ``gpsd``: greet with gpsd's banner and wait for the
    ``?WATCH`` before sending NMEA.
    """

    def __init__(
        self,
        log: Path,
        *,
        interval_s: float = 0.02,
        drop_after: int | None = None,
        garbage: bytes = b"",
        gpsd: bool = False,
    ) -> None:
        self.bursts = epochs(log)
        self.interval_s = interval_s
        self.drop_after = drop_after
        self.garbage = garbage
        self.gpsd = gpsd
        self.next_burst = 0
        self.connections = 0
        self.watch_requests: list[bytes] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="nmea-server", daemon=True)

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    @property
    def finished(self) -> bool:
        return self.next_burst >= len(self.bursts)

    def __enter__(self) -> NmeaServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            with conn, contextlib.suppress(OSError):
                self._talk(conn)

    def _talk(self, conn: socket.socket) -> None:
        if self.gpsd:
            conn.sendall(GPSD_BANNER)
            conn.settimeout(5)
            request = conn.recv(200)
            self.watch_requests.append(request)
            if b'"nmea":true' not in request:
                return
            conn.sendall(b'{"class":"DEVICES","devices":[]}\n{"class":"WATCH","nmea":true}\n')
        sent = 0
        while not self._stop.is_set() and not self.finished:
            if self.drop_after is not None and sent >= self.drop_after:
                conn.shutdown(socket.SHUT_RDWR)  # the link drops
                return
            conn.sendall(self.garbage + self.bursts[self.next_burst])
            self.next_burst += 1
            sent += 1
            time.sleep(self.interval_s)
        while not self._stop.is_set():  # the log is over: an idle receiver, connection kept
            time.sleep(0.02)
