"""Identity from the account, never from the laptop; refusals that fail the sync visibly.

A real server on loopback and real profiles. The laptop's login name (``getpass.getuser()``) is
made to differ from every server user: records written before the first sign-in belong to the
profile's own user and are bound to the account at sign-in; a refused record leaves the sync not
ok (``fieldapp sync`` exits 1 with the reason) until it is fixed and sent again, or withdrawn.
"""

from __future__ import annotations

import dataclasses
import getpass
import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from fieldapp.domain import clock
from fieldapp.domain import inspection as model
from fieldapp.media.blobstore import BlobStore
from fieldapp.store import database, identity, inspections, synced_rows
from sync.client import ProfileDb, RetryPolicy, SyncEngine
from sync.client import cli as sync_cli
from sync.client.engine import tls_context
from sync.client.state import issues as sync_issues
from sync.client.state import panel as sync_panel
from sync.client.state import refusals
from sync.server.services import admin

PHOTOS = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"
PASSWORD = "identity password"
OS_USER = "fieldlaptop"  # the laptop's shared login: never a server user


@pytest.fixture(autouse=True)
def laptop_login(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("USER", "LOGNAME", "LNAME", "USERNAME"):
        monkeypatch.setenv(name, OS_USER)
    assert getpass.getuser() == OS_USER


class Laptop:
    def __init__(self, server: Any, template: Path, tmp: Path) -> None:
        self.server = server
        self.path = tmp / "profile.sqlite"
        shutil.copyfile(template, self.path)
        self.db = ProfileDb(self.path)
        with self.db.conn:
            self.db.conn.execute("UPDATE sync_account SET install_id = ?", (str(uuid.uuid4()),))
        self.blobs = BlobStore(tmp / "profile.sqlite.photos")

    @property
    def conn(self) -> Any:
        return self.db.conn

    def engine(self) -> SyncEngine:
        return SyncEngine(
            self.db,
            self.blobs,
            transport=httpx.HTTPTransport(verify=tls_context()),
            timeout=10,
            retry=RetryPolicy(base_s=0.01, cap_s=0.05, attempts=3),
        )

    def inspection(self, outfall_id: str, county: str, photos: tuple[str, ...] = ()) -> str:
        """A completed inspection with real photos, written as the profile's current user."""
        author = identity.current_user(self.conn)
        draft = dataclasses.replace(
            model.new_draft(outfall_id, author, county), discharging="no", notes="巡查正常"
        )
        inspections.save_draft(self.conn, draft)
        for name in photos:
            sha = self.blobs.put((PHOTOS / name).read_bytes()).sha256
            inspections.add_photo(
                self.conn,
                model.InspectionPhoto(id=str(uuid.uuid4()), inspection_id=draft.id, sha256=sha),
            )
        with database.transaction(self.conn):
            self.conn.execute(
                "UPDATE inspections SET status = 'complete', completed_at = ? WHERE id = ?",
                (clock.now_iso(), draft.id),
            )
        return draft.id


def _user(server: Any, name: str, county: str) -> str:
    try:
        admin.add_user(server.ctx, name, PASSWORD, "inspector", [county])
    except Exception:  # already there from another test of this session
        admin.set_counties(server.ctx, name, [county])
        admin.set_password(server.ctx, name, PASSWORD)
    return name


def _county() -> str:
    return f"8{uuid.uuid4().int % 10**5:05d}"


def server_row(server: Any, row_id: str) -> Any:
    from sqlalchemy import select

    from sync.server.schema import records

    with server.ctx.engine.connect() as conn:
        return conn.execute(select(records).where(records.c.id == row_id)).first()


def test_records_before_sign_in_are_bound_to_the_account(
    sqlite_server: Any, profile_template: Path, tmp_path: Path
) -> None:
    county = _county()
    user = _user(sqlite_server, f"zhang-{uuid.uuid4().hex[:6]}", county)
    laptop = Laptop(sqlite_server, profile_template, tmp_path)
    own = identity.local_user(laptop.conn)
    assert own.startswith("local-") and identity.current_user(laptop.conn) == own
    first = laptop.inspection(str(uuid.uuid4()), county, ("DSCN0010.jpg",))
    assert inspections.get(laptop.conn, first).author == own  # type: ignore[union-attr]
    assert OS_USER not in json.dumps(synced_rows.row_data(laptop.conn, "inspections", first))

    laptop.engine().login(sqlite_server.url, user, PASSWORD, "laptop")
    record = inspections.get(laptop.conn, first)
    assert record is not None and record.author == user and record.inspectors == (user,)
    assert identity.current_user(laptop.conn) == user
    [entry] = identity.audit_log(laptop.conn)
    assert (entry.action, entry.actor, entry.detail["replaced"]) == ("bind", user, [own])
    assert entry.detail["rows"] == {"inspections": 1}

    report = laptop.engine().sync()
    assert report.ok, report.summary()
    assert report.refusals == [] and report.rejected == 0 and report.photos == 1
    stored = server_row(sqlite_server, first)
    assert stored is not None and stored.owner == user
    assert json.loads(stored.data)["sections"]["inspectors"] == [user]
    laptop.db.close()


def test_a_legacy_record_under_the_laptop_login_is_rebound_at_sync(
    sqlite_server: Any, profile_template: Path, tmp_path: Path
) -> None:
    """What the old version did: the author was getpass.getuser(); it was refused not_owner and
    stayed 待发送 forever. Now the sync binds it to the account first."""
    county = _county()
    user = _user(sqlite_server, f"wang-{uuid.uuid4().hex[:6]}", county)
    laptop = Laptop(sqlite_server, profile_template, tmp_path)
    laptop.engine().login(sqlite_server.url, user, PASSWORD, "laptop")
    draft = model.new_draft(str(uuid.uuid4()), getpass.getuser(), county)
    inspections.save_draft(laptop.conn, draft)
    report = laptop.engine().sync()
    assert report.ok and report.rebound == 1, report.summary()
    assert server_row(sqlite_server, draft.id).owner == user


def test_a_refused_record_fails_the_sync_until_fixed_and_resent(
    sqlite_server: Any,
    profile_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    county, other = _county(), _county()
    user = _user(sqlite_server, f"li-{uuid.uuid4().hex[:6]}", county)
    laptop = Laptop(sqlite_server, profile_template, tmp_path)
    laptop.engine().login(sqlite_server.url, user, PASSWORD, "laptop")
    # outside the user's counties: the record is refused, its photo with it (parent_unknown)
    refused = laptop.inspection(str(uuid.uuid4()), other, ("DSCN0012.jpg",))
    report = laptop.engine().sync()
    assert not report.ok
    [refusal] = report.refusals
    assert (refusal.entity, refusal.row_id) == ("inspections", refused)
    assert refusal.reasons == ("area_forbidden", "parent_unknown")
    assert "county" in report.refusal_lines("en")[0]
    assert "区县" in report.refusal_lines("zh_CN")[0]
    states = {r.row_id: r.state for r in sync_panel.record_states(laptop.conn)}
    assert states[refused] == "refused"  # not 待发送 forever
    assert sync_panel.status(laptop.conn).refused == 1

    laptop.db.close()
    code = sync_cli.main(["--db", str(laptop.path)])
    out = capsys.readouterr().out
    assert code == 1 and "refused" in out and "county" in out
    laptop.db = ProfileDb(laptop.path)

    # the administrator assigns the county; the user sends the record again: photo and all
    admin.set_counties(sqlite_server.ctx, user, [county, other])
    assert refusals.resend(laptop.conn, "inspections", refused) == 2
    report = laptop.engine().sync()
    assert report.ok, report.summary()
    assert report.photos == 1 and server_row(sqlite_server, refused).owner == user
    assert sync_panel.status(laptop.conn).refused == 0
    assert [e.action for e in identity.audit_log(laptop.conn)][:1] == ["resend"]
    laptop.db.close()
    assert sync_cli.main(["--db", str(laptop.path)]) == 0


def test_a_refused_record_can_be_withdrawn_with_a_reason(
    sqlite_server: Any, profile_template: Path, tmp_path: Path
) -> None:
    county, other = _county(), _county()
    user = _user(sqlite_server, f"zhao-{uuid.uuid4().hex[:6]}", county)
    laptop = Laptop(sqlite_server, profile_template, tmp_path)
    laptop.engine().login(sqlite_server.url, user, PASSWORD, "laptop")
    refused = laptop.inspection(str(uuid.uuid4()), other)
    assert not laptop.engine().sync().ok
    with pytest.raises(ValueError):
        refusals.withdraw(laptop.conn, "inspections", refused, "  ")
    refusals.withdraw(laptop.conn, "inspections", refused, "区县填错，已另行记录")
    report = laptop.engine().sync()
    assert report.ok, report.summary()
    assert inspections.get(laptop.conn, refused) is not None  # kept on the laptop
    states = {r.row_id: r.state for r in sync_panel.record_states(laptop.conn)}
    assert states[refused] == "withdrawn"
    entry = identity.audit_log(laptop.conn)[0]
    assert (entry.action, entry.detail["reason"]) == ("withdraw", "区县填错，已另行记录")
    issue = next(i for i in sync_issues.issues(laptop.conn) if i.row_id == refused)
    assert (issue.settled, issue.note) == ("withdrawn", "区县填错，已另行记录")
    with pytest.raises(refusals.NothingToSettle):
        refusals.resend(laptop.conn, "inspections", refused)
    laptop.db.close()


def test_signing_in_as_another_user_is_refused_while_refusals_wait(
    sqlite_server: Any, profile_template: Path, tmp_path: Path
) -> None:
    county, other = _county(), _county()
    first = _user(sqlite_server, f"a-{uuid.uuid4().hex[:6]}", county)
    second = _user(sqlite_server, f"b-{uuid.uuid4().hex[:6]}", county)
    laptop = Laptop(sqlite_server, profile_template, tmp_path)
    laptop.engine().login(sqlite_server.url, first, PASSWORD, "laptop")
    laptop.inspection(str(uuid.uuid4()), other)
    assert not laptop.engine().sync().ok
    from sync.client import SyncError

    with pytest.raises(SyncError) as refused:
        laptop.engine().login(sqlite_server.url, second, PASSWORD, "laptop")
    assert refused.value.code == "other_user"
    laptop.db.close()
