"""一口一策 on the laptop, with real widgets: the plan dialog (editable for a supervisor, read-only
otherwise, every problem shown in the user's language, the request it sends) and the overdue plan
marked on the ledger and in the detail pane."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from fieldapp import reference_data
from fieldapp.store import database
from fieldapp.store import plans as plan_rows
from fieldapp.store.ledger_query import LedgerQuery
from fieldapp.ui.app import make_app
from fieldapp.ui.labels import Labels
from fieldapp.ui.ledger_model import COLUMNS, PLAN_OVERDUE_ROLE
from fieldapp.ui.plans.dialog import DONE, DONE_ON, TITLE, PlanDialog
from sync.client.errors import LocalCode, message
from sync.plan_protocol import PlanRequest, PlanView, view
from sync.plans import stamp_notes

TODAY = date(2026, 12, 4)


def _stored(outfall_id: str = "of-1", **extra: Any) -> dict[str, Any]:
    return {
        "id": "plan-1", "outfall_id": outfall_id, "county_code": "320612", "route": "ban",
        "measures": "封堵排口", "responsible_party": "某化工厂", "department": "县生态环境局",
        "deadline": "2027-06-30", "funding_wan": 20.0, "funding_source": "企业自筹",
        "milestones": [
            {"id": str(uuid.uuid4()), "title": "完成封堵", "due": "2026-11-30", "done": False,
             "done_on": None, "evidence": [],
             "notes": [{"id": str(uuid.uuid4()), "text": "已下达整改通知", "evidence": [],
                        "by": "boss", "at": "2026-11-20T02:00:00+00:00"}]},
        ],
        "completed_on": None, "created_by": "boss", "created_at": "2026-11-10T02:00:00+00:00",
        "updated_by": "boss", "updated_at": "2026-11-10T02:00:00+00:00", "version": 1, **extra,
    }  # fmt: skip


class Lanes:
    """The desk's lane, run at once: records what is sent and answers like the server."""

    def __init__(self) -> None:
        self.sent: list[PlanRequest] = []

    def run(self, fn: Callable[[Any], Any], done: Callable[[Any], None],
            failed: Callable[[Exception], None]) -> None:  # fmt: skip
        lanes = self

        class Client:
            def save_plan(self, outfall_id: str, request: PlanRequest) -> PlanView:
                lanes.sent.append(request)
                data = {**request.as_data(), "id": "plan-1", "outfall_id": outfall_id,
                        "county_code": "320612", "created_by": "boss", "updated_by": "boss"}  # fmt: skip
                for m in data["milestones"]:
                    m["notes"] = stamp_notes([], m["notes"], "boss", "2026-12-04T02:00:00+00:00")
                return view(data, request.version + 1, TODAY)

        done(fn(Client()))


def _labels(lang: str) -> Labels:
    make_app(lang)
    return Labels(reference_data.load(), lang)


def test_a_supervisor_writes_a_plan_with_a_milestone_and_a_note(qtbot) -> None:
    lanes = Lanes()
    dialog = PlanDialog(_labels("en"), "of-1", "某化工厂排口", None, TODAY, lanes)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.save_button.isVisible()
    dialog.submit()  # nothing filled in: every problem at once, nothing sent
    assert "describe the measures" in dialog.status.text()
    assert "name the responsible party" in dialog.status.text() and lanes.sent == []
    dialog.route.setCurrentIndex(dialog.route.findData("merge"))
    dialog.measures.setPlainText("接入市政污水管网")
    dialog.party.setText("某化工厂")
    dialog.department.setText("县生态环境局")
    dialog.funding.setValue(35.5)
    dialog.add_milestone.click()
    dialog._item(0, TITLE).setText("完成接管设计")
    dialog.table.selectRow(0)
    dialog.note_text.setText("已踏勘现场")
    dialog.note_evidence.setText("ab" * 32 + "、文号2026-1")
    dialog.add_note.click()
    assert dialog.notes.count() == 1
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    [sent] = lanes.sent
    assert sent.route == "merge" and sent.funding_wan == 35.5 and sent.version == 0
    [milestone] = sent.milestones
    assert milestone.title == "完成接管设计" and milestone.done is False
    assert milestone.notes[0].text == "已踏勘现场"
    assert milestone.notes[0].evidence == ["ab" * 32, "文号2026-1"]
    assert saved.args[0].version == 1


def test_a_new_plan_starts_from_the_ledgers_route_and_party(qtbot) -> None:
    dialog = PlanDialog(_labels("en"), "of-1", "排口", None, TODAY, Lanes(),
                        ledger_route="merge", ledger_party="某化工厂")  # fmt: skip
    qtbot.addWidget(dialog)
    assert dialog.route.currentData() == "merge" and dialog.party.text() == "某化工厂"
    stored = view(_stored(), 1, TODAY)  # a plan of its own keeps its route, whatever the ledger
    kept = PlanDialog(_labels("en"), "of-1", "排口", stored, TODAY, Lanes(),
                      ledger_route="merge", ledger_party="别家")  # fmt: skip
    qtbot.addWidget(kept)
    assert kept.route.currentData() == stored.route and kept.party.text() != "别家"


