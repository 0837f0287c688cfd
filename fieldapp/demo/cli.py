"""`fieldapp demo --db PATH [--count N] [--seed S]`: writes a demo ledger into a profile database."""

from __future__ import annotations

import argparse
import sys
import time

from fieldapp.paths import RESOURCES


def write_demo(db_path: str, count: int, seed: int = 2023) -> int:
    """Creates (or adds to) the profile at db_path with `count` generated outfalls."""
    from fieldapp import reference_data
    from fieldapp.demo.generator import LedgerGenerator, load_geography
    from fieldapp.store import database, outfalls

    ref = reference_data.load()
    generator = LedgerGenerator(ref, load_geography(RESOURCES / "demo" / "nantong.json"), seed)
    conn = database.open_profile(db_path)
    try:
        # The bureau's ledger lists outfalls by code; load them in that order (the ledger order).
        rows = sorted(generator.generate(count), key=lambda row: row[0].display_code)
        return outfalls.bulk_load_incoming(conn, rows)
    finally:
        conn.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="fieldapp demo", description=__doc__)
    parser.add_argument("--db", required=True, help="profile database to write")
    parser.add_argument("--count", type=int, default=3600, help="outfalls (up to 200,000)")
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args(argv)
    if not 0 < args.count <= 200_000:
        parser.error("--count must be between 1 and 200000")
    from fieldapp.store.errors import StoreError

    t0 = time.perf_counter()
    try:
        n = write_demo(args.db, args.count, args.seed)
    except StoreError as exc:
        print(exc.en, file=sys.stderr)
        return 1
    print(f"wrote {n} demo outfalls to {args.db} in {time.perf_counter() - t0:.1f} s")
    return 0
