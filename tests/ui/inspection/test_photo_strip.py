"""The photo strip through its UI paths: files, a folder, a drop; the same photo stored once;
upright thumbnails; distance/time flags stored with the record; caption and problem; bad files
refused with a message; the larger view with its watermark and "Export copy…"."""

from __future__ import annotations

import hashlib
import io
import shutil
import struct
from pathlib import Path

from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from fieldapp.store import database, inspections

from .conftest import NANTONG, PHOTOS


def settle(qtbot, h) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not h.lane.busy and h.entry.windows[-1].photos.worker.pending == 0)
    qtbot.waitUntil(lambda: not h.lane.busy)


def stored_photos(h, inspection_id: str):  # type: ignore[no-untyped-def]
    conn = database.open_reader(h.path)
    try:
        return {p.source_name: p for p in inspections.photos(conn, inspection_id)}
    finally:
        conn.close()


def blob_files(h) -> list[Path]:  # type: ignore[no-untyped-def]
    root = h.entry.services.blobs.root
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def open_window(qtbot, h):  # type: ignore[no-untyped-def]
    window = h.entry.open_inspection_for(NANTONG.id)
    qtbot.addWidget(window)
    return window


def drop(widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), action, data, buttons, mods)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(10, 10), action, data, buttons, mods)
    QApplication.sendEvent(widget, event)


def test_files_folder_and_drop_each_add_photos_and_a_repeat_is_stored_once(
    qtbot, en, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, en)
    strip = window.photos
    files = [PHOTOS / "DSCN0010.jpg", PHOTOS / "landscape_1.jpg"]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(f) for f in files], "")
    )
    strip.add_files.click()
    qtbot.waitUntil(lambda: strip.list.count() == 2)

    folder = tmp_path / "DCIM" / "100NIKON"
    folder.mkdir(parents=True)
    for name in ("DSCN0012.jpg", "portrait_6.jpg"):
        shutil.copy(PHOTOS / name, folder / name)
    (folder / "notes.txt").write_text("not a photo")  # skipped when scanning a folder
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    strip.add_folder.click()
    qtbot.waitUntil(lambda: strip.list.count() == 4)

    drop(strip, [PHOTOS / "DSCN0021.jpg", PHOTOS / "DSCN0010.jpg"])  # the second one again
    qtbot.waitUntil(lambda: "already in this inspection" in strip.status.text())
    settle(qtbot, en)
    assert strip.list.count() == 5
    stored = stored_photos(en, window.record.id)
    assert sorted(stored) == sorted(
        ["DSCN0010.jpg", "landscape_1.jpg", "DSCN0012.jpg", "portrait_6.jpg", "DSCN0021.jpg"]
    )
    assert len(blob_files(en)) == 5  # each photo's bytes once, the repeat not again
    for photo in stored.values():
        original = (PHOTOS / photo.source_name).read_bytes()
        assert en.entry.services.blobs.get(photo.sha256) == original  # unchanged evidence
        assert photo.sha256 == hashlib.sha256(original).hexdigest()


def test_thumbnails_are_upright_whatever_the_exif_orientation(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, en)
    thumbs: dict[str, bytes] = {}
    window.photos.photo_ingested.connect(lambda p, jpeg: thumbs.__setitem__(p.source_name, jpeg))
    names = ["portrait_6.jpg", "portrait_8.jpg", "landscape_1.jpg", "landscape_3.jpg"]
    window.photos.add_paths(PHOTOS / n for n in names)
    qtbot.waitUntil(lambda: len(thumbs) == 4)
    images = {n: Image.open(io.BytesIO(j)).convert("L") for n, j in thumbs.items()}
    # Stored 600×450 with orientation 6 or 8: upright they stand taller than wide.
    for name in ("portrait_6.jpg", "portrait_8.jpg"):
        assert images[name].height > images[name].width, name
    for name in ("landscape_1.jpg", "landscape_3.jpg"):
        assert images[name].width > images[name].height, name

    def differs(a: Image.Image, b: Image.Image) -> float:
        diff = ImageChops.difference(a, b.resize(a.size))
        return ImageStat.Stat(diff).mean[0]

    # The same scene: once upright, 6 and 8 (and 1 and 3) look alike; turned wrongly they would not.
    p6, p8 = images["portrait_6.jpg"], images["portrait_8.jpg"]
    assert differs(p6, p8) < differs(p6, p8.rotate(180)) / 3
    l1, l3 = images["landscape_1.jpg"], images["landscape_3.jpg"]
    assert differs(l1, l3) < differs(l1, l3.rotate(180)) / 3
    settle(qtbot, en)
    # The icons shown in the strip have the upright shape too.
    strip = window.photos
    for row in range(strip.list.count()):
        item = strip.list.item(row)
        photo = strip.photos[item.data(Qt.ItemDataRole.UserRole)]
        size = item.icon().availableSizes()[0]
        assert (size.height() > size.width()) == photo.source_name.startswith("portrait")


