"""The server applies the national code rule (国家编码规则) to ledger rows created or edited, from its
own copy of the rule's data: the copy equals the app's file, and the server's check agrees with
the app's (hypothesis over codes, counties and every prefix mode). Over HTTP: a push with a code of
another county is refused as ``invalid_code``; the desk will not accept an outfall with such a
code."""

from __future__ import annotations

import json
import string
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.codes import NationalCodeRule
from sync.protocol import Reason, ResultKind
from sync.server import codes
from sync.server.models import Actor, StoredRecord
from sync.server.rules import IncomingChange, decide

ROOT = Path(__file__).resolve().parents[2]
APP_FILE = ROOT / "resources" / "data" / "outfall_codes.json"
BOSS = Actor("boss", "supervisor", frozenset({"320600"}), "dev-b")
ALICE = Actor("alice", "inspector", frozenset({"320612"}), "dev-a")
ROW = "00000000-0000-4000-8000-00000000c0de"
COUNTIES = ["320613", "320612", "320614", "320623", "320681", "320682", "320685", "321002"]


def test_the_server_copy_is_the_apps_file() -> None:
    assert json.loads(codes.RULE_FILE.read_text("utf-8")) == json.loads(APP_FILE.read_text("utf-8"))


def test_the_servers_milestones_are_the_apps() -> None:
    from sync.server.config import MILESTONES_FILE

    app_file = ROOT / "resources" / "data" / "milestones.json"
    assert MILESTONES_FILE.parent == Path(codes.__file__).with_name("data")
    assert json.loads(MILESTONES_FILE.read_text("utf-8")) == json.loads(app_file.read_text("utf-8"))


CODES = st.one_of(
    st.text(max_size=40),
    st.tuples(
        st.sampled_from([*COUNTIES, "320600", "320611", "320684", "3206", "32O612"]),
        st.text(alphabet=string.digits + string.ascii_uppercase + "-a ", max_size=30),
    ).map("".join),
)


@given(
    code=CODES,
    county=st.sampled_from([*COUNTIES, "", "bad"]),
    mode=st.sampled_from(["county", "county_or_city", "city", "none"]),
    low=st.integers(6, 14),
    span=st.integers(0, 20),
)
def test_server_and_app_agree(code: str, county: str, mode: str, low: int, span: int) -> None:
    data = json.loads(APP_FILE.read_text("utf-8"))
    data["national_code"].update(division_prefix=mode, min_length=low, max_length=low + span)
    app = NationalCodeRule.from_data(data["national_code"])
    server = codes.CodeRule.from_data(data)
    assert [v.kind for v in app.check(code, county)] == server.violations(code, county)


def _stored(national_code: str, county: str = "320612") -> StoredRecord:
    return StoredRecord(
        "outfalls", ROW, 1, {"id": ROW, "national_code": national_code, "county_code": county},
        county, None, None, "ledger", None, False, "1700000000000:00000:dev-b", "dev-b", None,
        datetime.now(UTC),
    )  # fmt: skip


def _upsert(**data: Any) -> IncomingChange:
    row = {"id": ROW, "county_code": "320612", "name": "排口", **data}
    return IncomingChange("outfalls", ROW, "upsert", row, "1800000000000:00000:dev-b")


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("320612R000001", None),
        ("320623R000001", Reason.INVALID_CODE),  # 如东县's prefix on a 通州区 row
        ("320612r000001", Reason.INVALID_CODE),
        ("320612R1", Reason.INVALID_CODE),
        (None, None),
        ("", None),
    ],
)
def test_a_created_row_keeps_the_rule(code: str | None, reason: Reason | None) -> None:
    for actor in (BOSS, ALICE):
        assert decide(_upsert(national_code=code), None, None, actor).reason == reason


def test_an_edit_is_checked_only_when_the_code_or_the_county_changes() -> None:
    legacy = _stored("NT-OLD-7")  # stored before the rule: other edits still go through
    kept = decide(_upsert(national_code="NT-OLD-7", name="新名字"), legacy, None, BOSS)
    assert kept.result is ResultKind.APPLIED
    changed = decide(_upsert(national_code="NT-OLD-8"), legacy, None, BOSS)
    assert changed.reason is Reason.INVALID_CODE
    fixed = decide(_upsert(national_code="320612R000008"), legacy, None, BOSS)
    assert fixed.result is ResultKind.APPLIED
    good = _stored("320612R000001")
    moved = decide(_upsert(national_code="320612R000001", county_code="320614"), good, None, BOSS)
    assert moved.reason is Reason.INVALID_CODE  # moved to 海门区 with 通州区's code


def test_push_and_desk_over_http(person, h) -> None:  # type: ignore[no-untyped-def]
    alice = person("alice")
    boss = person("boss", role="supervisor")
    wrong = h.outfall(provisional=False, national_code="320623R000001")  # 如东 code, 通州 row
    right = h.outfall(provisional=False, national_code="320612R000001")
    results = alice.push_ok([h.change("outfalls", wrong), h.change("outfalls", right)])["results"]
    assert [(r["result"], r["reason"]) for r in results] == [
        ("rejected", "invalid_code"),
        ("proposed", None),
    ]
    assert boss.push_ok([h.change("outfalls", wrong)])["results"][0]["reason"] == "invalid_code"
    # The desk accepts a newly found outfall only with a code that keeps the rule.
    found = h.outfall(provisional=True)
    assert alice.push_ok([h.change("outfalls", found)])["results"][0]["result"] == "applied"
    version = boss.get(f"/v1/records/outfalls/{found['id']}").json()["version"]
    bad = boss.post(
        f"/v1/desk/outfalls/{found['id']}/accept",
        json={"version": version, "national_code": "320614R000002"},
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid_code"
    assert bad.json()["error"]["detail"] == {"violations": ["wrong_division"]}
    ok = boss.post(
        f"/v1/desk/outfalls/{found['id']}/accept",
        json={"version": version, "national_code": "320612R000002"},
    )
    assert ok.status_code == 200, ok.text
