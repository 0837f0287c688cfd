"""Patrols on the desk (issue 14, item 5), end to end against the real server on loopback (SQLite
and PostgreSQL): a river chief's laptop records a patrol (track, problems with category, handling
on the spot and escalation) and syncs a batch holding only the patrol; the supervisor's desk
lists that batch, opens its patrol with the track on the map, its duration, distance and
problems, flags the escalation left unhandled for more than one working day, and records how it
was handled, which reaches the chief's laptop. Rendered in Chinese and English at 1366×768 and
at 150% (911×512 logical)."""

from __future__ import annotations

import importlib.util
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fieldapp import patrol_rules
from fieldapp.domain.patrol import TrackPoint
from fieldapp.store import patrols
from sync.client.state import panel

SHOTS = Path(os.environ.get("HEKOU_SHOTS", "var/screens/review"))
START = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # a Tuesday, 09:00 in Nantong


def _load(name: str, path: Path) -> Any:
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


loop = _load("hekou_review_loop", Path(__file__).resolve().parent / "test_loop.py")


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request: Any, profile_template: Path, tmp_path: Path) -> Any:
    from hekou_review_sync_fixtures import World

    server = request.getfixturevalue("sqlite_server" if request.param == "sqlite" else "pg_server")
    w = World(server, profile_template, tmp_path, seed=12)
    yield w
    w.close()


def walk(chief: Any) -> str:
    """A 12-minute, about 1.4 km patrol with an escalated and a solved problem."""
    conn = chief.conn
    patrol = patrols.start(conn, author=chief.user, county_code=chief.world.county,
                           chief_level="town", river="通吕运河", at=START)  # fmt: skip
    for n in range(25):
        at = START + timedelta(seconds=30 * n)
        patrols.add_point(conn, patrol.id, TrackPoint(n, at, 32.0 + 0.0005 * n, 120.9, 4.0))
    patrols.add_problem(conn, patrol.id, note="岸边堆放建筑垃圾", lat=32.003, lon=120.9,
                        error_m=4.0, at=START + timedelta(minutes=3), category="water_bank",
                        handling="已拍照告知村委", escalated=True)  # fmt: skip
    patrols.add_problem(conn, patrol.id, note="公示牌倒伏", lat=32.008, lon=120.9, error_m=4.0,
                        at=START + timedelta(minutes=8), category="notice_board",
                        handling="已扶正")  # fmt: skip
    patrols.finish(conn, patrol.id, patrol_rules.load(), at=START + timedelta(minutes=12))
    return patrol.id


def shoot(desk: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for size, tag in (((1366, 768), "1366"), ((911, 512), "150pct")):
        desk.resize(*size)
        desk.repaint()
        assert desk.grab().save(str(SHOTS / f"{name}_{tag}.png"))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_patrol_only_batch_reaches_the_desk_and_its_overdue_escalation_is_handled(
    world: Any, qtbot: Any, lang: str
) -> None:
    translators = loop.install(lang) if lang != "en" else []
    try:
        sup, chief = world.device("sup", "supervisor"), world.device("chief", "river_chief")
        patrol_id = walk(chief)
        loop.sync_ok(chief)
        desk = loop.open_supervisor_desk(sup, qtbot, lang)
        with qtbot.waitSignal(desk.batches_loaded, timeout=10_000):
            pass
        [batch] = desk.model.batches
        assert batch.records == 0 and batch.patrols == 1 and batch.overdue == 1
        desk.show()
        pane = desk.patrols
        with qtbot.waitSignal(pane.loaded, timeout=10_000):
            desk.select_batch(0)
        assert desk.tabs.currentWidget() is pane  # a batch of patrols opens its patrols
        [patrol] = pane.patrols
        assert patrol.record.row_id == patrol_id and patrol.overdue == 1
        assert 700 < (patrol.duration_s or 0) <= 720 and 1200 < (patrol.distance_m or 0) < 1500
        assert len(patrol.track) == 1 and len(patrol.track[0]) >= 10
        late, solved = patrol.problems
        assert (late.category, late.handling, late.escalated, late.overdue) == (
            "water_bank", "已拍照告知村委", True, True)  # fmt: skip
        assert (solved.category, solved.escalated, solved.overdue) == ("notice_board", False, False)
        texts = [pane.problems.item(0, c).text() for c in range(6)]
        assert ("水域岸线" if lang != "en" else "Water and bank") in texts
        assert texts[4].startswith("⚠")  # overdue, marked
        assert len(pane.map.shown) == 2 and pane.map.overlay.tracks
        assert pane.problems.currentRow() == 0 and not pane.handle_button.isEnabled()
        shoot(desk, f"desk_patrols_{lang}")

        pane.note.setText("城管已清运")
        assert pane.handle_button.isEnabled()
        with qtbot.waitSignal(pane.handled, timeout=10_000):
            pane.handle_button.click()
        qtbot.waitUntil(lambda: bool(pane.patrols and pane.patrols[0].problems[0].handled_at),
                        timeout=10_000)  # fmt: skip
        handled = pane.patrols[0].problems[0]
        assert handled.handled_by == sup.user and handled.overdue  # handled, but late
        assert not pane.handle_button.isEnabled()  # handled once
        loop.sync_ok(chief)
        row = chief.conn.execute(
            "SELECT state, comment, reviewer FROM sync_reviews WHERE record_id = ?", (late.id,)
        ).fetchone()
        assert tuple(row) == ("handled", "城管已清运", sup.user)
        [mine] = [r for r in panel.my_records(chief.conn) if r.entity == "patrols"]
        assert mine.review_comment == f"{sup.user}: 城管已清运"  # shown in 我的记录
        desk.tabs.setCurrentWidget(desk.proposals)
        shoot(desk, f"desk_proposals_empty_{lang}")
        desk.close()
    finally:
        from PySide6.QtCore import QCoreApplication

        for t in translators:
            QCoreApplication.removeTranslator(t)
