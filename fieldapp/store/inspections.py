"""The `inspections` and `inspection_photos` tables: the only module that writes them.

Drafts autosave through `save_draft`: one short transaction writing one row, and nothing at all
when nothing changed, so an autosave every second costs a single small commit (the profile runs
`synchronous=FULL`: a save that returned survives a crash). `complete` validates everything and
freezes the record; every later write to it (or to its photos) raises `RecordFrozen`, and a
trigger refuses it even if some other code path forgot to ask (last line of defence).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from fieldapp.domain import clock
from fieldapp.domain import inspection as model
from fieldapp.domain.inspection import (
    Inspection,
    InspectionId,
    InspectionPhoto,
    RecordFrozen,
)
from fieldapp.domain.inspection_rules import InspectionRules
from fieldapp.domain.inspection_validation import photo_file_problems, problems_for_completion
from fieldapp.domain.problems import InvalidRecord, Problem
from fieldapp.store.database import transaction
from fieldapp.store.inspection_schema import PHOTO_COLUMNS
from fieldapp.store.task_link_schema import INSPECTION_COLUMNS

_SELECT = f"SELECT {', '.join(INSPECTION_COLUMNS)} FROM inspections"
_SELECT_PHOTOS = f"SELECT {', '.join(PHOTO_COLUMNS)} FROM inspection_photos"


def to_row(insp: Inspection) -> dict[str, Any]:
    return {
        "id": insp.id,
        "outfall_id": insp.outfall_id,
        "author": insp.author,
        "county_code": insp.county_code,
        "kind": insp.kind,
        "status": insp.status,
        "version": insp.version,
        "supersedes": insp.supersedes,
        "started_at": insp.started_at,
        "completed_at": insp.completed_at,
        "updated_at": insp.updated_at,
        "sections": json.dumps(model.sections_to_dict(insp), ensure_ascii=False, sort_keys=True),
        "position": None
        if insp.position is None
        else json.dumps(model.position_to_dict(insp.position), sort_keys=True),
        "far_from_outfall": int(bool(insp.position and insp.position.far)),
        "task_id": insp.task_id,
    }


def from_row(row: Sequence[Any]) -> Inspection:
    v = dict(zip(INSPECTION_COLUMNS, row, strict=True))
    position = model.position_from_dict(json.loads(v["position"]) if v["position"] else None)
    return Inspection(
        id=InspectionId(v["id"]),
        outfall_id=v["outfall_id"],
        author=v["author"],
        county_code=v["county_code"],
        kind=v["kind"],
        status=v["status"],
        version=v["version"],
        supersedes=v["supersedes"],
        started_at=v["started_at"],
        completed_at=v["completed_at"],
        updated_at=v["updated_at"],
        position=position,
        task_id=v["task_id"],
        **model.sections_from_dict(json.loads(v["sections"] or "{}")),
    )


def photo_row(p: InspectionPhoto) -> dict[str, Any]:
    row = dataclasses.asdict(p)
    row["far_from_outfall"] = int(p.far_from_outfall)
    row["time_implausible"] = int(p.time_implausible)
    return row


def photo_from_row(row: Sequence[Any]) -> InspectionPhoto:
    v = dict(zip(PHOTO_COLUMNS, row, strict=True))
    v["far_from_outfall"] = bool(v["far_from_outfall"])
    v["time_implausible"] = bool(v["time_implausible"])
    return InspectionPhoto(**v)


# -- reads ---------------------------------------------------------------------------------------


def get(conn: sqlite3.Connection, inspection_id: str) -> Inspection | None:
    row = conn.execute(f"{_SELECT} WHERE id = ?", (inspection_id,)).fetchone()
    return None if row is None else from_row(row)


def latest_draft(conn: sqlite3.Connection, outfall_id: str, author: str) -> Inspection | None:
    """The author's most recently saved draft for an outfall (to reopen where it was)."""
    row = conn.execute(
        f"{_SELECT} WHERE outfall_id = ? AND author = ? AND status = 'draft' "
        "ORDER BY updated_at DESC, rid DESC LIMIT 1",
        (outfall_id, author),
    ).fetchone()
    return None if row is None else from_row(row)


