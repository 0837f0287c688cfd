"""Field technicians' diagnostics: ``fieldapp gps check SOURCE`` and ``fieldapp photo inspect``.

Both print JSON, one object per line, so their output can be read by a person and by a script.
Exit status: 0 when every input was read, 1 when some could not be, 2 for wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors by exception instead of exiting the process."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def _emit(obj: dict[str, object], out: TextIO) -> None:
    out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    out.flush()  # a live receiver: show each fix as it comes


def _run(parser: _Parser, argv: Sequence[str]) -> argparse.Namespace | int:
    try:
        return parser.parse_args(list(argv))
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help
        return EXIT_OK if not exc.code else EXIT_USAGE


# --- gps ----------------------------------------------------------------------------------------


def _gps_parser() -> _Parser:
    parser = _Parser(prog="fieldapp gps", description="Check a GNSS receiver or an NMEA log.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="print each fix as JSON, then a summary")
    check.add_argument(
        "source",
        help="a serial port (COM3, /dev/ttyUSB0), a network source (tcp://host:port) "
        "or an NMEA log file",
    )
    check.add_argument("--baud", type=int, default=9600, help="port speed (default 9600)")
    check.add_argument("--seconds", type=float, help="stop reading a receiver after this long")
    check.add_argument(
        "--retry",
        type=float,
        default=2.0,
        help="seconds between reconnection attempts after a receiver drops (default 2)",
    )
    check.add_argument("--max-fixes", type=int, help="stop after this many fixes")
    check.add_argument(
        "--speed", type=float, help="replay a log paced at this multiple of real time"
    )
    return parser


def gps_main(argv: list[str], out: TextIO | None = None) -> int:
    """``fieldapp gps check SOURCE``: one JSON line per fix, then ``{"summary": {...}}``."""
    out = out or sys.stdout
    args = _run(_gps_parser(), argv)
    if isinstance(args, int):
        return args
    bad_speed = args.speed is not None and args.speed <= 0
    bad_count = args.max_fixes is not None and args.max_fixes < 1
    if bad_speed or bad_count or not args.retry > 0:
        print("fieldapp gps: --speed, --max-fixes and --retry must be positive", file=sys.stderr)
        return EXIT_USAGE

    from fieldapp.gnss.errors import GnssSourceError
    from fieldapp.gnss.serial_port import follow, monotonic_deadline, open_source

    summary: dict[str, object] = {"source": args.source}
    status = EXIT_OK
    source = None
    count = 0
    outages = 0

    def lost(exc: Exception) -> None:
        nonlocal outages
        outages += 1
        en, zh = (exc.en, exc.zh) if isinstance(exc, GnssSourceError) else (str(exc), str(exc))
        _emit({"event": "lost", "error": en, "error_zh": zh}, out)

    try:
        source = open_source(args.source, baudrate=args.baud, speed=args.speed)
        summary["kind"] = type(source).__name__
        fixes = follow(
            source,
            monotonic_deadline(args.seconds),
            retry_s=args.retry,
            on_lost=lost,
            on_restored=lambda: _emit({"event": "restored"}, out),
        )
        for fix in fixes:
            _emit(fix.as_json(), out)
            count += 1
            if args.max_fixes is not None and count >= args.max_fixes:
                break
    except GnssSourceError as exc:
        summary["error"] = exc.en
        summary["error_zh"] = exc.zh
        status = EXIT_SOME_FAILED
    except KeyboardInterrupt:
        summary["interrupted"] = True
    if source is not None:
        summary.update(source.stats.as_json())
    summary["fixes_printed"] = count
    if outages:
        summary["outages"] = outages
    _emit({"summary": summary}, out)
    return status


# --- photo --------------------------------------------------------------------------------------


def _photo_parser() -> _Parser:
    parser = _Parser(prog="fieldapp photo", description="Inspect photo files.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    inspect = sub.add_parser("inspect", help="print hash, size, orientation, time and GPS as JSON")
    inspect.add_argument("files", nargs="+", help="JPEG or HEIC/HEIF files")
    return parser


def photo_main(argv: list[str], out: TextIO | None = None) -> int:
    """``fieldapp photo inspect FILE...``: one JSON object per file."""
    out = out or sys.stdout
    args = _run(_photo_parser(), argv)
    if isinstance(args, int):
        return args
    status = EXIT_OK
    for name in args.files:
        report = inspect_photo(Path(name))
        if "error" in report:
            status = EXIT_SOME_FAILED
        _emit(report, out)
    return status


def inspect_photo(path: Path) -> dict[str, object]:
    """What ``photo inspect`` prints for one file (an ``error`` key when it cannot be read)."""
    from fieldapp.media.blobstore import sha256_hex
    from fieldapp.media.errors import PhotoError
    from fieldapp.media.ingest import inspect_bytes, read_photo_file

    report: dict[str, object] = {"file": str(path)}
    try:
        data = read_photo_file(path)
        report["sha256"] = sha256_hex(data)
        report["bytes"] = len(data)
        facts, _thumb, width, height, fmt = inspect_bytes(data, path.name, side=128)
    except PhotoError as exc:
        report["error"] = exc.en
        report["error_zh"] = exc.zh
        return report
    report.update(
        {
            "format": fmt,
            "width": width,
            "height": height,
            "orientation": facts.orientation,
            "taken_at": facts.taken_at.isoformat() if facts.taken_at else None,
        }
    )
    if facts.gps is not None:
        gps: dict[str, object] = {
            "lat": facts.gps.lat,
            "lon": facts.gps.lon,
            "alt": facts.gps.alt_m,
        }
        if facts.gps.time_utc is not None:
            gps["time"] = facts.gps.time_utc.isoformat().replace("+00:00", "Z")
        report["gps"] = gps
    if facts.make or facts.model:
        report["camera"] = " ".join(p for p in (facts.make, facts.model) if p)
    if facts.exif_error:
        report["exif_error"] = facts.exif_error
    return report
