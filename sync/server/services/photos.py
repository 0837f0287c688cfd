"""Photo uploads: which photos are missing, resumable chunks, and completing waiting batches."""

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
    """The hashes the server lacks, with the bytes already held of unfinished uploads. A photo
    whose file is stored but whose registration was lost (a power cut right after it arrived)
    is registered now instead of asked for again."""
    with db.read(ctx.engine) as conn:
        present = photos.present(conn, hashes)
    lacking = sorted(set(hashes) - present)
    stored = [h for h in lacking if ctx.photo_store.has(h)]
    for sha256 in stored:
        _register(ctx, actor, sha256)
    still = [h for h in lacking if h not in stored]
    held = {h: ctx.photo_store.offset(h) for h in still}
    return MissingResponse(missing=still, partial={h: n for h, n in held.items() if n})


def state(ctx: ServerContext, actor: Actor, sha256: str) -> UploadState:
    """Where an upload stands: complete, or the offset to resume from."""
    with db.read(ctx.engine) as conn:
        done = bool(photos.present(conn, [sha256]))
    if done:
        return _complete(ctx, sha256)
    store = ctx.photo_store
    if store.has(sha256) or (store.offset(sha256) and store.publish_if_whole(sha256)):
        return _register(ctx, actor, sha256)
    return UploadState(sha256=sha256, offset=store.offset(sha256), complete=False)


def _complete(ctx: ServerContext, sha256: str) -> UploadState:
    size = ctx.photo_store.final_path(sha256).stat().st_size
    return UploadState(sha256=sha256, offset=size, complete=True)


def open_upload(ctx: ServerContext, sha256: str, offset: int, total: int) -> ChunkWriter | None:
    """A writer for the chunk at ``offset``, or None when the photo is already stored."""
    if total > ctx.settings.max_photo_bytes:
        raise ApiError(
            413,
            ErrorCode.PHOTO_TOO_LARGE,
            "photo larger than the server accepts",
            {"max_bytes": ctx.settings.max_photo_bytes},
        )
    if ctx.photo_store.has(sha256):
        return None
    try:
        return ctx.photo_store.open_chunk(sha256, offset, total)
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
    register the photo."""
    if writer is not None:
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
    """Record a stored photo, complete the batches waiting for it, audit its arrival.

    Photos finishing together are registered in one transaction (``GroupCommit``). The photo
    file is already durable (fsynced, renamed, folder fsynced), and its row can be rebuilt from
    it (``missing``, ``state`` and ``open_upload`` register a stored photo that has no row), so
    the commit does not wait for the disk: one fsync less per photo.
    """
    size = ctx.photo_store.final_path(sha256).stat().st_size
    arrival = PhotoArrival(sha256=sha256, size=size, actor=actor)
    ctx.photo_arrivals.submit(arrival, lambda group: _register_group(ctx, group))
    return UploadState(sha256=sha256, offset=size, complete=True)


def _register_group(ctx: ServerContext, arrivals: list[PhotoArrival]) -> None:
    first: dict[str, PhotoArrival] = {}  # a photo registered twice at once counts once
    for a in arrivals:
        first.setdefault(a.sha256, a)
    with db.write(ctx.engine, durable=False) as conn:
        added = photos.add_many(
            conn, [(a.sha256, a.size, a.actor.device_id) for a in first.values()]
        )
        if not added:
            return
        batches.complete_waiting_on(conn, added)
        at = utcnow()
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
                for a in first.values()
                if a.sha256 in added
            ],
        )
