"""Sync from an encrypted laptop (issue 13, items 6 and 7): what is uploaded is the original
bytes, checked by hash first (a damaged photo is never sent); the client refuses http:// except
for loopback, and can trust only the bureau's own certificate authority."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import socket
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain import inspection as model
from fieldapp.media.blobstore import BlobStore
from fieldapp.store import inspections
from fieldapp.vault import keys, sealing
from sync.client import SyncEngine, SyncError
from sync.client.engine import check_address

PHOTOS = Path(os.environ["HEKOU_SHARED"]) / "testdata" / "photos"


def _world(request: Any, tmp: Path, tools: Any) -> Any:
    return tools.World(request.getfixturevalue("sqlite_server"), request.getfixturevalue(
        "profile_template"), tmp, 11)  # fmt: skip


def _draft_with_photo(device: Any, data: bytes) -> str:
    draft = model.new_draft(str(uuid.uuid4()), device.user, device.world.county)
    inspections.save_draft(device.conn, draft)
    sha = device.blobs.put(data).sha256
    photo = model.InspectionPhoto(id=str(uuid.uuid4()), inspection_id=draft.id, sha256=sha)
    inspections.add_photo(device.conn, photo)
    return sha


def test_an_encrypted_laptop_uploads_the_original_bytes_and_never_a_damaged_photo(
    request: Any, schedule_tmp: Path, sync_world_tools: Any
) -> None:
    world = _world(request, schedule_tmp, sync_world_tools)
    key = keys.ProfileKey(os.urandom(32))
    try:
        device = world.device("sealed", "inspector")
        keys.register(device.path, key)
        device.blobs = BlobStore(device.blobs.root, key.photos())
        original = (PHOTOS / "DSCN0010.jpg").read_bytes()
        kept = _draft_with_photo(device, original)
        damaged = _draft_with_photo(device, (PHOTOS / "DSCN0012.jpg").read_bytes())
        path = device.blobs.path_for(damaged)
        assert sealing.is_sealed(path.read_bytes())
        os.chmod(path, 0o600)
        broken = bytearray(path.read_bytes())
        broken[5000] ^= 0xFF
        path.write_bytes(bytes(broken))
        report = device.sync()
        assert report.photos == 1 and report.photos_lost == 1, report.summary()
        served = world.ctx.photo_store.final_path(kept).read_bytes()
        assert served == original  # the original, not its sealed file
        assert not world.ctx.photo_store.has(damaged)
    finally:
        keys.forget(world.tmp / "sealed.sqlite")
        world.close()


@pytest.mark.parametrize(
    "url",
    [
        "http://hekou.example.cn:8750",
        "http://10.0.0.5",
        "http://[2001:db8::1]:8750",
        "http://localhost.example.cn",
    ],
)
def test_http_is_refused_except_for_loopback(url: str) -> None:
    with pytest.raises(SyncError) as info:
        check_address(url)
    assert info.value.code == "insecure_address"
    assert "https://" in info.value.message("zh_CN") and "https://" in info.value.message("en")


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8750", "http://localhost:8750", "http://[::1]:8750", "https://a.cn"]
)
def test_loopback_and_https_are_accepted(url: str) -> None:
    check_address(url)


def test_login_over_plain_http_sends_nothing(tmp_path: Path) -> None:
    from sync.client import ProfileDb

    db = ProfileDb(tmp_path / "p.sqlite")
    engine = SyncEngine(db, BlobStore(tmp_path / "photos"))
    with pytest.raises(SyncError) as info:
        engine.login("http://hekou.example.cn:8750", "insp_a", "secret password", "laptop")
    assert info.value.code == "insecure_address"
    db.close()


# -- the bureau's own certificate authority ---------------------------------------------------
def _ca_and_server_cert(folder: Path, name: str) -> tuple[Path, Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)

    def cert(subject: str, key: Any, issuer: str, signer: Any, ca: bool) -> Any:
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if not ca:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False,
            )
        return builder.sign(signer, hashes.SHA256())

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = cert(f"{name} CA", ca_key, f"{name} CA", ca_key, True)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = cert("127.0.0.1", server_key, f"{name} CA", ca_key, False)
    pem = serialization.Encoding.PEM
    paths = folder / f"{name}-ca.pem", folder / f"{name}-server.pem", folder / f"{name}-key.pem"
    paths[0].write_bytes(ca.public_bytes(pem))
    paths[1].write_bytes(server.public_bytes(pem))
    paths[2].write_bytes(
        server_key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return paths


def test_a_pinned_ca_file_trusts_the_bureaus_server_and_only_what_it_signed(
    tmp_path: Path,
) -> None:
    import uvicorn
    from fastapi import FastAPI

    bureau_ca, cert, key = _ca_and_server_cert(tmp_path, "bureau")
    other_ca, _, _ = _ca_and_server_cert(tmp_path, "other")
    app = FastAPI()

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    sock = socket.create_server(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            app, log_level="critical", lifespan="off", ssl_certfile=str(cert), ssl_keyfile=str(key)
        )
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        url = f"https://127.0.0.1:{port}"

        def engine(ca_file: str | None) -> SyncEngine:
            return SyncEngine(lambda fn: fn(None), BlobStore(tmp_path / "p"), ca_file=ca_file)

        assert engine(str(bureau_ca)).reachable(url)
        assert not engine(None).reachable(url)  # the system's store does not know the bureau
        assert not engine(str(other_ca)).reachable(url)
        with pytest.raises(SyncError) as info:
            engine(str(tmp_path / "missing.pem"))._client(url)
        assert info.value.code == "bad_ca_file"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
