"""Photos: ask which are missing, resume and upload chunks (raw bytes), content-addressed."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from sync.protocol import (
    SHA256_PATTERN,
    ErrorCode,
    MissingRequest,
    MissingResponse,
    UploadState,
)
from sync.server.context import ServerContext
from sync.server.deps import ERROR_RESPONSES, Ctx, CurrentActor, Observed, require_role
from sync.server.errors import ApiError
from sync.server.photostore import ChunkWriter, OffsetMismatch
from sync.server.rules import FIELD_ROLES, SHA256_RE
from sync.server.services import photos

router = APIRouter(prefix="/v1/photos", tags=["photos"], responses=ERROR_RESPONSES)
Sha = Annotated[str, Path(pattern=SHA256_PATTERN, description="lowercase hex SHA-256")]
WRITE_BLOCK = 1024 * 1024
RAW_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.post("/missing")
def missing(ctx: Ctx, actor: CurrentActor, body: MissingRequest) -> MissingResponse:
    require_role(actor, *FIELD_ROLES)
    bad = [h for h in body.sha256s if not SHA256_RE.match(h)]
    if bad:
        raise ApiError(422, ErrorCode.INVALID_REQUEST, "not lowercase hex SHA-256", bad[:10])
    return photos.missing(ctx, actor, body.sha256s)


@router.get("/{sha256}/upload")
def upload_state(ctx: Ctx, actor: CurrentActor, sha256: Sha) -> UploadState:
    require_role(actor, *FIELD_ROLES)
    return photos.state(ctx, actor, sha256)


@router.put("/{sha256}/upload", openapi_extra=RAW_BODY)
async def upload_chunk(
    ctx: Ctx,
    metrics: Observed,
    actor: CurrentActor,
    sha256: Sha,
    request: Request,
    offset: Annotated[int, Query(ge=0)],
    total: Annotated[int, Query(ge=1)],
) -> UploadState:
    """Append the body at ``offset`` of a photo of ``total`` bytes; see sync.protocol.

    The body is streamed to disk as it arrives: if the link drops, what arrived is kept and the
    client resumes from the offset ``GET .../upload`` reports.
    """
    require_role(actor, *FIELD_ROLES)
    if offset >= total:
        raise ApiError(422, ErrorCode.INVALID_REQUEST, "offset must be below total")
    writer = await run_in_threadpool(photos.open_upload, ctx, actor, sha256, offset, total)
    if writer is None:
        return await run_in_threadpool(photos.finish_upload, ctx, actor, None, sha256)
    try:
        received, rest = await _receive(ctx, request, writer)
        if received == 0:
            raise ApiError(422, ErrorCode.INVALID_REQUEST, "empty chunk")
        # The last pieces are written by the same worker call that makes them durable.
        state = await run_in_threadpool(photos.finish_upload, ctx, actor, writer, sha256, rest)
        metrics.upload_bytes.inc(received)
        if state.complete:
            metrics.photos_completed.inc()
        return state
    except ClientDisconnect:
        # The link dropped: keep what arrived, durably; nobody is left to read this answer.
        kept = await run_in_threadpool(writer.keep)
        return UploadState(sha256=sha256, offset=kept, complete=False)
    except BaseException:
        await run_in_threadpool(writer.abort)
        raise
    finally:
        writer.close()


async def _receive(
    ctx: ServerContext, request: Request, writer: ChunkWriter
) -> tuple[int, list[bytes]]:
    """Write the body as it comes, a megabyte at a time, hashing and writing in a worker thread
    (both release the GIL) while the event loop goes on receiving the next megabyte.

    Returns the bytes received and the last pieces, not yet written. A dropped link writes
    every piece that arrived before raising ``ClientDisconnect``.
    """
    received = 0
    pending: list[bytes] = []
    pending_size = 0
    writing: asyncio.Task[None] | None = None
    try:
        async for piece in request.stream():
            received += len(piece)
            if received > ctx.settings.max_chunk_bytes:
                raise ApiError(413, ErrorCode.BODY_TOO_LARGE, "chunk too large")
            pending.append(piece)
            pending_size += len(piece)
            if pending_size >= WRITE_BLOCK:
                if writing is not None:
                    await writing  # one block in the worker at a time: writes stay in order
                writing = asyncio.create_task(_write(writer, pending))
                pending, pending_size = [], 0
    except ClientDisconnect:
        if writing is not None:
            await writing
        if pending:
            await _write(writer, pending)
        raise
    except BaseException:
        if writing is not None:  # the caller aborts the writer: no write may still be running
            await asyncio.wait([writing])
        raise
    if writing is not None:
        await writing
    return received, pending


async def _write(writer: ChunkWriter, pieces: list[bytes]) -> None:
    try:
        await run_in_threadpool(writer.write_pieces, pieces)
    except OffsetMismatch as exc:
        raise photos.offset_mismatch(exc.offset) from exc
