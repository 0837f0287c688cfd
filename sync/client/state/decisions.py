"""What supervisors decided at the desk about this profile's work besides reviewing its records:

- its ledger proposals (台账修改建议): each proposal the server stored (``sync_issues`` of kind
  ``proposed``, its id in ``reason``) with the decision when one has been pulled (a ``reviews``
  row naming the ``proposal_id``: accepted, merged or rejected, by whom, when, why);
- its escalated patrol problems handled at the desk (``reviews`` rows of ``patrol_problems`` in
  state ``handled``, naming the ``patrol_id``).

Read-only: the sync (``pull`` and ``issues``) writes both tables."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from sync.client.state.panel import RecordState

# a proposal's state as 我的记录 shows it
STATES = ("proposed", "proposal_accepted", "proposal_merged", "proposal_rejected")


@dataclass(frozen=True)
class ProposalDecision:
    proposal_id: str
    outfall_id: str
    label: str  # the outfall's code and name as proposed
    state: str  # pending / accepted / merged / rejected
    proposed_at: str
    reviewer: str = ""
    decided_at: str = ""
    comment: str = ""
    merge_into_id: str = ""
    merge_into_label: str = ""


def _label(data: Any) -> str:
    if not isinstance(data, dict):
        return ""
    code = data.get("national_code") or data.get("local_code") or data.get("provisional_code")
    return " ".join(str(x) for x in (code, data.get("name")) if x)


def decisions(conn: sqlite3.Connection, limit: int = 500) -> list[ProposalDecision]:
    """This profile's proposals of outfall rows, newest first, each with its decision."""
    reviews: dict[str, dict[str, Any]] = {}
    for (data,) in conn.execute(
        "SELECT data FROM sync_reviews WHERE json_extract(data, '$.proposal_id') IS NOT NULL"
        " ORDER BY at"
    ):
        d = json.loads(data)
        reviews[str(d["proposal_id"])] = d
    out = []
    for proposal_id, row_id, at, local in conn.execute(
        "SELECT reason, row_id, at, local_data FROM sync_issues"
        " WHERE kind = 'proposed' AND entity = 'outfalls' AND reason IS NOT NULL"
        " ORDER BY id DESC LIMIT ?",
        (limit,),
    ):
        d = reviews.get(str(proposal_id), {})
        into = str(d.get("merge_into_id") or "")
        into_label = ""
        if into:
            found = conn.execute(
                "SELECT coalesce(display_code || ' ', '') || name FROM outfalls WHERE id = ?",
                (into,),
            ).fetchone()
            into_label = str(found[0]) if found and found[0] else into[:8]
        out.append(
            ProposalDecision(
                proposal_id=str(proposal_id),
                outfall_id=str(row_id),
                label=_label(json.loads(local or "null")),
                state=str(d.get("state") or "pending"),
                proposed_at=str(at),
                reviewer=str(d.get("reviewer") or ""),
                decided_at=str(d.get("at") or ""),
                comment=str(d.get("comment") or ""),
                merge_into_id=into,
                merge_into_label=into_label,
            )
        )
    return out


def record_states(conn: sqlite3.Connection) -> list[RecordState]:
    """The proposals as rows of 我的记录 (entity ``outfalls``; states in ``STATES``)."""
    out = []
    for p in decisions(conn):
        state = "proposed" if p.state == "pending" else f"proposal_{p.state}"
        said = p.comment
        if p.merge_into_label:
            said = f"→ {p.merge_into_label}" + (f" · {said}" if said else "")
        if p.reviewer:
            said = f"{p.reviewer}: {said}" if said else p.reviewer
        out.append(
            RecordState(
                "outfalls",
                p.outfall_id,
                p.label,
                state,
                said,
                p.decided_at or p.proposed_at,
                outfall_id=p.outfall_id,
                status="complete",
            )
        )
    return out


def patrol_handlings(conn: sqlite3.Connection) -> dict[str, str]:
    """patrol id → who handled its escalated problems at the desk and how ("who: note; …")."""
    out: dict[str, list[str]] = {}
    for patrol_id, reviewer, comment in conn.execute(
        "SELECT json_extract(data, '$.patrol_id'), reviewer, comment FROM sync_reviews"
        " WHERE record_entity = 'patrol_problems' AND state = 'handled' ORDER BY at"
    ):
        if patrol_id:
            out.setdefault(str(patrol_id), []).append(f"{reviewer}: {comment}")
    return {k: "；".join(v) for k, v in out.items()}
