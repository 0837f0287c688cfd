"""``fieldapp-server``: init, users (and their counties), devices, serve, audit verify, backup,
restore and check, ledger import and export.

The database is a URL (``--database`` or ``HEKOU_DATABASE_URL``): ``sqlite:///path`` (the
default, ``sqlite:///hekou-server.db``) or ``postgresql://user@host/db``. Photos live under
``--photos`` (or ``HEKOU_PHOTO_DIR``); the audit chain's key in ``--audit-key-file`` (or
``HEKOU_AUDIT_KEY_FILE``), a file kept off the database host.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import secrets
import sys
from pathlib import Path
from typing import Any

from sync.server import asgi, complaint_cli, db, draw_cli, leads_cli, ledger_cli, observe
from sync.server.app import build_context, create_app
from sync.server.audit import AuditEntry
from sync.server.canonical import utcnow
from sync.server.config import DAY, AuditKeyError, Settings, env_audit_key_file
from sync.server.context import ServerContext
from sync.server.photostore import PhotoStore
from sync.server.queries import audit, devices, users
from sync.server.services import admin, audit_check, backup, checkup


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="fieldapp-server", description=__doc__.splitlines()[0])
    p.add_argument(
        "--database",
        default=os.environ.get("HEKOU_DATABASE_URL", Settings.database_url),
        help="database URL (sqlite:///file or postgresql://...)",
    )
    p.add_argument(
        "--photos",
        default=os.environ.get("HEKOU_PHOTO_DIR", str(Settings.photo_dir)),
        help="folder for photos",
    )
    p.add_argument(
        "--audit-key-file",
        type=Path,
        default=env_audit_key_file(),
        help="the audit chain's HMAC key (keep it off the database host; make it with "
        "`audit keygen`)",
    )
    sub = p.add_subparsers(dest="command", required=True)
    init = sub.add_parser(
        "init", help="create the database, or migrate an existing one forward (backup first)"
    )
    init.add_argument(
        "--backup", metavar="DEST", help="back up an existing database here before migrating it"
    )
    init.add_argument(
        "--no-backup", action="store_true", help="migrate an existing database without a backup"
    )
    backup_cmd = sub.add_parser(
        "backup", help="back up the database and the photos (while the server runs)"
    )
    backup_cmd.add_argument("dest", type=Path, help="a new folder for this backup")
    restore_cmd = sub.add_parser(
        "restore",
        help="restore a backup into the (new, empty) --database and --photos, then verify them",
    )
    restore_cmd.add_argument("source", type=Path, help="a backup folder")
    check_cmd = sub.add_parser(
        "check", help="schema, disk space, photo store and audit state; exit 1 on a problem"
    )
    check_cmd.add_argument("--deep", action="store_true", help="re-hash every photo file")

    user = sub.add_parser("user", help="manage users").add_subparsers(dest="action", required=True)
    add = user.add_parser("add", help="add a user")
    add.add_argument("username")
    add.add_argument(
        "--role",
        required=True,
        choices=["inspector", "river_chief", "supervisor", "leader", "admin"],
    )
    _county_option(add)
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    counties = user.add_parser("counties", help="bind a user to other counties (replaces the list)")
    counties.add_argument("username")
    _county_option(counties)
    user.add_parser("list", help="list users")
    for name in ("disable", "enable"):
        user.add_parser(name).add_argument("username")
    passwd = user.add_parser("passwd", help="set a password")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true")

    device = sub.add_parser("device", help="manage devices").add_subparsers(
        dest="action", required=True
    )
    device.add_parser("list", help="list devices with their last use")
    device.add_parser("revoke", help="revoke a device's token").add_argument("device_id")

    serve = sub.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument("--certfile", help="TLS certificate (PEM)")
    serve.add_argument("--keyfile", help="TLS private key (PEM)")
    serve.add_argument(
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="the JSON log on stderr: info logs every request (default)",
    )
    serve.add_argument(
        "--workers", type=int, default=1, help="server processes sharing the port (default 1)"
    )
    serve.add_argument(
        "--trusted-proxy",
        action="append",
        default=[p for p in os.environ.get("HEKOU_TRUSTED_PROXIES", "").split(",") if p],
        metavar="ADDRESS",
        help="a reverse proxy (address or network) whose X-Forwarded-For is believed; repeat",
    )
    serve.add_argument(
        "--token-days",
        type=float,
        default=Settings.token_lifetime_seconds / DAY,
        help="a device token expires this many days after its last use",
    )
    serve.add_argument(
        "--anchor-every",
        type=float,
        default=Settings.anchor_every_seconds,
        metavar="SECONDS",
        help="anchor the audit chain's head in <photos>/audit-anchors.log this often (0: never)",
    )

    ledger_cli.add_parser(sub)
    draw_cli.add_parser(sub)
    leads_cli.add_parser(sub)
    complaint_cli.add_parser(sub)
    aud = sub.add_parser("audit", help="the audit log").add_subparsers(dest="action", required=True)
    check = aud.add_parser("verify", help="verify the hash chain")
    check.add_argument(
        "--expect-head", help="a head hash printed earlier: it must still be in the chain"
    )
    keygen = aud.add_parser("keygen", help="write a new audit key file (mode 0600)")
    keygen.add_argument("path", type=Path)
    return p


def _county_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--county", action="append", default=[], help="GB/T 2260 code; repeat; 320600 = city"
    )


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise admin.AdminError("the passwords differ")
    return first


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "audit" and args.action == "keygen":
        return _keygen(args.path)
    extra: dict[str, Any] = {}
    if args.command == "serve":
        extra = {
            "trusted_proxies": tuple(args.trusted_proxy),
            "token_lifetime_seconds": int(args.token_days * DAY),
        }
    settings = Settings(
        database_url=args.database,
        photo_dir=Path(args.photos),
        metrics_token=os.environ.get("HEKOU_METRICS_TOKEN") or None,
        audit_key_file=args.audit_key_file,
        **extra,
    )
    try:
        ctx = build_context(settings)
    except AuditKeyError as exc:
        print(f"fieldapp-server: {exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "init":
            return _init(ctx, args.backup, args.no_backup)
        if args.command == "restore":
            return _restore(ctx, args.source)
        if args.command == "check":
            findings = checkup.run(ctx, deep=args.deep)
            for finding in findings:
                print(finding.line())
            return 0 if all(f.ok for f in findings) else 1
        db.check_revision(ctx.engine)
        return _run(ctx, args)
    except (
        admin.AdminError,
        db.DatabaseTooNew,
        db.DatabaseNotMigrated,
        audit.AuditKeyMissing,
        backup.BackupError,
    ) as exc:
        print(f"fieldapp-server: {exc}", file=sys.stderr)
        return 2
    finally:
        ctx.engine.dispose()


def _keygen(path: Path) -> int:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        print(f"fieldapp-server: {path} exists; not replaced", file=sys.stderr)
        return 2
    with os.fdopen(fd, "w") as out:
        out.write(secrets.token_hex(32) + "\n")
    print(f"audit key written to {path}: copy it to safe storage off the database host")
    return 0


def _start_keyed_chain(ctx: ServerContext) -> None:
    """With a key configured, make the chain's newest entry keyed (``audit verify`` wants it)."""
    if ctx.settings.audit_key_file is None:
        return
    with db.write(ctx.engine) as conn:
        if audit.last_is_keyed(conn):
            return
        entry = AuditEntry(
            at=utcnow(), username=None, device_id=None, action="audit.key", entity=None,
            row_id=None, before=None, after={"keyed": True},
        )  # fmt: skip
        audit.append_many(conn, [entry])


