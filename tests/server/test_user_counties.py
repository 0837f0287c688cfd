"""Binding a user to other counties: validated like a new user's, audited with before and after."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from sync.server.schema import audit_log
from sync.server.services import admin


def test_set_counties_is_audited_and_refuses_bad_codes(ctx, engine, person, h):
    person("alice", counties=(h.TOSHI,))
    before, after = admin.set_counties(ctx, "alice", [h.HAIMEN, h.TOSHI, h.HAIMEN])
    assert before == (h.TOSHI,) and after == (h.TOSHI, h.HAIMEN)
    assert admin.set_counties(ctx, "alice", [h.TOSHI, h.HAIMEN]) == (after, after)
    for counties, words in (
        (["12345"], "six-digit"),
        (["320612", "abcdef"], "abcdef"),
        ([], "at least one county"),
    ):
        with pytest.raises(admin.AdminError, match=words):
            admin.set_counties(ctx, "alice", counties)
    with pytest.raises(admin.AdminError, match="no user"):
        admin.set_counties(ctx, "nobody", [h.TOSHI])
    with engine.connect() as conn:
        rows = conn.execute(select(audit_log).where(audit_log.c.action == "user.counties")).all()
    assert len(rows) == 1  # the unchanged and the refused changes wrote nothing
    assert rows[0].row_id == "alice" and rows[0].username == admin.CLI
    assert json.loads(rows[0].before) == {"counties": [h.TOSHI]}
    assert json.loads(rows[0].after)["counties"] == [h.TOSHI, h.HAIMEN]  # the whole new state