def drafts(conn: sqlite3.Connection, author: str | None = None) -> list[Inspection]:
    """Open drafts, newest first (the author's only, when given)."""
    where, args = ("WHERE status = 'draft'", ())
    if author is not None:
        where, args = ("WHERE status = 'draft' AND author = ?", (author,))  # type: ignore[assignment]
    return [
        from_row(r)
        for r in conn.execute(f"{_SELECT} {where} ORDER BY updated_at DESC, rid DESC", args)
    ]


def for_outfall(conn: sqlite3.Connection, outfall_id: str) -> list[Inspection]:
    return [
        from_row(r)
        for r in conn.execute(
            f"{_SELECT} WHERE outfall_id = ? ORDER BY updated_at DESC, rid DESC", (outfall_id,)
        )
    ]


def photos(conn: sqlite3.Connection, inspection_id: str) -> list[InspectionPhoto]:
    return [
        photo_from_row(r)
        for r in conn.execute(
            f"{_SELECT_PHOTOS} WHERE inspection_id = ? ORDER BY added_at, rid", (inspection_id,)
        )
    ]


# -- writes --------------------------------------------------------------------------------------


def _status(conn: sqlite3.Connection, inspection_id: str) -> str | None:
    row = conn.execute("SELECT status FROM inspections WHERE id = ?", (inspection_id,)).fetchone()
    return None if row is None else str(row[0])


def _refuse_if_frozen(conn: sqlite3.Connection, inspection_id: str) -> None:
    if _status(conn, inspection_id) == model.COMPLETE:
        raise RecordFrozen(inspection_id)


def _upsert(conn: sqlite3.Connection, insp: Inspection) -> None:
    row = to_row(insp)
    conn.execute(
        f"INSERT INTO inspections ({', '.join(row)}) VALUES ({', '.join('?' * len(row))}) "
        f"ON CONFLICT (id) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in row if c != "id"),
        tuple(row.values()),
    )


def _same_content(stored: Inspection, insp: Inspection) -> bool:
    return dataclasses.replace(stored, updated_at="") == dataclasses.replace(insp, updated_at="")


def save_draft(conn: sqlite3.Connection, insp: Inspection, path: str = "") -> Inspection:
    """Writes a draft (new or changed); a draft that did not change is not written again."""
    if insp.is_complete:
        raise RecordFrozen(insp.id)
    with transaction(conn, path):
        stored = get(conn, insp.id)
        if stored is not None:
            if stored.is_complete:
                raise RecordFrozen(insp.id)
            if _same_content(stored, insp):
                return stored
        saved = dataclasses.replace(insp, updated_at=clock.now_iso())
        _upsert(conn, saved)
    return saved


def complete(
    conn: sqlite3.Connection,
    insp: Inspection,
    rules: InspectionRules,
    path: str = "",
    photo_problem: Callable[[str], str | None] | None = None,
) -> Inspection:
    """Validates the record with its photos and freezes it; InvalidRecord lists every problem.

    ``photo_problem(sha256)`` checks a photo's stored file (the evidence store hashes it): a
    missing or damaged one is a problem naming the photo and the inspection, so a record is
    never completed over evidence that is no longer what was taken."""
    file_problems = check_photo_files(conn, insp, photo_problem) if photo_problem else []
    with transaction(conn, path):
        _refuse_if_frozen(conn, insp.id)
        problems = problems_for_completion(insp, photos(conn, insp.id), rules) + file_problems
        if problems:
            raise InvalidRecord(problems)
        done = model.completed(insp)
        _upsert(conn, done)
    return done


