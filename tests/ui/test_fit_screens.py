"""Every window fits a 1366×768 laptop at 100%, 125% and 150% scaling, in Chinese and English.

Scaling is simulated the way Windows does it: a child process runs Qt offscreen on a 1366×768
screen (the offscreen platform's screen configuration) with ``QT_SCALE_FACTOR``, so Qt lays the
windows out on a logical screen of 1366×768, 1093×614 or 911×512 and sizes them itself. The child
opens the main window, the edit dialog, the inspection form and its completion summary, the nearest
and new-outfall dialogs, settings, the patrol, the map, the sync panel, 我的记录, the progress view (考核) and
the review desk with its lead and complaint dialogs as a user would, and
reports by geometry what does not fit (tests/ui/fitcheck.py); this test asserts there is nothing.
The checker itself is tested below on windows made to fail it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from tests.ui.fitcheck import inspect

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("_fit_child.py")
SCREEN = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                       "logicalDpi": 96, "logicalBpi": 96, "dpr": 1}]}  # fmt: skip
LOGICAL = {"1": (1366, 768), "1.25": (1093, 614), "1.5": (911, 512)}


def _run_child(tmp_path: Path, template: Path, scale: str, lang: str) -> dict[str, Any]:
    profile = tmp_path / "profile.sqlite"
    shutil.copy(template, profile)
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps(SCREEN), encoding="utf-8")
    out = tmp_path / "fit.json"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
        QT_SCALE_FACTOR=scale,
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
    )
    done = subprocess.run(
        [sys.executable, str(CHILD), str(profile), lang, str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("scale", ["1", "1.25", "1.5"])
def test_every_window_fits_the_laptop_screen(
    tmp_path: Path, demo_template: Path, scale: str, lang: str
) -> None:
    report = _run_child(tmp_path, demo_template, scale, lang)
    expected = {"main", "edit", "inspection", "summary", "nearest", "new_outfall", "settings"}
    expected |= {"tasks", "patrol", "map", "sync", "records", "progress", "review"}
    expected |= {"plan", "plan_milestones", "review_plans"}  # 一口一策
    expected |= {"history", "desk_history"}  # 案卷 on the laptop and on the desk
    expected |= {"lead_decision", "lead_task", "lead_import"}  # the desk's leads
    expected |= {"complaint_new", "complaint_outcome", "complaint_reply"}  # 举报
    assert set(report) == expected
    for name, seen in report.items():
        x, y, w, h = seen["screen"]
        assert (w, h) == LOGICAL[scale], (name, seen["screen"])  # the simulated scaling took
        fx, fy, fw, fh = seen["frame"]
        # At 125% a maximised window's frame rounds up by a logical pixel (1366 / 1.25 = 1092.8).
        slack = 0 if scale == "1" else 1
        assert fx >= x and fy >= y, (name, seen)
        assert fx + fw <= x + w + slack and fy + fh <= y + h + slack, (name, seen)
        for problem in ("clipped", "squeezed", "sideways", "small", "hidden_actions"):
            assert seen[problem] == [], (name, problem, seen[problem])


# -- the checker fails what does not fit -------------------------------------------------------


@pytest.fixture(autouse=True)
def plain_style(qapp: Any) -> Any:
    """Qt's own look: the app's style sheet (min sizes) would bend the made-up windows."""
    kept = qapp.styleSheet()
    qapp.setStyleSheet("")
    yield
    qapp.setStyleSheet(kept)


def test_the_checker_sees_a_clipped_button_a_cut_text_and_a_hidden_action(qtbot: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = QToolBar()
    window.addToolBar(bar)
    for n in range(12):
        bar.addAction(f"A long toolbar action {n}").setObjectName(f"action{n}")
    body = QWidget()
    body.setFixedSize(300, 200)
    outside = QPushButton("Outside", body)
    outside.setObjectName("outside")
    outside.setGeometry(250, 10, 120, 44)  # past the right edge of its parent
    cut = QPushButton("A button whose text is far too long", body)
    cut.setObjectName("cut")
    cut.setGeometry(10, 60, 80, 44)
    low = QPushButton("Low", body)
    low.setObjectName("low")
    low.setGeometry(10, 120, 100, 24)
    window.setCentralWidget(body)
    window.resize(400, 300)
    window.show()
    qtbot.waitExposed(window)
    seen = inspect(window)
    assert any("#outside" in c for c in seen["clipped"]), seen
    assert any("#cut" in c for c in seen["squeezed"]), seen
    assert any("#low" in c for c in seen["small"]), seen
    assert "(overflow button shown)" in seen["hidden_actions"], seen


def test_the_checker_lets_scrolled_content_be_and_sees_sideways_scrolling(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    tall = QWidget()
    column = QVBoxLayout(tall)
    for n in range(30):
        column.addWidget(QPushButton(f"Row {n}"))
    wide = QWidget()
    row = QHBoxLayout(wide)
    for n in range(12):
        row.addWidget(QLabel(f"a wide label {n}"))
    down, across = QScrollArea(), QScrollArea()
    for area, content in ((down, tall), (across, wide)):
        area.setWidgetResizable(True)
        area.setWidget(content)
    layout = QVBoxLayout(window)
    layout.addWidget(down)
    layout.addWidget(across)
    window.resize(400, 500)
    window.show()
    qtbot.waitExposed(window)
    seen = inspect(window)
    assert seen["clipped"] == []  # the rows below the fold are reached by scrolling
    assert len(seen["sideways"]) == 1, seen
