"""The supervisor's desk client (no Qt): the desk API of ``sync.review_protocol`` over httpx, and
a content-addressed disk cache of the photos it fetched (a photo never changes: its name is its
SHA-256, checked on arrival).

Errors: ``DeskError.code`` is the server's stable error code (``record_changed``,
``photos_missing``, ``record_flagged``, ``not_found``…) or ``network`` when the server could not
be reached; ``message`` is the server's words (the desk words the known codes itself).
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from pydantic import ValidationError

from fieldapp.vault import files, sealing
from sync.client.engine import check_address
from sync.client.errors import Code, LocalCode, SyncError, as_code
from sync.complaint_protocol import ComplaintList, ComplaintRequest, ComplaintView
from sync.history_protocol import DeskOutfallHistory
from sync.leads_protocol import (
    LeadDecisionRequest,
    LeadImportOutcome,
    LeadList,
    LeadTaskRequest,
    LeadView,
)
from sync.plan_protocol import PlanList, PlanRequest, PlanView
from sync.protocol import INSTALL_HEADER, ErrorBody, ErrorCode, ReviewResponse
from sync.review_protocol import (
    BulkApproveResult,
    DeskBatch,
    DeskBatchList,
    DeskPatrol,
    DeskPatrolList,
    DeskPatrolProblem,
    DeskProposal,
    DeskProposalList,
    DeskRecord,
    DeskRecordDetail,
    DeskRecordList,
    OutfallDecision,
)
from sync.task_protocol import Assignee, AssigneeList, TaskList, TaskRequest, TaskView

_DIGEST = re.compile(r"[0-9a-f]{64}")
UPLOAD_CHUNK = 4 * 1024 * 1024  # as the sync engine's chunks: well under the server's limit


class DeskError(Exception):
    """A refusal or failure at the desk; ``code`` is one of the enums of ``sync.client.errors``
    (a code this app does not know is ``LocalCode.UNKNOWN``, the code kept in the message)."""

    def __init__(self, code: Code | str, message: str = "", detail: Any = None) -> None:
        known = as_code(code)
        if known is None:
            known, message = LocalCode.UNKNOWN, f"{code}: {message}"
        super().__init__(f"{known}: {message}")
        self.code: Code = known
        self.message = message
        self.detail = detail


class PhotoCache:
    """Photos on the desk's disk, ``<root>/<first two hex>/<sha256>``, sealed with AES-GCM when
    given the profile's cache key (folders 0700, files 0600). What it returns is checked against
    its SHA-256: a damaged or foreign file is a miss, fetched again."""

    def __init__(self, root: Path, key: bytes | None = None) -> None:
        self.root = Path(root)
        self.key = key

    def path(self, sha256: str) -> Path:
        if not _DIGEST.fullmatch(sha256):
            raise DeskError(ErrorCode.NOT_FOUND, sha256)
        return self.root / sha256[:2] / sha256

    def get(self, sha256: str) -> bytes | None:
        try:
            stored = self.path(sha256).read_bytes()
        except FileNotFoundError:
            return None
        data = stored
        if self.key is not None and sealing.is_sealed(stored):
            try:
                data = sealing.unseal(self.key, stored, sha256.encode())
            except sealing.Unsealable:
                return None
        return data if hashlib.sha256(data).hexdigest() == sha256 else None

    def put(self, sha256: str, data: bytes) -> None:
        target = self.path(sha256)
        files.private_dir(target.parent)
        payload = data if self.key is None else sealing.seal(self.key, data, sha256.encode())
        part = target.with_suffix(f".{os.getpid()}.part")
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, files.FILE_MODE)
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        os.replace(part, target)


class ReviewClient:
    """One supervisor's desk against one server. Safe to use from one thread at a time; the desk
    gives records and photos a client each."""

    def __init__(
        self,
        server_url: str,
        token: str,
        cache: PhotoCache,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
        install_id: str | None = None,
    ) -> None:
        self.cache = cache
        try:
            check_address(server_url)
        except SyncError as exc:
            raise DeskError(exc.code, exc.message("en")) from exc
        headers = {"Authorization": f"Bearer {token}"}
        if install_id:
            headers[INSTALL_HEADER] = install_id  # the token is bound to the install
        self._http = httpx.Client(
            base_url=server_url.rstrip("/"),
            headers=headers,
            transport=transport,
            timeout=timeout,
        )

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, url: str, **kw: Any) -> httpx.Response:
        try:
            response = self._http.request(method, url, **kw)
        except httpx.HTTPError as exc:
            raise DeskError(LocalCode.OFFLINE, str(exc)) from exc
        if response.status_code >= 400:
            try:
                error = ErrorBody.model_validate_json(response.content).error
            except ValidationError:
                raise DeskError(LocalCode.SERVER_BUSY, response.text[:200]) from None
            raise DeskError(error.code, error.message, error.detail)
        return response

    # -- reads ---------------------------------------------------------------------------------
    def batches(
        self,
        username: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 200,
    ) -> list[DeskBatch]:
        params: dict[str, Any] = {"limit": limit}
        if username:
            params["username"] = username
        if since is not None:
            params["since"] = since.isoformat()
        if until is not None:
            params["until"] = until.isoformat()
        body = self._call("GET", "/v1/desk/batches", params=params).json()
        return DeskBatchList.model_validate(body).batches

    def batch_records(self, batch_id: str) -> list[DeskRecord]:
        body = self._call("GET", f"/v1/desk/batches/{batch_id}/records").json()
        return DeskRecordList.model_validate(body).records

    def record(self, entity: str, row_id: str) -> DeskRecordDetail:
        body = self._call("GET", f"/v1/desk/records/{entity}/{row_id}").json()
        return DeskRecordDetail.model_validate(body)

    def outfall_history(self, outfall_id: str) -> DeskOutfallHistory:
        """案卷: the outfall's case history as the server holds it, newest first."""
        body = self._call("GET", f"/v1/desk/outfalls/{outfall_id}/history").json()
        return DeskOutfallHistory.model_validate(body)

    def photo(self, sha256: str) -> bytes:
        """A photo's bytes, from the cache or the server (then cached)."""
        return self._photo(sha256, f"/v1/photos/{sha256}")

    def _photo(self, sha256: str, url: str) -> bytes:
        """A photo from the cache, or from ``url`` checked against its hash and then cached."""
        cached = self.cache.get(sha256)
        if cached is not None:
            return cached
        data = self._call("GET", url).content
        if hashlib.sha256(data).hexdigest() != sha256:
            raise DeskError(ErrorCode.PHOTO_HASH_MISMATCH, sha256)
        self.cache.put(sha256, data)
        return data

    # -- decisions -----------------------------------------------------------------------------
    def decide(
        self,
        entity: str,
        row_id: str,
        state: str,
        version: int,
        comment: str = "",
        deadline: datetime | None = None,
        override_reason: str = "",
    ) -> ReviewResponse:
        body: dict[str, Any] = {"state": state, "comment": comment, "version": version}
        if deadline is not None:
            body["deadline"] = deadline.isoformat()
        if override_reason:
            body["override_reason"] = override_reason
        answer = self._call("POST", f"/v1/records/{entity}/{row_id}/review", json=body).json()
        return ReviewResponse.model_validate(answer)

    def approve_unflagged(self, records: list[DeskRecord], comment: str = "") -> BulkApproveResult:
        refs = [
            {"entity": r.record.entity, "row_id": r.record.row_id, "version": r.record.version}
            for r in records
            if not r.flags and r.record.review_state is None
        ]
        body = {"records": refs, "comment": comment}
        return BulkApproveResult.model_validate(
            self._call("POST", "/v1/desk/approve", json=body).json()
        )

    def accept_outfall(
        self,
        row_id: str,
        version: int,
        national_code: str = "",
        local_code: str = "",
        comment: str = "",
    ) -> OutfallDecision:
        body = {
            "version": version,
            "national_code": national_code or None,
            "local_code": local_code or None,
            "comment": comment,
        }
        answer = self._call("POST", f"/v1/desk/outfalls/{row_id}/accept", json=body).json()
        return OutfallDecision.model_validate(answer)

    def merge_outfall(
        self, row_id: str, version: int, into_id: str, comment: str = ""
    ) -> OutfallDecision:
        body = {"version": version, "into_id": into_id, "comment": comment}
        answer = self._call("POST", f"/v1/desk/outfalls/{row_id}/merge", json=body).json()
        return OutfallDecision.model_validate(answer)

    def proposals(self, state: str = "pending", limit: int = 200) -> list[DeskProposal]:
        params = {"state": state, "limit": limit}
        body = self._call("GET", "/v1/desk/proposals", params=params).json()
        return DeskProposalList.model_validate(body).proposals

    def decide_proposal(
        self, proposal_id: str, decision: str, reason: str = "", into_id: str | None = None
    ) -> DeskProposal:
        """``accept``, ``merge`` (into ``into_id``) or ``reject`` (with a ``reason``)."""
        body: dict[str, Any] = {"decision": decision, "reason": reason}
        if into_id is not None:
            body["into_id"] = into_id
        url = f"/v1/desk/proposals/{proposal_id}/decision"
        return DeskProposal.model_validate(self._call("POST", url, json=body).json())

    def patrols(self, batch_id: str | None = None, limit: int = 100) -> list[DeskPatrol]:
        params: dict[str, Any] = {"limit": limit}
        if batch_id is not None:
            params["batch_id"] = batch_id
        body = self._call("GET", "/v1/desk/patrols", params=params).json()
        return DeskPatrolList.model_validate(body).patrols

    def problem_handled(self, problem_id: str, version: int, note: str) -> DeskPatrolProblem:
        body = {"note": note, "version": version}
        url = f"/v1/desk/patrol_problems/{problem_id}/handled"
        return DeskPatrolProblem.model_validate(self._call("POST", url, json=body).json())

    # -- tasks (sync.task_protocol) --------------------------------------------------------------
    def assignees(self, county_code: str) -> list[Assignee]:
        """Who may be assigned a task in this county (the assignee picker)."""
        params = {"county_code": county_code}
        body = self._call("GET", "/v1/tasks/assignees", params=params).json()
        return AssigneeList.model_validate(body).assignees

    def create_task(self, request: TaskRequest) -> TaskView:
        """Assign a task; ``assignee_outside_area`` names the assignee refused."""
        body = request.model_dump(mode="json", exclude_none=True)
        return TaskView.model_validate(self._call("POST", "/v1/tasks", json=body).json())

    def tasks(self, **filters: Any) -> TaskList:
        """The area's tasks; ``filters``: county_code, state, assignee, kind, overdue, limit."""
        params = {k: v for k, v in filters.items() if v is not None}
        return TaskList.model_validate(self._call("GET", "/v1/tasks", params=params).json())

    def cancel_task(self, task_id: str, reason: str) -> TaskView:
        url = f"/v1/tasks/{task_id}/cancel"
        return TaskView.model_validate(self._call("POST", url, json={"reason": reason}).json())

    # -- remediation plans (sync.plan_protocol) --------------------------------------------------
    def save_plan(self, outfall_id: str, request: PlanRequest) -> PlanView:
        """Write an outfall's plan whole; ``record_changed`` when someone saved it in between."""
        body = request.model_dump(mode="json")
        return PlanView.model_validate(
            self._call("PUT", f"/v1/plans/{outfall_id}", json=body).json()
        )

    def plans(self, **filters: Any) -> PlanList:
        """The area's plans, overdue first; ``filters``: county_code, overdue, limit, offset."""
        params = {k: v for k, v in filters.items() if v is not None}
        return PlanList.model_validate(self._call("GET", "/v1/plans", params=params).json())

    # -- complaints (sync.complaint_protocol) ----------------------------------------------------
    def complaints(self, **filters: Any) -> ComplaintList:
        """The area's complaints, overdue first; ``filters``: county_code, state, overdue."""
        params = {k: v for k, v in filters.items() if v is not None}
        return ComplaintList.model_validate(
            self._call("GET", "/v1/complaints", params=params).json()
        )

    def create_complaint(self, request: ComplaintRequest) -> ComplaintView:
        body = request.model_dump(mode="json")
        return ComplaintView.model_validate(self._call("POST", "/v1/complaints", json=body).json())

    def complaint_outcome(
        self, complaint_id: str, outcome: str, note: str, version: int
    ) -> ComplaintView:
        body = {"outcome": outcome, "note": note, "version": version}
        url = f"/v1/complaints/{complaint_id}/outcome"
        return ComplaintView.model_validate(self._call("POST", url, json=body).json())

    def complaint_reply(self, complaint_id: str, text: str, version: int) -> ComplaintView:
        url = f"/v1/complaints/{complaint_id}/reply"
        body = {"text": text, "version": version}
        return ComplaintView.model_validate(self._call("POST", url, json=body).json())

    # -- aerial-survey leads (sync.leads_protocol) ----------------------------------------------
    def leads(self, state: str | None = None) -> LeadList:
        """The area's leads (import order), each with its task's state and inspectors' notes."""
        params = {"state": state} if state else {}
        return LeadList.model_validate(self._call("GET", "/v1/desk/leads", params=params).json())

    def import_leads(
        self, data: bytes, name: str, county_code: str, dry_run: bool
    ) -> LeadImportOutcome:
        """Import a survey's lead file (GeoJSON, KML/KMZ, CSV) into a county; a dry run first
        says what it would import and which features it refuses, writing nothing."""
        params = {"county": county_code, "name": name, "dry_run": "true" if dry_run else "false"}
        answer = self._call("POST", "/v1/leads/import", params=params, content=data)
        return LeadImportOutcome.model_validate(answer.json())

    def lead_task(self, lead_id: str, request: LeadTaskRequest) -> dict[str, Any]:
        """A verification task of the lead (or its cluster); the task as stored."""
        body = request.model_dump(mode="json")
        found: dict[str, Any] = self._call(
            "POST", f"/v1/desk/leads/{lead_id}/task", json=body
        ).json()
        return found

    def decide_lead(self, lead_id: str, request: LeadDecisionRequest) -> LeadView:
        body = request.model_dump(mode="json")
        url = f"/v1/desk/leads/{lead_id}/decision"
        return LeadView.model_validate(self._call("POST", url, json=body).json())

    def lead_photo(self, lead_id: str, sha256: str) -> bytes:
        """A photo of the survey's lead (only its county's people may fetch it), as ``photo``."""
        return self._photo(sha256, f"/v1/leads/{lead_id}/photos/{sha256}")

    def upload_photo(self, data: bytes) -> str:
        """Put a whole photo on the server (a complaint's evidence), in chunks the server takes
        whatever its size; its SHA-256. A photo the server holds already is not sent again."""
        sha256 = hashlib.sha256(data).hexdigest()
        url = f"/v1/photos/{sha256}/upload"
        offset = 0
        while offset < len(data):
            piece = data[offset : offset + UPLOAD_CHUNK]
            state = self._call(
                "PUT", url, params={"offset": offset, "total": len(data)}, content=piece,
                headers={"Content-Type": "application/octet-stream"},
            ).json()  # fmt: skip
            if state.get("complete"):
                break
            offset = int(state["offset"])
        return sha256

    def complaint_photo(self, complaint_id: str, sha256: str) -> bytes:
        """A photo of a complaint (only its county's staff may fetch it), as ``photo``."""
        return self._photo(sha256, f"/v1/complaints/{complaint_id}/photos/{sha256}")
