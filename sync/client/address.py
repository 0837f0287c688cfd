"""The server address as people type it: ``host``, ``host:port``, or an ``http://`` / ``https://``
URL (a path is kept, for a server behind a reverse proxy). Without a scheme it is https."""

from __future__ import annotations

from urllib.parse import urlsplit

from sync.client.errors import LocalCode, SyncError


def normalize_server_url(text: str) -> str:
    """A base URL from what the user typed; ``SyncError(LocalCode.BAD_ADDRESS)`` when it is not one."""
    raw = text.strip()
    if not raw.rstrip("/"):
        raise SyncError(LocalCode.BAD_ADDRESS, text)
    if "://" not in raw:
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        port = parts.port  # raises ValueError when out of range or not a number
    except ValueError as exc:
        raise SyncError(LocalCode.BAD_ADDRESS, text) from exc
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host or any(c.isspace() for c in raw):
        raise SyncError(LocalCode.BAD_ADDRESS, text)
    if parts.netloc.endswith(":") or "://" in parts.path:
        raise SyncError(LocalCode.BAD_ADDRESS, text)
    if parts.query or parts.fragment or parts.username or parts.password:
        raise SyncError(LocalCode.BAD_ADDRESS, text)
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return f"{parts.scheme}://{netloc}{parts.path.rstrip('/')}"
