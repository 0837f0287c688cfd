"""Read access to the ledger for the UI: counts, pages, whole records and histories.

Holds a read-only connection; the ledger window's model asks it for one page at a time.
"""

from __future__ import annotations

import sqlite3

from fieldapp.domain.outfall import Outfall, OutfallHistory
from fieldapp.store import ledger_query, outfalls
from fieldapp.store.ledger_query import LedgerQuery, LedgerRow


class LedgerReader:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def count(self, query: LedgerQuery) -> int:
        return ledger_query.count(self._conn, query)

    def page(
        self, query: LedgerQuery, offset: int, limit: int, total: int | None = None
    ) -> list[LedgerRow]:
        return ledger_query.page(self._conn, query, offset, limit, total)

    def position_of(self, query: LedgerQuery, outfall_id: str) -> int | None:
        return ledger_query.position_of(self._conn, query, outfall_id)

    def get(self, outfall_id: str) -> Outfall | None:
        return outfalls.get(self._conn, outfall_id)

    def history(self, outfall_id: str) -> OutfallHistory:
        return outfalls.history(self._conn, outfall_id)

    def id_for_code(self, code: str) -> str | None:
        return outfalls.code_owner(self._conn, code)

    def most_common_county(self) -> str | None:
        """The county most of the profile's outfalls are in (a default for the user's area)."""
        row = self._conn.execute(
            "SELECT county_code FROM outfalls GROUP BY county_code ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        return None if row is None else str(row[0])

    def close(self) -> None:
        self._conn.close()
