"""Server settings: the database URL, the photo folder and the limits on what clients send."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MIB = 1024 * 1024


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
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 64 * 1024
    argon2_parallelism: int = 4
    anchor_every_seconds: float = 600.0  # how often a serving server anchors the audit chain
    metrics_token: str | None = None  # GET /metrics wants it; without one, loopback scrapes only

    @property
    def anchor_file(self) -> Path:
        """Where the audit chain's head is anchored (``sync.server.anchors``): beside the
        photos, away from the database."""
        return Path(self.photo_dir) / "audit-anchors.log"
