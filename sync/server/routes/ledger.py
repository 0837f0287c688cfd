"""The ledger's import and export for supervisors (台账导入导出), area-checked.

``POST /v1/ledger/import`` takes the file's bytes (``application/octet-stream``; query: ``name``,
``dry_run``, ``only_good_rows``, ``sheet``, ``datum``) and answers what was done and the plan
(every row, every problem with its cell): the same import as ``fieldapp-server ledger import``,
as the calling supervisor, who may write only rows of their counties. ``GET /v1/ledger/export``
gives the ledger of the caller's area as XLSX, CSV, GeoJSON or KML; ``kind=disclosure`` gives the
public list (信息公开) instead. ``GET /v1/ledger/dossier/{inspection|outfall}/{id}`` gives the
evidence dossier (PDF).
"""

from __future__ import annotations

import tempfile
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ledgerio import disclosure, export
from ledgerio import plan as planning
from ledgerio.vocab import load as load_vocab
from sync.server import db
from sync.server.deps import ERROR_RESPONSES, Ctx, CurrentActor, require_role
from sync.server.errors import not_found
from sync.server.queries import records
from sync.server.services import dossier, ledger_import

router = APIRouter(prefix="/v1", tags=["ledger"], responses=ERROR_RESPONSES)
MEDIA = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "kml": "application/vnd.google-earth.kml+xml",
}


@router.post("/ledger/import")
async def ledger_import_file(
    request: Request,
    ctx: Ctx,
    actor: CurrentActor,
    name: Annotated[str, Query(max_length=255)] = "",
    dry_run: bool = False,
    only_good_rows: bool = False,
    sheet: Annotated[str | None, Query(max_length=100)] = None,
    datum: Literal["wgs84", "cgcs2000", "gcj02"] = "wgs84",
) -> dict[str, Any]:
    require_role(actor, "supervisor")
    body = await request.body()
    outcome = await run_in_threadpool(
        ledger_import.import_file,
        ctx,
        actor,
        body,
        name=name,
        dry_run=dry_run,
        only_good_rows=only_good_rows,
        sheet_name=sheet,
        default_datum=datum,
    )
    return {
        "applied": outcome.applied,
        "message_zh": outcome.zh,
        "message_en": outcome.en,
        "sha256": outcome.sha256,
        "plan": planning.to_json(outcome.plan),
    }


@router.get(
    "/ledger/export",
    response_class=Response,
    responses={200: {"content": {m: {} for m in MEDIA.values()}, "description": "the file"}},
)
def ledger_export(
    ctx: Ctx,
    actor: CurrentActor,
    format: Literal["xlsx", "csv", "geojson", "kml"] = "xlsx",
    kind: Literal["ledger", "disclosure"] = "ledger",
) -> Response:
    require_role(actor, "supervisor")
    with db.read(ctx.engine) as conn:
        ledger = [
            r for r in records.live_data(conn, "outfalls") if actor.sees(r.get("county_code"))
        ]
    ledger.sort(key=export.sort_key)
    vocab = load_vocab()
    if kind == "disclosure" and format not in ("xlsx", "csv"):
        format = "xlsx"
    with tempfile.TemporaryDirectory() as tmp:
        path = FilePath(tmp) / f"export.{format}"
        if kind == "disclosure":
            disclosure.write_by_suffix(path, ledger, vocab)
        else:
            export.write_by_suffix(path, ledger, vocab)
        content = path.read_bytes()
    filename = f"{'disclosure' if kind == 'disclosure' else 'ledger'}.{format}"
    return Response(
        content,
        media_type=MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get(
    "/ledger/dossier/{kind}/{row_id}",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "the dossier"}},
)
def evidence_dossier(
    ctx: Ctx,
    actor: CurrentActor,
    kind: Literal["inspection", "outfall"],
    row_id: Annotated[str, Path(min_length=1, max_length=64)],
) -> Response:
    """The evidence dossier (PDF) of an inspection or an outfall of the caller's area."""
    require_role(actor, "supervisor")
    make = dossier.inspection_pdf if kind == "inspection" else dossier.outfall_pdf
    with tempfile.TemporaryDirectory() as tmp:
        out = FilePath(tmp) / "dossier.pdf"
        try:
            make(ctx, actor, row_id, out)
        except dossier.DossierNotFound:
            raise not_found("no such record in your area") from None
        content = out.read_bytes()
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{kind}-{row_id}.pdf"'},
    )
