"""Runs the sync engine on a network thread and reports to the GUI thread by signal.

The engine's database calls travel to the background lane (which owns the write connection) and
the network thread waits for them: one writer, and the GUI never waits on the network or the disk.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from fieldapp.store import database
from fieldapp.ui.lane import BackgroundLane
from sync.client import (
    Cancelled,
    CancelToken,
    Progress,
    RetryPolicy,
    SyncEngine,
    SyncError,
    SyncReport,
)
from sync.client.engine import profile_photos
from sync.client.errors import LocalCode
from sync.client.state import account, panel

AUTO_INTERVAL_MS = 60_000
LOGIN_TIMEOUT_S = 15.0  # a sign-in that hangs this long is told as unreachable
LOGIN_ATTEMPTS = 2


class LaneRunner(QObject):
    """``runner(fn)`` from any thread: runs ``fn(writer)`` on the lane and returns its result."""

    _ask = Signal(object)

    def __init__(self, lane: BackgroundLane, writer: sqlite3.Connection) -> None:
        super().__init__()
        self.lane = lane
        self.writer = writer
        self._ask.connect(self._submit)

    def __call__(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        done = threading.Event()
        box: dict[str, Any] = {}
        self._ask.emit((fn, box, done))
        done.wait()
        if "error" in box:
            error = box["error"]
            if isinstance(error, database.db_errors()):
                raise SyncError(LocalCode.STORAGE, str(error)) from error
            raise error
        return box.get("result")

    @Slot(object)
    def _submit(self, job: tuple[Any, dict[str, Any], threading.Event]) -> None:
        fn, box, done = job

        def ok(result: Any) -> None:
            box["result"] = result
            done.set()

        def failed(error: Exception) -> None:
            box["error"] = error
            done.set()

        self.lane.submit(lambda: fn(self.writer), ok, failed)


class SyncController(QObject):
    """The app's one sync service: sync now, cancel, sign in, refresh, automatic sync."""

    progress = Signal(object)  # sync.client.Progress
    finished = Signal(object)  # sync.client.SyncReport
    signed_in = Signal(object)  # None, or the SyncError
    snapshot_ready = Signal(object)  # sync.client.state.panel.Snapshot
    running_changed = Signal(bool)
    settled = Signal()  # a refusal was resent or withdrawn
    # Reading or storing the sync's own state failed (the session shows it: fieldapp.ui.errors).
    failed = Signal(object)
    _wake = Signal()

    def __init__(
        self,
        profile: Path,
        lane: BackgroundLane,
        writer: sqlite3.Connection,
        engine_options: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.profile = profile
        self.lane = lane
        self.runner = LaneRunner(lane, writer)
        self.photos = profile_photos(profile)
        self.engine_options = engine_options or {}
        self._cancel: CancelToken | None = None
        self._sign_in_cancel: CancelToken | None = None
        self.binding: Any = None  # fieldapp.store.identity.Binding of the last sign-in
        self._thread: threading.Thread | None = None
        self.auto = QTimer(self)
        self.auto.setInterval(AUTO_INTERVAL_MS)
        self.auto.timeout.connect(self._auto_tick)
        self.finished.connect(lambda _r: self.refresh())
        self._wake.connect(self.sync_now)

    def _engine(self, cancel: CancelToken | None = None) -> SyncEngine:
        return SyncEngine(
            self.runner,
            self.photos,
            cancel=cancel,
            progress=self.progress.emit,
            **self.engine_options,
        )

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def sync_now(self) -> bool:
        """Start a sync in the background (False when one is already running)."""
        if self.running:
            return False
        self._cancel = CancelToken()
        engine = self._engine(self._cancel)

        def work() -> None:
            report = engine.sync()
            self.finished.emit(report)
            self.running_changed.emit(False)

        self._thread = threading.Thread(target=work, name="sync-network", daemon=True)
        self.running_changed.emit(True)
        self._thread.start()
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def sign_in(self, url: str, username: str, password: str, device_name: str) -> None:
        """Sign in on a network thread; ``signed_in`` says how it went (never blocks the GUI).
        ``cancel_sign_in`` answers at once with ``Cancelled``; the abandoned attempt stores
        nothing (the engine checks before saving) and its late answer is dropped."""
        token = CancelToken()
        self._sign_in_cancel = token
        engine = self._engine(token)
        engine.timeout = min(engine.timeout, LOGIN_TIMEOUT_S)
        # one quick retry at most: an unreachable server is told in seconds, the user retries
        engine.retry = RetryPolicy(base_s=0.5, cap_s=1.0, attempts=LOGIN_ATTEMPTS)

        def work() -> None:
            try:
                engine.login(url, username, password, device_name)
            except SyncError as exc:
                if not token.cancelled:
                    self.signed_in.emit(exc)
            else:
                if token.cancelled:
                    return
                self.binding = engine.last_binding
                self.signed_in.emit(None)
                self.refresh()

        threading.Thread(target=work, name="sync-login", daemon=True).start()

    def cancel_sign_in(self) -> None:
        token = self._sign_in_cancel
        if token is not None and not token.cancelled:
            token.cancel()
            self.signed_in.emit(Cancelled())

    def start_auto(self) -> None:
        """Start automatic sync if the profile has it on (the default until the user chooses)."""

        def chosen(acct: account.Account) -> None:
            if acct.auto_sync and acct.signed_in:
                self.auto.start()
                self._auto_tick()

        writer = self.runner.writer
        self.lane.submit(lambda: account.account(writer), chosen, self.failed.emit)

    def refresh(self) -> None:
        """Read a fresh snapshot on the lane; ``snapshot_ready`` delivers it."""
        size = self._photo_size
        self.lane.submit(
            lambda: panel.snapshot(self.runner.writer, size),
            self.snapshot_ready.emit,
            self.failed.emit,
        )

    def resend(self, entity: str, row_id: str) -> None:
        """Queue a refused record again and sync (``sync.client.state.refusals.resend``)."""
        from sync.client.state import refusals

        writer = self.runner.writer
        self.lane.submit(
            lambda: refusals.resend(writer, entity, row_id),
            self._resent,
            self._settle_failed,
        )

    def withdraw(self, entity: str, row_id: str, reason: str) -> None:
        from sync.client.state import refusals

        writer = self.runner.writer
        self.lane.submit(
            lambda: refusals.withdraw(writer, entity, row_id, reason),
            self._withdrawn,
            self._settle_failed,
        )

    def _resent(self, _queued: int) -> None:
        self.settled.emit()
        if not self.sync_now():
            self.refresh()

    def _withdrawn(self, _result: object) -> None:
        self.settled.emit()
        self.refresh()

    def _settle_failed(self, error: Exception) -> None:
        from sync.client.state.refusals import NothingToSettle

        if not isinstance(error, NothingToSettle):  # settled meanwhile: the refresh shows it
            raise error
        self.refresh()

    def set_auto(self, on: bool) -> None:
        self.lane.submit(
            lambda: account.set_auto_sync(self.runner.writer, on),
            lambda _r: None,
            self.failed.emit,
        )
        if on:
            self.auto.start()
        else:
            self.auto.stop()

    def sync_when_reachable(self) -> None:
        """Sync now if the server answers (a quick probe on a thread of its own)."""
        self._auto_tick()

    def _auto_tick(self) -> None:
        """Sync when the server answers again and something is waiting to go."""
        if self.running:
            return
        engine = self._engine()

        def probe() -> None:
            if engine.reachable():
                self._wake.emit()

        threading.Thread(target=probe, name="sync-probe", daemon=True).start()

    def shutdown(self) -> None:
        self.auto.stop()
        self.cancel()
        if self._thread is not None:
            # the lane must keep running while the network thread finishes its last step
            self._thread.join(timeout=0.1)

    def _photo_size(self, sha: str) -> int:
        try:
            return self.photos.size_of(sha)
        except (OSError, ValueError):
            return 0


__all__ = ["Progress", "SyncController", "SyncReport"]