def check_photo_files(
    conn: sqlite3.Connection, insp: Inspection, photo_problem: Callable[[str], str | None]
) -> list[Problem]:
    """A problem for each of the record's photos whose stored file is missing or damaged (the
    evidence store hashes each one), naming the photo and the inspection."""
    attached = photos(conn, insp.id)
    found = {p.sha256: photo_problem(p.sha256) for p in attached}
    broken = {sha: kind for sha, kind in found.items() if kind is not None}
    return photo_file_problems(attached, broken, _label(conn, insp)) if broken else []


def _label(conn: sqlite3.Connection, insp: Inspection) -> str:
    """How the user knows an inspection: its outfall's code (else name) and the day it began."""
    row = conn.execute(
        "SELECT coalesce(national_code, local_code, provisional_code, name, '') FROM outfalls "
        "WHERE id = ?",
        (insp.outfall_id,),
    ).fetchone()
    outfall = (row[0] if row else "") or str(insp.outfall_id or "")
    return f"{outfall} {insp.started_at[:10]}".strip()


def add_photo(
    conn: sqlite3.Connection, photo: InspectionPhoto, path: str = ""
) -> tuple[InspectionPhoto, bool]:
    """Links a stored photo to its inspection; (the row, True) or (the existing row, False)
    when the same photo is already in this inspection."""
    with transaction(conn, path):
        status = _status(conn, photo.inspection_id)
        if status is None:
            raise InvalidRecord(
                [Problem("", "not_found", "检查记录不存在。", "The inspection does not exist.")]
            )
        if status == model.COMPLETE:
            raise RecordFrozen(photo.inspection_id)
        existing = conn.execute(
            f"{_SELECT_PHOTOS} WHERE inspection_id = ? AND sha256 = ?",
            (photo.inspection_id, photo.sha256),
        ).fetchone()
        if existing is not None:
            return photo_from_row(existing), False
        row = photo_row(dataclasses.replace(photo, added_at=photo.added_at or clock.now_iso()))
        conn.execute(
            f"INSERT INTO inspection_photos ({', '.join(row)}) "
            f"VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()),
        )
    return photo_from_row(tuple(row.values())), True


def update_photo(
    conn: sqlite3.Connection, photo_id: str, caption: str, problem_code: str | None, path: str = ""
) -> InspectionPhoto:
    """Changes a photo's caption and the problem it is attached to (nothing else may change)."""
    with transaction(conn, path):
        row = conn.execute(f"{_SELECT_PHOTOS} WHERE id = ?", (photo_id,)).fetchone()
        if row is None:
            raise InvalidRecord(
                [Problem("", "not_found", "照片不存在。", "The photo does not exist.")]
            )
        current = photo_from_row(row)
        _refuse_if_frozen(conn, current.inspection_id)
        if current.caption == caption and current.problem_code == problem_code:
            return current
        conn.execute(
            "UPDATE inspection_photos SET caption = ?, problem_code = ? WHERE id = ?",
            (caption, problem_code, photo_id),
        )
    return dataclasses.replace(current, caption=caption, problem_code=problem_code)


def remove_photo(conn: sqlite3.Connection, photo_id: str, path: str = "") -> bool:
    """Unlinks a photo from a draft (the original stays in the blob store: it may be shared)."""
    with transaction(conn, path):
        row = conn.execute(
            "SELECT inspection_id FROM inspection_photos WHERE id = ?", (photo_id,)
        ).fetchone()
        if row is None:
            return False
        _refuse_if_frozen(conn, row[0])
        conn.execute("DELETE FROM inspection_photos WHERE id = ?", (photo_id,))
    return True


def delete_draft(conn: sqlite3.Connection, inspection_id: str) -> int:
    """Deletes a draft and its photo links inside the caller's transaction (the photo files stay
    in the blob store); how many photo links went. A completed record is refused (RecordFrozen);
    a draft the server holds goes as a delete with the next sync."""
    _refuse_if_frozen(conn, inspection_id)
    gone = conn.execute(
        "DELETE FROM inspection_photos WHERE inspection_id = ?", (inspection_id,)
    ).rowcount
    conn.execute("DELETE FROM inspections WHERE id = ?", (inspection_id,))
    return gone
