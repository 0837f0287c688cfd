"""A TCP proxy on 127.0.0.1 that breaks HTTP/1.1 connections on a seeded random schedule.

Every accepted connection carries one request (the proxy forwards it with ``Connection: close``
and closes after one answer). For each connection the schedule draws one fault:

- ``pass``: forwarded untouched;            ``delay``: held a few milliseconds first;
- ``throttle``: both ways in small pieces with pauses;
- ``truncate_request``: only part of the request reaches the server, then both ends close
  (for a photo chunk, the server keeps the bytes that arrived);
- ``reset``: the client's connection is reset before anything is forwarded;
- ``blackhole``: the request is swallowed, nothing ever answers (the client's timeout fires);
- ``duplicate``: the request reaches the server twice (two connections), one answer returns;
- ``drop_response``: the server answers (it has committed), the client's connection is reset;
- ``truncate_response``: part of the answer arrives, then the connection is reset.

The same seed draws the same faults in the same order: one proxy per device keeps its sequence
of requests, so a failing seed can be replayed. ``bytes_up`` counts request bytes the proxy read.
"""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
import time
from dataclasses import dataclass, field

FAULTS = (
    "delay",
    "throttle",
    "truncate_request",
    "reset",
    "blackhole",
    "duplicate",
    "drop_response",
    "truncate_response",
)
MAX_HEADER = 64 * 1024


@dataclass
class Schedule:
    """Which fault each new connection gets: ``rate`` of them get one of ``kinds``."""

    seed: int
    rate: float = 0.3
    kinds: tuple[str, ...] = FAULTS
    weights: tuple[float, ...] | None = None
    max_delay_s: float = 0.01
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def draw(self) -> tuple[str, float]:
        """(fault, a number in [0, 1) that places it: where to cut, how long to wait)."""
        if self.rng.random() >= self.rate:
            return "pass", self.rng.random()
        return self.rng.choices(self.kinds, self.weights)[0], self.rng.random()


class FaultProxy:
    """Listens on 127.0.0.1 (a free port) and forwards to ``upstream`` through the schedule."""

    def __init__(self, upstream: tuple[str, int], schedule: Schedule | None = None) -> None:
        self.upstream = upstream
        self.schedule = schedule
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._open: set[socket.socket] = set()
        self.bytes_up = 0
        self.connections = 0
        self.faults: dict[str, int] = {}
        self._acceptor = threading.Thread(target=self._accept, name="fault-proxy", daemon=True)
        self._acceptor.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_schedule(self, schedule: Schedule | None) -> None:
        with self._lock:
            self.schedule = schedule

    def close(self) -> None:
        self._stop.set()
        self._acceptor.join(timeout=5)
        with self._lock:
            for s in list(self._open):
                with contextlib.suppress(OSError):
                    s.close()
        for t in self._threads:
            t.join(timeout=5)
        self._listener.close()

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the connections -------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                schedule = self.schedule
                fault, where = schedule.draw() if schedule else ("pass", 0.0)
                self.connections += 1
                self.faults[fault] = self.faults.get(fault, 0) + 1
                self._open.add(client)
                self._threads = [t for t in self._threads if t.is_alive()]
                delay = schedule.max_delay_s if schedule else 0.0
            t = threading.Thread(
                target=self._serve, args=(client, fault, where, delay), daemon=True
            )
            self._threads.append(t)
            t.start()

    def _serve(self, client: socket.socket, fault: str, where: float, max_delay: float) -> None:
        client.settimeout(10)
        try:
            if fault == "reset":
                _reset(client)
                return
            request = self._read_request(client)
            if request is None:
                return
            if fault == "blackhole":
                self._swallow(client)
                return
            if fault == "delay":
                time.sleep(max_delay * where)
            if fault == "truncate_request":
                cut = max(1, int(len(request) * where))
                with contextlib.suppress(OSError):
                    self._exchange(request[:cut], read_answer=False)
                _reset(client)
                return
            if fault == "duplicate":
                self._exchange(request)
            answer = self._exchange(request, throttle=fault == "throttle")
            if fault == "drop_response":
                _reset(client)
                return
            if fault == "truncate_response":
                answer = answer[: int(len(answer) * where)]
                client.sendall(answer)
                _reset(client)
                return
            if fault == "throttle":
                for i in range(0, len(answer), 512):
                    client.sendall(answer[i : i + 512])
                    time.sleep(0.0005)
            else:
                client.sendall(answer)
            client.close()
        except OSError:
            _reset(client)
        finally:
            with self._lock:
                self._open.discard(client)

    def _read_request(self, client: socket.socket) -> bytes | None:
        data = b""
        read = 0
        while b"\r\n\r\n" not in data:
            piece = client.recv(65536)
            if not piece:
                client.close()
                return None
            data += piece
            read += len(piece)
            if len(data) > MAX_HEADER and b"\r\n\r\n" not in data:
                _reset(client)
                return None
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        length = 0
        kept = [lines[0]]
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            lname = name.strip().lower()
            if lname == b"content-length":
                length = int(value.strip())
            if lname in (b"connection", b"keep-alive"):
                continue
            kept.append(line)
        kept.append(b"Connection: close")
        while len(body) < length:
            piece = client.recv(min(1 << 20, length - len(body)))
            if not piece:
                client.close()
                return None
            body += piece
            read += len(piece)
        with self._lock:
            self.bytes_up += read
        return b"\r\n".join(kept) + b"\r\n\r\n" + body

    def _exchange(
        self, request: bytes, *, throttle: bool = False, read_answer: bool = True
    ) -> bytes:
        with socket.create_connection(self.upstream, timeout=30) as up:
            if throttle:
                for i in range(0, len(request), 4096):
                    up.sendall(request[i : i + 4096])
                    time.sleep(0.0005)
            else:
                up.sendall(request)
            if not read_answer:
                _reset(up)
                return b""
            chunks: list[bytes] = []
            while True:
                piece = up.recv(65536)
                if not piece:
                    return b"".join(chunks)
                chunks.append(piece)

    def _swallow(self, client: socket.socket) -> None:
        """Hold the connection open and silent until the client gives up (or we stop)."""
        client.settimeout(0.1)
        deadline = time.monotonic() + 30
        while not self._stop.is_set() and time.monotonic() < deadline:
            try:
                if not client.recv(65536):
                    break
            except TimeoutError:
                continue
            except OSError:
                break
        _reset(client)


def _reset(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0): the peer sees 'connection reset', not a clean end."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()
