"""Floors: the least work a feature's promise needs, measured beside its figure and its baseline.

A target set against a bare baseline (a raw upload, a bare read) cannot be met when what the
feature must do at the very least already costs more than the target allows. These floors do only
that least work, with no framework, checks or bookkeeping of ours, so a figure can be read
against them (informational: ``met`` is None).

- ``durable_sink``: an ASGI app that keeps a photo as evidence must be kept, at the least: hashed
  (SHA-256) as it arrives, written to disk (``O_DIRECT`` where the filesystem takes it, as the
  server does), flushed (``fdatasync``), renamed into place and its folder flushed. No auth, no
  database, no checks. Its folder is ``HEKOU_BENCH_SINK_DIR`` (a temporary one if unset).
"""

from __future__ import annotations

import hashlib
import mmap
import os
import tempfile
import uuid
from typing import Any

from starlette.concurrency import run_in_threadpool

O_DIRECT: int = getattr(os, "O_DIRECT", 0)
STAGE = 1024 * 1024  # bytes per direct write, from a page-aligned buffer
_ROOT = os.environ.get("HEKOU_BENCH_SINK_DIR") or tempfile.mkdtemp(prefix="hekou-sink-")


class _Kept:
    """One photo being written: hashed, staged and written a megabyte at a time."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.path = os.path.join(root, uuid.uuid4().hex + ".part")
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o640)
        try:
            self.direct: int | None = (
                os.open(self.path, os.O_WRONLY | O_DIRECT) if O_DIRECT else None
            )
        except OSError:  # tmpfs and some others refuse O_DIRECT
            self.direct = None
        self.stage = mmap.mmap(-1, STAGE)
        self.staged = 0
        self.written = 0
        self.digest = hashlib.sha256()

    def write(self, pieces: list[bytes]) -> None:
        for piece in pieces:
            self.digest.update(piece)
            view = memoryview(piece)
            while view:
                take = min(len(view), STAGE - self.staged)
                self.stage[self.staged : self.staged + take] = view[:take]
                self.staged += take
                view = view[take:]
                if self.staged == STAGE:
                    os.pwrite(self.direct or self.fd, self.stage, self.written)
                    self.written += STAGE
                    self.staged = 0

    def finish(self) -> str:
        if self.staged:
            os.pwrite(self.fd, memoryview(self.stage)[: self.staged], self.written)
        os.fdatasync(self.fd)
        for fd in (self.fd, self.direct):
            if fd is not None:
                os.close(fd)
        self.stage.close()
        name = self.digest.hexdigest()
        os.rename(self.path, os.path.join(self.root, name))
        folder = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
        return name


async def durable_sink(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Keep the request body as a photo must be kept (see the module's docstring), then answer
    with its SHA-256. Disk work runs in worker threads, as a server's must."""
    if scope["type"] != "http":
        return
    kept = await run_in_threadpool(_Kept, _ROOT)
    pending: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
        body = message.get("body", b"")
        if body:
            pending.append(body)
            size += len(body)
        if size >= STAGE or (not more and pending):
            await run_in_threadpool(kept.write, pending)
            pending, size = [], 0
    name = await run_in_threadpool(kept.finish)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": name.encode()})
