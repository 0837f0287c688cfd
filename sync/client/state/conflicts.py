"""What the server's answer to one change does on the device (pure: no database, no network).

- ``applied`` / ``duplicate``: the server holds what was sent; an earlier refusal of the row is
  behind us.
- ``proposed``: the ledger is unchanged until a supervisor decides; the local row goes back to
  the server's.
- ``rejected``: the local row goes back to the server's; a row the server never held stays as
  it is here (field data is never wiped).
- ``conflict``: the server's row was written by another device at a later clock: merged field by
  field (``merge``), and the merged row is sent as a new change.

Nothing local is overwritten over a newer local change the server has not answered yet. Every
conflict, rejection and proposal becomes an issue with both values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sync.client.errors import AnyReason, LocalReason
from sync.protocol import ChangeResult, ResultKind

ACCEPTED = (ResultKind.APPLIED, ResultKind.DUPLICATE)


def merge(base: Any, ours: Any, theirs: Any) -> Any:
    """Field-level last writer wins, where the server's row is the later writer (a conflict
    answer means its clock is later): a field only we changed since the common base keeps our
    value; every other field takes the server's. A delete on either side against an edit on
    the other keeps the edited row (the later edit wins over our delete; our edit over nothing
    is the server's deletion, which wins as the later write)."""
    if theirs is None:
        return None
    if ours is None:
        return theirs
    merged = dict(theirs)
    base = base or {}
    for field, value in ours.items():
        if field in base and base.get(field) == value:
            continue  # we did not change it
        if field not in base or base.get(field) == theirs.get(field):
            merged[field] = value  # only we changed it
    return merged


@dataclass(frozen=True)
class IssueNote:
    """An issue for the user: what happened, why, the server's value, what the device did."""

    kind: ResultKind  # proposed / rejected / conflict
    reason: AnyReason | str | None  # the proposal's id for a proposal
    server_data: Any
    resolution: str  # awaiting_review / kept_server / merged


@dataclass(frozen=True)
class Resolution:
    """What to do on the device about one answered change."""

    remember: bool = False  # store ``remembered`` as the server's state of the row
    remembered: Any = None
    remembered_hlc: str = ""
    accepted: bool = False  # settle earlier refusals of the row as accepted
    issue: IssueNote | None = None
    write: bool = False  # make the local row equal to ``local`` (None: delete it)
    local: Any = None
    requeue: bool = False  # send ``local`` again as a new change


def resolve(
    change: dict[str, Any],
    result: ChangeResult,
    server_known: bool,
    server_data: Any,
    newer_local: bool,
) -> Resolution:
    """The answer ``result`` to the sent ``change``, given the server's last known state of the
    row (``server_known``, ``server_data``; None: deleted there) and whether the row has a newer
    local change the server has not answered."""
    kind = result.result
    if kind in ACCEPTED:
        return Resolution(
            remember=True, remembered=change["data"], remembered_hlc=change["hlc"], accepted=True
        )
    if kind in (ResultKind.PROPOSED, ResultKind.REJECTED):
        note = (
            IssueNote(kind, result.proposal_id, server_data, "awaiting_review")
            if kind == ResultKind.PROPOSED
            else IssueNote(kind, result.reason, server_data, "kept_server")
        )
        revert = server_known and not newer_local
        return Resolution(issue=note, write=revert, local=server_data if revert else None)
    theirs = result.server_row
    merged = merge(server_data if server_known else None, change["data"], theirs)
    if merged == theirs or merged is None:
        return Resolution(
            remember=True,
            remembered=theirs,
            issue=IssueNote(kind, LocalReason.LATER_EDIT_ELSEWHERE, theirs, "kept_server"),
            write=not newer_local,
            local=theirs,
        )
    return Resolution(
        remember=True,
        remembered=theirs,
        issue=IssueNote(kind, LocalReason.LATER_EDIT_ELSEWHERE, theirs, "merged"),
        write=not newer_local,
        local=merged,
        requeue=not newer_local,
    )
