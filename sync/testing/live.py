"""``fieldapp-server serve`` in a child process on a free loopback port, for tests over a real
socket (kill -9, TLS, backups under load)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


class LiveServer:
    """``fieldapp-server serve`` in a child process."""

    def __init__(self, database_url: str, photos: Path, *extra: str) -> None:
        self.database_url = database_url
        self.photos = photos
        self.extra = list(extra)
        self.scheme = "https" if "--certfile" in extra else "http"
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def start(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server.cli",
                "--database",
                self.database_url,
                "--photos",
                str(self.photos),
                "serve",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
                *self.extra,
            ],
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/health", timeout=1, verify=False).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("the server did not come up")

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
