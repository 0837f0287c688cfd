"""The bundled Chinese font in Qt: registered once per process and made every widget's fallback,
so Chinese renders on a machine that has no Chinese font of its own.

Qt draws each character with the first font of a QFont's family list that has it, then with the
substitutes of those families (``QFont.insertSubstitution``), then with the system's fallbacks. The
application font's list becomes [the system's UI font, the bundled font]: Latin text keeps the
machine's own look, Chinese always comes from the bundled font (the same glyphs on every laptop,
whatever it has installed), and a widget that names the system font explicitly finds it as that
family's substitute. Generic names ("monospace") are left alone: substituting one makes Qt pick
the bundled font for every character, not only for the ones the generic font lacks.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

from fieldapp.paths import CJK_FONT, CJK_FONT_FAMILY

_registered: list[str] = []


class FontMissing(RuntimeError):
    """The bundled font file is missing or unreadable: a broken installation."""


def register_bundled_font() -> str:
    """Adds the bundled font to Qt's font database (once) and returns its family name."""
    if not _registered:
        font_id = QFontDatabase.addApplicationFont(str(CJK_FONT))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if CJK_FONT_FAMILY not in families:
            raise FontMissing(f"cannot load the bundled font {CJK_FONT}")
        _registered.append(CJK_FONT_FAMILY)
    return _registered[0]


def install_chinese_fallback(app_font: QFont) -> QFont:
    """Registers the bundled font and returns ``app_font`` with it as the fallback after the real
    font behind ``app_font`` (an alias such as "Sans Serif" resolved), for QApplication.setFont."""
    bundled = register_bundled_font()
    system = QFontInfo(app_font).family()  # the real font: an alias would not match exactly
    out = QFont(app_font)
    if system == bundled:  # a machine with no font of its own
        out.setFamilies([bundled])
        return out
    if bundled not in QFont.substitutes(system):
        QFont.insertSubstitution(system, bundled)
    out.setFamilies([system, bundled])
    return out
