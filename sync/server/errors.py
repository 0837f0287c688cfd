"""The one exception routes and services raise for a client's fault, rendered as ``ErrorBody``.

A bug is any other exception: it surfaces (500) in tests instead of being dressed up as a 4xx.
"""

from __future__ import annotations

from typing import Any

from sync.protocol import ErrorCode


class ApiError(Exception):
    """A clean 4xx answer with a stable code."""

    def __init__(self, status: int, code: ErrorCode, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail


def not_found(what: str = "not found") -> ApiError:
    return ApiError(404, ErrorCode.NOT_FOUND, what)


def forbidden_role(role: str) -> ApiError:
    return ApiError(403, ErrorCode.ROLE_FORBIDDEN, f"the role {role} may not do this")
