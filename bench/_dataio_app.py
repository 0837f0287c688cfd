"""The data window under load, in a process of its own: exports of the whole ledger and the
check of a large import file, while a 1 ms timer on the GUI thread measures the longest stall.

    python -m bench._dataio_app PROFILE IMPORT_FILE OUT_DIR

Prints one JSON object: longest stall (ms) and seconds of each job.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from fieldapp.store.ledger_query import LedgerQuery
    from fieldapp.ui.app import make_app
    from fieldapp.ui.dataio import DataWindow

    profile, source, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    app = make_app("zh_CN")
    account = type("A", (), {"role": "supervisor", "signed_in": False})()
    window = DataWindow(profile, LedgerQuery, account, lang="zh_CN")
    window.show()
    clock = QElapsedTimer()
    longest = [0]
    # the GUI thread's own CPU time within the longest stall: what the window's code cost, apart
    # from waiting for a processor on a busy machine (or for the interpreter lock)
    own = [0.0]
    last_cpu = [time.thread_time()]

    def tick() -> None:
        gap = clock.restart()
        cpu = time.thread_time()
        if gap > longest[0]:
            longest[0] = gap
            own[0] = (cpu - last_cpu[0]) * 1000
        last_cpu[0] = cpu

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    result: dict[str, float] = {}
    for name, start in (
        ("export_xlsx", lambda: window.export_to("xlsx", out / "export.xlsx")),
        ("check_import", lambda: window.check_file(source)),
    ):
        loop = QEventLoop()
        window.finished.connect(loop.quit)
        app.processEvents()
        longest[0] = 0
        own[0] = 0.0
        clock.start()
        last_cpu[0] = time.thread_time()
        timer.start()
        t = time.perf_counter()
        start()
        loop.exec()
        timer.stop()
        window.finished.disconnect(loop.quit)
        result[f"{name}_seconds"] = time.perf_counter() - t
        result[f"{name}_stall_ms"] = float(longest[0])
        result[f"{name}_stall_own_cpu_ms"] = own[0]
    # the baseline: the same heartbeat with no job, as long as the shorter job took (on a busy
    # machine the operating system alone delays a 1 ms timer)
    idle = QEventLoop()
    longest[0] = 0
    clock.start()
    timer.start()
    QTimer.singleShot(int(1000 * min(result["export_xlsx_seconds"], 10.0)), idle.quit)
    idle.exec()
    timer.stop()
    result["idle_stall_ms"] = float(longest[0])
    print(json.dumps(result))
    window.close()


if __name__ == "__main__":
    main()
