"""In the real inspection window: a photo without GPS is watermarked with the inspection's GNSS
fix, labelled as such; one with GPS keeps its own; the exported copy carries no invented EXIF GPS
and the original is unchanged."""

from __future__ import annotations

import hashlib

import pytest

from fieldapp.domain.inspection import PositionRecord
from fieldapp.media.photo_facts import read_facts

from .conftest import NANTONG, PHOTOS


def settle(qtbot, h) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not h.lane.busy and h.entry.windows[-1].photos.worker.pending == 0)
    qtbot.waitUntil(lambda: not h.lane.busy)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_watermark_uses_the_inspection_fix_when_the_photo_has_none(
    qtbot, request, lang, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    h = request.getfixturevalue(lang)
    window = h.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    fix = PositionRecord(
        32.0812345, 121.0501234, 3.6, "gnss", n_fixes=5, captured_at="2026-05-01T02:21:05Z"
    )
    window.position.captured.emit(fix)  # as when the panel captures from the receiver
    strip = window.photos
    strip.add_paths([PHOTOS / "no_exif.jpg", PHOTOS / "DSCN0021.jpg"])
    qtbot.waitUntil(lambda: strip.list.count() == 2)
    settle(qtbot, h)
    by_name = {p.source_name: p for p in strip.photos.values()}
    bare, own = by_name["no_exif.jpg"], by_name["DSCN0021.jpg"]
    bare_lines = strip.watermark_lines(bare)
    assert "32.081235, 121.050123 (WGS-84)" in bare_lines
    label = {
        "en": "Laptop GNSS, 5 fixes averaged, error ±4 m",
        "zh": "本机卫星定位，5 次平均，误差 ±4 米",
    }[lang]
    assert any(line.startswith(label) for line in bare_lines)
    own_lines = strip.watermark_lines(own)
    assert "43.467082, 11.884538 (WGS-84)" in own_lines
    assert (
        own_lines[-1]
        == {"en": "Coordinates: from the photo's EXIF", "zh": "坐标来源：照片 EXIF"}[lang]
    )

    row = [strip.list.item(i).data(256) for i in range(2)].index(bare.id)
    strip.list.setCurrentRow(row)
    strip.view_button.click()
    dialog = strip.view_dialog
    dialog.watermark.setChecked(True)
    qtbot.waitUntil(lambda: not dialog.image.pixmap().isNull())
    qtbot.wait(300)
    qtbot.waitUntil(lambda: strip.worker.pending == 0)
    qtbot.wait(100)
    target = tmp_path / "export.jpg"
    strip.export_copy(bare, target, watermark=True)
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 0)
    assert read_facts(target.read_bytes()).gps is None  # the fix is drawn, not put in EXIF
    original = (PHOTOS / "no_exif.jpg").read_bytes()
    stored = strip.worker.store.get(bare.sha256)
    assert hashlib.sha256(stored).hexdigest() == hashlib.sha256(original).hexdigest() == bare.sha256
    dialog.close()
    settle(qtbot, h)
