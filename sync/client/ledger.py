"""Uploading a ledger file to the server's import (no Qt): ``POST /v1/ledger/import``.

The body is sent in chunks so the caller sees upload progress; the server's answer is the plan
(``ledgerio.plan.to_json``). Errors: ``LedgerUploadError.code`` is the server's error code
(``forbidden_role``, ``body_too_large``...) or ``network``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
from pydantic import ValidationError

from sync.client.engine import check_address
from sync.client.errors import Code, LocalCode, SyncError, as_code
from sync.protocol import INSTALL_HEADER, ErrorBody

CHUNK = 256 * 1024


class LedgerUploadError(Exception):
    """The import failed; ``code`` is one of the enums of ``sync.client.errors`` (a code this
    app does not know is ``LocalCode.UNKNOWN``, the code kept in the message)."""

    def __init__(self, code: Code | str, message: str = "") -> None:
        known = as_code(code)
        if known is None:
            known, message = LocalCode.UNKNOWN, f"{code}: {message}"
        super().__init__(f"{known}: {message}")
        self.code: Code = known
        self.message = message


def upload(
    server_url: str,
    token: str,
    data: bytes,
    *,
    name: str,
    dry_run: bool,
    only_good_rows: bool,
    datum: str = "wgs84",
    transport: httpx.BaseTransport | None = None,
    progress: Callable[[int, int], None] | None = None,
    timeout: float = 600.0,
    install_id: str | None = None,
) -> dict[str, Any]:
    """Send the file; returns the server's answer (``applied``, messages, ``plan``)."""

    def body() -> Iterator[bytes]:
        for start in range(0, len(data), CHUNK):
            yield data[start : start + CHUNK]
            if progress is not None:
                progress(min(start + CHUNK, len(data)), len(data))

    params = {
        "name": name,
        "dry_run": str(dry_run).lower(),
        "only_good_rows": str(only_good_rows).lower(),
        "datum": datum,
    }
    try:
        check_address(server_url)  # plain http only to this machine, as for sync
    except SyncError as exc:
        raise LedgerUploadError(exc.code, exc.message("en")) from exc
    try:
        with httpx.Client(base_url=server_url, transport=transport, timeout=timeout) as client:
            response = client.post(
                "/v1/ledger/import",
                params=params,
                content=body(),
                headers={
                    "Authorization": f"Bearer {token}",
                    "Content-Type": "application/octet-stream",
                    "Content-Length": str(len(data)),
                    # the token works only from the install it was issued to
                    **({INSTALL_HEADER: install_id} if install_id else {}),
                },
            )
    except httpx.HTTPError as exc:
        raise LedgerUploadError(LocalCode.OFFLINE, str(exc)) from exc
    if response.status_code != 200:
        try:
            error = ErrorBody.model_validate_json(response.content).error
        except ValidationError:
            detail = f"HTTP {response.status_code}: {response.text[:200]}"
            raise LedgerUploadError(LocalCode.SERVER_BUSY, detail) from None
        raise LedgerUploadError(error.code, error.message)
    result: dict[str, Any] = response.json()
    return result
