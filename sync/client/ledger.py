"""Uploading a ledger file to the server's import (no Qt): ``POST /v1/ledger/import``.

The body is sent in chunks so the caller sees upload progress; the server's answer is the plan
(``ledgerio.plan.to_json``). Errors: ``LedgerUploadError.code`` is the server's error code
(``forbidden_role``, ``body_too_large``...) or ``network``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx

CHUNK = 256 * 1024


class LedgerUploadError(Exception):
    def __init__(self, code: str, message: str = "") -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
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
        with httpx.Client(base_url=server_url, transport=transport, timeout=timeout) as client:
            response = client.post(
                "/v1/ledger/import",
                params=params,
                content=body(),
                headers={
                    "Authorization": f"Bearer {token}",
                    "Content-Type": "application/octet-stream",
                    "Content-Length": str(len(data)),
                },
            )
    except httpx.HTTPError as exc:
        raise LedgerUploadError("network", str(exc)) from exc
    if response.status_code != 200:
        try:
            error = response.json()["error"]
            raise LedgerUploadError(str(error["code"]), str(error.get("message", "")))
        except (ValueError, KeyError, TypeError):
            raise LedgerUploadError(str(response.status_code), response.text[:200]) from None
    result: dict[str, Any] = response.json()
    return result
