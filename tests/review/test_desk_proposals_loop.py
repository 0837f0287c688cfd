"""Every ledger change decided (issue 14, item 4), end to end against the real server on loopback
(SQLite and PostgreSQL), real laptops and the desk's real widgets (pytest-qt): an inspector's
correction and a newly found outfall reach the desk as proposals with both versions; one is
rejected with a reason, the other merged into the registered outfall it duplicates; a second
supervisor deciding the same proposal is told who decided it and when, and nothing changes; the
proposer's laptop shows each decision in 我的记录 and on the proposal (the sync panel's list)."""

from __future__ import annotations

import importlib.util
import os
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from fieldapp.store import database, synced_rows
from fieldapp.ui.review.lanes import DeskLanes
from fieldapp.ui.review.proposals import ProposalsPane, field_name
from fieldapp.ui.screen_fit import fit_dialog
from sync.client.review import PhotoCache, ReviewClient
from sync.client.state import account as sync_account
from sync.client.state import decisions as desk_decisions
from sync.client.state import issues as sync_issues
from sync.client.state import panel

SHOTS = Path(os.environ.get("HEKOU_SHOTS", "var/screens/review"))
HERE = (32.0, 120.9)


def _load(name: str, path: Path) -> Any:
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


loop = _load("hekou_review_loop", Path(__file__).resolve().parent / "test_loop.py")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request: Any, profile_template: Path, tmp_path: Path) -> Any:
    """SQLite with the desk in English, PostgreSQL with it in Chinese."""
    from hekou_review_sync_fixtures import World

    server = request.getfixturevalue("sqlite_server" if request.param == "sqlite" else "pg_server")
    w = World(server, profile_template, tmp_path, seed=11)
    w.lang = "en" if request.param == "sqlite" else "zh_CN"
    translators = loop.install(w.lang) if w.lang != "en" else []
    yield w
    w.close()
    for t in translators:
        QCoreApplication.removeTranslator(t)


def ledger_outfall(device: Any, name: str, lat: float, lon: float, national: bool = True) -> str:
    row_id = str(uuid.uuid4())
    code = f"{device.world.county}{uuid.uuid4().hex[:10].upper()}" if national else None
    with database.transaction(device.conn):
        device.conn.execute(
            "INSERT INTO outfalls (id, name, national_code, type_code, receiving_kind, basin,"
            " county_code, lifecycle_state, lat, lon, created_at, updated_at, updated_by)"
            " VALUES (?, ?, ?, 'other', 'river', 'yangtze', ?, 'survey', ?, ?, ?, ?, ?)",
            (row_id, name, code, device.world.county, lat, lon, now(), now(), device.user),
        )
    return row_id


