"""Pages of the ledger for the ledger window: filters, search as you type, sorting, counts.

Nothing here materialises the whole ledger: a query returns a count, or one page of slim rows.
Search: a term of three characters or more goes through the FTS5 trigram index; shorter terms (two-
character place names like 通州 or 如东 are common) scan the compact `outfall_search` table, since
the trigram index cannot answer them (see NOTES.md).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

# Column keys the ledger can sort by, mapped to their (indexed) SQL columns.
SORT_COLUMNS: dict[str, str] = {
    "code": "display_code",
    "name": "name",
    "county": "county_code",
    "town": "town",
    "water_body": "water_body",
    "receiving_kind": "receiving_kind",
    "type": "type_code",
    "state": "lifecycle_state",
    "route": "remediation_route",
    "responsible_party": "responsible_party",
    "updated_at": "updated_at",
}
FILTER_COLUMNS: dict[str, str] = {
    "county": "county_code",
    "basin": "basin",
    "receiving_kind": "receiving_kind",
    "type": "type_code",
    "state": "lifecycle_state",
    "route": "remediation_route",
}
NO_ROUTE = "__none__"  # filter value: outfalls without a remediation route yet
FTS_MIN = 3


@dataclass(frozen=True)
class LedgerQuery:
    """What the ledger shows: search text, filters (key → code), sort column and direction."""

    text: str = ""
    filters: tuple[tuple[str, str], ...] = ()
    sort: str = "code"
    descending: bool = False

    def with_filter(self, key: str, value: str | None) -> LedgerQuery:
        rest = tuple((k, v) for k, v in self.filters if k != key)
        return LedgerQuery(
            self.text, rest + (((key, value),) if value else ()), self.sort, self.descending
        )


@dataclass(frozen=True)
class LedgerRow:
    """One line of the ledger table (what the list shows, not the whole record)."""

    rid: int
    id: str
    code: str
    name: str
    county_code: str
    town: str
    village: str
    water_body: str
    receiving_kind: str
    type_code: str
    subtype_code: str | None
    lifecycle_state: str
    remediation_route: str | None
    responsible_party: str | None
    updated_at: str = field(default="")


_ROW_COLUMNS = (
    "rid, id, display_code, name, county_code, town, village, water_body, receiving_kind, "
    "type_code, subtype_code, lifecycle_state, remediation_route, responsible_party, updated_at"
)


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _where(query: LedgerQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for key, value in query.filters:
        column = FILTER_COLUMNS[key]
        if value == NO_ROUTE:
            clauses.append(f"{column} IS NULL")
        else:
            clauses.append(f"{column} = ?")
            params.append(value)
    terms = query.text.lower().split()
    long_terms = [t for t in terms if len(t) >= FTS_MIN]
    short_terms = [t for t in terms if len(t) < FTS_MIN]
    if long_terms:
        clauses.append("rid IN (SELECT rowid FROM outfall_fts WHERE outfall_fts MATCH ?)")
        params.append(" AND ".join(_fts_phrase(t) for t in long_terms))
    if short_terms:
        tests = " AND ".join("instr(text, ?) > 0" for _ in short_terms)
        clauses.append(f"rid IN (SELECT rid FROM outfall_search WHERE {tests})")
        params.extend(short_terms)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count(conn: sqlite3.Connection, query: LedgerQuery) -> int:
    where, params = _where(query)
    return int(conn.execute(f"SELECT count(*) FROM outfalls{where}", params).fetchone()[0])


def page(conn: sqlite3.Connection, query: LedgerQuery, offset: int, limit: int) -> list[LedgerRow]:
    """Rows [offset, offset + limit) of the query's result, in its order."""
    where, params = _where(query)
    column = SORT_COLUMNS[query.sort]
    direction = "DESC" if query.descending else "ASC"
    sql = (
        f"SELECT {_ROW_COLUMNS} FROM outfalls{where} "
        f"ORDER BY {column} {direction}, rid {direction} LIMIT ? OFFSET ?"
    )
    rows = conn.execute(sql, [*params, limit, offset]).fetchall()
    return [LedgerRow(*r) for r in rows]


def position_of(conn: sqlite3.Connection, query: LedgerQuery, outfall_id: str) -> int | None:
    """Where an outfall stands in the query's order (to keep it selected after a change)."""
    where, params = _where(query)
    column = SORT_COLUMNS[query.sort]
    cmp = ">" if query.descending else "<"
    extra = " AND " if where else " WHERE "
    # An outfall the query does not show has no position in it.
    target = conn.execute(
        f"SELECT {column}, rid FROM outfalls{where}{extra}id = ?", [*params, outfall_id]
    ).fetchone()
    if target is None:
        return None
    value, rid = target
    # NULLs sort first in SQLite; rows before the target are those with a smaller (value, rid).
    if value is None:
        before = f"({column} IS NULL AND rid {cmp} ?)"
        if query.descending:  # NULLs come last in descending order: every value is before
            before = f"({column} IS NOT NULL OR rid {cmp} ?)"
        args: list[Any] = [rid]
    else:
        before = f"({column} IS NULL OR {column} {cmp} ? OR ({column} = ? AND rid {cmp} ?))"
        args = [value, value, rid]
        if query.descending:
            before = f"({column} {cmp} ? OR ({column} = ? AND rid {cmp} ?))"
    n = conn.execute(f"SELECT count(*) FROM outfalls{where}{extra}{before}", [*params, *args])
    return int(n.fetchone()[0])
