"""Runs the benchmarks and prints a table, or one JSON object per figure with --json."""

from __future__ import annotations

import argparse
import importlib
import json
import sys

from bench import BENCHMARKS, Figure


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    parser.add_argument("--only", nargs="*", choices=BENCHMARKS, help="run only these")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args(argv)
    figures: list[Figure] = []
    for name in args.only or BENCHMARKS:
        module = importlib.import_module(f"bench.{name}")
        for figure in module.run(quick=args.quick):
            figures.append(figure)
            if args.json:
                print(json.dumps(figure.as_json(), ensure_ascii=False), flush=True)
    if not args.json:
        print(_table(figures))
    return 0 if all(f.met is not False for f in figures) else 1


def _table(figures: list[Figure]) -> str:
    rows = [("figure", "value", "unit", "baseline", "ratio", "target", "met")]
    for f in figures:
        ratio = f.ratio
        rows.append(
            (
                f.name,
                f"{f.value:.3f}",
                f.unit,
                "" if f.baseline is None else f"{f.baseline:.3f}",
                "" if ratio is None else f"{ratio:.2f}",
                f.target or "",
                {True: "yes", False: "NO", None: ""}[f.met],
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


if __name__ == "__main__":
    sys.exit(main())
