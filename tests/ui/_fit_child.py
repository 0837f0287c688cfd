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
    return out


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
