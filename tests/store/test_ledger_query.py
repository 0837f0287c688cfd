"""The ledger's queries against a brute-force Python filter and sort over the same rows."""

from __future__ import annotations

import dataclasses
import random
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.store import database, ledger_query, outfalls
from fieldapp.store.ledger_query import NO_ROUTE, SORT_COLUMNS, LedgerQuery
from fieldapp.store.outfalls import StaleEdit

PAGE = 400
COLUMNS = (
    "rid, id, national_code, local_code, provisional_code, name, water_body, town, village, "
    "responsible_party, display_code, county_code, basin, receiving_kind, type_code, "
    "lifecycle_state, remediation_route, updated_at"
)


@pytest.fixture(scope="module")
def rows(ledger: sqlite3.Connection) -> list[dict]:
    """Every outfall of the ledger as a dict, with the text search looks in."""
    cur = ledger.execute(f"SELECT {COLUMNS} FROM outfalls")
    names = [d[0] for d in cur.description]
    out = []
    for values in cur.fetchall():
        r = dict(zip(names, values, strict=True))
        r["text"] = " ".join(
            r[k] or ""
            for k in (
                "national_code",
                "local_code",
                "provisional_code",
                "name",
                "water_body",
                "town",
                "village",
                "responsible_party",
            )
        ).lower()
        out.append(r)
    return out


def brute(rows: list[dict], q: LedgerQuery) -> list[dict]:
    """What the query should return, in order, by plain Python."""
    terms = q.text.lower().split()
    keep = [
        r
        for r in rows
        if all(t in r["text"] for t in terms)
        and all(
            (r[ledger_query.FILTER_COLUMNS[k]] is None)
            if v == NO_ROUTE
            else (r[ledger_query.FILTER_COLUMNS[k]] == v)
            for k, v in q.filters
        )
    ]
    column = SORT_COLUMNS[q.sort]
    # SQLite: NULL sorts before any text; text compares by code point (BINARY collation).
    keep.sort(key=lambda r: (r[column] is not None, r[column] or "", r["rid"]))
    if q.descending:
        keep.reverse()
    return keep


def all_ids(conn: sqlite3.Connection, q: LedgerQuery, page: int = PAGE) -> list[str]:
    out: list[str] = []
    offset = 0
    while True:
        got = ledger_query.page(conn, q, offset, page)
        out += [r.id for r in got]
        if len(got) < page:
            return out
        offset += page


def check(conn: sqlite3.Connection, rows: list[dict], q: LedgerQuery) -> int:
    expected = [r["id"] for r in brute(rows, q)]
    assert ledger_query.count(conn, q) == len(expected), q
    assert all_ids(conn, q) == expected, q
    return len(expected)


# Substrings people type: 1, 2 and 3+ characters of Chinese, and parts of codes.
TEXT_QUERIES = [
    "港",
    "村",
    "闸",
    "黄",
    "镇",
    "通州",
    "如东",
    "海门",
    "长江",
    "雨洪",
    "新华",
    "东侧",
    "排污口",
    "城镇雨洪",
    "通吕运河",
    "住房和城乡建设局",
    "有限公司",
    "海门区三星",
    "320612",
    "320681H",
    "nt23",
    "NT23-2020",
    "-2021-",
    "r00012",
    "j0000",
    "ls",
    "0",
    "12",
    "h0",
    "不存在的地名",
    "zz",
    "q",
]


def test_the_ledger_is_big_and_varied(rows):
    assert len(rows) >= 3000
    assert any(r["remediation_route"] is None for r in rows)
    assert any(r["responsible_party"] is None for r in rows)
    assert any(r["national_code"] is None for r in rows)


@pytest.mark.parametrize("text", TEXT_QUERIES)
def test_search_matches_a_brute_force_filter(ledger, rows, text):
    check(ledger, rows, LedgerQuery(text=text))


def test_searches_find_something_for_most_queries(ledger, rows):
    # The list above is not all misses: a search that finds nothing would agree with brute force
    # trivially.
    found = [t for t in TEXT_QUERIES if brute(rows, LedgerQuery(text=t))]
    assert len(found) >= len(TEXT_QUERIES) - 3


