"""Fuzz every operation from the server's own OpenAPI schema: no 500s, no schema violations."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sync.server.app import create_app

MAX_EXAMPLES = 40
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


def test_api_answers_every_generated_request_cleanly(ctx: Any, person: Any, h: Any) -> None:
    boss = person("boss", role="supervisor", counties=(h.CITY,))  # reaches the most code
    boss.push_ok([h.change("inspections", h.inspection("boss", status="complete"))])
    headers = {"Authorization": f"Bearer {boss.token}"}
    api = schemathesis.openapi.from_asgi("/openapi.json", create_app(ctx))
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 16
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def fuzz(case: Any) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        fuzz()
