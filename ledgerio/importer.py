"""Read a ledger file and plan it against a ledger in one call (the server and the app share it).

``analyse`` never raises for bad input: a file that cannot be read at all comes back as a plan
with no rows and the reason among its file issues.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ledgerio import plan as planning
from ledgerio import rows, sheet
from ledgerio.bulk import paused_gc
from ledgerio.issues import FileRejected
from ledgerio.vocab import Vocab


def analyse(
    source: Path | bytes,
    vocab: Vocab,
    existing: Iterable[dict[str, Any]],
    *,
    name: str = "",
    sheet_name: str | None = None,
    default_datum: str = "wgs84",
    area: Callable[[str], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> planning.Plan:
    """The plan of importing ``source`` into the ledger ``existing``; ``progress(done, total)``
    is called every 1,000 rows."""
    with paused_gc():
        return _analyse(source, vocab, existing, name, sheet_name, default_datum, area, progress)


def _analyse(
    source: Path | bytes,
    vocab: Vocab,
    existing: Iterable[dict[str, Any]],
    name: str,
    sheet_name: str | None,
    default_datum: str,
    area: Callable[[str], bool] | None,
    progress: Callable[[int, int], None] | None,
) -> planning.Plan:
    try:
        table = sheet.read(source, vocab, name=name, sheet=sheet_name)
    except FileRejected as exc:
        return planning.Plan([], exc.issues, set())
    total = len(table.rows)

    def mapped() -> Iterable[rows.RowResult]:
        for i, result in enumerate(rows.map_rows(table, vocab, default_datum)):
            if progress is not None and i % 1000 == 0:
                progress(i, total)
            yield result

    result = planning.plan(
        mapped(), table.fields(), existing, vocab, file_issues=table.issues, area=area
    )
    if progress is not None:
        progress(total, total)
    return result