def test_an_overdue_plan_opens_marked_and_read_only_for_an_inspector(qtbot) -> None:
    plan = view(_stored(), 1, TODAY)
    dialog = PlanDialog(_labels("zh_CN"), "of-1", "排口", plan, TODAY, None, "只读")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isVisible() and not dialog.add_note.isVisible()
    assert dialog.measures.isReadOnly() and dialog.party.isReadOnly()
    assert not dialog.route.isEnabled()
    assert "逾期" in dialog.banner.text() and "完成封堵" in dialog.banner.text()
    assert dialog.status.text() == "只读"
    done = dialog.table.item(0, DONE)
    assert done is not None and not done.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not dialog.table.cellWidget(0, DONE_ON).isEnabled()
    dialog.table.selectRow(0)
    assert "boss: 已下达整改通知" in dialog.notes.item(0).text()


def test_problems_are_said_in_chinese_and_a_done_milestone_carries_its_date(qtbot) -> None:
    lanes = Lanes()
    plan = view(_stored(), 1, TODAY)
    dialog = PlanDialog(_labels("zh_CN"), "of-1", "排口", plan, TODAY, lanes)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.party.setText("")
    dialog.submit()
    assert "请填写责任主体" in dialog.status.text() and lanes.sent == []
    dialog.party.setText("某化工厂")
    dialog._item(0, DONE).setCheckState(Qt.CheckState.Checked)
    assert dialog.table.cellWidget(0, DONE_ON).isEnabled()
    dialog.submit()
    [sent] = lanes.sent
    assert sent.version == 1 and sent.milestones[0].done_on == TODAY
    assert len(sent.milestones[0].notes) == 1  # the stored note goes back as it was
    dialog.table.selectRow(0)
    dialog.remove_milestone.click()  # it has a note: it stays
    assert dialog.table.rowCount() == 1 and "不能删除" in dialog.status.text()


def test_the_ledger_marks_an_outfall_whose_plan_is_overdue(en_session) -> None:
    window = en_session.window
    first = window.model.row_at(0)
    second = window.model.row_at(1)
    assert first is not None and second is not None
    with database.transaction(en_session.writer):
        plan_rows.apply(en_session.writer, "plan-1", _stored(first.id), deleted=False)
        plan_rows.apply(en_session.writer, "plan-2",
                        _stored(second.id, id="plan-2", deadline="2099-01-01",
                                milestones=[]), deleted=False)  # fmt: skip
    window.refresh_ledger()
    route = COLUMNS.index("route")
    model = window.model
    assert model.data(model.index(0, route), PLAN_OVERDUE_ROLE) is True
    assert "plan overdue" in model.data(model.index(0, route), Qt.ItemDataRole.DisplayRole)
    assert model.data(model.index(1, route), PLAN_OVERDUE_ROLE) is False
    # the route column is cut at 150%: any cell of the row tells it on hover
    assert "plan overdue" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "plan overdue" not in model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    assert "plan overdue" not in (model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) or "")
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    window.show_outfall(first.id)
    text = window.detail.toPlainText()
    assert "Remediation plan" in text and "plan overdue" in text
    # the 监管 menu's action opens the plan, read-only on a profile never signed in
    window.actions_by_name["plan"].trigger()
    dialog = en_session.tools["plan"]
    assert dialog.plan is not None and dialog.plan.measures == "封堵排口"
    assert not dialog.save_button.isVisible()
    dialog.close()
    assert window.model.query == LedgerQuery()


def test_the_laptop_offers_editing_only_to_a_supervisor_of_the_outfalls_area(
    en_session, qtbot, sign_in
) -> None:
    window = en_session.window
    outfall = window.model.row_at(0)
    assert outfall is not None
    other = "320682" if outfall.county_code != "320682" else "320612"
    for role, counties, editable in (
        ("supervisor", [outfall.county_code], True),
        ("supervisor", ["320600"], True),  # the city
        ("supervisor", [other], False),
        ("inspector", [outfall.county_code], False),
    ):
        sign_in(en_session, role, counties)
        dialog = en_session.open_plan(outfall.id)
        assert dialog is not None
        assert dialog.save_button.isVisibleTo(dialog) is editable, (role, counties)
        assert dialog.measures.isReadOnly() is not editable
        if not editable:
            assert "Only a supervisor" in dialog.status.text()
        elif counties == ["320600"]:
            # a save with the server out of reach says so, and keeps what was typed
            dialog.measures.setPlainText("封堵")
            dialog.party.setText("某厂")
            dialog.department.setText("生态环境局")
            with qtbot.waitSignal(dialog.failed, timeout=10_000):
                dialog.save_button.click()
            assert dialog.status.text() == message(LocalCode.OFFLINE, "en")
            assert dialog.save_button.isEnabled() and dialog.isVisible()
            # the server's answer to a save is kept in the profile and marked on the ledger
            answer = view(_stored(outfall.id), 1, TODAY)
            dialog.saved.emit(answer)
            qtbot.waitUntil(
                lambda: plan_rows.of_outfall(en_session.writer, outfall.id, TODAY) is not None
            )
            cell = window.model.index(0, COLUMNS.index("route"))
            qtbot.waitUntil(lambda cell=cell: window.model.data(cell, PLAN_OVERDUE_ROLE) is True)
        dialog.reject()
