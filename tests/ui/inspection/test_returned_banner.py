"""A revision of a returned record opens with the supervisor's reason, the deadline (red once
passed) and the note that the original stays as it was; an ordinary draft has no banner."""

from __future__ import annotations

import dataclasses
import datetime as dt

from fieldapp.domain.inspection import new_draft
from fieldapp.inspection_data import load_rules
from fieldapp.store import inspections, returns
from fieldapp.store.returns import ReturnedRecord
from fieldapp.ui.inspection.returned_banner import ReturnedBanner
from sync.client.state import clock, pull
from sync.protocol import PulledChange

from .conftest import NANTONG, OTHERS

REASON = "标志牌缺失 <请补拍>"


def returned_and_revised(h, deadline: str | None) -> str:  # type: ignore[no-untyped-def]
    """A completed inspection of NANTONG, returned by the supervisor (as pulled), then revised."""
    draft = new_draft(NANTONG.id, "测试员", "320612")
    draft = dataclasses.replace(
        draft, discharging="no", inspectors=("测试员",), no_position_reason="接收机故障"
    )
    done = inspections.complete(h.writer, inspections.save_draft(h.writer, draft), load_rules())
    review = {
        "record_entity": "inspections",
        "record_id": done.id,
        "state": "returned",
        "comment": REASON,
        "reviewer": "王主管",
        "at": "2024-05-02T08:30:00Z",
        "deadline": deadline,
    }
    item = {"seq": 1, "change_id": "c1", "at": "2024-05-02T08:30:00Z", "entity": "reviews", "row_id": "r1", "op": "upsert", "data": review,
            "hlc": clock.format_hlc(1714638600000, 0, "server")}  # fmt: skip
    pull.apply_pulled(h.writer, [PulledChange.model_validate(item)], 1)
    returns.revise(h.writer, done.id, "测试员")
    return done.completed_at or ""


def test_a_revision_opens_with_reason_red_past_deadline_and_original(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    completed_at = returned_and_revised(en, "2024-05-09T23:59:00+00:00")
    window = en.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    banner = window.returned_banner
    assert window.record.supersedes is not None and banner.isVisible()
    assert "王主管" in banner.reason.text() and "标志牌缺失 &lt;请补拍&gt;" in banner.reason.text()
    assert banner.deadline_passed
    assert banner.deadline.text() == "Correct by 2024-05-09: the deadline has passed"
    assert "#b71c1c" in banner.deadline.styleSheet()
    local = dt.datetime.fromisoformat(completed_at.replace("Z", "+00:00")).astimezone()
    assert local.strftime("%Y-%m-%d %H:%M") in banner.original.text()
    assert "the original stays as it was" in banner.original.text()

    other = en.entry.open_inspection_for(OTHERS[0].id)  # an ordinary draft: no banner
    qtbot.addWidget(other)
    assert other.record.supersedes is None and not other.returned_banner.isVisible()
    qtbot.waitUntil(lambda: not en.lane.busy, timeout=5000)


def record(deadline: str | None) -> ReturnedRecord:
    return ReturnedRecord("i1", "o1", "排口", "320612R000001", "2024-05-01T02:00:00Z", REASON,
                          deadline, "王主管", "2024-05-02T08:30:00Z", "i2", "draft")  # fmt: skip


def test_a_deadline_ahead_is_not_red_and_no_deadline_says_so(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    banner = ReturnedBanner()
    qtbot.addWidget(banner)
    before = dt.datetime(2024, 5, 9, 12, 0, tzinfo=dt.UTC)
    banner.show_return(record("2024-05-09T23:59:00+00:00"), now=before)
    assert not banner.deadline_passed and banner.deadline.text() == "Correct by 2024-05-09"
    assert "#b71c1c" not in banner.deadline.styleSheet()
    banner.show_return(record("2024-05-09"), now=before + dt.timedelta(hours=11))
    assert not banner.deadline_passed  # a bare date lasts the whole day
    banner.show_return(record(None), now=before)
    assert banner.deadline.text() == "No deadline"
    banner.show_return(None)
    assert banner.isHidden()


def test_the_banner_speaks_chinese(qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    banner = ReturnedBanner()
    qtbot.addWidget(banner)
    banner.show_return(
        record("2024-05-09T23:59:00+00:00"), now=dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
    )
    for label in (banner.reason, banner.deadline, banner.original):
        assert not any(w in label.text() for w in ("Returned", "Correct", "original")), label.text()
    assert "2024-05-09" in banner.deadline.text()
