"""``fieldapp sync``: one full sync of a profile for scripted use; a one-line summary, then one
line per record the server refused (what and why); exit status 0 when everything is on the
server, 1 when something is unsent or refused (or the sync failed), 2 for bad usage.

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
        "--server", help="server address, to sign in first (host:port for https, or a URL)"
    )
    parser.add_argument("--user", help="user name, to sign in first")
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin"
    )
    parser.add_argument("--device-name", default=socket.gethostname(), help="this device's name")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default="en", help="summary language")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument(
        "--ca-file", help="the bureau's own certificate authority (PEM) to trust, and only it"
    )
    args = parser.parse_args(argv)
    if bool(args.server) != bool(args.user):
        parser.error("--server and --user go together")
    path = Path(args.db)
    if not path.is_file():
        print(f"fieldapp sync: no profile at {path}", file=sys.stderr)
        return 2

    from fieldapp.domain.errors import Explained
    from sync.client.engine import ProfileDb, SyncEngine, profile_photos

    try:
        _unlock(path)
        db = ProfileDb(path)
    except Explained as exc:
        print(f"fieldapp sync: {exc.message(args.lang)}", file=sys.stderr)
        return 2
    try:
        engine = SyncEngine(db, profile_photos(path), timeout=args.timeout, ca_file=args.ca_file)
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
        for line in report.refusal_lines(args.lang):
            print(f"  - {line}")
        return 0 if report.ok else 1
    finally:
        db.close()


def _unlock(path: Path) -> None:
    """An encrypted profile is unlocked first: its key from the OS key store, else the passphrase
    from $HEKOU_PASSPHRASE or asked for on the terminal. A plain profile is left for the app to
    encrypt at its next start (the command line never makes keys)."""
    from fieldapp import protection
    from fieldapp.vault import keys

    if not keys.is_protected(path):
        return

    def prompt(ask: keys.Ask) -> str | None:
        given = os.environ.get("HEKOU_PASSPHRASE")
        if given is not None and ask is not keys.Ask.AGAIN:
            return given
        if not sys.stdin.isatty():
            return None
        return getpass.getpass("profile passphrase: ")

    protection.unlock_profile(path, prompt)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return os.environ.get("HEKOU_PASSWORD") or getpass.getpass("password: ")


if __name__ == "__main__":
    sys.exit(main())
