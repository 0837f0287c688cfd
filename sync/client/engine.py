"""The device's sync engine (同步引擎): push the change log, upload photos, pull the server's changes.

No Qt: the app runs it on a network thread, ``fieldapp sync`` and the tests run it directly. All
database work goes through a *runner* (``db(fn)`` calls ``fn(connection)``), so in the app the one
background lane that owns the write connection does it; every table it touches is owned by a
module of ``sync.client.state``.

One sync, every step resumable after a crash, a cancel or a lost link:

1. Batches already made but unanswered are sent again, same id, same bytes (the server answers
   a replay with its stored answer and applies nothing twice).
2. New batches are cut from the change log and stored *before* they are sent.
3. Photos go up in the photo lane (``sync.client.photolane``), four at a time, beside the
   batches: the photos an answer says the server lacks are started at once while the next batch
   goes, each in chunks resuming from the offset the server reports. A batch counts as sent only when its answer covers every
   change and the server has every photo it refers to; a slow or failing photo holds no batch
   back, and its failure is reported once the records went through.
4. Once no batch is left unanswered the server's changes are pulled (photos may still be on
   their way), page by page, each page applied with its cursor in one transaction without
   being captured as local changes. When the server answers
   ``restart`` (the user was given another county) the cursor goes back to 0 and the pull
   starts over.

Every request is retried on network and server trouble with exponential backoff and full jitter;
errors end up as a ``SyncError`` with words for the user, never an HTTP status.
"""

from __future__ import annotations

import dataclasses
import hashlib
import ipaddress
import json
import sqlite3
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from fieldapp.media.blobstore import BlobStore
from fieldapp.store import identity
from fieldapp.store import leads as lead_rows
from sync.client.address import normalize_server_url
from sync.client.errors import (
    SIGNED_OFF,
    Cancelled,
    Code,
    LocalCode,
    SyncError,
    as_code,
    reason_text,
)
from sync.client.photolane import IN_FLIGHT, PhotoLane
from sync.client.retry import CancelToken, RetryPolicy
from sync.client.state import account, issues, outbox, panel, pull, reconcile
from sync.client.state.account import Account
from sync.client.state.issues import Refusal
from sync.client.state.outbox import Batch
from sync.client.state.panel import Pending
from sync.protocol import (
    INSTALL_HEADER,
    ErrorBody,
    ErrorCode,
    LoginRequest,
    LoginResponse,
    MissingRequest,
    MissingResponse,
    PullResponse,
    PushResponse,
    UploadState,
)

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
DbRunner = Callable[[Callable[[sqlite3.Connection], Any]], Any]
MIB = 1024 * 1024
UPLOAD_PIECE = 256 * 1024  # read and handed to the socket at a time; cancel is checked between
MAX_PULL_RESTARTS = 3  # per sync: the area changing again while we pull from 0 is rare


def profile_photos(profile: Path | str) -> BlobStore:
    """The profile's evidence store, ``<profile>.photos/`` beside the database file (the same
    place ``fieldapp.ui.inspection.photo_store_for`` gives the app)."""
    from fieldapp.media.blobstore import profile_store

    return profile_store(profile)


