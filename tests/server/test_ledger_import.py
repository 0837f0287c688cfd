"""Importing a bureau ledger on the server: one transaction, idempotent, updates with history,
look-alikes held back, nothing from a failing file; the done-when round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ledgerio import export
from ledgerio.testing import bureau_workbook
from ledgerio.vocab import load
from sync.server import cli
from sync.server.audit import document_digest
from sync.server.ledger_cli import CLI_ACTOR
from sync.server.models import Actor
from sync.server.queries import records
from sync.server.schema import audit_log, feed
from sync.server.schema import records as records_table
from sync.server.services.ledger_import import import_file


def _ledger(engine: Any) -> dict[str, dict[str, Any]]:
    with engine.connect() as conn:
        return {r["id"]: r for r in records.live_data(conn, "outfalls")}


def _counts(engine: Any) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return (
            conn.execute(select(func.count()).select_from(records_table)).scalar_one(),
            conn.execute(select(func.count()).select_from(feed)).scalar_one(),
            conn.execute(select(func.count()).select_from(audit_log)).scalar_one(),
        )


def _content(rec: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in rec.items() if k not in ("created_at", "updated_at", "updated_by")}


def test_bureau_workbook_imports_exports_and_reimports_without_change(ctx, engine, tmp_path):
    source = tmp_path / "南通台账2021.xlsx"
    expected = bureau_workbook(source, n=70)
    outcome = import_file(ctx, CLI_ACTOR, source)
    assert outcome.applied, outcome.zh
    assert outcome.plan.count("insert") == 70 and outcome.plan.count("error") == 0
    ledger = _ledger(engine)
    by_code = {r["national_code"]: r for r in ledger.values()}
    for e in expected:
        rec = by_code[e.national_code]
        assert rec["local_code"] == e.local_code and rec["name"] == e.name
        assert rec["county_code"] == e.county_code  # merged county cells read down
        assert abs(rec["lat"] - e.lat) < 1e-6 and abs(rec["lon"] - e.lon) < 1e-6  # DMS, GCJ-02
        assert (rec["type_code"], rec["subtype_code"]) == (e.type_code, e.subtype_code)
        assert rec["legacy_type_code"] == e.legacy_type_code
        assert rec["regime_date"] == e.regime_date  # day numbers, date cells, Chinese text
    counts = _counts(engine)

    again = import_file(ctx, CLI_ACTOR, source)
    assert again.applied and again.plan.count("unchanged") == 70
    assert _counts(engine) == counts  # nothing written, not even an audit entry

    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"export{suffix}"
        export.write_by_suffix(out, sorted(ledger.values(), key=export.sort_key), load())
        back = import_file(ctx, CLI_ACTOR, out)
        assert back.plan.count("unchanged") == 70, [
            (r.row, r.action, [i.zh for i in r.issues], r.changes)
            for r in back.plan.rows
            if r.action != "unchanged"
        ][:3]
        assert _counts(engine) == counts
    assert {k: _content(v) for k, v in _ledger(engine).items()} == {
        k: _content(v) for k, v in ledger.items()
    }


def test_a_changed_row_is_an_update_with_history_and_audit(ctx, engine, tmp_path):
    vocab = load()
    _seed(ctx, engine, tmp_path, 5)
    target = sorted(_ledger(engine).values(), key=export.sort_key)
    changed = [dict(r) for r in target]
    changed[2]["water_body"] = "新开河"
    changed[2]["remediation_route"] = "ban" if target[2]["remediation_route"] != "ban" else "merge"
    # matched by local code when the national code is missing
    changed[3]["national_code"] = None
    changed[3]["town"] = "新镇"
    out = tmp_path / "changed.xlsx"
    export.write_xlsx(out, changed, vocab)
    before = _counts(engine)
    outcome = import_file(ctx, CLI_ACTOR, out)
    assert outcome.plan.count("update") == 2 and outcome.plan.count("unchanged") == 3
    now = _ledger(engine)
    assert now[target[2]["id"]]["water_body"] == "新开河"
    assert now[target[3]["id"]]["town"] == "新镇"
    assert now[target[3]["id"]]["national_code"] == target[3]["national_code"]  # not erased
    with engine.connect() as conn:
        edits = [
            r.data and json.loads(r.data)
            for r in conn.execute(
                select(records_table).where(records_table.c.entity == "outfall_edits")
            )
        ]
        version = conn.execute(
            select(records_table.c.version).where(records_table.c.id == target[2]["id"])
        ).scalar_one()
        entries = conn.execute(
            select(audit_log).where(audit_log.c.action.like("ledger.import%"))
        ).all()
    assert version == 2
    fields = sorted((e["outfall_id"], e["field"]) for e in edits)
    assert (target[2]["id"], "water_body") in fields and (
        target[2]["id"],
        "remediation_route",
    ) in fields
    assert any(
        e["old_value"] == target[2]["water_body"] and e["new_value"] == "新开河" for e in edits
    )
    new = [e for e in entries[-2:]]  # this import's: the file entry and one entry of rows
    assert [e.action for e in new] == ["ledger.import", "ledger.import.rows"]
    assert all(e.username == "admin-cli" for e in new)
    summary, rows = json.loads(new[0].after), json.loads(new[1].after)
    assert summary["updated"] == 2 and summary["rows"] == 2 + len(edits)
    listed = {(r[0], r[1]): r for r in rows["rows"]}
    assert listed[("outfalls", target[2]["id"])][2] == 2  # the new version, with its digest
    assert listed[("outfalls", target[2]["id"])][3] == document_digest(now[target[2]["id"]])
    replaced = {r[1]: r for r in json.loads(new[1].before)["rows"]}
    assert replaced.keys() == {target[2]["id"], target[3]["id"]}
    assert replaced[target[2]["id"]][3] == document_digest(target[2])  # the version replaced
    _rec, feeds, audits = _counts(engine)
    assert feeds == before[1] + 2 and audits == before[2] + 2


def _seed(ctx: Any, engine: Any, tmp_path: Path, n: int) -> list[dict[str, Any]]:
    from ledgerio.testing import ledger_records

    rows = ledger_records(n, seed=3)
    path = tmp_path / "seed.xlsx"
    export.write_xlsx(path, rows, load())
    assert import_file(ctx, CLI_ACTOR, path).applied
    return rows


def test_lookalike_is_flagged_not_duplicated(ctx, engine, tmp_path):
    vocab = load()
    rows = _seed(ctx, engine, tmp_path, 3)
    twin = dict(rows[0])
    twin.update(national_code="320612XX99999", local_code=None, name=rows[0]["name"] + "（新）")
    twin["lat"] = rows[0]["lat"] + 0.0001  # about 11 m north
    far = dict(rows[1])
    far.update(national_code="320612XX88888", local_code=None, lat=rows[1]["lat"] + 0.01)
    path = tmp_path / "twin.xlsx"
    export.write_xlsx(path, [twin, far], vocab)
    outcome = import_file(ctx, CLI_ACTOR, path)
    actions = [r.action for r in outcome.plan.rows]
    assert actions == ["lookalike", "insert"]
    flag = outcome.plan.rows[0].issues[-1]
    assert flag.severity == "flag" and rows[0]["name"] in flag.zh and "米" in flag.zh
    assert len(_ledger(engine)) == 4


def test_a_file_with_errors_imports_nothing_unless_only_good_rows(ctx, engine, tmp_path):
    vocab = load()
    from ledgerio.testing import ledger_records

    rows = ledger_records(4, seed=5)
    rows[1]["lat"] = 35.5  # outside Nantong
    path = tmp_path / "bad.xlsx"
    export.write_xlsx(path, rows, vocab)
    before = _counts(engine)
    outcome = import_file(ctx, CLI_ACTOR, path)
    assert not outcome.applied and _counts(engine) == before
    bad = outcome.plan.rows[1]
    assert bad.action == "error"
    assert any(i.cell == "N3" and "南通" in i.zh for i in bad.issues), [
        i.message() for i in bad.issues
    ]
    good = import_file(ctx, CLI_ACTOR, path, only_good_rows=True)
    assert good.applied and good.plan.count("insert") == 3
    assert len(_ledger(engine)) == 3


def test_rows_outside_the_importers_area_are_refused(ctx, engine, tmp_path, h):
    from ledgerio.testing import ledger_records

    rows = [r for r in ledger_records(14, seed=1) if r["county_code"] in (h.TOSHI, h.HAIMEN)]
    path = tmp_path / "two-counties.xlsx"
    export.write_xlsx(path, rows, load())
    actor = Actor("li", "supervisor", frozenset({h.TOSHI}), "dev-1")
    outcome = import_file(ctx, actor, path, only_good_rows=True)
    by_county = {r.record["county_code"] if r.record else None: r.action for r in outcome.plan.rows}
    assert by_county.get(h.TOSHI) == "insert"
    assert [r.action for r in outcome.plan.rows].count("error") == 2
    assert {r["county_code"] for r in _ledger(engine).values()} == {h.TOSHI}


def test_cli_dry_run_writes_a_report_and_nothing_else(ctx, engine, tmp_path, capsys):
    source = tmp_path / "ledger.xlsx"
    bureau_workbook(source, n=20)
    report = tmp_path / "report.xlsx"
    url = ctx.settings.database_url
    photos = str(ctx.settings.photo_dir)
    before = _counts(engine)
    code = cli.main(["--database", url, "--photos", photos, "ledger", "import", str(source), "--dry-run", "--report", str(report)])  # fmt: skip
    assert code == 0 and _counts(engine) == before
    assert "新增 20" in capsys.readouterr().out
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(report))
    assert book.sheet_names == ["汇总", "逐行结果", "问题清单"]
    per_row = book.get_sheet_by_name("逐行结果").to_python()
    assert per_row[0][:2] == ["行号", "结果"]
    assert {r[1] for r in per_row[1:]} >= {"新增", "空行（跳过）"} or {
        r[1] for r in per_row[1:]
    } >= {"新增"}
    issues = book.get_sheet_by_name("问题清单").to_python()
    assert any(r[0].startswith("O") and "日期以数字" in r[4] for r in issues[1:])
    code = cli.main(["--database", url, "--photos", photos, "ledger", "import", str(source)])
    assert code == 0 and len(_ledger(engine)) == 20
    out = tmp_path / "ledger.kml"
    assert cli.main(["--database", url, "--photos", photos, "ledger", "export", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("<Placemark") == 20
    bogus = tmp_path / "photo.xlsx"
    bogus.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    assert cli.main(["--database", url, "--photos", photos, "ledger", "import", str(bogus)]) == 2
    assert "不是电子表格" in capsys.readouterr().out


def test_endpoint_is_for_supervisors_of_the_area(ctx, engine, client, person, h, tmp_path):
    from ledgerio.testing import ledger_records

    rows = [r for r in ledger_records(14, seed=2) if r["county_code"] in (h.TOSHI, h.HAIMEN)]
    path = tmp_path / "up.xlsx"
    export.write_xlsx(path, rows, load())
    data = path.read_bytes()
    inspector = person("wang")
    response = inspector.post("/v1/ledger/import", content=data)
    assert response.status_code == 403
    boss = person("li", role="supervisor", counties=(h.TOSHI,))
    answer = boss.post("/v1/ledger/import?dry_run=true&name=up.xlsx", content=data).json()
    assert not answer["applied"] and answer["plan"]["counts"]["error"] == 2
    assert all(
        i["code"] == "area_forbidden"
        for r in answer["plan"]["rows"]
        if r["action"] == "error"
        for i in r["issues"]
    )
    answer = boss.post("/v1/ledger/import?only_good_rows=true", content=data).json()
    assert answer["applied"] and answer["plan"]["counts"]["insert"] == 2
    assert {r["county_code"] for r in _ledger(engine).values()} == {h.TOSHI}
    exported = boss.get("/v1/ledger/export?format=csv")
    assert exported.status_code == 200 and exported.content.startswith(b"\xef\xbb\xbf")
    public = boss.get("/v1/ledger/export?format=csv&kind=disclosure").content.decode("utf-8-sig")
    assert "监管部门" in public and "admin" not in public and "li" not in public.split(",")


def test_a_large_import_keeps_the_keyed_audit_chain_verifiable(database_url, tmp_path, h):
    """Rows are audited by digest, a thousand to an entry: ``audit verify`` holds every imported
    outfall and every history row to the chain, and finds one edited behind the server's back."""
    from ledgerio.testing import ledger_records
    from sync.server import cli as server_cli
    from sync.server.app import build_context
    from sync.server.queries import audit as audit_queries
    from sync.server.services import audit_check

    key = tmp_path / "audit.key"
    assert server_cli.main(["--database", database_url, "audit", "keygen", str(key)]) == 0
    ctx = build_context(h.fast_settings(database_url, tmp_path / "photos", audit_key_file=key))
    try:
        rows = ledger_records(1500, seed=11)
        for i, r in enumerate(rows):  # distinct names and places: no look-alikes held back
            r["name"] = f"{r['name']}-{i}"
            r["lat"] = round(31.7 + (i % 50) * 0.004, 6)
            r["lon"] = round(120.6 + (i // 50) * 0.004, 6)
        path = tmp_path / "big.xlsx"
        export.write_xlsx(path, rows, load())
        first = import_file(ctx, CLI_ACTOR, path)
        assert first.applied and first.plan.count("insert") == 1500, first.zh
        changed = sorted(_ledger(ctx.engine).values(), key=export.sort_key)
        for r in changed[:1200]:
            r["water_body"] = r["water_body"] + "支流"
        export.write_xlsx(path, changed, load())
        second = import_file(ctx, CLI_ACTOR, path)
        assert second.plan.count("update") == 1200
        with ctx.engine.connect() as conn:
            actions = [
                a
                for (a,) in conn.execute(select(audit_log.c.action).order_by(audit_log.c.seq))
                if a.startswith("ledger.import")
            ]
            keyed = conn.execute(select(audit_log.c.keyed)).scalars().all()
        # 1500 rows; then 1200 outfalls and their 1200 history rows: entries of a thousand
        assert (
            actions
            == ["ledger.import"]
            + ["ledger.import.rows"] * 2
            + ["ledger.import"]
            + ["ledger.import.rows"] * 3
        )
        assert all(keyed)
        verdict = audit_check.check(ctx)
        assert verdict.ok, verdict.problems
        victim = changed[700]["id"]
        with ctx.engine.connect() as conn:  # an outfall's dossier names the entries listing it
            about = [e.action for _seq, e, _hash in audit_queries.for_row(conn, victim)]
        assert about == ["ledger.import.rows", "ledger.import.rows"]
        with ctx.engine.begin() as conn:
            data = json.loads(
                conn.execute(
                    select(records_table.c.data).where(records_table.c.id == victim)
                ).scalar_one()
            )
            data["name"] = "改过的名称"
            conn.execute(
                records_table.update()
                .where(records_table.c.id == victim)
                .values(data=json.dumps(data, ensure_ascii=False))
            )
        problems = audit_check.check(ctx).problems
        assert any(victim in p and "differs" in p for p in problems), problems
    finally:
        ctx.engine.dispose()


def test_an_import_never_moves_a_stored_outfalls_lifecycle_state(ctx, engine, tmp_path):
    """A lifecycle step needs its authority and evidence (casework.json): a workbook saying an
    outfall is 市级销号 leaves the stored state as it was, while its other cells are imported."""
    vocab = load()
    _seed(ctx, engine, tmp_path, 3)
    target = sorted(_ledger(engine).values(), key=export.sort_key)
    changed = [dict(r) for r in target]
    stored_state = target[1]["lifecycle_state"]
    changed[1]["lifecycle_state"] = "closed" if stored_state != "closed" else "surveyed"
    changed[1]["water_body"] = "新开河"
    out = tmp_path / "closed.xlsx"
    export.write_xlsx(out, changed, vocab)
    outcome = import_file(ctx, CLI_ACTOR, out)
    assert outcome.plan.count("update") == 1
    now = _ledger(engine)[target[1]["id"]]
    assert now["lifecycle_state"] == stored_state and now["water_body"] == "新开河"
    with engine.connect() as conn:
        edited = [
            json.loads(r.data)["field"]
            for r in conn.execute(
                select(records_table).where(records_table.c.entity == "outfall_edits")
            )
        ]
    assert "lifecycle_state" not in edited
