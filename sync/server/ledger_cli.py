"""``fieldapp-server ledger ...``: import a bureau ledger file, export the ledger, the public list.

    fieldapp-server ledger import FILE [--dry-run] [--report OUT.xlsx] [--only-good-rows]
                                       [--sheet NAME] [--datum wgs84|cgcs2000|gcj02]
    fieldapp-server ledger export OUT.(xlsx|csv|geojson|kml) [--county CODE]
    fieldapp-server ledger disclosure OUT.(xlsx|csv) [--county CODE]
    fieldapp-server ledger dossier (inspection|outfall) ID OUT.pdf
    fieldapp-server ledger inspections OUT_DIR   (submitted inspections, photos, SHA256SUMS)
    fieldapp-server ledger gpx PATROL_ID OUT.gpx  (a patrol's track and problems)

Exit status of ``import``: 0 imported (or a dry run without errors), 1 the file has problems
(nothing imported, or with ``--only-good-rows`` only the good rows), 2 the file cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ledgerio import disclosure, export
from ledgerio.report import write_report
from ledgerio.vocab import load as load_vocab
from sync.protocol import CITY_CODE
from sync.server import db
from sync.server.context import ServerContext
from sync.server.models import Actor
from sync.server.queries import records
from sync.server.services import admin, dossier, inspection_export, ledger_import

CLI_ACTOR = Actor(username=admin.CLI, role="admin", counties=frozenset({CITY_CODE}), device_id="")


def add_parser(sub: argparse._SubParsersAction) -> None:
    ledger = sub.add_parser("ledger", help="import and export the ledger").add_subparsers(
        dest="action", required=True
    )
    imp = ledger.add_parser("import", help="import a bureau ledger (XLSX or CSV), one transaction")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    imp.add_argument("--report", type=Path, help="write the report workbook (every row) here")
    imp.add_argument("--only-good-rows", action="store_true", help="import the rows without errors")
    imp.add_argument("--sheet", help="the sheet to read (default: the one with a ledger header)")
    imp.add_argument(
        "--datum",
        choices=["wgs84", "cgcs2000", "gcj02"],
        default="wgs84",
        help="coordinates' datum when the file does not say (gcj02 is converted to WGS-84)",
    )
    gpx = ledger.add_parser("gpx", help="a patrol's track and problems as GPX")
    gpx.add_argument("id")
    gpx.add_argument("out", type=Path)
    ins = ledger.add_parser("inspections", help="inspections with photos and a SHA-256 manifest")
    ins.add_argument("out", type=Path)
    dos = ledger.add_parser(
        "dossier", help="the evidence dossier (PDF) of an inspection or outfall"
    )
    dos.add_argument("kind", choices=["inspection", "outfall"])
    dos.add_argument("id")
    dos.add_argument("out", type=Path)
    for name, helptext in (
        ("export", "export the ledger (.xlsx, .csv, .geojson, .kml)"),
        ("disclosure", "the public disclosure list, no personal data (.xlsx, .csv)"),
    ):
        p = ledger.add_parser(name, help=helptext)
        p.add_argument("out", type=Path)
        p.add_argument("--county", action="append", default=[], help="GB/T 2260 code; repeat")


def run(ctx: ServerContext, args: argparse.Namespace) -> int:
    if args.action == "import":
        return _import(ctx, args)
    if args.action == "gpx":
        try:
            text = dossier.patrol_gpx(ctx, CLI_ACTOR, args.id)
        except dossier.DossierNotFound:
            print(f"fieldapp-server: no patrol {args.id}", file=sys.stderr)
            return 2
        args.out.write_text(text, encoding="utf-8")
        print(f"track written to {args.out}")
        return 0
    if args.action == "inspections":
        manifest = inspection_export.export_inspections(ctx, CLI_ACTOR, args.out)
        print(f"{len(manifest)} files written to {args.out}; check with: sha256sum -c SHA256SUMS")
        return 0
    if args.action == "dossier":
        make = dossier.inspection_pdf if args.kind == "inspection" else dossier.outfall_pdf
        try:
            make(ctx, CLI_ACTOR, args.id, args.out)
        except dossier.DossierNotFound:
            print(f"fieldapp-server: no {args.kind} {args.id}", file=sys.stderr)
            return 2
        print(f"dossier written to {args.out}")
        return 0
    with db.read(ctx.engine) as conn:
        ledger = records.live_data(conn, "outfalls")
    if args.county:
        ledger = [r for r in ledger if r.get("county_code") in set(args.county)]
    ledger.sort(key=export.sort_key)
    vocab = load_vocab()
    if args.action == "export":
        export.write_by_suffix(args.out, ledger, vocab)
    else:
        disclosure.write_by_suffix(args.out, ledger, vocab)
    print(f"{len(ledger)} outfalls written to {args.out}")
    return 0


def _import(ctx: ServerContext, args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"fieldapp-server: no such file: {args.file}", file=sys.stderr)
        return 2
    outcome = ledger_import.import_file(
        ctx,
        CLI_ACTOR,
        args.file,
        dry_run=args.dry_run,
        only_good_rows=args.only_good_rows,
        sheet_name=args.sheet,
        default_datum=args.datum,
    )
    plan = outcome.plan
    if args.report is not None:
        write_report(args.report, plan, load_vocab(), source=str(args.file), outcome=outcome.zh)
    print(outcome.zh)
    for issue in plan.file_issues:
        print(f"  {issue.message('zh')}")
    shown = 0
    for row in plan.rows:
        for issue in row.issues:
            if issue.severity != "warning" and shown < 50:
                print(f"  {issue.message('zh')}")
                shown += 1
    if shown >= 50:
        print("  …（完整清单见报告工作簿 --report）")
    if not plan.rows and plan.file_issues:
        return 2
    return 1 if plan.failed else 0
