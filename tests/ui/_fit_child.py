"""Child process of the fit test: opens every main window of the app on a simulated laptop screen
and reports, as JSON, what does not fit.

`python tests/ui/_fit_child.py PROFILE LANG OUT.json [RENDER_DIR]`, run with
``QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json`` (a 1366×768 screen) and ``QT_SCALE_FACTOR``
(1, 1.25, 1.5): Qt then lays windows out on a logical screen of 1366×768, 1093×614 or 911×512, as
Windows does at 100%, 125% and 150%. Per window it reports the screen's available area, the
window's frame, every visible control not wholly inside the window (clipped by any ancestor, except
by a scroll area's viewport: that content is reached by scrolling), buttons squeezed below their
size hint or shorter than a touch target, and toolbar actions pushed into the overflow menu.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.inspection_data import load_rules
from fieldapp.ui.app import make_app
from fieldapp.ui.screen_fit import present
from fieldapp.ui.session import Session, open_session
from fieldapp.ui.settings import AppSettings
from tests.ui.fitcheck import inspect


def settle(ms: int = 150) -> None:
    QApplication.processEvents()
    QTest.qWait(ms)


def windows(session: Session, lang: str) -> list[tuple[str, QWidget]]:
    """Opens each window as a user would, returning (name, window) once each is shown."""
    main = session.window
    present(main)
    main.table.selectRow(0)
    settle()
    out: list[tuple[str, QWidget]] = [("main", main)]

    main.open_editor()
    assert main.edit_dialog is not None
    settle()
    out.append(("edit", main.edit_dialog))

    outfall = main.selected
    assert outfall is not None
    inspection: Any = session.open_inspection(outfall.id)
    settle(300)
    out.append(("inspection", inspection))
    form = inspection.form
    form.discharging.setCurrentIndex(form.discharging.findData("no"))
    form.no_position_reason.setText("—")
    inspection.complete()
    settle()
    if inspection.summary_dialog is not None:
        out.append(("summary", inspection.summary_dialog))

    out.append(("nearest", session.open_nearest()))
    out.append(("new_outfall", session.open_new_outfall()))
    out.append(("settings", session.open_settings()))
    out.append(("tasks", session.open_tasks()))  # 我的任务
    out.append(("patrol", session.open_patrol()))
    out.append(("map", session.open_map()))
    out.append(("sync", session.open_sync()))
    out.append(("records", session.open_records()))  # 我的记录, from the status strip
    history = session.open_history(outfall.id)  # 案卷, from the detail pane
    assert history is not None
    out.append(("history", history))
    progress: Any = session.open_progress()  # 考核: shown once its first figures are in
    for _ in range(100):
        settle(100)
        if progress.isVisible() and progress.progress is not None:
            break
    out.append(("progress", progress))

    from fieldapp.ui.review.desk import ReviewDesk
    from tests.review.test_desk_layout import IdleLanes, batches

    names = {c.code: c.label(lang) for c in session.labels.ref.counties}
    desk = ReviewDesk(IdleLanes(), load_rules(), lang, names)  # type: ignore[arg-type]
    desk._batches_arrived(batches(12))
    present(desk)
    session.tools["desk"] = desk
    out.append(("review", desk))
    settle(300)

    # 一口一策: an overdue plan of the selected outfall, in the dialog a supervisor edits and in
    # the desk's plans tab
    from datetime import date

    from fieldapp.store import database
    from fieldapp.store import plans as plan_rows
    from fieldapp.ui.plans.dialog import PlanDialog
    from sync.plan_protocol import PlanList
    from tests.ui.plans.test_plan_dialog import _stored

    today = date(2026, 12, 4)
    with database.transaction(session.writer):
        plan_rows.apply(session.writer, "plan-1", _stored(outfall.id), deleted=False)
    plan = plan_rows.of_outfall(session.writer, outfall.id, today)
    main.refresh_ledger()  # the ledger marks the overdue plan
    dialog = PlanDialog(session.labels, outfall.id, outfall.name, plan, today, IdleLanes(),
                        parent=main)  # fmt: skip
    dialog.open()
    session.tools["plan"] = dialog
    settle()
    out.append(("plan", dialog))
    milestones = PlanDialog(session.labels, outfall.id, outfall.name, plan, today, IdleLanes(),
                            parent=main)  # fmt: skip
    milestones.open()
    milestones.tabs.setCurrentIndex(1)
    milestones.table.selectRow(0)
    session.tools["plan_milestones"] = milestones
    settle()
    out.append(("plan_milestones", milestones))
    assert plan is not None
    named = plan.model_copy(
        update={"outfall_name": outfall.name, "outfall_code": outfall.display_code}
    )
    desk.plans.show_plans(PlanList(plans=[named], total=1))
    desk.tabs.setCurrentWidget(desk.plans)
    settle()
    out.append(("review_plans", desk))
    from fieldapp.store import database, outfall_history
    from fieldapp.ui.casework.desk_history import DeskHistoryDialog

    conn = database.open_reader(session.path)  # the desk's 案卷 with the laptop's entries
    try:
        entries = outfall_history.history(conn, outfall.id)
    finally:
        conn.close()
    desk_history = DeskHistoryDialog(session.labels.state, parent=desk)
    desk_history.show_history(f"{outfall.display_code} {outfall.name}", entries)
    present(desk_history)
    session.tools["deskHistory"] = desk_history
    out.append(("desk_history", desk_history))
    settle(100)
    out += _desk_dialogs(desk, lang, names, outfall)
    return out


def _desk_dialogs(
    desk: Any, lang: str, names: dict[str, str], outfall: Any
) -> list[tuple[str, QWidget]]:
    """The desk's lead and complaint dialogs, opened over the desk as its panes open them."""
    from fieldapp.ui.complaints.dialogs import NewComplaintDialog, OutcomeDialog, ReplyDialog
    from fieldapp.ui.complaints.pane import complaint_rules
    from fieldapp.ui.leads.desk_dialogs import (
        LeadDecisionDialog,
        LeadImportDialog,
        LeadTaskDialog,
    )
    from sync.leads_protocol import LeadView
    from tests.review.test_desk_layout import IdleLanes

    found = "insp-5f3d0439"
    lead = LeadView.model_validate(
        {
            "id": "lead-1", "county_code": outfall.county_code, "source": "无人机航测 2026-11",
            "feature": 3, "name": "疑似暗管（新华村东侧）", "note": "岸边有水迹", "lat": 32.05,
            "lon": 120.95, "photos": [], "cluster_id": "lead-1", "state": "tasked",
            "near_outfall_id": outfall.id, "near_outfall_m": 6.0, "task_state": "done",
            "task_closed_by": {"entity": "outfalls", "id": "new-1"},
            "verifications": [{"id": "v-1", "verdict": "duplicate", "outfall_id": outfall.id,
                               "note": "就是台账上的雨洪排口，排口下游有明显水迹", "author": found}],
            "outfall_labels": {outfall.id: f"{outfall.name} ({outfall.display_code})",
                               "new-1": "新华村东侧新发现排口 (TMP-5F3D0439)"},
        }
    )  # fmt: skip
    rules = complaint_rules()
    dialogs: list[tuple[str, QWidget]] = [
        ("lead_decision", LeadDecisionDialog(IdleLanes(), lead, lang, parent=desk)),
        ("lead_task", LeadTaskDialog(IdleLanes(), lead, 2, lang, parent=desk)),
        ("lead_import", LeadImportDialog(IdleLanes(), names, lang, parent=desk)),
        ("complaint_new", NewComplaintDialog(rules, names, lang, parent=desk)),
        ("complaint_outcome", OutcomeDialog(rules, lang, parent=desk)),
        ("complaint_reply", ReplyDialog(parent=desk)),
    ]
    for _name, dialog in dialogs:
        dialog.open()
        settle()
    return dialogs


def main() -> None:
    profile, lang, out_path = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    render_dir = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    app = make_app(lang)
    settings = AppSettings(f"HekouFit-{os.getpid()}")
    settings.clear()
    session = open_session(Path(profile), lang, actor="测试员", settings=settings)
    assert isinstance(session, Session), session
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    report = {}
    for name, window in windows(session, lang):
        window.raise_()
        settle(100)
        report[name] = inspect(window)
        if render_dir is not None:
            render_dir.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(render_dir / f"{name}_{lang}_x{scale}.png"))
    out_path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    settings.clear()
    session.close()
    app.processEvents()


main()
