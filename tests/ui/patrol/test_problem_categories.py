"""A patrol problem's category (as data), what was done on the spot and escalation (issue 14,
item 5): the dialog offers the data file's categories in the UI's language and saves only with
one; the store keeps them and the sync captures them; a profile of schema 8 migrates keeping its
problems."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from fieldapp import patrol_rules
from fieldapp.paths import DATA
from fieldapp.store import database, migrations, patrols
from fieldapp.ui.patrol.problem_dialog import ProblemDialog

CODES = ["water_bank", "outfall", "water_activity", "hydraulic_structure", "notice_board"]


def test_the_categories_are_the_data_files() -> None:
    data = json.loads((DATA / "patrol_problems.json").read_text("utf-8"))
    assert [c["code"] for c in data["categories"]] == CODES
    assert [c[0] for c in patrol_rules.problem_categories()] == CODES


def test_the_dialog_saves_only_with_a_category(qtbot: Any) -> None:
    dialog = ProblemDialog(None, (), "zh_CN")
    qtbot.addWidget(dialog)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    names = [dialog.category.itemText(i) for i in range(1, dialog.category.count())]
    assert names == ["水域岸线", "排污口", "涉水活动", "水工设施", "河长公示牌"]
    dialog.category.setCurrentIndex(5)
    assert save.isEnabled()
    dialog.handling.setText("  已扶正  ")
    dialog.escalate.setChecked(True)
    assert (dialog.category_code(), dialog.handling_note(), dialog.escalated()) == (
        "notice_board", "已扶正", True)  # fmt: skip
    english = ProblemDialog(None, (), "en")
    qtbot.addWidget(english)
    assert english.category.itemText(1) == "Water and bank"


def test_a_problem_keeps_its_category_and_escalation_and_is_captured(tmp_path: Path) -> None:
    conn = database.open_profile(tmp_path / "p.sqlite")
    try:
        patrol = patrols.start(conn, author="张伟", county_code="320612", chief_level="town",
                               river="通吕运河")  # fmt: skip
        escalated = patrols.add_problem(conn, patrol.id, note="垃圾", lat=32.0, lon=120.9,
                                        error_m=3.0, category="water_bank",
                                        handling=" 已告知 ", escalated=True)  # fmt: skip
        plain = patrols.add_problem(conn, patrol.id, note="x", lat=None, lon=None, error_m=None)
        got = {p.id: p for p in patrols.get(conn, patrol.id).problems}  # type: ignore[union-attr]
        assert (got[escalated.id].category, got[escalated.id].handling,
                got[escalated.id].escalated) == ("water_bank", "已告知", True)  # fmt: skip
        assert (got[plain.id].category, got[plain.id].escalated) == (None, False)
        captured = {
            row_id: json.loads(data)
            for row_id, data in conn.execute(
                "SELECT row_id, data FROM change_log WHERE entity = 'patrol_problems'"
            )
        }
        sent = captured[escalated.id]
        assert sent["category"] == "water_bank" and sent["escalated"] == 1
        assert sent["escalated_at"] == sent["at"] and sent["handling"] == "已告知"
        assert captured[plain.id]["escalated"] == 0 and captured[plain.id]["escalated_at"] is None
    finally:
        conn.close()


def test_a_schema_8_profile_keeps_its_problems_through_migration_10(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = database._connect(path, read_only=False)  # with the profile's SQL functions
    conn.isolation_level = None
    migrations.migrate(conn, up_to=8)
    conn.execute(
        "INSERT INTO patrols (id, author, county_code, status, chief_level, river, started_at,"
        " created_at, updated_at) VALUES ('p1', 'a', '320612', 'draft', 'town', 'r',"
        " '2026-11-01T00:00:00Z', 'x', 'x')"
    )
    conn.execute(
        "INSERT INTO patrol_problems (id, patrol_id, county_code, at, note) VALUES"
        " ('q1', 'p1', '320612', '2026-11-01T00:05:00Z', '旧问题')"
    )
    migrations.migrate(conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    row = conn.execute(
        "SELECT note, category, handling, escalated, escalated_at FROM patrol_problems"
    ).fetchone()
    assert row == ("旧问题", None, "", 0, None)
    conn.close()