def shoot(pane: Any, name: str) -> None:
    """The pane as the desk's tab shows it at 1366×768 and at 150% scaling (911×512 logical)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for (w, h), tag in (((1366, 720), "1366"), ((911, 466), "150pct")):
        pane.resize(w, h)
        assert pane.grab().save(str(SHOTS / f"{name}_{tag}.png"))


def sync_ok(device: Any) -> None:
    report = device.sync()
    assert report.ok, report.summary()


def pane_of(device: Any, qtbot: Any) -> ProposalsPane:
    account = sync_account.account(device.conn)
    cache = PhotoCache(device.path.with_name(device.path.name + ".cache"))

    def client() -> ReviewClient:
        assert account.server_url and account.token
        return ReviewClient(account.server_url, account.token, cache,
                            install_id=account.install_id)  # fmt: skip

    pane = ProposalsPane(DeskLanes(client(), client()), device.world.lang)
    qtbot.addWidget(pane)
    fit_dialog(pane, 1366, 768)
    pane.show()
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane.refresh()
    return pane


def test_proposals_are_decided_once_and_the_proposer_sees_it(world: Any, qtbot: Any) -> None:
    sup, boss = world.device("sup", "supervisor"), world.device("boss", "supervisor")
    insp = world.device("insp", "inspector")
    registered = ledger_outfall(sup, "新华村东侧300m雨洪排口", *HERE)
    sync_ok(sup)
    sync_ok(insp)
    with database.transaction(insp.conn):  # a correction on the laptop
        insp.conn.execute("UPDATE outfalls SET name = ?, updated_at = ? WHERE id = ?",
                          ("新华村东侧320m雨洪排口", now(), registered))  # fmt: skip
    found = ledger_outfall(insp, "新华村东侧涵洞排口", HERE[0] + 0.0003, HERE[1])  # a new one
    sync_ok(insp)
    assert (
        synced_rows.row_data(insp.conn, "outfalls", registered)["name"] == "新华村东侧300m雨洪排口"
    )

    pane = pane_of(sup, qtbot)
    kinds = {p.kind: p for p in pane.proposals}
    assert set(kinds) == {"correction", "new"}
    # the correction: both versions side by side, the changed field marked and first
    pane.list.setCurrentRow(pane.proposals.index(kinds["correction"]))
    shoot(pane, f"desk_proposal_correction_{world.lang}")
    assert pane.table.item(0, 0).text() == field_name("name")
    assert pane.table.item(0, 1).text() == "新华村东侧300m雨洪排口"
    assert pane.table.item(0, 2).text() == "新华村东侧320m雨洪排口"
    assert pane.accept_button.isEnabled() and not pane.merge_button.isEnabled()
    assert not pane.reject_button.isEnabled()  # no reason, no rejection
    pane.reason.setText("   ")
    assert not pane.reject_button.isEnabled()
    pane.reason.setText("现场核实仍为300m")
    with qtbot.waitSignal(pane.decided, timeout=10_000) as decided:
        pane.reject_button.click()
    assert decided.args == [kinds["correction"].proposal.proposal_id, "rejected"]
    qtbot.waitUntil(lambda: len(pane.proposals) == 1, timeout=10_000)
    # the new outfall: nothing in the ledger yet, the registered one nearby offered for a merge
    [new] = pane.proposals
    assert new.kind == "new" and pane.title.text().startswith(pane.kind_text("new"))
    assert pane.target.currentData() == registered and pane.merge_button.isEnabled()
    assert len(pane.map.shown) == 2  # the proposed one and the registered one
    assert pane.table.isColumnHidden(1)  # nothing in the ledger to compare with
    shoot(pane, f"desk_proposal_new_{world.lang}")

    # a second supervisor has the same proposal open and decides after the first
    late = pane_of(boss, qtbot)
    assert [p.proposal.proposal_id for p in late.proposals] == [new.proposal.proposal_id]
    with qtbot.waitSignal(pane.decided, timeout=10_000) as decided:
        pane.merge_button.click()
    assert decided.args == [new.proposal.proposal_id, "merged"]
    with qtbot.waitSignal(late.refused, timeout=10_000) as refused:
        late.accept_button.click()
    assert refused.args == ["proposal_decided"]
    assert late.state_text("merged") in late.notice.text() and sup.user in late.notice.text()
    assert not late.accept_button.isEnabled() and not late.merge_button.isEnabled()
    shoot(late, f"desk_proposal_already_decided_{world.lang}")
    ids = set(world.server_rows("outfalls"))
    assert found not in ids  # merged: never entered the ledger

    # the proposer's laptop: 我的记录 and the proposal itself
    sync_ok(insp)
    states = {r.row_id: r for r in panel.my_records(insp.conn)
              if r.state in desk_decisions.STATES}  # fmt: skip
    assert states[registered].state == "proposal_rejected"
    assert states[registered].review_comment == f"{sup.user}: 现场核实仍为300m"
    assert states[found].state == "proposal_merged"
    assert "新华村东侧300m雨洪排口" in states[found].review_comment
    issues = {i.row_id: i.resolution for i in sync_issues.issues(insp.conn) if i.kind == "proposed"}
    assert issues == {registered: "proposal_rejected", found: "proposal_merged"}
    for p in (pane, late):
        p.lanes.shutdown()
