"""``fieldapp-server check``: what a bureau's IT staff needs to know before trusting the server.

Schema (current, behind or newer than the code), free disk space where the database and the
photos live, the photo store (every registered photo has its file; unfinished uploads; with
``deep`` every file re-hashed) and the audit chain with its anchors. Each finding is a line with
a level; the command exits 1 when any is a problem.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from sync.server import db
from sync.server.context import ServerContext
from sync.server.photostore import PhotoStore
from sync.server.services import audit_check

LOW_DISK_BYTES = 2 * 1024**3  # below this, or 5% of the filesystem, free space is a problem
LOW_DISK_SHARE = 0.05
STALE_UPLOAD_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class Finding:
    ok: bool
    topic: str
    text: str

    def line(self) -> str:
        return f"{'ok     ' if self.ok else 'PROBLEM'}  {self.topic:<8} {self.text}"


def _gib(n: int) -> str:
    return f"{n / 1024**3:.1f} GiB"


def disk_space(path: Path, topic: str) -> Finding:
    """Free space on the filesystem holding ``path`` (or its nearest existing parent)."""
    probe = Path(path).resolve()
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    st = os.statvfs(probe)
    free, total = st.f_bavail * st.f_frsize, st.f_blocks * st.f_frsize
    low = free < LOW_DISK_BYTES or (total and free / total < LOW_DISK_SHARE)
    return Finding(not low, topic, f"{_gib(free)} free of {_gib(total)} at {probe}")


def schema(ctx: ServerContext) -> Finding:
    current = db.current_revision(ctx.engine)
    head = db.head_revision()
    if current == head:
        return Finding(True, "schema", f"at {head}, the code's schema")
    if current is None:
        return Finding(False, "schema", "empty database: run `fieldapp-server init`")
    if current not in db.known_revisions():
        return Finding(False, "schema", f"{current} is newer than this server ({head})")
    return Finding(
        False, "schema", f"{current} is behind the code's {head}: `fieldapp-server init --backup`"
    )


def photo_store(ctx: ServerContext, deep: bool = False) -> list[Finding]:
    store = ctx.photo_store
    if not isinstance(store, PhotoStore):
        return [Finding(store.ready(), "photos", "an object store: check it with its own tools")]
    with db.read(ctx.engine) as conn:
        rows = conn.execute(text("SELECT sha256, size FROM photos")).all()
    missing, damaged, total = [], [], 0
    for sha256, size in rows:
        path = store.final_path(sha256)
        try:
            got = path.stat().st_size
        except FileNotFoundError:
            missing.append(sha256)
            continue
        total += got
        if got != size or (deep and _sha256(path) != sha256):
            damaged.append(sha256)
    out = [
        Finding(
            not missing and not damaged,
            "photos",
            f"{len(rows)} registered, {_gib(total)}; {len(missing)} missing, {len(damaged)} "
            f"damaged{' (every file re-hashed)' if deep else ' (sizes checked; --deep re-hashes)'}",
        )
    ]
    out += [Finding(False, "photos", f"missing file: {s}") for s in missing[:20]]
    out += [Finding(False, "photos", f"damaged file: {s}") for s in damaged[:20]]
    parts = list(store.partial_root.glob("*.part"))
    now = time.time()
    stale = [p for p in parts if now - p.stat().st_mtime > STALE_UPLOAD_SECONDS]
    out.append(
        Finding(
            True,
            "uploads",
            f"{len(parts)} unfinished ({_gib(sum(p.stat().st_size for p in parts))}), "
            f"{len(stale)} untouched for over a week",
        )
    )
    return out


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def audit_state(ctx: ServerContext) -> list[Finding]:
    """What ``audit verify`` finds: the chain (keyed), its anchors, the rows it vouches for."""
    verdict = audit_check.check(ctx)
    return [Finding(False, "audit", p) for p in verdict.problems] + [
        Finding(True, "audit", f) for f in verdict.facts
    ]


def run(ctx: ServerContext, deep: bool = False) -> list[Finding]:
    """Every finding, in the order an operator reads them."""
    try:
        with db.read_one(ctx.engine) as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # the database's own message says what is wrong
        return [Finding(False, "database", f"unreachable: {exc}")]
    findings = [Finding(True, "database", f"{ctx.engine.dialect.name} reachable"), schema(ctx)]
    url = make_url(db.normalise_url(ctx.settings.database_url))
    if url.get_backend_name() == "sqlite" and url.database:
        findings.append(disk_space(Path(url.database).parent, "disk"))
    findings.append(disk_space(Path(ctx.settings.photo_dir), "disk"))
    if not findings[1].ok:
        return findings  # the rest reads tables the schema may not have
    findings += photo_store(ctx, deep)
    findings += audit_state(ctx)
    return findings
