"""Child processes of bench/ledger.py: `python -m bench._ledger_app MODE DB`.

bare DB      a bare PySide6 script that shows an empty QMainWindow (the start-up baseline)
start DB     the app's start-up: open the profile, show the main window with its first page
session DB   start, then type searches key by key and scroll; prints JSON latencies and peak RSS
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TYPED = {
    "chinese": [
        "如东县洋口镇",
        "通州区",
        "海门区三厂街道",
        "雨洪排口",
        "村民委员会",
        "长江",
        "如皋",
    ],
    "code": ["320623H0001", "320681J00012", "NT14-2020", "ls81"],
}


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.show()
    app.processEvents()


def start(db: str) -> object:
    from pathlib import Path

    from fieldapp.ui.app import make_app
    from fieldapp.ui.session import open_session

    app = make_app("en")
    key = os.environ.get("HEKOU_BENCH_KEY")
    if key:  # an encrypted profile, its key as the OS key store would give it (bench/at_rest.py)
        from fieldapp.vault import keys

        keys.register(Path(db), keys.ProfileKey(bytes.fromhex(key)))
    session = open_session(Path(db), "en", actor="bench")
    assert not isinstance(session, str), session
    session.window.resize(1366, 768)
    session.window.show()
    app.processEvents()
    assert session.window.model.row_at(0) is not None  # the first page is there
    return session


def session(db: str) -> None:
    s = start(db)
    window = s.window  # type: ignore[attr-defined]
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    latencies: dict[str, list[float]] = {}
    for kind, words in TYPED.items():
        for word in words:
            for i in range(1, len(word) + 1):
                t0 = time.perf_counter()
                window.search.setText(word[:i])
                window.table.viewport().repaint()
                latencies.setdefault(kind, []).append(time.perf_counter() - t0)
            window.search.clear()
            app.processEvents()  # type: ignore[union-attr]
    # Scroll through the whole unfiltered ledger, as a user dragging the scroll bar would.
    bar = window.table.verticalScrollBar()
    for step in range(0, 101, 5):
        bar.setValue(bar.maximum() * step // 100)
        window.table.viewport().repaint()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"latencies": latencies, "peak_rss_mb": peak_kb / 1024}))
    s.close()  # type: ignore[attr-defined]


def main(argv: list[str]) -> int:
    mode, db = argv
    if mode == "bare":
        bare()
    elif mode == "start":
        start(db).close()  # type: ignore[attr-defined]
    elif mode == "session":
        session(db)
    else:
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
