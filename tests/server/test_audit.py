"""The audit log: every change chained by hashes; editing or deleting an entry is caught."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update

from sync.server.audit import verify
from sync.server.cli import main
from sync.server.queries import audit
from sync.server.schema import audit_log


def chain(engine):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return verify(audit.iter_chain(conn))


def test_changes_are_audited_and_the_chain_verifies(person, h, engine):
    alice = person("alice")
    row = h.inspection("alice")
    alice.push_ok([h.change("inspections", row)])
    alice.push_ok([h.change("inspections", dict(row, findings="浑浊"))])
    with engine.connect() as conn:
        last = conn.execute(select(audit_log).order_by(audit_log.c.seq.desc()).limit(1)).one()
        total = conn.execute(select(func.count()).select_from(audit_log)).scalar_one()
    assert last.username == "alice" and last.device_id == alice.device_id
    assert '"findings":"浑浊"' in last.after and '"findings":"清澈，无异味"' in last.before
    check = chain(engine)
    assert check.broken is None and check.checked == total


def test_an_edited_entry_is_detected(person, h, engine, database_url, tmp_path, capsys):
    alice = person("alice")
    for _ in range(3):
        alice.push_ok([h.change("inspections", h.inspection("alice"))])
    with engine.begin() as conn:
        victim = conn.execute(
            select(audit_log.c.seq).where(audit_log.c.action == "push.upsert")
        ).first()
        conn.execute(
            update(audit_log).where(audit_log.c.seq == victim.seq).values(username="mallory")
        )
    broken = chain(engine).broken
    assert broken is not None and broken.seq == victim.seq and "edited" in broken.why
    code = main(["--database", database_url, "--photos", str(tmp_path / "p"), "audit", "verify"])
    assert code == 1
    assert "BROKEN" in capsys.readouterr().out


def test_a_deleted_entry_is_detected(person, h, engine):
    alice = person("alice")
    for _ in range(3):
        alice.push_ok([h.change("inspections", h.inspection("alice"))])
    with engine.begin() as conn:
        seqs = conn.execute(select(audit_log.c.seq).order_by(audit_log.c.seq)).scalars().all()
        conn.execute(delete(audit_log).where(audit_log.c.seq == seqs[1]))
    broken = chain(engine).broken
    assert broken is not None and broken.seq == seqs[2] and "missing" in broken.why


def test_a_cut_tail_is_caught_against_a_recorded_head(
    person, h, engine, database_url, tmp_path, capsys
):
    alice = person("alice")
    alice.push_ok([h.change("inspections", h.inspection("alice"))])
    base = ["--database", database_url, "--photos", str(tmp_path / "p"), "audit", "verify"]
    assert main(base) == 0
    head = capsys.readouterr().out.strip().rsplit(" ", 1)[1]
    alice.push_ok([h.change("inspections", h.inspection("alice"))])
    assert main([*base, "--expect-head", head]) == 0  # the chain grew past the recorded head
    with engine.begin() as conn:
        last = conn.execute(select(func.max(audit_log.c.seq))).scalar_one()
        cut = conn.execute(select(audit_log.c.seq).where(audit_log.c.hash == head)).scalar_one()
        conn.execute(delete(audit_log).where(audit_log.c.seq >= cut))
    assert chain(engine).broken is None  # a shorter chain is still whole...
    assert main([*base, "--expect-head", head]) == 1  # ...but the recorded head is gone
    assert "CUT" in capsys.readouterr().out
    assert last > cut