def test_distance_and_time_flags_are_shown_and_stored_with_the_record(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, en)
    strip = window.photos
    strip.add_paths([PHOTOS / "DSCN0010.jpg", PHOTOS / "landscape_1.jpg"])
    qtbot.waitUntil(lambda: strip.list.count() == 2)
    settle(qtbot, en)
    stored = stored_photos(en, window.record.id)
    italy = stored["DSCN0010.jpg"]  # taken in Tuscany in 2008: far from Nantong, and long ago
    assert italy.far_from_outfall and italy.time_implausible
    assert italy.distance_m is not None and italy.distance_m > 8_000_000
    assert italy.time_offset_s is not None and italy.time_offset_s < -365 * 86400
    plain = stored["landscape_1.jpg"]  # no EXIF position or time: nothing to flag, said so
    assert not plain.flagged and plain.distance_m is None and plain.time_offset_s is None

    texts = {
        strip.photos[strip.list.item(r).data(256)].source_name: strip.list.item(r) for r in (0, 1)
    }
    assert texts["DSCN0010.jpg"].text().startswith("⚠")
    assert "km" in texts["DSCN0010.jpg"].text()
    assert "Taken far from the outfall" in texts["DSCN0010.jpg"].toolTip()
    assert "Taken long before or after the inspection" in texts["DSCN0010.jpg"].toolTip()
    assert not texts["landscape_1.jpg"].text().startswith("⚠")
    assert "No position in the photo" in texts["landscape_1.jpg"].toolTip()
    strip.list.setCurrentItem(texts["DSCN0010.jpg"])
    assert "Taken far from the outfall" in strip.detail.text()


def test_caption_and_problem_are_saved(qtbot, en) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, en)
    strip = window.photos
    strip.add_paths([PHOTOS / "DSCN0012.jpg"])
    qtbot.waitUntil(lambda: strip.list.count() == 1)
    settle(qtbot, en)
    strip.list.setCurrentRow(0)
    assert strip.caption.isEnabled()
    strip.caption.setFocus()
    QTest.keyClicks(strip.caption, "outlet pipe, east bank")
    QTest.keyClick(strip.caption, Qt.Key.Key_Return)
    strip.problem.setCurrentIndex(strip.problem.findData("hidden_pipe"))
    settle(qtbot, en)
    photo = stored_photos(en, window.record.id)["DSCN0012.jpg"]
    assert photo.caption == "outlet pipe, east bank"
    assert photo.problem_code == "hidden_pipe"


def bomb(path: Path) -> Path:
    """A tiny, valid-looking JPEG whose header claims 30000×30000 pixels (900 megapixels)."""
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(out, "JPEG")
    data = bytearray(out.getvalue())
    sof = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, 30000, 30000)
    path.write_bytes(bytes(data))
    return path


def test_bad_files_get_a_clear_message_and_nothing_is_stored(qtbot, en, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, en)
    strip = window.photos
    text_file = tmp_path / "readme.jpg"
    text_file.write_text("GPS sample notes, not a photo")
    bad = [
        PHOTOS / "corrupted.jpg",
        PHOTOS / "README.gps-source",
        text_file,
        bomb(tmp_path / "b.jpg"),
    ]
    for path in bad:
        strip.add_paths([path])
    qtbot.waitUntil(lambda: len(strip.errors) == 4)
    settle(qtbot, en)
    assert strip.error_label.isVisible()
    messages = "\n".join(strip.errors)
    assert "corrupted.jpg is damaged or incomplete" in messages
    assert "README.gps-source is not a JPEG or HEIC/HEIF photo" in messages
    assert "readme.jpg" in messages
    assert "b.jpg is too large (900 megapixels)" in messages
    assert strip.list.count() == 0
    assert stored_photos(en, window.record.id) == {}
    assert blob_files(en) == []
    # The strip still works afterwards.
    strip.add_paths([PHOTOS / "Nikon_D70.jpg"])
    qtbot.waitUntil(lambda: strip.list.count() == 1)
    settle(qtbot, en)


def test_larger_view_watermark_and_export_copy_never_touch_the_original(
    qtbot, en, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, en)
    strip = window.photos
    strip.add_paths([PHOTOS / "DSCN0021.jpg"])
    qtbot.waitUntil(lambda: strip.list.count() == 1)
    settle(qtbot, en)
    strip.list.setCurrentRow(0)
    strip.view_button.click()
    dialog = strip.view_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.image.pixmap().isNull())
    plain = dialog.image.pixmap().toImage()
    assert (plain.width(), plain.height()) == (640, 480)

    dialog.watermark.setChecked(True)
    qtbot.waitUntil(lambda: dialog.image.pixmap().toImage() != plain)
    photo = strip.current()
    assert photo is not None
    assert strip.watermark_lines(photo)[0] == NANTONG.display_code
    assert "43.467082, 11.884538 (WGS-84)" in strip.watermark_lines(photo)

    target = tmp_path / "export.jpg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "Exported a copy" in dialog.message.text())
    original = (PHOTOS / "DSCN0021.jpg").read_bytes()
    exported = target.read_bytes()
    assert exported != original and exported[:2] == b"\xff\xd8"
    assert strip.worker.store.get(photo.sha256) == original  # the evidence is unchanged

    dialog.watermark.setChecked(False)
    exact = tmp_path / "exact.jpg"
    strip.export_copy(photo, exact, watermark=False)
    qtbot.waitUntil(lambda: exact.exists() and exact.read_bytes() == original)

    strip.export_copy(photo, tmp_path / "no" / "such" / "dir.jpg", watermark=False)
    qtbot.waitUntil(lambda: "Could not export" in strip.error_label.text())
    dialog.close()
    settle(qtbot, en)
