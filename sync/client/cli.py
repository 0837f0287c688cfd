"""``fieldapp sync``: one full sync of a profile for scripted use; a one-line summary; exit status
0 when nothing is left unsent, 1 when something is (or the sync failed), 2 for bad usage.

    fieldapp sync --db PATH                         sync with the server the profile signed in to
    fieldapp sync --db PATH --server URL --user U   sign in first (password: --password-stdin,
                                                    $HEKOU_PASSWORD, or asked for)
    fieldapp sync logout --db PATH                  sign this device out (the server drops its
                                                    token; unsent work stays on the device)
"""

from __future__ import annotations

import argparse
import getpass
import os
import socket
import sys
from pathlib import Path

from sync.client.errors import SyncError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fieldapp sync", description="one full sync of a profile")
    parser.add_argument(
        "action",
        nargs="?",
        choices=["run", "logout"],
        default="run",
        help="run (default) or logout",
    )
    parser.add_argument("--db", required=True, help="the profile's SQLite file")
    parser.add_argument(
        "--server", help="server address, to sign in first (e.g. https://host:8750)"
    )
    parser.add_argument("--user", help="user name, to sign in first")
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin"
    )
    parser.add_argument("--device-name", default=socket.gethostname(), help="this device's name")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default="en", help="summary language")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    args = parser.parse_args(argv)
    if bool(args.server) != bool(args.user):
        parser.error("--server and --user go together")
    path = Path(args.db)
    if not path.is_file():
        print(f"fieldapp sync: no profile at {path}", file=sys.stderr)
        return 2

    from fieldapp.store.errors import StoreError
    from sync.client.engine import ProfileDb, SyncEngine, profile_photos

    try:
        db = ProfileDb(path)
    except StoreError as exc:
        print(f"fieldapp sync: {exc.message(args.lang)}", file=sys.stderr)
        return 2
    try:
        engine = SyncEngine(db, profile_photos(path), timeout=args.timeout)
        if args.action == "logout":
            try:
                engine.logout()
            except SyncError as exc:
                print(exc.message(args.lang), file=sys.stderr)
                return 1
            print("signed out" if args.lang == "en" else "已退出登录")
            return 0
        if args.server:
            password = _password(args.password_stdin)
            try:
                engine.login(args.server, args.user, password, args.device_name)
            except SyncError as exc:
                print(exc.message(args.lang), file=sys.stderr)
                return 1
        report = engine.sync()
        print(report.summary(args.lang))
        return 0 if report.ok else 1
    finally:
        db.close()


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return os.environ.get("HEKOU_PASSWORD") or getpass.getpass("password: ")


if __name__ == "__main__":
    sys.exit(main())
