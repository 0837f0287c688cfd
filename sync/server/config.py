"""Server settings: the database URL, the photo folder and the limits on what clients send."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MIB = 1024 * 1024
# The plan's milestones (考核): a copy of the desktop app's ``resources/data/milestones.json``, so
# both count alike (a test keeps them equal); the server never reads the app's resources, which a
# server install does not carry.
MILESTONES_FILE = Path(__file__).with_name("data") / "milestones.json"
# Who may take each lifecycle step, with what evidence (``sync.casework``), and the lifecycle's
# state machine: copies of the app's ``resources/data/casework.json`` and ``lifecycle.json``.
CASEWORK_FILE = Path(__file__).with_name("data") / "casework.json"
LIFECYCLE_FILE = Path(__file__).with_name("data") / "lifecycle.json"
# Complaints (举报): channels, outcomes and deadlines, a copy of the app's complaint_rules.json.
COMPLAINT_RULES_FILE = Path(__file__).with_name("data") / "complaint_rules.json"
DAY = 24 * 3600
AUDIT_KEY_MIN_BYTES = 32


class AuditKeyError(ValueError):
    """The audit key file cannot be read or holds too short a key."""


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite:///hekou-server.db"
    photo_dir: Path = Path("hekou-photos")
    max_body_bytes: int = 32 * MIB  # any request body; larger is 413 body_too_large
    max_photo_bytes: int = 40 * MIB
    max_chunk_bytes: int = 16 * MIB
    login_window_seconds: int = 300
    login_max_failures_per_user: int = 5
    login_max_failures_per_client: int = 30
    token_touch_seconds: int = 60  # how stale a device's last-use time may get before a write
    # A device token expires this long after its last use (each use pushes it forward), and
    # is dropped at once when the user's password changes or the user is disabled.
    token_lifetime_seconds: int = 30 * DAY
    # Addresses of reverse proxies whose X-Forwarded-For is believed (empty: none; the
    # client address is then the peer's, whatever the headers say).
    trusted_proxies: tuple[str, ...] = ()
    # A request body that stops arriving for this long is answered 408 and its connection
    # closed (a slow or truncated body must not hold a worker).
    body_read_timeout_seconds: float = 30.0
    # An unfinished photo upload untouched this long is removed (the device starts over).
    partial_upload_ttl_seconds: int = 7 * DAY
    # The key of the audit chain's HMAC, kept off the database host (``None``: plain
    # SHA-256, which whoever can write the database can recompute).
    audit_key_file: Path | None = None
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 64 * 1024
    argon2_parallelism: int = 4
    anchor_every_seconds: float = 600.0  # how often a serving server anchors the audit chain
    metrics_token: str | None = None  # GET /metrics wants it; without one, loopback scrapes only
    milestones_file: Path = MILESTONES_FILE

    @property
    def anchor_file(self) -> Path:
        """Where the audit chain's head is anchored (``sync.server.anchors``): beside the
        photos, away from the database."""
        return Path(self.photo_dir) / "audit-anchors.log"

    def audit_key(self) -> bytes | None:
        """The audit chain's key from ``audit_key_file``, or None when none is configured."""
        if self.audit_key_file is None:
            return None
        try:
            raw = Path(self.audit_key_file).read_bytes().strip()
        except OSError as exc:
            raise AuditKeyError(
                f"cannot read the audit key file {self.audit_key_file}: {exc}"
            ) from exc
        if len(raw) < AUDIT_KEY_MIN_BYTES:
            raise AuditKeyError(
                f"the audit key in {self.audit_key_file} is shorter than "
                f"{AUDIT_KEY_MIN_BYTES} bytes (make one with `fieldapp-server audit keygen`)"
            )
        return raw


def env_audit_key_file() -> Path | None:
    """``HEKOU_AUDIT_KEY_FILE`` when set."""
    value = os.environ.get("HEKOU_AUDIT_KEY_FILE")
    return Path(value) if value else None
