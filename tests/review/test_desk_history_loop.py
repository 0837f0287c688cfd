"""案卷 on the desk (issue 14, item 6), against the real server on loopback (SQLite with the desk
in English, PostgreSQL in Chinese): a supervisor opens the history of an outfall an inspector
proposed a correction to, and sees the proposal (who, when, state) and the outfall's creation."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from fieldapp.store import database
from fieldapp.ui.review.desk import ReviewDesk
from fieldapp.ui.review.lanes import DeskLanes
from sync.client.review import PhotoCache, ReviewClient
from sync.client.state import account as sync_account
from sync.history import Kind


def _load(name: str, path: Path) -> Any:
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


proposals_loop = _load(
    "hekou_review_proposals_loop", Path(__file__).resolve().parent / "test_desk_proposals_loop.py"
)
world = proposals_loop.world  # the same fixture: SQLite in English, PostgreSQL in Chinese


def _desk(device: Any, qtbot: Any) -> ReviewDesk:
    account = sync_account.account(device.conn)
    cache = PhotoCache(device.path.with_name(device.path.name + ".cache"))

    def client() -> ReviewClient:
        assert account.server_url and account.token
        return ReviewClient(account.server_url, account.token, cache,
                            install_id=account.install_id)  # fmt: skip

    rules = proposals_loop.loop.load_rules()
    desk = ReviewDesk(DeskLanes(client(), client()), rules, device.world.lang, {})
    qtbot.addWidget(desk)
    desk.show()
    return desk


def test_the_desk_shows_an_outfalls_history(world: Any, qtbot: Any) -> None:
    sup, insp = world.device("sup", "supervisor"), world.device("insp", "inspector")
    outfall_id = proposals_loop.ledger_outfall(sup, "新华村东侧300m雨洪排口", *proposals_loop.HERE)
    proposals_loop.sync_ok(sup)
    proposals_loop.sync_ok(insp)
    with database.transaction(insp.conn):
        insp.conn.execute("UPDATE outfalls SET note = ?, updated_at = ? WHERE id = ?",
                          ("排口已封堵", proposals_loop.now(), outfall_id))  # fmt: skip
    proposals_loop.sync_ok(insp)

    desk = _desk(sup, qtbot)
    with qtbot.waitSignal(desk.history_loaded, timeout=10_000):
        dialog = desk.open_history(outfall_id)
    assert dialog is not None and dialog.isVisible()
    assert "新华村东侧300m雨洪排口" in dialog.view.heading.text()
    entries = dialog.view.entries()
    [proposal] = [e for e in entries if e.kind == Kind.PROPOSAL]
    assert proposal.state == "pending" and proposal.extra["proposed_by"] == insp.user
    row = entries.index(proposal)
    item = dialog.view.table.item(row, 1)
    assert item is not None
    assert item.text() == ("Ledger proposal" if world.lang == "en" else "台账修改建议")
    dialog.view.table.selectRow(row)
    assert not dialog.view.open_button.isEnabled()  # a proposal opens on its own tab
    proposals_loop.shoot(dialog, f"desk_history_{world.lang}")
    dialog.close()
    desk.close()
