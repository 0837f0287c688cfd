"""The review desk and the returned-record view in Chinese, on a real server: no visible text
shows an ISO timestamp, an internal id or an untranslated English word (every tab of the record,
after a return, so the decisions and history are filled)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from fieldapp.store import returns
from fieldapp.ui.review import ReturnedRecordsView


def _load(name: str, path: Path) -> Any:
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


HERE = Path(__file__).resolve().parent
vt = _load("hekou_visible_text", HERE.parent / "ui" / "visible_text.py")
loop = _load("hekou_review_loop", HERE / "test_loop.py")


@pytest.fixture
def world(sqlite_server: Any, profile_template: Path, tmp_path: Path) -> Any:
    from hekou_review_sync_fixtures import World

    w = World(sqlite_server, profile_template, tmp_path, seed=6)
    yield w
    w.close()


def readable(widget: Any, *devices: Any) -> list[str]:
    """The problems of what ``widget`` shows, the people's and laptops' own names aside."""
    texts = list(vt.widget_texts(widget))
    assert sum(len(t) for t in texts) > 20
    names = [n for d in devices for n in (d.user, f"{d.name} laptop")]
    return vt.problems(texts, names)


def test_desk_and_returned_records_in_chinese(world: Any, qtbot: Any) -> None:
    translators = loop.install("zh_CN")
    try:
        sup = world.device("sup", "supervisor")
        a = world.device("insp_a", "inspector")
        sup.new_outfall(False)
        outfall = sup.outfall_ids()[0]
        loop.sync_ok(sup)
        loop.sync_ok(a)
        first = loop.capture(a, outfall, world.county, "DSCN0021.jpg", sign="no")
        loop.sync_ok(a)
        desk = loop.open_supervisor_desk(sup, qtbot, "zh_CN")
        with qtbot.waitSignal(desk.batches_loaded, timeout=10_000):
            pass
        with qtbot.waitSignals(
            [desk.record_shown, desk.detail_loaded, desk.thumbnails_done], timeout=10_000
        ):
            desk.select_batch(0)
        with qtbot.waitSignal(desk.decided, timeout=10_000):
            desk.return_for_correction("位置不准，请重测")
        with qtbot.waitSignals([desk.record_shown, desk.detail_loaded], timeout=10_000):
            desk.select_batch(0)
        desk.resize(1366, 768)
        desk.show()
        found = []
        for tab in range(desk.panel.tabs.count()):
            desk.panel.tabs.setCurrentIndex(tab)
            found += readable(desk, sup, a)
            loop.shoot(desk, f"desk_tab{tab}_zh")
        assert found == []
        loop.sync_ok(a)
        view = ReturnedRecordsView()
        qtbot.addWidget(view)
        view.show_returned(returns.returned(a.conn, a.user))
        assert view.cards and view.cards[0].record.inspection_id == first
        assert readable(view, sup, a) == []
        loop.shoot(view, "returned_readable_zh")
        desk.close()
    finally:
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        assert app is not None
        for t in translators:
            app.removeTranslator(t)
