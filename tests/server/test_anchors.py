"""Anchors of the audit chain outside the database: a cut tail is caught without a recorded
head, a torn last line is ignored, the anchoring thread runs beside the server."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, select

from sync.server import anchors
from sync.server.anchors import Anchor, AnchorFileError
from sync.server.audit import verify
from sync.server.queries import audit
from sync.server.schema import audit_log
from sync.server.services import anchoring


def chain(engine):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return verify(audit.iter_chain(conn))


def test_the_head_is_anchored_only_when_the_chain_grew(person, h, ctx, engine):
    path = ctx.settings.anchor_file
    alice = person("alice")
    alice.push_ok([h.change("inspections", h.inspection("alice"))])
    first = anchoring.anchor_now(ctx)
    assert first is not None
    assert anchors.read(path) == [first]
    with engine.connect() as conn:
        head = conn.execute(select(audit_log).order_by(audit_log.c.seq.desc()).limit(1)).one()
    assert (head.seq, head.hash, head.action) == (first.seq, first.hash, "audit.anchor")
    assert anchoring.anchor_now(ctx) is None  # nothing happened since
    alice.push_ok([h.change("inspections", h.inspection("alice"))])
    second = anchoring.anchor_now(ctx)
    assert second is not None and second.seq > first.seq
    assert anchors.read(path) == [first, second]
    assert chain(engine).broken is None


def test_a_cut_tail_is_caught_by_the_anchors(person, h, ctx, engine):
    alice = person("alice")
    alice.push_ok([h.change("inspections", h.inspection("alice"))])
    anchored = anchoring.anchor_now(ctx)
    assert anchored is not None
    alice.push_ok([h.change("inspections", h.inspection("alice"))])
    check = chain(engine)
    assert (
        anchoring.first_missing(anchors.read(ctx.settings.anchor_file), check.hashes_seen) is None
    )
    with engine.begin() as conn:  # someone with the database, not the file, cuts the tail
        conn.execute(delete(audit_log).where(audit_log.c.seq >= anchored.seq))
    check = chain(engine)
    assert check.broken is None  # what is left is still a whole chain...
    assert (
        anchoring.first_missing(anchors.read(ctx.settings.anchor_file), check.hashes_seen)
        == anchored
    )  # ...but cut


def test_a_torn_last_line_is_ignored_and_garbage_is_refused(tmp_path):
    path = tmp_path / "audit-anchors.log"
    one = Anchor(7, "ab" * 32, datetime(2026, 11, 28, 6, 0, tzinfo=UTC))
    anchors.append(path, one)
    with path.open("a") as f:
        f.write("8 cd")  # a crash in the middle of the next line
    assert anchors.read(path) == [one]
    two = Anchor(8, "cd" * 32, datetime(2026, 11, 28, 6, 10, tzinfo=UTC))
    anchors.append(path, two)  # the torn line is cut off first
    assert anchors.read(path) == [one, two]
    path.write_text(one.line() + "not an anchor\n" + one.line())
    with pytest.raises(AnchorFileError, match="line 2"):
        anchors.read(path)
    assert anchors.read(tmp_path / "absent.log") == []


def test_the_anchorer_anchors_while_running_and_once_more_when_stopped(person, h, ctx):
    alice = person("alice")
    alice.push_ok([h.change("inspections", h.inspection("alice"))])
    running = anchoring.Anchorer(ctx, every=0.05)
    running.start()
    try:
        deadline = time.monotonic() + 10
        while not anchors.read(ctx.settings.anchor_file):
            assert time.monotonic() < deadline, "nothing was anchored"
            time.sleep(0.02)
    finally:
        running.stop()
    slow = anchoring.Anchorer(ctx, every=3600)  # its timer never fires in this test
    slow.start()
    alice.push_ok([h.change("inspections", h.inspection("alice"))])
    slow.stop()
    anchored = anchors.read(ctx.settings.anchor_file)
    with ctx.engine.connect() as conn:
        head = audit.head(conn)
    assert head is not None and anchored[-1].seq == head[0]  # the last push is anchored too


def test_audit_verify_checks_the_anchors(person, h, ctx, engine, database_url, capsys):
    from sync.server.cli import main

    base = ["--database", database_url, "--photos", str(ctx.settings.photo_dir), "audit", "verify"]
    alice = person("alice")
    alice.push_ok([h.change("inspections", h.inspection("alice"))])
    anchored = anchoring.anchor_now(ctx)
    assert anchored is not None
    alice.push_ok([h.change("inspections", h.inspection("alice"))])
    assert main(base) == 0
    assert "audit anchors: 1 in" in capsys.readouterr().out
    with engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.seq >= anchored.seq))
    assert main(base) == 1  # no head recorded by hand: the anchor is enough
    out = capsys.readouterr().out
    assert f"audit chain CUT: entry {anchored.seq} ({anchored.hash})" in out
    ctx.settings.anchor_file.write_text("edited by hand\n")
    assert main(base) == 1
    assert "audit anchors UNREADABLE" in capsys.readouterr().out