def _init(ctx: ServerContext, backup_to: Path | None, no_backup: bool) -> int:
    current, head = db.current_revision(ctx.engine), db.head_revision()
    if current is not None and current != head and current in db.known_revisions():
        if backup_to is None and not no_backup:
            print(
                f"fieldapp-server: the database is at schema {current} and this server's is "
                f"{head}; migrating changes it for good. Take a backup first: "
                "`fieldapp-server init --backup DEST` (or --no-backup)",
                file=sys.stderr,
            )
            return 2
        if backup_to is not None:
            _print_backup(
                backup.backup(
                    ctx.engine,
                    _file_store(ctx),
                    ctx.settings.anchor_file,
                    Path(backup_to),
                    ctx.settings.audit_key(),
                ),
                Path(backup_to),
            )
    db.migrate(ctx.engine)
    _start_keyed_chain(ctx)
    print(f"database at schema {db.current_revision(ctx.engine)}")
    return 0


def _file_store(ctx: ServerContext) -> PhotoStore:
    """Backups copy the photo folder; an object store is backed up by its own replication."""
    if not isinstance(ctx.photo_store, PhotoStore):
        raise backup.BackupError("the photos are in an object store: back them up there")
    return ctx.photo_store


def _print_backup(report: backup.Report, dest: Path) -> None:
    rows = sum(report.tables.values())
    print(
        f"backup written to {dest}: schema {report.schema}, {len(report.tables)} tables, "
        f"{rows} rows, {report.photos} photos ({report.photo_bytes} bytes), "
        f"audit head {report.audit_head}"
    )
    print(f"manifest SHA-256 {backup.manifest_digest(dest)} (note it elsewhere)")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")


