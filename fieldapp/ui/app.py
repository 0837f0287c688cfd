"""Starting the desktop app: language, translations, the profile database, the main window.

Start-up is measured (bench/ledger.py): import only what the first window needs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp import i18n
from fieldapp.paths import default_profile_db
from fieldapp.ui.fonts import install_chinese_fallback

# High contrast and large touch targets: rugged laptops in sunlight, used with gloves.
STYLE_SHEET = """
QWidget { font-size: 15px; color: #111; }
QMainWindow, QDialog { background: #ffffff; }
QLineEdit, QComboBox, QPlainTextEdit, QSpinBox, QDoubleSpinBox { min-height: 36px; padding: 2px 6px;
    border: 2px solid #555; border-radius: 4px; background: #fff; }
QLineEdit#search { font-size: 18px; min-height: 44px; }
QLabel#count { font-size: 17px; font-weight: bold; padding: 0 10px; }
QPushButton { min-height: 44px; min-width: 96px; padding: 0 14px; font-weight: bold;
    border: 2px solid #0050b3; border-radius: 6px; background: #e8f0fe; color: #002b66; }
QPushButton:disabled { border-color: #999; color: #777; background: #eee; }
QTableView { gridline-color: #bbb; alternate-background-color: #f2f5f9;
    selection-background-color: #0050b3; selection-color: #fff; }
QHeaderView::section { background: #dde3ea; font-weight: bold; padding: 6px;
    border: 1px solid #aaa; }
QCheckBox { min-height: 36px; }
QTabBar::tab { min-height: 40px; padding: 0 14px; }
QToolBar { spacing: 6px; padding: 4px; background: #f4f6f9; border-bottom: 1px solid #c8ced6; }
QToolBar QToolButton { min-height: 40px; min-width: 48px; padding: 0 10px; font-weight: bold;
    border: 2px solid #8aa4c8; border-radius: 6px; background: #ffffff; color: #002b66; }
QToolBar QToolButton:hover { background: #e8f0fe; }
QToolBar QToolButton:disabled { color: #888; border-color: #ccc; }
QCheckBox::indicator { width: 26px; height: 26px; }
QPushButton[primary="true"] { background: #0050b3; color: #ffffff; border-color: #002b66; }
QPushButton[primary="true"]:disabled { background: #c9d3df; color: #555; border-color: #999; }
QPushButton[segment] { min-width: 64px; border-radius: 0; background: #ffffff; color: #002b66; }
QPushButton[segment="first"] { border-top-left-radius: 6px; border-bottom-left-radius: 6px; }
QPushButton[segment="last"] { border-top-right-radius: 6px; border-bottom-right-radius: 6px; }
QPushButton:checked { background: #0050b3; color: #ffffff; }
QPushButton[defect="true"]:checked { background: #a00000; border-color: #600000; }
QLabel[required="true"] { font-weight: bold; }
/* Keyboard focus, plain to see in sunlight: a thick dark-orange ring on whatever has it. */
QPushButton:focus, QToolBar QToolButton:focus { border: 3px solid #d35400; background: #fff1e0; }
QPushButton[primary="true"]:focus, QPushButton:checked:focus { background: #0050b3; }
QPushButton[defect="true"]:checked:focus { background: #a00000; }
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus {
    border: 3px solid #d35400; }
QCheckBox:focus, QRadioButton:focus { background: #ffe8cc; border: 2px solid #d35400; }
QTableView:focus, QListView:focus, QListWidget:focus, QTextBrowser:focus {
    border: 3px solid #d35400; }
"""


AUTO_SYNC_AFTER_MS = 1500  # the first automatic sync waits until the window is up


# The smoke check's picture is taken once the window has settled (the status strip's first
# figures arrive from the lane a moment after the window shows).
SCREENSHOT_AFTER_MS = 700


def choose_language(lang: str | None) -> str:
    if lang:
        return lang
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Loads our translation and Qt's own (for standard buttons) for `lang`."""
    translators: list[QTranslator] = []
    if lang == "en":
        return translators
    for qm in i18n.qm_files(lang):  # one catalog per part of the UI
        ours = QTranslator(app)
        if ours.load(str(qm)):
            app.installTranslator(ours)
            translators.append(ours)
    from PySide6.QtCore import QLibraryInfo

    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def make_app(lang: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Hekou")
    app.setOrganizationName("Hekou")
    font = install_chinese_fallback(QFont(app.font()))  # Chinese even where the OS has no font
    font.setPointSize(11)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
    palette = app.palette()  # hints inside empty fields readable in sunlight (Qt's are pale)
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#595959"))
    app.setPalette(palette)
    for old in getattr(app, "_hekou_translators", []):  # a second window in another language
        app.removeTranslator(old)
    app._hekou_translators = install_translators(app, lang)  # type: ignore[attr-defined]
    return app


def unlock(path: Path, lang: str, *, create_folder: bool) -> str | None:
    """Make the profile's folder if asked and unlock the profile (the key from the OS key store,
    else the passphrase dialog), encrypting what it still holds in the clear with its progress on
    screen; the message to show when it cannot, else None."""
    from fieldapp import protection
    from fieldapp.domain.errors import Explained
    from fieldapp.ui.unlock import encrypt_with_progress, passphrase_prompt

    try:
        if create_folder:
            protection.prepare_folder(path)
        protection.unlock_key(path, passphrase_prompt(path))
        encrypt_with_progress(path)  # once, for a profile made before encryption at rest
    except Explained as exc:
        return exc.message(lang)
    return None


def run(
    db_path: str | None, lang: str | None, gnss: str | None = None, screenshot: str | None = None
) -> int:
    from fieldapp.ui.session import open_session

    language = choose_language(lang)
    app = make_app(language)
    path = Path(db_path) if db_path else default_profile_db()
    problem = unlock(path, language, create_folder=not db_path)
    if problem is not None:
        QMessageBox.critical(None, "Hekou", problem)
        return 1
    # Who writes is the profile's identity (the signed-in account), never the laptop's login.
    session = open_session(path, language, gnss=gnss)
    if isinstance(session, str):
        QMessageBox.critical(None, "Hekou", session)
        return 1
    from PySide6.QtCore import QTimer

    from fieldapp.ui.screen_fit import present

    present(session.window)
    if screenshot:
        # A smoke check of an installed or frozen app: the first frame, saved, then quit.

        def save_and_quit() -> None:
            saved = session.window.grab().save(screenshot)
            app.exit(0 if saved else 1)

        QTimer.singleShot(SCREENSHOT_AFTER_MS, save_and_quit)
    else:
        QTimer.singleShot(AUTO_SYNC_AFTER_MS, session.start_background_sync)
    code = app.exec()
    session.close()
    return code
