"""What an operator watches: request ids, one structured log line per request, Prometheus metrics.

Every request gets an id: the client's ``X-Request-ID`` when it is a short, safe token (a proxy or
the device may set one), otherwise a new one. It comes back in the ``X-Request-ID`` header and in
every error body (``error.request_id``), so a device can show it in its error message and the
bureau can find the request in the log. The log is JSON lines on stderr (``event``, ``request_id``,
``method``, ``route``, ``status``, ``ms``, ``client``).

Metrics live in a registry of the app's own (several apps in one process, as in tests, do not
mix); ``GET /metrics`` serves them in Prometheus' text format. Counters and histograms are per
process: with several server processes, scrape each (see the README's deployment notes).
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import ErrorBody, ErrorCode, ErrorInfo

SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
REQUEST_ID_HEADER = b"x-request-id"

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
log = logging.getLogger("hekou.server")


def current_request_id() -> str:
    """The id of the request being served on this task or thread ('' outside a request)."""
    return request_id_var.get()


class Metrics:
    """The server's metrics, in a registry of their own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "hekou_http_requests",
            "HTTP requests answered, by route template and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "hekou_http_request_duration_seconds",
            "Time from a request's arrival to its answer's start",
            ["method", "route"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
            registry=self.registry,
        )
        self.pushed = Counter(
            "hekou_push_changes",
            "Changes received in pushes, by result (applied, conflict, rejected, ...)",
            ["result"],
            registry=self.registry,
        )
        self.upload_bytes = Counter(
            "hekou_photo_upload_bytes",
            "Photo bytes received in upload chunks",
            registry=self.registry,
        )
        self.photos_completed = Counter(
            "hekou_photos_completed",
            "Photos that arrived whole and verified",
            registry=self.registry,
        )
        self.failed_logins = Counter(
            "hekou_failed_logins", "Refused logins (wrong password, unknown user, locked)",
            registry=self.registry,
        )  # fmt: skip

    def watch(self, name: str, help_text: str, read: Callable[[], float]) -> None:
        """A gauge read when Prometheus scrapes (e.g. a count from the database)."""
        self.registry.register(_Gauge(name, help_text, read))


class _Gauge(Collector):
    def __init__(self, name: str, help_text: str, read: Callable[[], float]) -> None:
        self.name, self.help_text, self.read = name, help_text, read

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            value = float(self.read())
        except Exception:  # a scrape must not fail because the database is briefly away
            log.warning(json.dumps({"event": "metric_unavailable", "metric": self.name}))
            return
        yield GaugeMetricFamily(self.name, self.help_text, value=value)

    def describe(self) -> Iterator[GaugeMetricFamily]:
        yield GaugeMetricFamily(self.name, self.help_text)


def _route_of(scope: Scope) -> str:
    """The route template (``/v1/photos/{sha256}/upload``), never the raw path: bounded labels."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "unmatched"


def _client_id(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == REQUEST_ID_HEADER:
            text = value.decode("latin-1")
            if SAFE_ID.match(text):
                return text
            break
    return uuid.uuid4().hex


class RequestObserver:
    """ASGI middleware: request id, timing, metrics and the request's log line."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _client_id(scope)
        token = request_id_var.set(request_id)
        start = time.perf_counter()
        status = 500

        async def observed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = [*message.get("headers", []), (REQUEST_ID_HEADER, request_id.encode())]
                message = {**message, "headers": headers}
            await send(message)

        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await observed_send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            # A bug: logged with its traceback under the request's id, which the answer quotes;
            # then raised on, so that it surfaces (in tests, and in the server's own log).
            log.error(json.dumps({"event": "unhandled", "request_id": request_id}), exc_info=exc)
            if not started:
                body = (
                    ErrorBody(
                        error=ErrorInfo(
                            code=ErrorCode.INTERNAL_ERROR,
                            message="internal error; quote the request id to the bureau",
                            request_id=request_id,
                        )
                    )
                    .model_dump_json()
                    .encode()
                )
                await observed_send(
                    {
                        "type": "http.response.start",
                        "status": 500,
                        "headers": [(b"content-type", b"application/json")],
                    }
                )
                await observed_send({"type": "http.response.body", "body": body})
            raise
        finally:
            seconds = time.perf_counter() - start
            route = _route_of(scope)
            method = scope.get("method", "")
            self.metrics.requests.labels(method, route, str(status)).inc()
            self.metrics.latency.labels(method, route).observe(seconds)
            client = scope.get("client") or ("", 0)
            log.info(
                json.dumps(
                    {
                        "event": "request",
                        "request_id": request_id,
                        "method": method,
                        "route": route,
                        "status": status,
                        "ms": round(seconds * 1000, 2),
                        "client": client[0],
                    }
                )
            )
            request_id_var.reset(token)


class JsonLines(logging.Formatter):
    """One JSON object a line: the message (itself JSON where we log events) with time and level."""

    def format(self, record: logging.LogRecord) -> str:
        try:
            body: dict[str, Any] = json.loads(record.getMessage())
            if not isinstance(body, dict):
                raise ValueError
        except ValueError:
            body = {"event": "message", "message": record.getMessage()}
        line = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            **body,
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def configure_logging(level: int = logging.INFO) -> None:
    """JSON lines on stderr for the server's own log (uvicorn's access log stays off)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False
