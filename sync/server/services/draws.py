"""双随机、一公开 on the server: make a draw from the ledger and the inspectors (city level only),
keep its record, verify it, release each visit to its inspectors on its day, publish the results.

The rules are the server's copy of the app's file (``sync/server/data/draw_rules.json``); the
computation is the pure ``draws`` package. The audit log gets each draw's record hash when it is
made (not its seed: the draw is secret until its visits are released) and the seed when it is
published, so anyone holding the published record can recompute it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import draws
from draws.publication import PublicOutfall, public_rows
from sync.protocol import CITY_CODE
from sync.server import db
from sync.server.audit import AuditEntry
from sync.server.canonical import utcnow
from sync.server.context import ServerContext
from sync.server.models import Actor
from sync.server.queries import audit, records, users
from sync.server.queries import draws as stored

RULES_FILE = Path(__file__).resolve().parents[1] / "data" / "draw_rules.json"
RETIRED_STATES = frozenset({"retired"})  # outfalls no longer in the ledger's active set


class DrawRefused(ValueError):
    """A draw request that cannot be done; ``en`` and ``zh`` say why."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh


@dataclass(frozen=True, slots=True)
class Made:
    draw_id: str
    visits: int
    record_sha256: str


def rules() -> draws.DrawRules:
    return draws.read_rules(RULES_FILE)


def may_draw(actor: Actor) -> bool:
    """Draws are the city's: an administrator or a supervisor bound to the whole city."""
    return actor.role == "admin" or (actor.role == "supervisor" and CITY_CODE in actor.counties)


