"""The worker pool: results and errors on the GUI thread, nothing after close, no thread left."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.ui.app import make_app
from fieldapp.ui.workers import WorkerPool


def test_results_and_errors_arrive_on_the_gui_thread_in_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app("en")
    pool = WorkerPool()
    workers: set[str] = set()
    seen: list[object] = []
    gui = QApplication.instance().thread()  # type: ignore[union-attr]

    def job(n: int) -> int:
        workers.add(threading.current_thread().name)
        if n == 3:
            raise ValueError("three")
        return n * n

    def done(value: object) -> None:
        assert QThread.currentThread() is gui
        seen.append(value)

    def failed(exc: Exception) -> None:
        assert QThread.currentThread() is gui
        seen.append(str(exc))

    with qtbot.waitSignal(pool.idle, timeout=5000):
        for n in range(5):
            pool.submit(lambda n=n: job(n), done, failed)
    assert seen == [0, 1, 4, "three", 16]
    assert threading.main_thread().name not in workers
    assert pool.pending == 0
    pool.close()


def test_nothing_is_delivered_after_the_widget_closes(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app("en")
    widget = QWidget()
    pool = WorkerPool(widget)
    started, release, finished = threading.Event(), threading.Event(), threading.Event()
    delivered: list[object] = []

    def slow() -> str:
        started.set()
        release.wait(5)
        finished.set()
        return "late"

    pool.submit(slow, delivered.append, delivered.append)
    pool.submit(lambda: "queued", delivered.append, delivered.append)
    assert started.wait(5)
    threading.Timer(0.2, release.set).start()  # still running while the widget goes
    widget.deleteLater()
    qtbot.waitUntil(lambda: pool._closed, timeout=5000)
    qtbot.wait(50)
    assert delivered == []
    assert finished.is_set()  # closing waited for the running job: no thread outlives it
    with pytest.raises(RuntimeError):
        pool.submit(lambda: None, delivered.append, delivered.append)