class ProfileDb:
    """The default runner: the profile's own connection, used on the calling thread."""

    def __init__(self, path: Path | str) -> None:
        from fieldapp.store import database

        self.path = Path(path)
        self.conn = database.open_profile(self.path)

    def __call__(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        import sqlcipher3

        try:
            return fn(self.conn)
        except (sqlite3.OperationalError, sqlcipher3.OperationalError) as exc:
            raise SyncError(LocalCode.STORAGE, str(exc)) from exc

    def close(self) -> None:
        self.conn.close()


@dataclass
class Progress:
    """Where a sync stands, in records and in bytes."""

    phase: str = "start"  # push / photos / pull / done
    records_done: int = 0
    records_total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0


@dataclass
class SyncReport:
    sent: int = 0
    applied: int = 0
    duplicate: int = 0
    proposed: int = 0
    conflict: int = 0
    rejected: int = 0
    photos: int = 0
    photo_bytes: int = 0
    photos_lost: int = 0  # photos whose files are gone from this laptop: listed as issues
    pulled: int = 0
    pending: Pending = field(default_factory=lambda: Pending(0, 0, 0, 0, 0))
    refusals: list[Refusal] = field(default_factory=list)  # records refused and not yet settled
    rebound: int = 0  # rows re-attributed to the account at the start of this sync
    error: SyncError | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Everything is on the server: no error, nothing unsent, no refused record waiting."""
        return self.error is None and self.pending.empty and not self.refusals

    def refusal_lines(self, lang: str = "en") -> list[str]:
        """One line per refused record: what it is and why, in words the user can act on."""
        zh = lang.startswith("zh")
        kinds = {"inspections": ("检查记录", "inspection"), "patrols": ("巡河记录", "patrol"),
                 "outfalls": ("排污口", "outfall")}  # fmt: skip
        lines = []
        for r in self.refusals:
            kind = kinds.get(r.entity, (r.entity, r.entity))[0 if zh else 1]
            why = (
                "；".join(reason_text(x, lang) for x in r.reasons)
                if zh
                else " ".join(reason_text(x, lang) for x in r.reasons)
            )
            name = r.label or r.row_id[:8]
            lines.append(f"{kind} {name}：{why}" if zh else f"{kind} {name}: {why}")
        return lines

    def summary(self, lang: str = "en") -> str:
        if lang.startswith("zh"):
            text = (
                f"同步{'完成' if self.ok else '未完成'}：发送 {self.sent} 项修改"
                f"（冲突 {self.conflict}，被拒 {self.rejected}，待审 {self.proposed}），"
                f"上传照片 {self.photos} 张（{self.photo_bytes} 字节），收到 {self.pulled} 项；"
                f"待发送 {self.pending.changes} 项修改、{self.pending.photos} 张照片"
            )
            if self.photos_lost:
                text += f"；{self.photos_lost} 张照片在本机找不到，未上传（见问题列表）"
            if self.refusals:
                text += (
                    f"；{len(self.refusals)} 条记录被服务器拒收，需要处理（修改后重新发送或撤回）"
                )
        else:
            text = (
                f"sync {'complete' if self.ok else 'incomplete'}: sent {self.sent} changes"
                f" ({self.conflict} conflicts, {self.rejected} rejected, {self.proposed} proposed),"
                f" {self.photos} photos ({self.photo_bytes} bytes), received {self.pulled};"
                f" left {self.pending.changes} changes, {self.pending.photos} photos"
            )
            if self.photos_lost:
                text += f"; {self.photos_lost} photos not found on this device, not uploaded (see issues)"
            if self.refusals:
                text += (
                    f"; {len(self.refusals)} records refused by the server, waiting for you"
                    " (fix and send again, or withdraw)"
                )
        if self.error is not None:
            text += f" — {self.error.message(lang)}"
        return text


class SyncEngine:
    """Sync one profile with its server. Not thread-safe: one sync at a time per engine."""

    def __init__(
        self,
        db: DbRunner,
        photos: BlobStore,
        *,
        transport: httpx.BaseTransport | None = None,
        ca_file: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        chunk_bytes: int = 4 * MIB,
        photos_in_flight: int = IN_FLIGHT,
        batch_changes: int = 1000,
        pull_limit: int = 1000,
        cancel: CancelToken | None = None,
        progress: Callable[[Progress], None] | None = None,
    ) -> None:
        self.db = db
        self.photos = photos
        self.transport = transport
        self.ca_file = ca_file or None
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.chunk_bytes = chunk_bytes
        self.photos_in_flight = photos_in_flight
        self.batch_changes = batch_changes
        self.pull_limit = pull_limit
        self.cancel = cancel or CancelToken()
        self.on_progress = progress
        self.progress = Progress()
        self.last_binding: identity.Binding | None = None  # what the last sign-in re-attributed
        self.bytes_sent = 0  # chunk bytes put on the wire, also those of interrupted chunks
        self._tally = threading.Lock()  # the photo workers count bytes and photos together

    # -- set-up --------------------------------------------------------------------------------
    def _client(
        self, base_url: str, token: str | None = None, install_id: str | None = None
    ) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        check_address(base_url)
        if install_id:
            headers[INSTALL_HEADER] = install_id  # the server binds the token to this install
        try:
            return httpx.Client(
                base_url=base_url,
                transport=self.transport,
                timeout=self.timeout,
                headers=headers,
                verify=tls_context(self.ca_file),
            )
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            raise SyncError(LocalCode.BAD_ADDRESS, str(exc)) from exc

    def login(self, server_url: str, username: str, password: str, device_name: str) -> Account:
        """Sign in, register this device (the token is kept in the profile) and bind the
        profile's records to the account (``fieldapp.store.identity``). ``server_url`` may be
        ``host:port`` (https) or a URL; plain http only to this machine (``check_address``). A
        wrong password is told at once; network trouble is retried by the engine's policy (the
        app's sign-in uses a short one, the user retries)."""
        server_url = normalize_server_url(server_url)
        check_address(server_url)
        current: Account = self.db(account.account)
        if (
            current.username
            and current.username != username
            and (not self.db(panel.pending).empty or self.db(issues.refused_records))
        ):
            raise SyncError(LocalCode.OTHER_USER, current.username)
        try:
            body = LoginRequest.model_validate(
                {
                    "username": username,
                    "password": password,
                    "install_id": current.install_id,
                    "device_name": device_name[:120],
                }
            )
        except ValidationError as exc:
            raise SyncError(ErrorCode.LOGIN_FAILED, str(exc)) from exc
        with self._client(server_url) as client:
            response = self._request(client, "POST", "/v1/login", json=body.model_dump(mode="json"))
            if response.status_code >= 400:
                raise server_error(response)
            data = self._read(response, LoginResponse)
        user = data.user
        self._check_cancel()  # a cancelled sign-in stores nothing
        self.last_binding = self.db(
            lambda c: account.sign_in(
                c,
                server_url,
                user.username,
                user.role,
                user.counties,
                data.device_id,
                data.token,
                device_name,
            )
        )
        return self.db(account.account)

    def logout(self) -> None:
        """Sign this device out: the server drops its token, and the profile forgets it (the
        device's unsent work stays and goes with the next sign-in)."""
        acct: Account = self.db(account.account)
        if acct.server_url and acct.token:
            try:
                with self._client(acct.server_url, acct.token, acct.install_id) as client:
                    response = self._request(client, "POST", "/v1/logout")
            except SyncError as exc:
                # The token already stopped working: it is of no use any more either way.
                if exc.code not in SIGNED_OFF:
                    raise
            else:
                if response.status_code >= 400:
                    raise server_error(response)
        self.db(account.forget_token)

    def reachable(self, server_url: str | None = None) -> bool:
        """Whether the server answers its health check now (one quick try, no retries)."""
        url = server_url or self.db(account.account).server_url
        if not url:
            return False
        try:
            with self._client(url) as client:
                return client.get("/health", timeout=min(self.timeout, 5.0)).status_code == 200
        except (httpx.HTTPError, SyncError):
            return False

    # -- one sync ------------------------------------------------------------------------------
    def sync(self) -> SyncReport:
        """One full sync; never raises an environment error, it reports it."""
        started = time.perf_counter()
        report = SyncReport()
        self.bytes_sent = 0
        try:
            acct: Account = self.db(account.account)
            if not acct.signed_in:
                raise SyncError(LocalCode.NOT_SET_UP)
            assert acct.server_url is not None and acct.device_id is not None
            if acct.username:  # a draft saved under the old name since the sign-in
                report.rebound = self.db(_bound(identity.bind, acct.username)).changed
            before: Pending = self.db(_bound(panel.pending, self._photo_size))
            self.progress = Progress("push", 0, before.changes, 0, before.photo_bytes)
            self._emit()
            with self._client(acct.server_url, acct.token, acct.install_id) as client:
                self._push_and_pull(client, acct.device_id, report)
                self._fetch_lead_photos(client)
            self.db(account.record_success)
        except SyncError as exc:
            report.error = exc
            if not isinstance(exc, Cancelled):
                self.db(_bound(account.record_error, exc.code, exc.detail))
            if exc.code in SIGNED_OFF:
                self.db(account.forget_token)
        report.pending = self.db(panel.pending)
        report.refusals = self.db(issues.refused_records)
        if report.refusals and report.error is None:
            refused = f"{len(report.refusals)} records"
            self.db(_bound(account.record_error, LocalCode.REFUSED, refused))
        report.seconds = time.perf_counter() - started
        self.progress.phase = "done"
        self._emit()
        return report

    def _push_and_pull(self, client: httpx.Client, node: str, report: SyncReport) -> None:
        """Send every batch, its photos going up in the photo lane meanwhile; pull; then wait
        for the photos still on their way and settle their batches. A photo's failure is told
        only once the records went through."""
        lane = PhotoLane(
            lambda sha, start, stop: self._upload(client, sha, report, start, stop),
            self.photos_in_flight,
        )
        waiting: list[Batch] = []
        failures: list[SyncError] = []
        try:
            for batch in self.db(outbox.unfinished_batches):
                self._check_cancel()
                if batch.state == "open":
                    batch = self._send(client, batch, report)
                waiting += self._queue_photos(client, batch, lane)
                waiting = self._settle(client, waiting, lane, report, failures, block=False)
            while True:
                self._check_cancel()
                try:
                    batch = self.db(_bound(outbox.make_batch, self.batch_changes, node))
                except ValidationError as exc:  # a change the protocol cannot carry: none goes
                    raise SyncError(ErrorCode.INVALID_REQUEST, str(exc)[:300]) from exc
                if batch is None:
                    break
                batch = self._send(client, batch, report)
                waiting += self._queue_photos(client, batch, lane)
                waiting = self._settle(client, waiting, lane, report, failures, block=False)
            self._pull(client, report)
            if waiting:
                self.progress.phase = "photos"
                self._emit()
            self._settle(client, waiting, lane, report, failures, block=True)
        finally:
            lane.close()  # its workers stop at their next piece; what reached the server stays
        if failures:
            raise failures[0]

    def _missing(self, client: httpx.Client, shas: list[str]) -> MissingResponse:
        """Which of these photos the server lacks, and how much of each it holds already."""
        response = self._request(
            client, "POST", "/v1/photos/missing", json=MissingRequest(sha256s=shas).model_dump()
        )
        if response.status_code >= 400:
            raise server_error(response)
        return self._read(response, MissingResponse)

    def _queue_photos(self, client: httpx.Client, batch: Batch, lane: PhotoLane) -> list[Batch]:
        """Hand the photos an answered batch waits for to the lane, each from where the server
        stands; the batch (with the photos the server still lacks) waits to be settled."""
        if batch.state != "answered":
            return []
        if not batch.missing:
            return [batch]
        answer = self._missing(client, list(batch.missing))
        for sha in answer.missing:
            lane.submit(sha, answer.partial.get(sha, 0))
        return [dataclasses.replace(batch, missing=tuple(answer.missing))]

    def _settle(
        self,
        client: httpx.Client,
        waiting: list[Batch],
        lane: PhotoLane,
        report: SyncReport,
        failures: list[SyncError],
        *,
        block: bool,
    ) -> list[Batch]:
        """Settle the waiting batches whose photos have all ended (all of them: ``block``);
        those still waiting are returned."""
        left = []
        for batch in waiting:
            if block:
                lane.wait(batch.missing)
            if lane.ended(batch.missing):
                self._settle_batch(client, batch, lane, report, failures)
            else:
                left.append(batch)
        return left

    def _settle_batch(
        self,
        client: httpx.Client,
        batch: Batch,
        lane: PhotoLane,
        report: SyncReport,
        failures: list[SyncError],
    ) -> None:
        """Ask the server which of the batch's photos it still lacks: none, the batch is done;
        only photos whose files are gone from this laptop, it is done with them listed as lost;
        otherwise it waits for the next sync."""
        lost: set[str] = set()
        for sha in batch.missing:
            error = lane.failure(sha)
            if error is not None and error.code == LocalCode.PHOTO_MISSING_LOCALLY:
                lost.add(sha)
            elif error is not None and error not in failures:
                failures.append(error)
        missing = list(batch.missing)
        if missing:
            missing = self._missing(client, missing).missing
        if missing and set(missing) <= lost:
            self.db(_bound(outbox.give_up_photos, batch.batch_id, missing))
            report.photos_lost += len(missing)
            return
        self.db(_bound(outbox.mark_photos_arrived, batch.batch_id, missing))
        if missing and not failures:
            failures.append(SyncError(LocalCode.SERVER_BUSY, "photos still missing after upload"))

    def _send(self, client: httpx.Client, batch: Batch, report: SyncReport) -> Batch:
        response = self._request(
            client,
            "POST",
            "/v1/push",
            content=batch.body.encode(),
            headers={"Content-Type": "application/json"},
        )
        if response.status_code >= 400:
            raise server_error(response, response.text[:300])
        answer = self._read(response, PushResponse)
        if answer.batch_id != batch.batch_id:
            raise SyncError(LocalCode.SERVER_BUSY, "answer for another batch")
        summary = self.db(_bound(reconcile.record_answer, batch, answer))
        report.sent += batch.n_changes
        report.applied += summary.applied
        report.duplicate += summary.duplicate
        report.proposed += summary.proposed
        report.conflict += summary.conflict
        report.rejected += summary.rejected
        self.progress.records_done += batch.n_changes
        self.progress.records_total = max(self.progress.records_total, self.progress.records_done)
        self._emit()
        state = "answered" if summary.missing_photos else "done"
        return dataclasses.replace(batch, missing=summary.missing_photos, state=state)

    def _upload(
        self,
        client: httpx.Client,
        sha: str,
        report: SyncReport,
        start: int,
        stop: threading.Event | None = None,
    ) -> None:
        """Upload one photo from where the server stands; an interruption costs at most what was
        in flight, as the server keeps every byte that reached it.

        The server has just said where it stands (``start``, from ``/v1/photos/missing``), so
        the first chunk goes without asking again (one round trip less per photo); if it moved
        since, the server answers with its offset and the upload goes on from there. What is sent
        is the original from the store (decrypted, checked against its SHA-256 first: a damaged
        photo is never sent), handed over in pieces, so cancelling stops mid-chunk. ``stop`` is
        the photo lane's own flag: set when the lane closes, it stops this upload the same way.
        """
        data = self._original(sha)
        total = len(data)
        url = f"/v1/photos/{sha}/upload"
        failures = 0
        offset: int | None = start
        while offset is not None and offset < total:
            self._check_cancel(stop)
            size = min(self.chunk_bytes, total - offset)
            try:
                response = client.put(
                    url,
                    params={"offset": offset, "total": total},
                    content=self._read_chunk(data, offset, size, stop),
                    headers={
                        "Content-Type": "application/octet-stream",
                        "Content-Length": str(size),
                    },
                )
                code: Code | None = (
                    as_code(_error_code(response)) if response.status_code >= 400 else None
                )
            except httpx.HTTPError:
                response, code = None, LocalCode.OFFLINE
            if response is not None and response.status_code < 400:
                new_offset = _upload_state(response, total)
                if new_offset is not None:
                    with self._tally:
                        self.progress.bytes_done += max(0, new_offset - offset)
                        report.photo_bytes += max(0, new_offset - offset)
                    offset = new_offset
                    failures = 0
                    self._emit()
                    continue
            elif code == ErrorCode.UPLOAD_OFFSET_MISMATCH:
                stands = _server_offset(response)
                if stands is not None and stands != offset:
                    failures += 1  # bounded: a server whose offset keeps moving gives up
                    if failures >= self.retry.attempts:
                        raise SyncError(LocalCode.SERVER_BUSY, sha)
                    offset = stands  # resume where an earlier attempt left off
                    continue
            elif code == ErrorCode.PHOTO_TOO_LARGE:
                raise SyncError(code, sha)
            elif code in _UPLOAD_FINAL:
                raise SyncError(code)
            elif response is not None and response.status_code == 401:
                raise SyncError(LocalCode.SIGNED_OUT)
            failures += 1
            if failures >= self.retry.attempts:
                busy = LocalCode.OFFLINE if code == LocalCode.OFFLINE else LocalCode.SERVER_BUSY
                raise SyncError(busy, sha)
            self._pause(self.retry.delay(failures), stop)
            offset = self._upload_offset(client, url, stop)
        with self._tally:
            report.photos += 1

    def _original(self, sha: str) -> bytes:
        """The photo's original bytes from the store (decrypted), checked against its SHA-256
        before anything is sent: a damaged or missing file is never uploaded."""
        from fieldapp.media.errors import PhotoStoreError

        try:
            return self.photos.get(sha)
        except PhotoStoreError as exc:
            raise SyncError(LocalCode.PHOTO_MISSING_LOCALLY, f"{sha}: {exc.en}") from exc

    def _read_chunk(
        self, data: bytes, offset: int, size: int, stop: threading.Event | None = None
    ) -> Iterator[bytes]:
        """The chunk's bytes in pieces as the request sends them; checks for cancel between
        pieces (raising here aborts the request, and the server keeps what it received)."""
        view = memoryview(data)[offset : offset + size]
        while view:
            self._check_cancel(stop)
            piece = bytes(view[:UPLOAD_PIECE])
            view = view[len(piece) :]
            with self._tally:
                self.bytes_sent += len(piece)
            yield piece

    def _upload_offset(
        self, client: httpx.Client, url: str, stop: threading.Event | None = None
    ) -> int | None:
        """Where the server's copy of a photo stands (None: it has it all)."""
        response = self._request(client, "GET", url, stop=stop)
        if response.status_code >= 400:
            raise server_error(response)
        state = self._read(response, UploadState)
        return None if state.complete else state.offset

    def _pull(self, client: httpx.Client, report: SyncReport) -> None:
        if any(b.state == "open" for b in self.db(outbox.unfinished_batches)):
            return  # never pull over changes the server has not answered
        self.progress.phase = "pull"
        self._emit()
        restarts = 0
        while True:
            self._check_cancel()
            cursor = self.db(account.pull_cursor)
            response = self._request(
                client, "GET", "/v1/pull", params={"cursor": cursor, "limit": self.pull_limit}
            )
            if response.status_code >= 400:
                raise server_error(response)
            page = self._read(response, PullResponse)
            if page.restart:
                # The user's area grew: its older rows lie behind our cursor. Pulling from 0
                # again rewrites rows we have with the server's state, which is harmless.
                restarts += 1
                if restarts > MAX_PULL_RESTARTS:
                    raise SyncError(LocalCode.SERVER_BUSY, "the server keeps restarting the pull")
                self.db(account.restart_pull)
                continue
            if page.items:
                self.db(_bound(pull.apply_pulled, page.items, page.cursor))
                report.pulled += len(page.items)
            if not page.more or page.cursor <= cursor:
                return

    def _fetch_lead_photos(self, client: httpx.Client) -> None:
        """Photos of the leads still to verify that this laptop lacks (the map shows them
        offline); one the server no longer has is skipped, the next sync tries again."""
        for lead in self.db(lead_rows.to_verify):
            for photo in lead.photos:
                if self.photos.contains(photo.sha256):
                    continue
                url = f"/v1/leads/{lead.id}/photos/{photo.sha256}"
                response = self._request(client, "GET", url)
                if response.status_code == 404:
                    continue
                if response.status_code >= 400:
                    raise server_error(response)
                if hashlib.sha256(response.content).hexdigest() == photo.sha256:
                    self.photos.put(response.content, photo.sha256, photo.name)

    # -- requests ------------------------------------------------------------------------------
    def _request(
        self,
        client: httpx.Client,
        method: str,
        url: str,
        attempts: int | None = None,
        *,
        stop: threading.Event | None = None,
        **kw: Any,
    ) -> httpx.Response:
        """A request retried on network and server trouble; 4xx answers go back to the caller
        except those that end the sync (signed out, revoked, disabled). ``stop``: a photo lane's
        flag, for a request made by one of its workers."""
        attempt = 0
        while True:
            self._check_cancel(stop)
            attempt += 1
            try:
                response = client.request(method, url, **kw)
                response.read()
            except httpx.TimeoutException as exc:
                error = SyncError(LocalCode.TIMEOUT, str(exc))
            except httpx.ConnectError as exc:
                if _tls_failure(exc):
                    raise SyncError(LocalCode.TLS, str(exc)) from exc
                error = SyncError(LocalCode.OFFLINE, f"{type(exc).__name__}: {exc}")
            except httpx.HTTPError as exc:
                error = SyncError(LocalCode.OFFLINE, f"{type(exc).__name__}: {exc}")
            else:
                status = response.status_code
                code = as_code(_error_code(response))
                final: Code | None = None
                if status == 401:
                    final = code if code in _SIGN_IN_FINAL else LocalCode.SIGNED_OUT
                elif status == 429:
                    final = ErrorCode.LOGIN_RATE_LIMITED
                elif status == 403:
                    final = ErrorCode.ROLE_FORBIDDEN
                elif status == 400 and code == ErrorCode.PROTOCOL_UNSUPPORTED:
                    final = LocalCode.PROTOCOL
                if final is not None:
                    refused = SyncError(final)
                    refused.request_id = response.headers.get("x-request-id", "")
                    raise refused
                if status < 500 and code != ErrorCode.UPLOAD_BUSY:
                    if status < 400 and not _json_ok(response):
                        error = SyncError(LocalCode.SERVER_BUSY, "unreadable answer")
                    else:
                        return response
                elif code == ErrorCode.INTERNAL_ERROR:  # a bug there: quote its request id
                    error = SyncError(code, f"HTTP {status}")
                    error.request_id = response.headers.get("x-request-id", "")
                else:
                    error = SyncError(LocalCode.SERVER_BUSY, f"HTTP {status}")
            if attempt >= (attempts or self.retry.attempts):
                raise error
            self._pause(self.retry.delay(attempt), stop)

    @staticmethod
    def _read(response: httpx.Response, model: type[M]) -> M:
        """The answer read through its protocol model; an answer that is not one is trouble on
        the server's side (retried by the next sync), never a crash."""
        try:
            return model.model_validate_json(response.content)
        except ValidationError as exc:
            raise SyncError(LocalCode.SERVER_BUSY, f"unreadable answer: {exc}") from exc

    def _check_cancel(self, stop: threading.Event | None = None) -> None:
        """Raise ``Cancelled`` when the user cancelled, or (for a photo lane's worker, which
        passes its lane's ``stop``) when its lane was closed."""
        if self.cancel.cancelled or (stop is not None and stop.is_set()):
            raise Cancelled()

    def _pause(self, seconds: float, stop: threading.Event | None = None) -> None:
        """Wait before a retry; raise ``Cancelled`` as soon as the user cancels or (``stop``)
        the photo lane this worker belongs to closes."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if self.cancel.wait(min(left, 0.1)) or (stop is not None and stop.is_set()):
                raise Cancelled()
        self._check_cancel(stop)

    def _emit(self) -> None:
        if self.on_progress is not None:
            self.on_progress(Progress(**vars(self.progress)))

    def _photo_size(self, sha: str) -> int:
        try:
            return self.photos.size_of(sha)
        except (OSError, ValueError):
            return 0


# 401 codes said as they are; any other 401 means the token no longer works.
_SIGN_IN_FINAL = frozenset(
    {ErrorCode.DEVICE_REVOKED, ErrorCode.USER_DISABLED, ErrorCode.LOGIN_FAILED}
)
# Refusals of a chunk that no retry can mend.
_UPLOAD_FINAL = frozenset({*_SIGN_IN_FINAL, ErrorCode.ROLE_FORBIDDEN})
_TLS: dict[str, ssl.SSLContext] = {}
_LOOPBACK_NAMES = ("localhost",)


def check_address(url: str) -> None:
    """Refuse ``http://`` (passwords and records in clear) except to this machine's loopback."""
    parsed = urlsplit(url.strip())
    if parsed.scheme == "https":
        return
    if parsed.scheme != "http":
        raise SyncError(LocalCode.BAD_ADDRESS, url)
    host = (parsed.hostname or "").lower()
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host in _LOOPBACK_NAMES or host.endswith(".localhost")
    if not loopback:
        raise SyncError(LocalCode.INSECURE_ADDRESS, url)


def tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    """The TLS trust for the server, made once per CA file (it costs ~30 ms each time otherwise):
    the system's certificate store, or with ``ca_file`` only the bureau's own certificate
    authority (a server certificate from anyone else, even a public CA, is refused)."""
    ca_key = ca_file or ""
    if ca_key not in _TLS:
        if ca_file:
            try:
                _TLS[ca_key] = ssl.create_default_context(cafile=ca_file)
            except (OSError, ssl.SSLError) as exc:
                raise SyncError(LocalCode.BAD_CA_FILE, f"{ca_file}: {exc}") from exc
        else:
            _TLS[ca_key] = ssl.create_default_context()
    return _TLS[ca_key]


def _bound(fn: Callable[..., T], *args: Any) -> Callable[[sqlite3.Connection], T]:
    """``fn(connection, *args)`` for the runner, with the arguments bound now."""
    return lambda conn: fn(conn, *args)


def _tls_failure(exc: BaseException) -> bool:
    """Whether a connection failed in the TLS handshake (an http-only server, a bad cert)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "SSL" in str(exc) or "CERTIFICATE" in str(exc).upper()


def _json_ok(response: httpx.Response) -> bool:
    if "json" not in response.headers.get("content-type", ""):
        return True
    try:
        json.loads(response.content)
    except ValueError:
        return False
    return True


def _upload_state(response: httpx.Response, total: int) -> int | None:
    """The offset an upload answer reports (``total`` when complete); None if unreadable."""
    try:
        state = UploadState.model_validate_json(response.content)
    except ValidationError:
        return None
    return total if state.complete else state.offset


def _server_offset(response: httpx.Response | None) -> int | None:
    """The server's offset from a 409 ``upload_offset_mismatch`` answer."""
    if response is None:
        return None
    try:
        detail = ErrorBody.model_validate_json(response.content).error.detail
        return int(detail["offset"])
    except (ValidationError, ValueError, KeyError, TypeError):
        return None


def server_error(response: httpx.Response, detail: str = "") -> SyncError:
    """The server's refusal as a SyncError, with the request id the bureau's log holds."""
    error = SyncError(_error_code(response) or LocalCode.SERVER_REFUSED, detail)
    error.request_id = response.headers.get("x-request-id", "")
    return error


def _error_code(response: httpx.Response) -> str | None:
    """The code of an ``ErrorBody`` answer, as the server wrote it (None: not an error body)."""
    try:
        return ErrorBody.model_validate_json(response.content).error.code or None
    except ValidationError:
        return None