def _restore(ctx: ServerContext, source: Path) -> int:
    report = backup.restore(
        source,
        ctx.engine,
        Path(ctx.settings.photo_dir),
        progress=print,
        audit_key=ctx.settings.audit_key(),
    )
    rows = sum(report.tables.values())
    print(
        f"restored {len(report.tables)} tables ({rows} rows) and {report.photos} photos; "
        f"schema {report.schema}; audit chain {report.audit_entries} entries, head "
        f"{report.audit_head}"
    )
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    if report.problems:
        return 1
    print("every photo's hash and the audit chain verified")
    return 0


def _run(ctx: ServerContext, args: argparse.Namespace) -> int:
    if args.command == "backup":
        report = backup.backup(
            ctx.engine,
            _file_store(ctx),
            ctx.settings.anchor_file,
            args.dest,
            ctx.settings.audit_key(),
        )
        _print_backup(report, args.dest)
        return 1 if report.problems else 0
    if args.command == "user":
        return _user(ctx, args)
    if args.command == "device":
        return _device(ctx, args)
    if args.command == "audit":
        return _audit_verify(ctx, args.expect_head)
    if args.command == "ledger":
        return ledger_cli.run(ctx, args)
    if args.command == "draw":
        return draw_cli.run(ctx, args)
    if args.command == "leads":
        return leads_cli.run(ctx, args)
    if args.command == "complaint":
        return complaint_cli.run(ctx, args)
    return _serve(ctx, args)


def _user(ctx: ServerContext, args: argparse.Namespace) -> int:
    if args.action == "add":
        user = admin.add_user(
            ctx, args.username, _password(args.password_stdin), args.role, args.county
        )
        print(f"added {user.username} ({user.role}; {', '.join(user.counties) or '-'})")
    elif args.action == "counties":
        before, after = admin.set_counties(ctx, args.username, args.county)
        if before == after:
            print(f"counties of {args.username} unchanged: {', '.join(after) or '-'}")
        else:
            print(
                f"counties of {args.username}: {', '.join(before) or '-'}"
                f" -> {', '.join(after) or '-'}"
            )
    elif args.action == "list":
        with db.read(ctx.engine) as conn:
            for u in users.list_all(conn):
                state = "disabled" if u.disabled else "active"
                print(f"{u.username}\t{u.role}\t{','.join(u.counties)}\t{state}")
    elif args.action in ("disable", "enable"):
        admin.set_disabled(ctx, args.username, args.action == "disable")
        print(f"{args.username} {args.action}d")
    else:
        admin.set_password(ctx, args.username, _password(args.password_stdin))
        print(f"password of {args.username} changed")
    return 0


def _device(ctx: ServerContext, args: argparse.Namespace) -> int:
    if args.action == "revoke":
        admin.revoke_device(ctx, args.device_id)
        print(f"device {args.device_id} revoked")
        return 0
    with db.read(ctx.engine) as conn:
        for d, username in devices.list_with_users(conn):
            last = d.last_used_at.isoformat() if d.last_used_at else "-"
            state = "revoked" if d.revoked_at else "active"
            print(f"{d.id}\t{username}\t{d.name}\tlast used {last}\t{state}")
    return 0


def _audit_verify(ctx: ServerContext, expect_head: str | None) -> int:
    verdict = audit_check.check(ctx, expect_head)
    for line in verdict.problems + verdict.facts:
        print(line)
    return 0 if verdict.ok else 1


def _serve(ctx: ServerContext, args: argparse.Namespace) -> int:
    import uvicorn

    observe.configure_logging(getattr(logging, args.log_level.upper()))
    app: Any = create_app(ctx, anchor_every=args.anchor_every)
    if args.workers > 1:
        # Each worker process builds its own app from the settings handed down.
        asgi.hand_down(ctx.settings, args.anchor_every)
        app = "sync.server.asgi:app_from_environment"
    uvicorn.run(
        app,
        factory=args.workers > 1,
        workers=args.workers if args.workers > 1 else None,
        host=args.host,
        port=args.port,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
        proxy_headers=False,  # the app's TrustedProxies reads X-Forwarded-For from listed ones
        log_level="warning",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
