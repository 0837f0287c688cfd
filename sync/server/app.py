"""The FastAPI application: routers, error rendering, request size limit and server timing."""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import PROTOCOL_VERSION, ErrorCode
from sync.server import db, observe
from sync.server.config import Settings
from sync.server.context import ServerContext
from sync.server.errors import ApiError
from sync.server.photostore import PhotoStore
from sync.server.queries import records
from sync.server.routes import (
    admin,
    complaints,
    desk,
    health,
    leads,
    ledger,
    login,
    photos,
    plans,
    progress,
    review,
    sync,
    tasks,
)
from sync.server.security import password_hasher
from sync.server.services import anchoring


def _error(status: int, code: str, message: str, detail: Any = None) -> JSONResponse:
    body = {
        "error": {
            "code": code,
            "message": message,
            "detail": detail,
            "request_id": observe.current_request_id() or None,
        }
    }
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, by header or while streaming, and
    bodies that stop arriving for ``read_timeout`` seconds with 408 (the connection is closed:
    a body shorter than its Content-Length must not hold a worker)."""

    def __init__(self, app: ASGIApp, limit: int, read_timeout: float = 30.0) -> None:
        self.app = app
        self.limit = limit
        self.read_timeout = read_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"")
        if b"%00" in query or b"\x00" in query or "\x00" in scope.get("path", ""):
            # PostgreSQL text cannot hold NUL: refuse it in any URL before it reaches a query.
            response = _error(422, ErrorCode.INVALID_REQUEST, "NUL character in the URL")
            await response(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0 or declared > self.limit:
                    await self._refuse(scope, receive, send)
                    return
        received = 0

        async def limited() -> Message:
            nonlocal received
            try:
                message = await asyncio.wait_for(receive(), self.read_timeout)
            except TimeoutError:
                raise _TooSlow() from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge()
            return message

        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited, tracking_send)
        except _TooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send)
        except _TooSlow:
            if started:
                raise
            response = _error(408, ErrorCode.INVALID_REQUEST, "the request body stopped arriving")
            response.headers["Connection"] = "close"
            await response(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = _error(413, ErrorCode.BODY_TOO_LARGE, f"body larger than {self.limit} bytes")
        await response(scope, receive, send)


class _TooLarge(StarletteHTTPException):
    """Raised from inside ``receive``; FastAPI lets HTTP exceptions through its body parsing."""

    def __init__(self) -> None:
        super().__init__(413, "body too large")


class _TooSlow(StarletteHTTPException):
    """Raised from inside ``receive`` when the body stops arriving."""

    def __init__(self) -> None:
        super().__init__(408, "request body timeout")


class TrustedProxies:
    """The client address behind listed reverse proxies, from ``X-Forwarded-For``.

    Only a request whose peer is one of ``proxies`` (addresses or networks) has the header
    read; the address taken is the nearest one in the header that is not itself a proxy. Any
    other peer is the client, whatever it claims (login rate limits and the audit log count
    real addresses).
    """

    def __init__(self, app: ASGIApp, proxies: tuple[str, ...]) -> None:
        self.app = app
        self.networks = [ipaddress.ip_network(p, strict=False) for p in proxies]

    def _trusted(self, host: str) -> bool:
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return False
        return any(address in n for n in self.networks)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        if scope["type"] == "http" and self.networks and client and self._trusted(client[0]):
            forwarded = [
                value.decode("latin-1")
                for name, value in scope.get("headers", [])
                if name == b"x-forwarded-for"
            ]
            hops = [h.strip() for h in ",".join(forwarded).split(",") if h.strip()]
            for hop in reversed(hops):
                if not self._trusted(hop):
                    scope = {**scope, "client": (hop[:64], 0)}
                    break
        await self.app(scope, receive, send)


class ServerTiming:
    """Adds ``Server-Timing: app;dur=<ms>``: the time spent inside the application."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()

        async def timed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                ms = (time.perf_counter() - start) * 1000
                headers = [
                    *message.get("headers", []),
                    (b"server-timing", f"app;dur={ms:.3f}".encode()),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, timed_send)


def build_context(settings: Settings, engine: Engine | None = None) -> ServerContext:
    engine = engine or db.make_engine(settings.database_url)
    key = settings.audit_key()
    if key is not None:
        engine = engine.execution_options(hekou_audit_key=key)
    return ServerContext(
        settings=settings,
        engine=engine,
        hasher=password_hasher(settings),
        photo_store=PhotoStore(Path(settings.photo_dir), settings.partial_upload_ttl_seconds),
    )


def create_app(ctx: ServerContext, *, anchor_every: float = 0.0) -> FastAPI:
    """The HTTP API over one server context (the database must be migrated).

    With ``anchor_every`` > 0 the audit chain's head is anchored that often while the app runs,
    and once more at its shutdown (``sync.server.anchors``). The shutdown anchor runs in the
    app's lifespan, before uvicorn re-raises the signal that stopped it.
    """

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anchorer = anchoring.Anchorer(ctx, anchor_every) if anchor_every > 0 else None
        if anchorer is not None:
            anchorer.start()
        try:
            yield
        finally:
            if anchorer is not None:
                await run_in_threadpool(anchorer.stop)

    app = FastAPI(
        title="Hekou central server",
        version=str(PROTOCOL_VERSION),
        description="Sync, photos and review for the Hekou field-inspection app (河口).",
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    app.state.metrics = metrics = observe.Metrics()
    metrics.watch(
        "hekou_inspections_awaiting_review",
        "Completed inspections no supervisor has decided yet",
        lambda: _awaiting_review(ctx),
    )
    for module in (
        health,
        login,
        sync,
        photos,
        review,
        desk,
        admin,
        ledger,
        progress,
        tasks,
        leads,
        plans,
        complaints,
    ):
        app.include_router(module.router)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {
                "loc": [str(p) for p in e.get("loc", ())],
                "msg": str(e.get("msg", "")),
                "type": e.get("type"),
            }
            for e in exc.errors()
        ]
        if any(e["type"] == "json_invalid" for e in errors):
            return _error(400, ErrorCode.MALFORMED_JSON, "the body is not valid JSON", errors)
        return _error(422, ErrorCode.INVALID_REQUEST, "the request does not match the API", errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # FastAPI raises a bare 400 only when it cannot parse the body at all.
        code = {
            400: ErrorCode.MALFORMED_JSON,
            408: ErrorCode.INVALID_REQUEST,
            404: ErrorCode.NOT_FOUND,
            413: ErrorCode.BODY_TOO_LARGE,
        }.get(exc.status_code, ErrorCode.INVALID_REQUEST)
        response = _error(exc.status_code, code, str(exc.detail))
        if exc.status_code == 408:
            response.headers["Connection"] = "close"  # the rest of the body never comes
        return response

    app.add_middleware(
        BodyLimit,
        limit=ctx.settings.max_body_bytes,
        read_timeout=ctx.settings.body_read_timeout_seconds,
    )
    app.add_middleware(TrustedProxies, proxies=ctx.settings.trusted_proxies)
    app.add_middleware(ServerTiming)
    app.add_middleware(observe.RequestObserver, metrics=metrics)  # outermost: sees every answer
    return app


def _awaiting_review(ctx: ServerContext) -> int:
    with db.read_one(ctx.engine) as conn:
        return records.count_awaiting_review(conn)
