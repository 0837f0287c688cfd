"""``fieldapp-server draw ...``: 双随机、一公开 random inspections.

    fieldapp-server draw run --from 2027-01-01 --to 2027-12-31 [--seed TEXT]
    fieldapp-server draw list
    fieldapp-server draw show ID            (the visits: target, county, inspectors, days)
    fieldapp-server draw verify ID          (made again from its seed and pools; exit 1 if not)
    fieldapp-server draw release [--at TIME]  (send the visits whose release day has come to their
                                               inspectors; run it daily, e.g. from a timer)
    fieldapp-server draw status ID [--at TIME] (each visit: secret, open, done or overdue)
    fieldapp-server draw publish ID OUT.(csv|xlsx)   (the public list; the seed into the audit)
    fieldapp-server draw conflict add USER SUBJECT --reason TEXT   (an outfall id or a county)
    fieldapp-server draw conflict list

Exit status: 0 done, 1 a draw that does not verify or pools that cannot satisfy the rules (every
shortfall printed, with the rule and by how much), 2 a request that cannot be done.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import draws
from draws.publication import HEADERS_ZH
from draws.visits import CHINA_TIME
from sync.protocol import CITY_CODE
from sync.server.context import ServerContext
from sync.server.models import Actor
from sync.server.queries import draws as stored
from sync.server.services import admin, draw_visits
from sync.server.services import draws as service

CLI_ACTOR = Actor(username=admin.CLI, role="admin", counties=frozenset({CITY_CODE}), device_id="")


def add_parser(sub: argparse._SubParsersAction) -> None:
    draw = sub.add_parser("draw", help="双随机 random inspections").add_subparsers(
        dest="action", required=True
    )
    run = draw.add_parser("run", help="draw the visits of a period from the ledger and inspectors")
    run.add_argument("--from", dest="start", required=True, type=dt.date.fromisoformat)
    run.add_argument("--to", dest="end", required=True, type=dt.date.fromisoformat)
    run.add_argument("--seed", help="the seed (default: 128 random bits from the OS, recorded)")
    draw.add_parser("list", help="the draws made")
    show = draw.add_parser("show", help="a draw's visits")
    show.add_argument("id")
    verify = draw.add_parser("verify", help="make the draw again and compare")
    verify.add_argument("id")
    release = draw.add_parser(
        "release", help="send the visits whose release day has come to their inspectors"
    )
    release.add_argument("--at", type=_moment, help="as if now were this time (ISO 8601)")
    status = draw.add_parser("status", help="each visit: secret, open, done or overdue")
    status.add_argument("id")
    status.add_argument("--at", type=_moment, help="as if now were this time (ISO 8601)")
    publish = draw.add_parser("publish", help="publish the results (.csv or .xlsx)")
    publish.add_argument("id")
    publish.add_argument("out", type=Path)
    conflict = draw.add_parser("conflict", help="declared conflicts of interest").add_subparsers(
        dest="conflict_action", required=True
    )
    add = conflict.add_parser("add", help="declare one")
    add.add_argument("username")
    add.add_argument("subject", help="an outfall id or a county code")
    add.add_argument("--reason", required=True)
    conflict.add_parser("list", help="list them")


def run(ctx: ServerContext, args: argparse.Namespace) -> int:
    try:
        return _run(ctx, args)
    except service.DrawRefused as exc:
        print(f"fieldapp-server: {exc.en}", file=sys.stderr)
        return 2
    except draws.DrawImpossible as exc:
        print("fieldapp-server: the pools cannot satisfy the draw's rules:", file=sys.stderr)
        for shortfall in exc.shortfalls:
            print(f"  [{shortfall.rule}] {shortfall.en}", file=sys.stderr)
        return 1
    except draws.DrawError as exc:
        print(f"fieldapp-server: {exc.en}", file=sys.stderr)
        return 2


def _run(ctx: ServerContext, args: argparse.Namespace) -> int:
    if args.action == "run":
        made = service.make(ctx, CLI_ACTOR, args.start, args.end, args.seed)
        print(f"draw {made.draw_id}: {made.visits} visits; record SHA-256 {made.record_sha256}")
        return 0
    if args.action == "list":
        with ctx.engine.connect() as conn:
            for row in stored.list_all(conn):
                state = f"published {row.published_at:%Y-%m-%d}" if row.published_at else "secret"
                print(
                    f"{row.id}  {row.period_start}..{row.period_end}  {row.visits} visits  "
                    f"by {row.created_by}  {state}"
                )
        return 0
    if args.action == "show":
        with ctx.engine.connect() as conn:
            visits = stored.visits(conn, args.id)
        if not visits:
            print(f"fieldapp-server: no draw {args.id} (or it drew nothing)", file=sys.stderr)
            return 2
        for v in visits:
            print(
                f"{v.planned_on}  {v.target_id}  {v.county_code}  {', '.join(v.inspectors)}  "
                f"(released {v.released_on})"
            )
        return 0
    if args.action == "verify":
        problems = service.verify(ctx, args.id)
        if problems:
            print(f"draw {args.id} does NOT verify:")
            for problem in problems:
                print(f"  {problem}")
            return 1
        print(f"draw {args.id} verified: made again from its seed and pools, it is the same")
        return 0
    if args.action == "release":
        released = draw_visits.release(ctx, CLI_ACTOR, args.at)
        for r in released:
            print(
                f"released {r.target_id} of draw {r.draw_id} to {', '.join(r.inspectors)} "
                f"(open until {r.closes:%Y-%m-%d %H:%M %z})"
            )
        print(f"{len(released)} visits released")
        return 0
    if args.action == "status":
        statuses = draw_visits.status(ctx, args.id, args.at)
        counts = Counter(one.state for one in statuses)
        for one in statuses:
            done = (
                f"  done {one.done_at:%Y-%m-%d} by inspection {one.done_record}"
                if one.done_at
                else ""
            )
            print(
                f"{one.planned_on}  {one.target_id}  {one.county_code}  {one.state:<7}  "
                f"{', '.join(one.inspectors)}  closes {one.closes.astimezone(CHINA_TIME):%Y-%m-%d %H:%M}"
                f"{done}"
            )
        print(", ".join(f"{n} {state}" for state, n in sorted(counts.items())) or "no visits")
        return 0
    if args.action == "publish":
        service.publish(ctx, CLI_ACTOR, args.id)
        rows = service.public_list(ctx, args.id)
        _write(args.out, rows)
        print(f"draw {args.id} published: {len(rows)} visits written to {args.out}")
        return 0
    if args.action == "conflict":
        if args.conflict_action == "add":
            added = service.declare_conflict(ctx, args.username, args.subject, args.reason)
            print("declared" if added else "already declared")
            return 0
        with ctx.engine.connect() as conn:
            for username, pairs in stored.conflicts(conn).items():
                for subject, reason in pairs:
                    print(f"{username}  {subject}  {reason}")
        return 0
    raise AssertionError(args.action)


def _moment(text: str) -> dt.datetime:
    """An ISO 8601 time; without a zone it is China time."""
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=CHINA_TIME)


def _write(path: Path, rows: list[tuple[str, ...]]) -> None:
    if path.suffix.lower() == ".xlsx":
        import xlsxwriter

        book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        sheet = book.add_worksheet("双随机抽查结果公开")
        bold = book.add_format({"bold": True})
        sheet.write_row(0, 0, HEADERS_ZH, bold)
        for i, row in enumerate(rows, 1):
            sheet.write_row(i, 0, row)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(1, len(rows)), len(HEADERS_ZH) - 1)
        book.close()
        return
    with path.open("w", encoding="utf-8-sig", newline="") as f:  # BOM: Excel opens it as UTF-8
        writer = csv.writer(f)
        writer.writerow(HEADERS_ZH)
        writer.writerows(rows)
