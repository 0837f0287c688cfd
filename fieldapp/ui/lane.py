"""The background lane: one worker thread that owns the write connection and runs database jobs one
at a time; results come back to the GUI thread by signal. The GUI never waits on a write.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


class _Worker(QObject):
    finished = Signal(int, object, object)  # job id, result, exception

    @Slot(int, object)
    def run(self, job_id: int, fn: Callable[[], Any]) -> None:
        try:
            result = fn()
        except Exception as exc:  # delivered to the caller's on_error, never swallowed
            self.finished.emit(job_id, None, exc)
        else:
            self.finished.emit(job_id, result, None)


class BackgroundLane(QObject):
    """Runs submitted callables in order on one worker thread."""

    _submit = Signal(int, object)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("db-lane")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.finished.connect(self._done)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._ids = itertools.count(1)
        self._thread.start()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._submit.emit(job_id, fn)

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    @Slot(int, object, object)
    def _done(self, job_id: int, result: Any, error: Exception | None) -> None:
        on_done, on_error = self._callbacks.pop(job_id)
        if error is not None:
            on_error(error)
        else:
            on_done(result)
        if not self._callbacks:
            self.idle.emit()

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait()