def test_random_substrings_of_the_ledger_are_found(ledger, rows):
    rng = random.Random(11)
    fields = [
        "name",
        "water_body",
        "town",
        "village",
        "responsible_party",
        "local_code",
        "national_code",
    ]
    for _ in range(60):
        r = rng.choice(rows)
        value = r[rng.choice(fields)]
        if not value:
            continue
        n = rng.randint(1, min(6, len(value)))
        start = rng.randrange(len(value) - n + 1)
        text = value[start : start + n]
        if not text.strip():
            continue
        assert check(ledger, rows, LedgerQuery(text=text)) >= 1, text


@pytest.mark.parametrize(
    "text",
    [
        "通州 雨洪",
        "如东 村 港",
        "海门区 nt14",
        "新华 住房和城乡建设局",
        "  东侧   排口  ",
        "雨洪 雨洪",
        "通州 海门区三星",
        "港 320682 如皋市",
    ],
)
def test_multi_term_queries_need_every_term(ledger, rows, text):
    check(ledger, rows, LedgerQuery(text=text))


@pytest.mark.parametrize("text", ['"', 'a"b', "*", "港*", "NEAR(", "- OR", "AND", "^320", "(通州)"])
def test_search_syntax_in_the_text_is_taken_literally(ledger, rows, text):
    check(ledger, rows, LedgerQuery(text=text))


FILTERS = [
    (("county", "320612"),),
    (("county", "320681"), ("receiving_kind", "sea")),
    (("basin", "huai"),),
    (("receiving_kind", "yangtze"),),
    (("type", "undetermined"),),
    (("state", "routine"),),
    (("route", NO_ROUTE),),
    (("route", "merge"), ("state", "retired")),
    (("route", NO_ROUTE), ("county", "320623"), ("state", "surveyed")),
    (("county", "999999"),),
]


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("text", ["", "港", "排污口", "nt"])
def test_filters_with_and_without_search(ledger, rows, filters, text):
    check(ledger, rows, LedgerQuery(text=text, filters=filters))


def test_with_filter_replaces_and_clears(ledger, rows):
    q = LedgerQuery().with_filter("county", "320612").with_filter("county", "320614")
    assert q.filters == (("county", "320614"),)
    assert q.with_filter("county", None).filters == ()
    check(ledger, rows, q)


