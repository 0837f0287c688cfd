"""Fuzz every operation from the server's own OpenAPI schema: no 500s, no schema violations.

Valid and invalid requests (schemathesis' positive and negative modes) for every operation, as a
city-wide supervisor holding a real token. ``HEKOU_FUZZ_EXAMPLES`` raises the bound (default 40).
"""

from __future__ import annotations

import itertools
import os
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sync.server.app import create_app

MAX_EXAMPLES = int(os.environ.get("HEKOU_FUZZ_EXAMPLES", "40"))
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
    headers = {
        "Authorization": f"Bearer {boss.token}",
        "X-Hekou-Install": boss.client.installs[boss.token],
    }
    api = schemathesis.openapi.from_asgi("/openapi.json", create_app(ctx))
    # Signing out has nothing to fuzz and would end every later call: test_security covers it.
    operations = [
        result.ok() for result in api.get_all_operations() if result.ok().path != "/v1/logout"
    ]
    assert len(operations) >= 16
    for operation, mode in itertools.product(operations, GenerationMode):

        @given(case=operation.as_strategy(mode))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def fuzz(case: Any) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            fuzz()
        except Unsatisfiable:
            # An operation with nothing to get wrong (no parameters, no body) has no invalid form.
            assert mode is GenerationMode.NEGATIVE
