"""Starting the desktop app: language, translations, the profile database, the main window.

Start-up is measured (bench/ledger.py): import only what the first window needs.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFont
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
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus { border-color: #0050b3; }
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
QToolBar { spacing: 6px; padding: 4px; background: #f4f6f9; border-bottom: 1px solid #c8ced6; }
QToolBar QToolButton { min-height: 40px; min-width: 80px; padding: 0 12px; font-weight: bold;
    border: 2px solid #8aa4c8; border-radius: 6px; background: #ffffff; color: #002b66; }
QToolBar QToolButton:hover { background: #e8f0fe; }
QToolBar QToolButton:disabled { color: #888; border-color: #ccc; }
QCheckBox::indicator { width: 26px; height: 26px; }
"""


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
    for old in getattr(app, "_hekou_translators", []):  # a second window in another language
        app.removeTranslator(old)
    app._hekou_translators = install_translators(app, lang)  # type: ignore[attr-defined]
    return app


def run(
    db_path: str | None, lang: str | None, gnss: str | None = None, screenshot: str | None = None
) -> int:
    from fieldapp.ui.session import open_session

    language = choose_language(lang)
    app = make_app(language)
    path = Path(db_path) if db_path else default_profile_db()
    path.parent.mkdir(parents=True, exist_ok=True) if not db_path else None
    session = open_session(path, language, actor=getpass.getuser(), gnss=gnss)
    if isinstance(session, str):
        QMessageBox.critical(None, "Hekou", session)
        return 1
    session.window.resize(1366, 768)
    session.window.show()
    if screenshot:
        # A smoke check of an installed or frozen app: the first frame, saved, then quit.
        from PySide6.QtCore import QTimer

        def save_and_quit() -> None:
            saved = session.window.grab().save(screenshot)
            app.exit(0 if saved else 1)

        QTimer.singleShot(0, save_and_quit)
    code = app.exec()
    session.close()
    return code
