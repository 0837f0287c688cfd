"""``fieldapp-server leads import FILE --county CODE [--dry-run]``: import aerial-survey leads.

FILE is GeoJSON, KML, KMZ, CSV, or a zip holding one of them with the photos it names. Features
that cannot be leads (no point, broken coordinates, outside the city) are listed by number and
name; the others import. Exit status: 0 every feature imported (or would be, in a dry run), 1 some
features were refused, 2 the file cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sync.server.context import ServerContext
from sync.server.errors import ApiError
from sync.server.ledger_cli import CLI_ACTOR
from sync.server.services import leads


def add_parser(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("leads", help="aerial-survey leads to verify").add_subparsers(
        dest="action", required=True
    )
    imp = group.add_parser("import", help="import a lead file (GeoJSON, KML, KMZ, CSV, zip)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--county", required=True, help="GB/T 2260 code of the leads' county")
    imp.add_argument("--dry-run", action="store_true", help="check only; write nothing")


def run(ctx: ServerContext, args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"fieldapp-server: no such file: {args.file}", file=sys.stderr)
        return 2
    try:
        outcome = leads.import_file(
            ctx,
            CLI_ACTOR,
            args.file.read_bytes(),
            name=args.file.name,
            county=args.county,
            dry_run=args.dry_run,
        )
    except ApiError as exc:
        detail = exc.detail if isinstance(exc.detail, dict) else {}
        print(f"fieldapp-server: {detail.get('zh') or exc}", file=sys.stderr)
        return 2
    summary = outcome.as_json()
    verb = "可导入" if args.dry_run else "已导入"
    print(
        f"{verb} {len(outcome.leads)} 条线索（{summary['clusters']} 组，"
        f"{summary['likely_duplicates']} 条疑似已有排口），{len(outcome.problems)} 个要素未导入。"
    )
    for problem in outcome.problems:
        print(f"  {problem['zh']}")
    return 1 if outcome.problems else 0
