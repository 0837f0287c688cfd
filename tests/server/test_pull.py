"""Pull: what each user sees by county, pagination and the cursor."""

from __future__ import annotations

import uuid


def test_pull_shows_ledger_reviews_and_tasks_of_the_users_counties(person, h):
    alice = person("alice", counties=(h.TOSHI,))
    carol = person("carol", counties=(h.HAIMEN,))
    boss = person("boss", role="supervisor", counties=(h.CITY,))
    found = h.outfall(county=h.TOSHI)
    alice.push_ok([h.change("outfalls", found)])
    carol.push_ok([h.change("outfalls", h.outfall(county=h.HAIMEN))])
    row = h.inspection("alice", status="complete")
    alice.push_ok([h.change("inspections", row)])
    boss.post(
        f"/v1/records/inspections/{row['id']}/review", json={"state": "returned", "comment": "补拍"}
    )
    task = {"id": str(uuid.uuid4()), "county_code": h.TOSHI, "title": "复查", "assignee": "alice"}
    assert boss.post("/v1/tasks", json=task).status_code == 201
    items = alice.get("/v1/pull").json()["items"]
    assert [i["entity"] for i in items] == ["outfalls", "reviews", "tasks"]
    assert items[0]["row_id"] == found["id"] and items[0]["data"] == found
    assert items[1]["data"]["state"] == "returned" and items[1]["data"]["comment"] == "补拍"
    assert [i["seq"] for i in items] == sorted(i["seq"] for i in items)
    carols = carol.get("/v1/pull").json()["items"]
    assert [i["entity"] for i in carols] == ["outfalls"]
    assert len(boss.get("/v1/pull").json()["items"]) == 4


def test_pull_pages_with_the_cursor(person, h):
    alice = person("alice")
    alice.push_ok([h.change("outfalls", h.outfall()) for _ in range(7)])
    seen: list[int] = []
    cursor = 0
    while True:
        page = alice.get("/v1/pull", params={"cursor": cursor, "limit": 3}).json()
        seen += [i["seq"] for i in page["items"]]
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert len(seen) == 7 and seen == sorted(set(seen))
    empty = alice.get("/v1/pull", params={"cursor": cursor}).json()
    assert empty == {"items": [], "cursor": cursor, "more": False, "restart": False}


def test_pull_rejects_bad_parameters(person):
    alice = person("alice")
    for params in ({"cursor": -1}, {"limit": 0}, {"limit": 100000}, {"cursor": "x"}):
        response = alice.get("/v1/pull", params=params)
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "invalid_request"
