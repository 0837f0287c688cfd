"""The `fieldapp` command: opens the app, or runs one of the field technicians' tools.

    fieldapp [--db PATH] [--lang zh_CN|en]     open the app
    fieldapp --db PATH --screenshot OUT.png    open the main window, save a picture of it, quit
    fieldapp demo --db PATH [--count N]        write a demo Nantong ledger
    fieldapp gps check SOURCE                  print the fixes a receiver or NMEA log gives
    fieldapp photo inspect FILE...             print what a photo carries (hash, size, EXIF)
    fieldapp profile backup --db PATH DEST     the whole profile to a new folder, verified
    fieldapp profile restore SRC --db PATH     a backup as a new profile, verified
    fieldapp sync --db PATH [--server URL --user NAME]   one full sync; exit 1 if anything is unsent
                                               or refused (one line per refused record, and why)
    fieldapp sync logout --db PATH             sign this device out (the server drops its token)

Each subcommand's module is imported only when it runs: start-up time matters.
"""

from __future__ import annotations

import argparse
import sys

EXIT_USAGE = 2


DESKTOP_LIBRARIES = frozenset(
    {
        "PySide6",
        "shiboken6",
        "PIL",
        "piexif",
        "pillow_heif",
        "sqlite_utils",
        "serial",
        "httpx",
        "sqlcipher3",
        "cryptography",
        "keyring",
    }
)


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except ModuleNotFoundError as exc:
        # A server installed with hekou[server] has this code but not the desktop's libraries.
        if (exc.name or "").split(".")[0] not in DESKTOP_LIBRARIES:
            raise
        print(
            f"fieldapp: the desktop app is not installed here ({exc.name} is missing): "
            "pip install 'hekou[desktop]'",
            file=sys.stderr,
        )
        return EXIT_USAGE


def _main(argv: list[str]) -> int:
    if argv and argv[0] == "demo":
        from fieldapp.demo.cli import main as demo_main

        return demo_main(argv[1:])
    if argv and argv[0] == "gps":
        from fieldapp.diagnostics import gps_main

        return gps_main(argv[1:])
    if argv and argv[0] == "sync":
        from sync.client.cli import main as sync_main

        return sync_main(argv[1:])
    if argv and argv[0] == "profile":
        from fieldapp.profile_backup import main as profile_main

        return profile_main(argv[1:])
    if argv and argv[0] == "photo":
        from fieldapp.diagnostics import photo_main

        return photo_main(argv[1:])
    return _run_app(argv)


def _run_app(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="fieldapp", description="Hekou outfall field app")
    parser.add_argument("--db", help="the profile's SQLite file (default: the user's profile)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default: system)")
    parser.add_argument(
        "--gnss",
        help="position source for this run: a receiver port, tcp://host:port or an NMEA log",
    )
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="open the main window, save a picture of it to PNG and quit (a smoke check)",
    )
    args = parser.parse_args(argv)
    from fieldapp.ui.app import run

    return run(db_path=args.db, lang=args.lang, gnss=args.gnss, screenshot=args.screenshot)
