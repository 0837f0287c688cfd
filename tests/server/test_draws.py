"""双随机 on the server (SQLite and PostgreSQL): a year drawn from the ledger and the inspectors
with a fixed seed, verified, caught when its stored record or visits are altered, refused to a
county supervisor, shortfalls named; published with outcomes and no inspectors' names; the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text, update

import draws
from sync.server import db
from sync.server.canonical import utcnow
from sync.server.cli import main as server_main
from sync.server.models import Actor, StoredRecord
from sync.server.queries import records
from sync.server.schema import draw_visits
from sync.server.services import admin, review
from sync.server.services import draws as service

COUNTIES = ("320612", "320623", "320681", "320682")
PASSWORD = "Nantong outfalls 2027!"
CITY = Actor("city_sup", "supervisor", frozenset({"320600"}), "")
COUNTY = Actor("county_sup", "supervisor", frozenset({"320612"}), "")
YEAR = (dt.date(2027, 1, 1), dt.date(2027, 12, 31))


def _record(entity: str, data: dict[str, Any], county: str) -> StoredRecord:
    return StoredRecord(
        entity=entity, id=str(data["id"]), version=1, data=data, county_code=county,
        owner="双随机测试", parent_id=None, status=data.get("status"), review_state=None,
        deleted=False, hlc="0000000000001:00000:test", device_id=None, batch_id=None,
        updated_at=utcnow(),
    )  # fmt: skip


def outfall_id(i: int) -> str:
    return str(uuid.UUID(int=i + 1))


@pytest.fixture
def ledger(ctx):  # type: ignore[no-untyped-def]
    """200 outfalls over four counties (every fifth a park plant: a key target; one retired),
    eight inspectors, two per county, one of them disabled."""
    rows = []
    loader = Actor("ledger-loader", "admin", frozenset({"320600"}), "")
    with db.write(ctx.engine) as conn:
        for i in range(200):
            county = COUNTIES[i % 4]
            data = {
                "id": outfall_id(i), "name": f"双随机样例{i}", "local_code": f"SJ-{i:04d}",
                "county_code": county, "type_code": "industrial" if i % 5 == 0 else "other",
                "subtype_code": "park_plant" if i % 5 == 0 else "urban_storm",
                "lifecycle_state": "retired" if i == 199 else "routine",
            }  # fmt: skip
            review.publish(conn, loader, "outfalls", data, county)  # stored, fed and audited
            rows.append(data)
    for j in range(8):
        admin.add_user(ctx, f"insp{j}", PASSWORD, "inspector", [COUNTIES[j % 4]])
    admin.set_disabled(ctx, "insp7", True)
    return rows


def test_a_year_is_drawn_verified_and_published(ctx, ledger, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    service.declare_conflict(ctx, "insp0", outfall_id(5), "亲属任该企业环保负责人")
    made = service.make(ctx, CITY, *YEAR, seed="2027-双随机-南通")
    assert made.visits > 0
    assert service.verify(ctx, made.draw_id) == []
    with ctx.engine.connect() as conn:
        visits = [dict(r._mapping) for r in conn.execute(draw_visits.select())]
    assert len(visits) == made.visits
    drawn = {v["target_id"] for v in visits}
    assert outfall_id(199) not in drawn  # retired: not a target any more
    for visit in visits:
        team = json.loads(visit["inspectors"])
        assert len(team) == 2 and "insp7" not in team  # disabled inspectors are not drawn
        own = {f"insp{j}" for j in range(8) if COUNTIES[j % 4] == visit["county_code"]}
        assert not own & set(team)  # nobody inspects their own county
        if visit["target_id"] == outfall_id(5):
            assert "insp0" not in team
    # Key targets (park plants, 40 of them): 5% → 2; ordinary (159 live): 2% → 4.
    assert made.visits == 2 + 4
    # The same seed on the same pools gives the same visits (a second draw, same record hash).
    again = service.make(ctx, CITY, *YEAR, seed="2027-双随机-南通")
    assert again.record_sha256 == made.record_sha256

    # An inspection by the team after release is the visit's outcome; then it is published.
    first = min(visits, key=lambda v: v["planned_on"])
    team = json.loads(first["inspectors"])
    with db.write(ctx.engine) as conn:
        records.insert_many(
            conn,
            [
                _record(
                    "inspections",
                    {"id": str(uuid.uuid4()), "outfall_id": first["target_id"],
                     "status": "complete", "completed_at": f"{first['planned_on']}T10:00:00+08:00",
                     "author": team[0], "problems": [{"code": "no_sign"}]},
                    first["county_code"],
                )
            ],
        )  # fmt: skip
    with pytest.raises(service.DrawRefused):
        service.public_list(ctx, made.draw_id)  # secret until published
    out = tmp_path / "public.csv"
    assert server_main([*cli_base(ctx), "draw", "publish", made.draw_id, str(out)]) == 0
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][1] == "排污口编码" and len(rows) == 1 + made.visits
    by_code = {r[1]: r for r in rows[1:]}
    number = int(first["target_id"].replace("-", ""), 16) - 1
    assert by_code[f"SJ-{number:04d}"][-1] == f"已检查（{first['planned_on']}），发现问题 1 项"
    assert "insp" not in out.read_text(encoding="utf-8-sig")
    with ctx.engine.connect() as conn:
        published = conn.execute(
            text("SELECT after FROM audit_log WHERE action = 'draw.published'")
        ).scalar_one()
    assert json.loads(published)["seed"] == "2027-双随机-南通"


def test_an_altered_draw_does_not_verify(ctx, ledger) -> None:  # type: ignore[no-untyped-def]
    made = service.make(ctx, CITY, *YEAR, seed="tamper")
    with db.write(ctx.engine) as conn:
        target = conn.execute(draw_visits.select().limit(1)).first()
        conn.execute(
            update(draw_visits)
            .where(draw_visits.c.target_id == target.target_id)
            .values(inspectors=json.dumps(["insp1", "insp2"]))
        )
    assert "the visits table differs from the draw's record" in service.verify(ctx, made.draw_id)
    with db.write(ctx.engine) as conn:
        conn.execute(text("UPDATE draws SET record = REPLACE(record, '\"tamper\"', '\"tamper2\"')"))
    problems = service.verify(ctx, made.draw_id)
    assert "the stored record does not match its recorded SHA-256" in problems


def test_only_the_city_draws_and_shortfalls_are_named(ctx, ledger) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(service.DrawRefused) as refused:
        service.make(ctx, COUNTY, *YEAR)
    assert "市级" in refused.value.zh
    for j in range(1, 7):  # leave one enabled inspector: no visit can have two
        admin.set_disabled(ctx, f"insp{j}", True)
    with pytest.raises(draws.DrawImpossible) as impossible:
        service.make(ctx, CITY, *YEAR, seed="short")
    assert {s.rule for s in impossible.value.shortfalls} == {"inspectors_per_visit"}
    assert all(s.short_by > 0 for s in impossible.value.shortfalls)
    with ctx.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM draws")).scalar_one() == 0


def test_the_cli_draws_shows_and_verifies(ctx, ledger, capsys) -> None:  # type: ignore[no-untyped-def]
    base = cli_base(ctx)
    assert (
        server_main(
            [*base, "draw", "conflict", "add", "insp1", "320623", "--reason", "曾在该县任职"]
        )
        == 0
    )
    assert (
        server_main(
            [*base, "draw", "run", "--from", "2027-01-01", "--to", "2027-06-30", "--seed", "cli"]
        )
        == 0
    )
    out = capsys.readouterr().out
    (made,) = [line for line in out.splitlines() if line.startswith("draw ")]
    draw_id = made.split()[1].rstrip(":")
    assert server_main([*base, "draw", "verify", draw_id]) == 0
    assert "verified" in capsys.readouterr().out
    assert server_main([*base, "draw", "show", draw_id]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown and all(line.startswith("2027-0") for line in shown)
    assert not any("insp1" in line and "320623" in line for line in shown)
    assert server_main([*base, "draw", "list"]) == 0
    assert "secret" in capsys.readouterr().out
    assert server_main([*base, "draw", "conflict", "add", "nobody", "320623", "--reason", "x"]) == 2
    assert server_main([*base, "audit", "verify"]) == 0  # the draws' entries keep the chain whole


def cli_base(ctx) -> list[str]:  # type: ignore[no-untyped-def]
    settings = ctx.settings
    return ["--database", settings.database_url, "--photos", str(settings.photo_dir)]
