"""The one worker helper for background work of the windows (thumbnails, larger views, photo
ingest): callables run on a ``QThreadPool``; their results and errors come back on the GUI
thread, in the callbacks given with each job. ``close()`` (called by the owner as it goes, and on
the owner's ``destroyed``) drops the queued jobs, waits for the running one and delivers nothing
after, so a closed widget is never called back and no thread outlives it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

OnDone = Callable[[Any], None]
OnError = Callable[[Exception], None]


class _Job(QRunnable):
    def __init__(self, pool: WorkerPool, job_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._pool = pool
        self._job_id = job_id
        self._fn = fn

    def run(self) -> None:  # on a pool thread
        try:
            result = self._fn()
        except Exception as exc:  # delivered to the job's on_error, never swallowed
            self._pool._finished.emit(self._job_id, None, exc)
        else:
            self._pool._finished.emit(self._job_id, result, None)


class WorkerPool(QObject):
    """Runs submitted callables on pool threads; callbacks arrive on the GUI thread."""

    _finished = Signal(int, object, object)  # job id, result, exception
    idle = Signal()  # the last pending job was delivered

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)  # goes with this object, never before it
        self._pool.setMaxThreadCount(threads)  # one decode at a time leaves a core for the GUI
        self._callbacks: dict[int, tuple[OnDone, OnError]] = {}
        self._ids = itertools.count(1)
        self._closed = False
        self._finished.connect(self._deliver)
        if parent is not None:
            parent.destroyed.connect(self.close)

    @property
    def pending(self) -> int:
        """Jobs submitted and not yet delivered (a job counts while its callback runs)."""
        return len(self._callbacks)

    def submit(self, fn: Callable[[], Any], on_done: OnDone, on_error: OnError) -> None:
        if self._closed:
            raise RuntimeError("the worker pool is closed")
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._pool.start(_Job(self, job_id, fn))

    def wait(self) -> None:
        """Waits until every submitted job has run (their results are still delivered)."""
        self._pool.waitForDone()

    def close(self) -> None:
        """Drops the queued jobs, waits for the running ones; nothing is delivered after."""
        if self._closed:
            return
        self._closed = True
        self._callbacks.clear()
        if shiboken6.isValid(self._pool):  # at interpreter exit Qt may have deleted it first
            self._pool.clear()
            self._pool.waitForDone()

    @Slot(int, object, object)
    def _deliver(self, job_id: int, result: Any, error: Exception | None) -> None:
        callbacks = self._callbacks.get(job_id)
        if callbacks is None:  # closed meanwhile
            return
        on_done, on_error = callbacks
        try:  # the job counts as pending while its callback runs (a status line counts it)
            if error is None:
                on_done(result)
            else:
                on_error(error)
        finally:
            self._callbacks.pop(job_id, None)
            if not self._callbacks and not self._closed:
                self.idle.emit()
