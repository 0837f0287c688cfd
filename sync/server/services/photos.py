"""Photo uploads: which photos are missing, resumable chunks, and completing waiting batches.

A photo counts for a user once they proved they hold it: their device uploaded its bytes whole
(``photo_holders``). Until then it is missing for them, even when someone else's upload of the
same bytes is stored: naming a hash gives nothing, and no answer tells whether it is stored.
Partial uploads belong to the device that started them (``photostore``).
"""

from __future__ import annotations

from sync.protocol import ErrorCode, MissingResponse, UploadState
from sync.server import db
from sync.server.audit import AuditEntry
from sync.server.canonical import utcnow
from sync.server.context import ServerContext
from sync.server.errors import ApiError
from sync.server.models import Actor, PhotoArrival
from sync.server.photostore import ChunkWriter, HashMismatch, OffsetMismatch, UploadBusy
from sync.server.queries import audit, batches, photos


def missing(ctx: ServerContext, actor: Actor, hashes: list[str]) -> MissingResponse:
    """The hashes the caller has not uploaded, with the bytes already held of the caller's
    unfinished uploads."""
    with db.read(ctx.engine) as conn:
        held = photos.held(conn, hashes, actor.username)
    lacking = sorted(set(hashes) - held)
    offsets = {h: ctx.photo_store.offset(h, actor.device_id) for h in lacking}
    return MissingResponse(missing=lacking, partial={h: n for h, n in offsets.items() if n})


def state(ctx: ServerContext, actor: Actor, sha256: str) -> UploadState:
    """Where the caller's upload stands: complete, or the offset to resume from."""
    with db.read(ctx.engine) as conn:
        done = bool(photos.held(conn, [sha256], actor.username))
    if done and ctx.photo_store.has(sha256):
        return _complete(ctx, sha256)
    store = ctx.photo_store
    offset = store.offset(sha256, actor.device_id)
    if offset and store.publish_if_whole(sha256, actor.device_id):
        return _register(ctx, actor, sha256)
    return UploadState(sha256=sha256, offset=offset, complete=False)


def _complete(ctx: ServerContext, sha256: str) -> UploadState:
    size = ctx.photo_store.size(sha256)
    return UploadState(sha256=sha256, offset=size, complete=True)


def open_upload(
    ctx: ServerContext, actor: Actor, sha256: str, offset: int, total: int
) -> ChunkWriter | None:
    """A writer for the caller's chunk at ``offset``, or None when they already hold the photo."""
    if total > ctx.settings.max_photo_bytes:
        raise ApiError(
            413,
            ErrorCode.PHOTO_TOO_LARGE,
            "photo larger than the server accepts",
            {"max_bytes": ctx.settings.max_photo_bytes},
        )
    with db.read(ctx.engine) as conn:
        if photos.held(conn, [sha256], actor.username) and ctx.photo_store.has(sha256):
            return None
    try:
        return ctx.photo_store.open_chunk(sha256, offset, total, actor.device_id)
    except UploadBusy as exc:
        raise ApiError(409, ErrorCode.UPLOAD_BUSY, "this photo is being uploaded") from exc
    except OffsetMismatch as exc:
        raise offset_mismatch(exc.offset) from exc


def offset_mismatch(offset: int) -> ApiError:
    return ApiError(
        409,
        ErrorCode.UPLOAD_OFFSET_MISMATCH,
        "the chunk does not start where the upload stands, or runs past its end",
        {"offset": offset},
    )


def finish_upload(
    ctx: ServerContext,
    actor: Actor,
    writer: ChunkWriter | None,
    sha256: str,
    last_pieces: list[bytes] | None = None,
) -> UploadState:
    """Write the chunk's last pieces and make it durable; at the last byte verify the hash and
    register the photo for the caller."""
    if writer is None:
        return _complete(ctx, sha256)
    try:
        if last_pieces:
            writer.write_pieces(last_pieces)
        outcome = writer.finish()
    except OffsetMismatch as exc:
        raise offset_mismatch(exc.offset) from exc
    except HashMismatch as exc:
        raise ApiError(
            422, ErrorCode.PHOTO_HASH_MISMATCH, "the bytes do not match the SHA-256"
        ) from exc
    if not outcome.complete:
        return UploadState(sha256=sha256, offset=outcome.offset, complete=False)
    return _register(ctx, actor, sha256)


def _register(ctx: ServerContext, actor: Actor, sha256: str) -> UploadState:
    """Record a stored photo and that the caller holds it, complete the batches waiting for it,
    audit its arrival.

    Photos finishing together are registered in one transaction (``GroupCommit``). The photo
    file is already durable (fsynced, renamed, folder fsynced); should a power cut take the
    registration back, the device is asked for the photo again and uploads it again, so the
    commit does not wait for the disk: one fsync less per photo.
    """
    size = ctx.photo_store.size(sha256)
    arrival = PhotoArrival(sha256=sha256, size=size, actor=actor)
    ctx.photo_arrivals.submit(arrival, lambda group: _register_group(ctx, group))
    return UploadState(sha256=sha256, offset=size, complete=True)


def _register_group(ctx: ServerContext, arrivals: list[PhotoArrival]) -> None:
    first: dict[tuple[str, str], PhotoArrival] = {}  # a photo registered twice at once counts once
    for a in arrivals:
        first.setdefault((a.sha256, a.actor.username), a)
    with db.write(ctx.engine, durable=False) as conn:
        photos.add_many(conn, [(a.sha256, a.size, a.actor.device_id) for a in first.values()])
        added = photos.add_holders(conn, first.keys())
        if not added:
            return
        batches.complete_waiting_on(conn, sorted({h for h, _ in added}))
        at = utcnow()
        fresh = set(added)
        audit.append_many(
            conn,
            [
                AuditEntry(
                    at=at,
                    username=a.actor.username,
                    device_id=a.actor.device_id,
                    action="photo.arrive",
                    entity="photos",
                    row_id=a.sha256,
                    before=None,
                    after={"size": a.size},
                )
                for key, a in first.items()
                if key in fresh
            ],
        )
