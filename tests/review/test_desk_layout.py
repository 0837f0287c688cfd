"""The desk's batch table fits beside the record at 1366×768 in both languages (no horizontal
scrolling, every shown column whole), and a row's tooltip says what the table leaves out.
Screens are saved like the loop test's."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fieldapp.inspection_data import load_rules
from sync.protocol import BatchSummary
from sync.review_protocol import DeskBatch

SHOTS = Path(os.environ.get("HEKOU_SHOTS", "var/screens/review"))
FLAGS = [
    {},
    {"far_from_outfall": 2, "poor_accuracy": 1},
    {"new_outfall": 1, "possible_duplicate": 1},
    {"remediation_contradicted": 1, "far_from_outfall": 1, "photo_inconsistent": 2},
]


class IdleLanes:
    """The desk's lanes with no server: nothing is asked for in these tests."""

    busy = False

    def run(self, *_args: Any) -> None:
        pass

    def photo(self, *_args: Any) -> None:
        pass

    def shutdown(self) -> None:
        pass


def batches(n: int) -> list[DeskBatch]:
    t0 = datetime.now(UTC) - timedelta(days=2)
    return [
        DeskBatch(
            batch=BatchSummary(
                batch_id=f"b{i}",
                device_id=f"d{i}",
                username=("zhangwei", "李娜", "wang.xiaoming.of-the-tongzhou-district-team")[i % 3],
                received_at=t0 + timedelta(hours=3 * i),
                content_hash="x",
                counts={},
                total=10,
                complete=True,
                counties=[["320612"], ["320602", "320612"]][i % 2],
            ),
            device_name=("通州-笔记本-03", "ThinkPad T14 (Li Na)")[i % 2],
            records=3 + i * 20,
            photos=12 + i * 80,
            photos_arrived=12 + i * 80 - (i % 4 == 1) * 3,
            flags=FLAGS[i % 4],
            review={"pending": 2 + i * 10, "approved": i % 3, "returned": i % 2},
        )
        for i in range(12)
    ]


@pytest.fixture
def styled(qtbot: Any) -> Any:
    """The app's style sheet and font; English again afterwards (the loop test reads English)."""
    from fieldapp.ui.app import make_app

    yield make_app
    make_app("en")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_batch_table_fits_at_1366_with_the_rest_in_a_tooltip(
    qtbot: Any, styled: Any, lang: str
) -> None:
    from PySide6.QtCore import Qt

    from fieldapp.ui.review.desk import ReviewDesk

    styled(lang)
    names = {"320612": "通州区", "320602": "崇川区"}
    desk = ReviewDesk(IdleLanes(), load_rules(), lang, names)  # type: ignore[arg-type]
    qtbot.addWidget(desk)
    desk._batches_arrived(batches(12))  # as the server's answer: fills the inspector filter too
    desk.resize(1366, 768)
    desk.show()
    qtbot.waitExposed(desk)
    assert desk.width() == 1366  # long inspector names in the filter do not widen it
    table = desk.table
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    shown = [c for c in range(desk.model.columnCount()) if not table.isColumnHidden(c)]
    assert [desk.model.COLUMNS[c] for c in shown] == list(desk.model.SHOWN)
    for c in shown:  # each column's title is whole
        title = str(desk.model.headerData(c, Qt.Orientation.Horizontal))
        assert header.fontMetrics().horizontalAdvance(title) + 12 < table.columnWidth(c), title
    for c in shown[:-1]:  # dates, counts and photo counts are whole too (the flags elide)
        text = str(desk.proxy.index(0, c).data())
        if desk.model.COLUMNS[c] != "inspector":
            assert table.fontMetrics().horizontalAdvance(text) + 12 < table.columnWidth(c), text
    tip = str(desk.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert "ThinkPad T14 (Li Na)" in tip or "通州-笔记本-03" in tip
    assert "崇川区" in tip or "通州区" in tip
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert desk.grab().save(str(SHOTS / f"desk_batches_{lang}.png"))