@pytest.mark.parametrize("sort", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_key_matches_pythons_sort(ledger, rows, sort, descending):
    check(ledger, rows, LedgerQuery(sort=sort, descending=descending))
    check(ledger, rows, LedgerQuery(text="港", sort=sort, descending=descending))
    check(
        ledger,
        rows,
        LedgerQuery(text="村", filters=(("county", "320623"),), sort=sort, descending=descending),
    )


def test_pages_do_not_overlap_or_skip_whatever_their_size(ledger, rows):
    q = LedgerQuery(text="村", sort="town")
    expected = [r["id"] for r in brute(rows, q)]
    for size in (1, 37, 100, 5000):
        if size == 1:
            assert [r.id for r in ledger_query.page(ledger, q, 17, 1)] == expected[17:18]
            continue
        assert all_ids(ledger, q, size) == expected
    assert ledger_query.page(ledger, q, len(expected), 50) == []


@pytest.mark.parametrize("sort", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_position_of_agrees_with_the_page_order(ledger, rows, sort, descending):
    q = LedgerQuery(text="镇", sort=sort, descending=descending)
    expected = [r["id"] for r in brute(rows, q)]
    rng = random.Random(sort)
    column = SORT_COLUMNS[sort]
    picks = set(rng.sample(range(len(expected)), 15)) | {0, len(expected) - 1}
    # Rows whose sort value is NULL sit at one end: check some of them too.
    by_id = {r["id"]: r for r in rows}
    nulls = [i for i, id_ in enumerate(expected) if by_id[id_][column] is None]
    picks |= set(nulls[:3] + nulls[-3:])
    for i in sorted(picks):
        assert ledger_query.position_of(ledger, q, expected[i]) == i, (
            i,
            by_id[expected[i]][column],
        )


def test_position_of_an_unknown_outfall_is_none(ledger):
    assert ledger_query.position_of(ledger, LedgerQuery(), "no-such-id") is None


def test_position_of_an_outfall_outside_the_query_is_none(ledger, rows):
    q = LedgerQuery(filters=(("county", "320612"),))
    outside = next(r for r in rows if r["county_code"] != "320612")
    assert ledger_query.position_of(ledger, q, outside["id"]) is None


# -- writes the ledger sees --------------------------------------------------------------------


def test_an_edit_is_found_by_its_new_text_at_once(profile, ref, make_outfall):
    o = outfalls.create(profile, make_outfall(), ref, "张伟")
    assert ledger_query.count(profile, LedgerQuery(text="渡口")) == 0
    outfalls.update(profile, dataclasses.replace(o, water_body="渡口河"), ref, "王芳")
    for text in ("渡", "渡口", "渡口河"):
        assert [r.id for r in ledger_query.page(profile, LedgerQuery(text=text), 0, 5)] == [o.id]
    for old in ("吕", "通吕", "通吕运河"):
        assert ledger_query.count(profile, LedgerQuery(text=old)) == 0
    outfalls.delete(profile, o.id)
    assert ledger_query.count(profile, LedgerQuery(text="渡")) == 0


def test_a_stale_edit_is_refused_and_changes_nothing(profile, ref, make_outfall):
    o = outfalls.create(profile, make_outfall(), ref, "张伟")
    first = outfalls.update(
        profile,
        dataclasses.replace(o, town="石港镇"),
        ref,
        "王芳",
        expected_updated_at=o.updated_at,
    )
    n_changes = profile.execute("SELECT count(*) FROM change_log").fetchone()[0]
    with pytest.raises(StaleEdit):
        outfalls.update(
            profile,
            dataclasses.replace(o, town="平潮镇"),
            ref,
            "李娜",
            expected_updated_at=o.updated_at,
        )
    assert outfalls.get(profile, o.id) == first
    assert profile.execute("SELECT count(*) FROM change_log").fetchone()[0] == n_changes
    assert not profile.in_transaction
    assert database.integrity_ok(profile)


# -- any text -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def alphabet(rows) -> list[str]:
    """Characters of the ledger's search text (the ones a real search hits), and some others."""
    chars = sorted({c for r in rows[:500] for c in r["text"] if not c.isspace()})
    return chars + list("\"*^():-+.%_ÄäİßＮ'")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_search_text_agrees_with_brute_force(ledger, rows, alphabet, data):
    term = st.text(st.sampled_from(alphabet), min_size=1, max_size=4)
    terms = data.draw(st.lists(term, min_size=1, max_size=3))
    q = LedgerQuery(
        text=" ".join(terms),
        sort=data.draw(st.sampled_from(sorted(SORT_COLUMNS))),
        descending=data.draw(st.booleans()),
    )
    expected = [r["id"] for r in brute(rows, q)]
    assert ledger_query.count(ledger, q) == len(expected)
    assert [r.id for r in ledger_query.page(ledger, q, 0, 50)] == expected[:50]


def all_ids_with_total(conn: sqlite3.Connection, q: LedgerQuery, page: int) -> list[str]:
    """Pages as the ledger window asks for them: with the count, which enables the dense plans."""
    total = ledger_query.count(conn, q)
    out: list[str] = []
    for offset in range(0, total + page, page):
        out += [r.id for r in ledger_query.page(conn, q, offset, page, total)]
    return out


@pytest.mark.parametrize("budget", [5, 100_000])
@pytest.mark.parametrize("text", ["村", "如东", "320612", "nt 雨洪", "h0 村"])
@pytest.mark.parametrize("sort", ["ledger", "code", "name", "route"])
def test_dense_search_plans_agree_with_brute_force(ledger, rows, monkeypatch, budget, text, sort):  # type: ignore[no-untyped-def]
    # A 3,000-outfall ledger is never "dense" at the real threshold: lower it, and try a probe
    # budget that always fails (falls back) and one that always suffices.
    monkeypatch.setattr(ledger_query, "DENSE_MATCHES", 10)
    monkeypatch.setattr(ledger_query, "PROBE_BUDGET", budget)
    for descending in (False, True):
        q = LedgerQuery(text=text, sort=sort, descending=descending)
        expected = [r["id"] for r in brute(rows, q)]
        assert len(expected) > 10
        assert all_ids_with_total(ledger, q, 100) == expected, q
        filtered = q.with_filter("state", "routine")
        assert all_ids_with_total(ledger, filtered, 100) == [r["id"] for r in brute(rows, filtered)]
