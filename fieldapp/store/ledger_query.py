"""Pages of the ledger for the ledger window: filters, search as you type, sorting, counts.

Nothing here materialises the whole ledger: a query returns a count, or one page of slim rows.
Search: a term of three characters or more goes through the FTS5 trigram index; shorter terms (two-
character place names like 通州 or 如东 are common, and the trigram index cannot answer them) go
through the gram index of `search_grams`. Either way a keystroke costs index look-ups, not a scan.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from fieldapp.store import search_grams

# Column keys the ledger can sort by, mapped to their (indexed) SQL columns.
SORT_COLUMNS: dict[str, str] = {
    "ledger": "rid",  # the ledger's own order: as it was loaded (by code), new entries last
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
    sort: str = "ledger"
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


def _text_indexes(text: str) -> list[tuple[str, str]]:
    """(FTS table, MATCH expression) pairs that together select the search's matches."""
    terms = _ascii_lower(text).split()
    long_terms = [t for t in terms if len(t) >= FTS_MIN]
    short_terms = [t for t in terms if len(t) < FTS_MIN]
    out = []
    if long_terms:
        out.append(("outfall_fts", " AND ".join(_fts_phrase(t) for t in long_terms)))
    if short_terms:
        out.append(("outfall_grams", search_grams.match_expression(short_terms)))
    return out


def _text_matches(text: str) -> list[tuple[str, str]]:
    """(subquery yielding matching rids, its parameter) for the search text; empty for none."""
    return [
        (f"SELECT rowid FROM {table} WHERE {table} MATCH ?", match)
        for table, match in _text_indexes(text)
    ]


def _filter_clauses(query: LedgerQuery) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for key, value in query.filters:
        column = FILTER_COLUMNS[key]
        if value == NO_ROUTE:
            clauses.append(f"{column} IS NULL")
        else:
            clauses.append(f"{column} = ?")
            params.append(value)
    return clauses, params


def _where(query: LedgerQuery) -> tuple[str, list[Any]]:
    clauses, params = _filter_clauses(query)
    for subquery, match in _text_matches(query.text):
        clauses.append(f"rid IN ({subquery})")
        params.append(match)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count(conn: sqlite3.Connection, query: LedgerQuery) -> int:
    indexes = _text_indexes(query.text)
    if indexes and not query.filters:
        # Count in the search index alone: no look-up of each matching outfall.
        # Several indexes are intersected as sets: probing an FTS5 table row by row with
        # "rowid = ? AND MATCH" re-runs the whole full-text query each time.
        selects = " INTERSECT ".join(f"SELECT rowid FROM {t} WHERE {t} MATCH ?" for t, _ in indexes)
        sql = f"SELECT count(*) FROM ({selects})"
        return int(conn.execute(sql, [m for _, m in indexes]).fetchone()[0])
    where, params = _where(query)
    return int(conn.execute(f"SELECT count(*) FROM outfalls{where}", params).fetchone()[0])


# Above this many matches, the first page is first looked for among the first PROBE_BUDGET rows in
# sort order (a dense search finds a page there at once); below it, or when the matches cluster
# elsewhere, the matches are collected from the index and sorted.
DENSE_MATCHES = 5000
PROBE_BUDGET = 1500


def _ascii_lower(text: str) -> str:
    """Lower-cases like SQLite's lower() (ASCII only), which made the search text."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def page(
    conn: sqlite3.Connection,
    query: LedgerQuery,
    offset: int,
    limit: int,
    total: int | None = None,
) -> list[LedgerRow]:
    """Rows [offset, offset + limit) of the query's result, in its order.

    `total` (the query's count, when the caller has it) lets a dense search try the cheap plan.
    """
    column = SORT_COLUMNS[query.sort]
    direction = "DESC" if query.descending else "ASC"
    order = f"ORDER BY {column} {direction}, rid {direction}"
    terms = _ascii_lower(query.text).split()
    if terms and query.sort == "ledger":
        return _in_index_order(conn, query, offset, limit)
    hint = ""
    if terms and total is not None and total > DENSE_MATCHES:
        if offset == 0:
            rows = _probe_first_page(conn, query, terms, column, order, limit)
            if rows is not None:
                return rows
        # Walk the sort index and test each row against the collected matches, rather than
        # looking up every match and sorting them all.
        hint = f" INDEXED BY outfalls_by_{column}"
    where, params = _where(query)
    sql = f"SELECT {_ROW_COLUMNS} FROM outfalls{hint}{where} {order} LIMIT ? OFFSET ?"
    return [LedgerRow(*r) for r in conn.execute(sql, [*params, limit, offset]).fetchall()]


def _in_index_order(
    conn: sqlite3.Connection, query: LedgerQuery, offset: int, limit: int
) -> list[LedgerRow]:
    """A page in ledger order, streamed from the search index (its doclists are in rid order):
    the cost follows the page, not the number of matches."""
    (first, first_match), *rest = _text_indexes(query.text)
    clauses, params = _filter_clauses(query)
    # A second index (short and long terms mixed) is collected once, not probed row by row: "+"
    # keeps the planner from driving the FTS table by these rowids (see count()).
    where = "".join(
        f" AND +{first}.rowid IN (SELECT rowid FROM {t} WHERE {t} MATCH ?)" for t, _ in rest
    )
    where += "".join(f" AND {c}" for c in clauses)
    direction = "DESC" if query.descending else "ASC"
    sql = (
        f"SELECT {_ROW_COLUMNS} FROM {first} JOIN outfalls ON outfalls.rid = {first}.rowid"
        f" WHERE {first} MATCH ?{where} ORDER BY {first}.rowid {direction} LIMIT ? OFFSET ?"
    )
    args = [first_match, *(m for _, m in rest), *params, limit, offset]
    return [LedgerRow(*r) for r in conn.execute(sql, args).fetchall()]


def _probe_first_page(
    conn: sqlite3.Connection,
    query: LedgerQuery,
    terms: list[str],
    column: str,
    order: str,
    limit: int,
) -> list[LedgerRow] | None:
    """The first page found among the first PROBE_BUDGET rows in order, or None if not there."""
    clauses, params = _filter_clauses(query)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    tests = " AND ".join("instr(s.text, ?) > 0" for _ in terms)
    sql = (
        f"SELECT {_ROW_COLUMNS} FROM (SELECT * FROM outfalls INDEXED BY outfalls_by_{column}"
        f"{where} {order} LIMIT {PROBE_BUDGET}) AS o "
        f"JOIN outfall_search AS s USING (rid) WHERE {tests} {order} LIMIT ?"
    )
    rows = conn.execute(sql, [*params, *terms, limit]).fetchall()
    if len(rows) < limit:
        return None
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