def make(
    ctx: ServerContext,
    actor: Actor,
    start: dt.date,
    end: dt.date,
    seed: str | None = None,
) -> Made:
    """Draw for the period from the live ledger and the enabled inspectors; raises
    ``DrawRefused`` for the wrong actor and ``draws.DrawError`` (``DrawImpossible`` with every
    shortfall) when the pools cannot satisfy the rules. Nothing is stored then."""
    if not may_draw(actor):
        raise DrawRefused(
            "only the city (an administrator or a city supervisor) makes draws",
            "只有市级（管理员或市级监管人员）可以组织抽查",
        )
    the_rules = rules()
    draw_id = str(uuid.uuid4())
    with db.write(ctx.engine) as conn:
        pools = _pools(conn, the_rules)
        made = draws.draw(seed or draws.new_seed(), start, end, the_rules, pools)
        record = json.dumps(made.as_data(), ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(record.encode()).hexdigest()
        now = utcnow()
        stored.add(
            conn,
            stored.StoredDraw(
                draw_id,
                start.isoformat(),
                end.isoformat(),
                record,
                digest,
                actor.username,
                now,
                None,
            ),
            [
                stored.StoredVisit(
                    draw_id,
                    v.target_id,
                    v.county,
                    v.inspectors,
                    v.planned_on.isoformat(),
                    v.released_on.isoformat(),
                )
                for v in made.visits
            ],
        )
        audit.append_many(
            conn,
            [
                AuditEntry(
                    now,
                    actor.username,
                    actor.device_id or None,
                    "draw.made",
                    "draws",
                    draw_id,
                    None,
                    {
                        "period": [start.isoformat(), end.isoformat()],
                        "record_sha256": digest,
                        "pools_sha256": made.pools.digest(),
                        "visits": len(made.visits),
                    },
                )
            ],
        )
    return Made(draw_id, len(made.visits), digest)


def verify(ctx: ServerContext, draw_id: str) -> list[str]:
    """What differs between the stored draw and the same draw made again (empty: it holds)."""
    with ctx.engine.connect() as conn:
        row = stored.get(conn, draw_id)
        visits = stored.visits(conn, draw_id)
    if row is None:
        raise DrawRefused(f"no draw {draw_id}", f"没有抽查 {draw_id}")
    problems = []
    if hashlib.sha256(row.record.encode()).hexdigest() != row.record_sha256:
        problems.append("the stored record does not match its recorded SHA-256")
    record = json.loads(row.record)
    problems.extend(draws.verify(record))
    listed = {(v.target_id, v.inspectors, v.planned_on, v.released_on) for v in visits}
    in_record = {
        (v["target_id"], tuple(v["inspectors"]), v["planned_on"], v["released_on"])
        for v in record["visits"]
    }
    if listed != in_record:
        problems.append("the visits table differs from the draw's record")
    return problems


def publish(ctx: ServerContext, actor: Actor, draw_id: str) -> None:
    """Mark the draw published and put its seed in the audit log (anyone may now check it)."""
    if not may_draw(actor):
        raise DrawRefused("only the city publishes draws", "只有市级可以公开抽查结果")
    with db.write(ctx.engine) as conn:
        row = stored.get(conn, draw_id)
        if row is None:
            raise DrawRefused(f"no draw {draw_id}", f"没有抽查 {draw_id}")
        now = utcnow()
        stored.set_published(conn, draw_id, now)
        audit.append_many(
            conn,
            [
                AuditEntry(
                    now,
                    actor.username,
                    actor.device_id or None,
                    "draw.published",
                    "draws",
                    draw_id,
                    None,
                    {"seed": json.loads(row.record)["seed"], "record_sha256": row.record_sha256},
                )
            ],
        )


def public_list(ctx: ServerContext, draw_id: str, lang: str = "zh_CN") -> list[tuple[str, ...]]:
    """The published list of a draw's visits with their outcomes (no inspectors' names)."""
    from ledgerio.vocab import load as load_vocab

    counties = load_vocab().county_labels
    with ctx.engine.connect() as conn:
        row = stored.get(conn, draw_id)
        if row is None:
            raise DrawRefused(f"no draw {draw_id}", f"没有抽查 {draw_id}")
        if row.published_at is None:
            raise DrawRefused(
                "the draw is not published yet (fieldapp-server draw publish)",
                "该抽查尚未公开（fieldapp-server draw publish）",
            )
        record = json.loads(row.record)
        done = {v.target_id: v.done_record for v in stored.visits(conn, draw_id) if v.done_record}
        outfalls: dict[str, PublicOutfall] = {}
        outcomes: dict[str, str] = {}
        for visit in record["visits"]:
            target = visit["target_id"]
            outfall = records.get(conn, "outfalls", target)
            data = outfall.data if outfall is not None and outfall.data else {}
            code = data.get("national_code") or data.get("local_code") or ""
            outfalls[target] = PublicOutfall(
                code, str(data.get("name", "")), counties.get(visit["county"], visit["county"])
            )
            outcome = _outcome(conn, visit, row.period_end, lang, done.get(target))
            if outcome:
                outcomes[target] = outcome
    return public_rows(record, draws.parse_rules(record["rules"]), outfalls, outcomes, lang)


def _outcome(
    conn: Any, visit: dict[str, Any], period_end: str, lang: str, done_record: str | None
) -> str | None:
    """The drawn visit's result: the inspection that did it (received in the visit's window by
    the server's clock, ``draw_visits``), else the team's completed inspection of the target in
    the period."""
    did = None if done_record is None else records.get(conn, "inspections", done_record)
    if did is not None and did.data:
        return _described(did.data, lang)
    team = set(visit["inspectors"])
    for inspection in records.about(conn, "inspections", None, visit["target_id"]):
        data = inspection.data or {}
        done = str(data.get("completed_at") or "")[:10]
        by = {str(data.get("author", "")), *map(str, data.get("inspectors") or ())}
        if not done or done > period_end or done < visit["released_on"] or not team & by:
            continue
        return _described(data, lang)
    return None


def _described(data: dict[str, Any], lang: str) -> str:
    done = str(data.get("completed_at") or "")[:10]
    problems = len(data.get("problems") or ())
    if lang.startswith("zh"):
        return f"已检查（{done}），" + (f"发现问题 {problems} 项" if problems else "未发现问题")
    return f"inspected {done}: " + (
        f"{problems} problems found" if problems else "no problem found"
    )


def declare_conflict(ctx: ServerContext, username: str, subject: str, reason: str) -> bool:
    """An inspector's declared conflict of interest with an outfall or a county (audited)."""
    if not reason.strip():
        raise DrawRefused("a conflict needs its reason", "回避须说明理由")
    with db.write(ctx.engine) as conn:
        user = users.by_username(conn, username)
        if user is None or user.role != "inspector":
            raise DrawRefused(f"no inspector {username}", f"没有检查人员 {username}")
        now = utcnow()
        added = stored.declare_conflict(conn, user.username, subject, reason.strip(), now)
        if added:
            audit.append_many(
                conn,
                [
                    AuditEntry(
                        now, "admin-cli", None, "draw.conflict", "inspector_conflicts",
                        f"{user.username}:{subject}", None, {"reason": reason.strip()},
                    )
                ],
            )  # fmt: skip
    return added


def _pools(conn: Any, the_rules: draws.DrawRules) -> draws.Pools:
    outfalls = [
        o
        for o in records.live_data(conn, "outfalls")
        if o.get("lifecycle_state") not in RETIRED_STATES
    ]
    conflicts = stored.conflicts(conn)
    inspectors = [
        draws.Inspector(
            u.username,
            frozenset(u.counties),
            frozenset(subject for subject, _ in conflicts.get(u.username, [])),
        )
        for u in users.list_all(conn)
        if u.role == "inspector" and not u.disabled
    ]
    return draws.classify(outfalls, inspectors, the_rules)
