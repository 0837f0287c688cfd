"""``fieldapp-server complaint add|list|show|outcome|reply``: complaints (举报) from the command line.

``add`` records one (the bureau's hotline log, say) and makes its verification task; ``list``
shows the open and overdue ones first; ``outcome`` and ``reply`` record what the verification
found and the answer given to the complainant. Exit status: 0 done, 2 refused (the reason said).
The complainant's contact is shown by ``show`` only, to whoever runs the server's commands.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import uuid

from pydantic import ValidationError

from sync.complaint_protocol import ComplaintOutcome, ComplaintReply, ComplaintRequest
from sync.complaints import ComplaintState
from sync.server.context import ServerContext
from sync.server.errors import ApiError
from sync.server.ledger_cli import CLI_ACTOR
from sync.server.services import complaints


def add_parser(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("complaint", help="complaints (举报)").add_subparsers(
        dest="action", required=True
    )
    add = group.add_parser("add", help="record a complaint and its verification task")
    add.add_argument("--county", required=True, help="GB/T 2260 code of the county")
    add.add_argument("--channel", required=True, help="a channel code of complaint_rules.json")
    add.add_argument("--description", required=True)
    add.add_argument("--place", default="", help="where, in words")
    add.add_argument("--lat", type=float)
    add.add_argument("--lon", type=float)
    add.add_argument("--outfall", help="the outfall's id, when known")
    add.add_argument("--received", help="when it was received (ISO 8601; default now)")
    add.add_argument("--contact-name", default="")
    add.add_argument("--contact-phone", default="")
    add.add_argument("--assign", action="append", default=[], help="an inspector (repeatable)")
    listing = group.add_parser("list", help="the complaints, overdue first")
    listing.add_argument("--state", choices=[s.value for s in ComplaintState])
    show = group.add_parser("show", help="one complaint, with the complainant's contact")
    show.add_argument("id")
    outcome = group.add_parser("outcome", help="what the verification found")
    outcome.add_argument("id")
    outcome.add_argument("outcome", help="an outcome code of complaint_rules.json")
    outcome.add_argument("--note", default="")
    reply = group.add_parser("reply", help="the answer given to the complainant")
    reply.add_argument("id")
    reply.add_argument("text")


def run(ctx: ServerContext, args: argparse.Namespace) -> int:
    try:
        return _run(ctx, args)
    except ApiError as exc:
        detail = exc.detail if isinstance(exc.detail, dict) else {}
        print(f"fieldapp-server: {detail.get('zh') or exc}", file=sys.stderr)
        return 2
    except (ValidationError, ValueError) as exc:
        print(f"fieldapp-server: {exc}", file=sys.stderr)
        return 2


def _run(ctx: ServerContext, args: argparse.Namespace) -> int:
    if args.action == "add":
        received = dt.datetime.fromisoformat(args.received) if args.received else None
        location = None
        if args.lat is not None and args.lon is not None:
            location = {"lat": args.lat, "lon": args.lon}
        request = ComplaintRequest.model_validate(
            {
                "id": str(uuid.uuid4()), "county_code": args.county, "channel": args.channel,
                "received_at": received or dt.datetime.now(dt.UTC), "place": args.place,
                "location": location, "outfall_id": args.outfall,
                "description": args.description, "contact_name": args.contact_name,
                "contact_phone": args.contact_phone, "assignees": args.assign,
            }
        )  # fmt: skip
        made = complaints.create(ctx, CLI_ACTOR, request)
        print(f"已登记举报 {made.id}，核实任务 {made.task_id}，答复期限 {made.answer_due:%Y-%m-%d}")
        return 0
    if args.action == "list":
        state = ComplaintState(args.state) if args.state else None
        found = complaints.listing(ctx, CLI_ACTOR, state=state)
        for c in found.complaints:
            flag = "逾期 " if c.overdue else ""
            print(f"{flag}{c.id}  {c.county_code}  {c.state.value}  {c.received_at:%Y-%m-%d}  "
                  f"{c.place or c.description[:30]}")  # fmt: skip
        print(f"共 {found.total} 件")
        return 0
    if args.action == "show":
        c = complaints.get(ctx, CLI_ACTOR, args.id)
        for key, value in c.model_dump(mode="json").items():
            print(f"{key}: {value}")
        return 0
    current = complaints.get(ctx, CLI_ACTOR, args.id)
    if args.action == "outcome":
        done = complaints.record_outcome(
            ctx, CLI_ACTOR, args.id,
            ComplaintOutcome(outcome=args.outcome, note=args.note, version=current.version),
        )  # fmt: skip
        print(f"已登记核实结论：{done.outcome}")
        return 0
    answered = complaints.record_reply(
        ctx, CLI_ACTOR, args.id, ComplaintReply(text=args.text, version=current.version)
    )
    print(f"已答复举报人（{answered.reply_at:%Y-%m-%d %H:%M}）")
    return 0
