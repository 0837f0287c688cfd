"""Chinese in Qt widgets is drawn with the bundled font, whatever fonts the machine has."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from fieldapp.paths import CJK_FONT_FAMILY
from fieldapp.ui.app import make_app
from fieldapp.ui.fonts import register_bundled_font

TEXT = "河口排污口现场检查"
BUNDLED = CJK_FONT_FAMILY.lower()


def families_drawing(text: str, font: QFont) -> set[str]:
    """The families (lower case) of the fonts Qt actually picks for the runs of ``text``."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName().lower() for run in layout.glyphRuns()}


def test_a_chinese_label_renders_with_the_bundled_font(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app("zh_CN")
    label = QLabel(TEXT)
    qtbot.addWidget(label)
    label.show()
    metrics = QFontMetrics(label.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in TEXT)
    assert families_drawing(TEXT, label.font()) == {BUNDLED}
    image = label.grab().toImage()
    assert image.width() >= metrics.horizontalAdvance(TEXT) > 9 * metrics.height() // 2


def test_a_widget_naming_the_system_font_still_gets_chinese(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app("zh_CN")
    system = QApplication.font().families()[0]
    assert system.lower() != BUNDLED
    assert families_drawing(TEXT, QFont(system)) == {BUNDLED}


def test_registering_twice_gives_the_same_family(qapp) -> None:  # type: ignore[no-untyped-def]
    assert register_bundled_font() == register_bundled_font() == CJK_FONT_FAMILY
    assert qapp.font().families()[-1] == CJK_FONT_FAMILY


def test_latin_text_keeps_the_system_font(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_app("en")
    drawn = families_drawing("Outfall 河口", QLabel().font())
    assert drawn == {QApplication.font().families()[0].lower(), BUNDLED}  # Latin: the system's
