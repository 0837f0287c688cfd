"""The photo lane (照片通道): photos upload several at a time beside the record batches.

The engine hands each photo a batch waits for to the lane and goes on with the next batch at
once; a few worker threads upload them (each photo resumable by itself, as before). Workers only
talk HTTP and read the evidence store: every database write stays on the engine's thread, which
asks the lane which photos have ended and settles their batches there.

A photo that fails keeps its error here for the engine to report after the records went through;
a photo never holds a batch of records back.

The lane owns its stop flag: ``close`` sets it and each worker's upload reads it at its next piece.
It is not the user's cancel (the engine's ``CancelToken``): a lane closing at the end of a sync
must not read as a cancel to whatever the sync does next, and a user cancel stops the workers
because the upload checks both.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait

from sync.client.errors import SyncError

IN_FLIGHT = 4  # photos uploading at once: fills a loopback or LAN link, gentle on a mobile one


class PhotoLane:
    """Upload photos on ``workers`` threads; ``upload(sha256, start, stop)`` sends one photo from
    the server's offset ``start``, gives up (raising) soon after ``stop`` is set, and raises
    ``SyncError`` when it cannot."""

    def __init__(
        self, upload: Callable[[str, int, threading.Event], None], workers: int = IN_FLIGHT
    ) -> None:
        self._upload = upload
        self._stop = threading.Event()  # the lane's own: set by close, read by its workers
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="photo")
        self._futures: dict[str, Future[None]] = {}
        self._lock = threading.Lock()

    def submit(self, sha256: str, start: int = 0) -> None:
        """Queue one photo; a photo already queued or sent in this sync is not queued again."""
        with self._lock:
            if sha256 not in self._futures:
                self._futures[sha256] = self._pool.submit(self._upload, sha256, start, self._stop)

    def ended(self, shas: Iterable[str]) -> bool:
        """Whether every one of these photos has ended, uploaded or failed."""
        with self._lock:
            return all(self._futures[s].done() for s in shas if s in self._futures)

    def wait(self, shas: Iterable[str] | None = None) -> None:
        """Until these photos (all: None) have ended."""
        with self._lock:
            futures = list(self._futures.values() if shas is None else
                           (self._futures[s] for s in shas if s in self._futures))  # fmt: skip
        wait(futures)

    def failure(self, sha256: str) -> SyncError | None:
        """Why an ended photo failed (None: uploaded, or not ended yet)."""
        with self._lock:
            future = self._futures.get(sha256)
        if future is None or not future.done():
            return None
        error = future.exception()
        if error is None:
            return None
        if isinstance(error, SyncError):
            return error
        raise error  # a bug in the upload: surfaces

    @property
    def stopped(self) -> bool:
        """Whether the lane was closed (its workers told to stop)."""
        return self._stop.is_set()

    def close(self) -> None:
        """Stop taking photos, tell the workers to stop at their next piece (what reached the
        server stays there) and wait for them."""
        self._stop.set()
        self._pool.shutdown(wait=True, cancel_futures=True)
