"""Killing the app mid-typing loses at most the last seconds: the draft is on disk and reopens."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from fieldapp.store import database, inspections

from .conftest import NANTONG

REPO = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtTest import QTest
    from fieldapp import reference_data
    from fieldapp.store import database
    from fieldapp.ui.app import make_app
    from fieldapp.ui.inspection import InspectionEntry
    from fieldapp.ui.labels import Labels
    from fieldapp.ui.lane import BackgroundLane

    app = make_app("en")
    writer = database.open_profile(sys.argv[1])
    lane = BackgroundLane()
    entry = InspectionEntry(sys.argv[1], writer, lane, Labels(reference_data.load(), "en"), "王芳")
    window = entry.open_inspection_for(sys.argv[2])
    window.timer.setInterval(200)
    window.saved.connect(lambda s: print("saved", s.notes, flush=True))
    notes = window.form.notes
    notes.setFocus()
    QTest.keyClicks(notes, "first words")
    # Keep typing real key presses, a short burst every 50 ms, until killed (PySide6 < 6.12
    # no longer loses None/True/False references on these calls).
    def more():
        QTest.keyClicks(notes, "xyz ")
    from PySide6.QtCore import QTimer
    timer = QTimer()
    timer.timeout.connect(more)
    timer.start(50)
    app.exec()
    """
)


def test_draft_survives_a_kill_mid_typing(profile_path) -> None:  # type: ignore[no-untyped-def]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(profile_path), NANTONG.id],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    saved = []
    try:
        while len(saved) < 2:
            line = child.stdout.readline()
            assert line, child.stderr.read()
            if line.startswith("saved"):
                saved.append(line.split(" ", 1)[1].strip())
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    conn = database.open_reader(profile_path)
    try:
        draft = inspections.latest_draft(conn, NANTONG.id, "王芳")
    finally:
        conn.close()
    assert draft is not None
    assert draft.notes.startswith("first words")
    assert "xyz" in draft.notes  # typed by real key presses after the first words
    assert len(draft.notes) >= len(saved[-1])  # at least what was announced as saved
