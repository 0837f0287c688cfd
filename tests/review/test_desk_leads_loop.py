"""航测线索 on the desk, against the real server on loopback (SQLite with the desk in English,
PostgreSQL in Chinese): a supervisor checks a survey's lead file (a feature without geometry is
refused by name, nothing written), imports it; makes a verification task of a cluster; the
inspector's laptop records what was found at each lead; the desk decides one lead a duplicate of
the ledger outfall it lies on and one not an outfall, with those findings as evidence; a decision
the server refuses is said in the user's language and the dialog stays open."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from fieldapp.store import leads as lead_rows
from fieldapp.ui.review.desk import ReviewDesk

from .test_desk_history_loop import _desk, proposals_loop

world = proposals_loop.world  # the same fixture: SQLite in English, PostgreSQL in Chinese
HERE = proposals_loop.HERE


def _survey(tag: str) -> bytes:
    def point(name: str, lat: float, lon: float) -> dict[str, Any]:
        return {"type": "Feature", "properties": {"name": name},
                "geometry": {"type": "Point", "coordinates": [lon, lat]}}  # fmt: skip

    features = [
        point(f"疑似排口A-{tag}", HERE[0] + 0.00005, HERE[1]),  # ~6 m from the ledger outfall
        point(f"疑似暗管B1-{tag}", 32.01, 120.91),
        point(f"疑似暗管B2-{tag}", 32.01012, 120.91),  # 13 m from B1: one cluster
        {"type": "Feature", "properties": {"name": f"无坐标-{tag}"}, "geometry": None},
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def _row(desk: ReviewDesk, name: str) -> int:
    names = [x.name for x in desk.leads.leads]
    return names.index(name) if name in names else -1


def _loaded(pane: Any) -> bool:
    text = pane.summary.text()
    return bool(text) and "Loading" not in text and "正在" not in text


def test_the_desk_imports_a_survey_tasks_a_cluster_and_decides_its_leads(
    world: Any, qtbot: Any, tmp_path: Path
) -> None:
    sup = world.device("sup", "supervisor")
    insp = world.device("insp", "inspector")
    ledger_id = proposals_loop.ledger_outfall(sup, "新华村东侧雨洪排口", *HERE)
    proposals_loop.sync_ok(sup)
    proposals_loop.sync_ok(insp)
    desk = _desk(sup, qtbot)
    pane = desk.leads
    pane.counties = {world.county: "测试县"}
    pane.refresh()
    qtbot.waitUntil(lambda: _loaded(pane), timeout=10_000)
    tag = uuid.uuid4().hex[:6]
    survey = tmp_path / "航测-2026-11.geojson"
    survey.write_bytes(_survey(tag))

    # 1. checked first: what would come in, and the refused feature by name; then imported
    dialog: Any = pane.import_survey()
    assert not dialog.send.isEnabled() and not dialog.check_button.isEnabled()
    dialog.use_file(survey)
    dialog.check()
    qtbot.waitUntil(lambda: dialog.checked is not None, timeout=10_000)
    assert [x.name for x in dialog.checked.leads][:1] == [f"疑似排口A-{tag}"]
    assert dialog.checked.clusters == 2 and dialog.checked.likely_duplicates == 1
    assert dialog.problems.count() == 1 and f"无坐标-{tag}" in dialog.problems.item(0).text()
    assert all(_row(desk, x.name) < 0 for x in dialog.checked.leads)  # a check writes nothing
    dialog.submit()
    qtbot.waitUntil(lambda: _row(desk, f"疑似暗管B1-{tag}") >= 0, timeout=10_000)
    assert not dialog.isVisible()
    assert sum(1 for x in pane.leads if x.state == "open") >= 3
    assert "3" in desk.tabs.tabText(desk.tabs.indexOf(pane))  # waiting leads in the tab's title

    # 2. a task for the cluster: B1 and B2 go to the inspector together
    pane.table.selectRow(_row(desk, f"疑似暗管B1-{tag}"))
    task: Any = pane.make_task()
    qtbot.waitUntil(lambda: task.send.isEnabled(), timeout=10_000)
    assert task.whole_cluster.isChecked() and task.assignee.currentData() == insp.user
    task.note.setPlainText("核实是否为暗管")
    task.submit()
    qtbot.waitUntil(
        lambda: {x.state for x in pane.leads if tag in x.name and "B" in x.name} == {"tasked"},
        timeout=10_000,
    )

    # 3. on the ground: the laptop records what each lead turned out to be
    proposals_loop.sync_ok(insp)
    laptop = {x.name: x for x in lead_rows.to_verify(insp.conn)}
    lead_rows.record_verification(insp.conn, laptop[f"疑似排口A-{tag}"], "duplicate",
                                  "就是台账上的雨洪排口", [], ledger_id)  # fmt: skip
    lead_rows.record_verification(insp.conn, laptop[f"疑似暗管B2-{tag}"], "not_outfall",
                                  "是一条灌溉渠，不是排口", [])  # fmt: skip
    proposals_loop.sync_ok(insp)
    pane.refresh()
    qtbot.waitUntil(lambda: any(x.verifications for x in pane.leads if tag in x.name),
                    timeout=10_000)  # fmt: skip

    # 4. decided with those findings as evidence; a wrong outcome is refused, said, kept open
    pane.table.selectRow(_row(desk, f"疑似排口A-{tag}"))
    assert "就是台账上的雨洪排口" in pane.details.text()
    decide: Any = pane.decide_current()
    assert decide.outcome.currentData() == "duplicate" and decide.outfall_id() == ledger_id
    assert decide.outfall.currentText().startswith("新华村东侧雨洪排口")  # by name, not by id
    decide.outcome.setCurrentIndex(decide.outcome.findData("confirmed"))
    decide.submit()  # confirmed needs a newly found outfall: the ledger's is refused
    qtbot.waitUntil(lambda: bool(decide.status.text()), timeout=10_000)
    assert decide.isVisible()
    said = decide.status.text()
    assert ("与结论不符" in said) if world.lang.startswith("zh") else ("fit the outcome" in said)
    proposals_loop.shoot(decide, f"desk_lead_decide_{world.lang}")
    decide.outcome.setCurrentIndex(decide.outcome.findData("duplicate"))
    decide.submit()
    # decided: it leaves the undecided list
    qtbot.waitUntil(lambda: _lead(pane, f"疑似排口A-{tag}") is None, timeout=10_000)
    assert not decide.isVisible()

    pane.table.selectRow(_row(desk, f"疑似暗管B2-{tag}"))
    second: Any = pane.decide_current()
    assert second.outcome.currentData() == "not_outfall" and not second.outfall.isEnabled()
    second.note.setPlainText("现场核实为灌溉渠")
    second.submit()
    qtbot.waitUntil(lambda: _lead(pane, f"疑似暗管B2-{tag}") is None, timeout=10_000)
    pane.show_state.setCurrentIndex(pane.show_state.findData(""))
    qtbot.waitUntil(lambda: _loaded(pane) and _row(desk, f"疑似排口A-{tag}") >= 0, timeout=10_000)
    decided = _lead(pane, f"疑似排口A-{tag}")
    assert decided.state == "duplicate" and decided.outfall_id == ledger_id
    assert {e.entity for e in decided.evidence} == {"lead_verifications"}
    assert _lead(pane, f"疑似暗管B2-{tag}").decision_note == "现场核实为灌溉渠"
    assert _lead(pane, f"疑似暗管B1-{tag}").state == "tasked"  # not decided: still its task's
    pane.table.selectRow(_row(desk, f"疑似暗管B1-{tag}"))
    proposals_loop.shoot(pane, f"desk_leads_{world.lang}")
    desk.close()


def _lead(pane: Any, name: str) -> Any:
    return next((x for x in pane.leads if x.name == name), None)
