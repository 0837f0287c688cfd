"""Photo ingest (hash, EXIF, thumbnail, durable store) against two references in the same run.

Photos: the 4608×1976 phone photo in ``../shared/testdata/photos/`` and a 12-megapixel JPEG made
here (4000×3000: the phone photo resampled, so it compresses like a photo; with EXIF GPS).

- floor: Pillow only draft-decoding the same bytes to thumbnail size (open, ``draft``, ``load``);
  target: ingest at most 1.6× that.
- reference: a full decode then resize to the same size; target: ingest at least 2× faster.
- encrypted: the same ingest into a store sealed with a photo key (AES-GCM, as on an unlocked
  profile); target: at most 1.3× the draft-decode floor (issue 13), beside the plain ingest.

Each ingest stores new content (the photo's bytes plus a few bytes after its end-of-image marker,
which decoders ignore) into a store whose shard directories already exist, as in a store in use;
so every measured ingest really hashes, writes and fsyncs 2-4 MB. The three measurements are
interleaved and medians quoted.
"""

from __future__ import annotations

import io
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import Figure
from fieldapp.media.blobstore import BlobStore
from fieldapp.media.ingest import ingest_bytes
from fieldapp.media.thumbnails import THUMBNAIL_SIDE, fit

SHARED = Path(
    os.environ.get("HEKOU_SHARED") or Path(__file__).resolve().parents[1].parent / "shared"
)
PHONE_PHOTO = SHARED / "testdata" / "photos" / "HMD_Nokia_8.3_5G.jpg"
FLOOR_FACTOR = 1.6
SEALED_FLOOR_FACTOR = 1.3
REFERENCE_SPEEDUP = 2.0


def make_12mp_jpeg() -> bytes:
    """A 4000×3000 JPEG with photo content (the phone photo resampled) and EXIF GPS/orientation."""
    import piexif
    from PIL import Image

    image = Image.open(PHONE_PHOTO).convert("RGB").resize((4000, 3000), Image.Resampling.BICUBIC)
    exif = piexif.dump(
        {
            "0th": {piexif.ImageIFD.Orientation: 1, piexif.ImageIFD.Make: b"bench"},
            "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2026:05:01 10:20:30"},
            "GPS": {
                piexif.GPSIFD.GPSLatitudeRef: b"N",
                piexif.GPSIFD.GPSLatitude: ((32, 1), (1, 1), (3000, 100)),
                piexif.GPSIFD.GPSLongitudeRef: b"E",
                piexif.GPSIFD.GPSLongitude: ((120, 1), (52, 1), (1200, 100)),
            },
        }
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, exif=exif)
    return out.getvalue()


def draft_decode(data: bytes) -> None:
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    image.draft("RGB", fit(image.width, image.height, THUMBNAIL_SIDE))
    image.load()


def full_decode_and_resize(data: bytes) -> None:
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    image.load()  # decode every pixel first: no draft shortcut
    image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))


def measure(label: str, data: bytes, repeat: int, root: Path) -> list[Figure]:
    for shard in range(256):
        (root / f"{shard:02x}").mkdir(parents=True, exist_ok=True)
    store = BlobStore(root)
    sealed = BlobStore(root.with_name(root.name + "-sealed"), os.urandom(32))
    for shard in range(256):
        (sealed.root / f"{shard:02x}").mkdir(parents=True, exist_ok=True)
    counter = iter(range(10**9))

    def ingest(into: BlobStore = store) -> None:
        unique = data + b"bench-%d" % next(counter)
        ingest_bytes(unique, into, name=label)

    runs: dict[str, list[float]] = {"ingest": [], "draft": [], "full": [], "sealed": []}
    steps: list[tuple[str, Callable[[], None]]] = [
        ("draft", lambda: draft_decode(data)),
        ("ingest", ingest),
        ("sealed", lambda: ingest(sealed)),
        ("full", lambda: full_decode_and_resize(data)),
    ]
    for _name, fn in steps:  # warm-up: imports, codecs, the store thread
        fn()
    for _ in range(repeat):
        for name, fn in steps:
            start = time.perf_counter()
            fn()
            runs[name].append(time.perf_counter() - start)
    ms = {k: statistics.median(v) * 1000 for k, v in runs.items()}
    return [
        Figure(
            name=f"photo ingest, {label} (vs draft-decode floor)",
            value=ms["ingest"],
            unit="ms",
            baseline=ms["draft"],
            target=f"<= {FLOOR_FACTOR}x draft decode",
            met=ms["ingest"] <= FLOOR_FACTOR * ms["draft"],
        ),
        Figure(
            name=f"photo ingest, {label} (vs full decode+resize)",
            value=ms["ingest"],
            unit="ms",
            baseline=ms["full"],
            target=f">= {REFERENCE_SPEEDUP}x faster than full decode",
            met=ms["ingest"] * REFERENCE_SPEEDUP <= ms["full"],
        ),
        Figure(
            name=f"photo ingest encrypted, {label} (vs draft-decode floor)",
            value=ms["sealed"],
            unit="ms",
            baseline=ms["draft"],
            target=f"<= {SEALED_FLOOR_FACTOR}x draft decode",
            met=ms["sealed"] <= SEALED_FLOOR_FACTOR * ms["draft"],
        ),
    ]


def run(quick: bool) -> list[Figure]:
    repeat = 5 if quick else 21
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="hekou-bench-") as tmp:
        figures += measure("phone 4608x1976", PHONE_PHOTO.read_bytes(), repeat, Path(tmp) / "a")
        figures += measure("generated 4000x3000", make_12mp_jpeg(), repeat, Path(tmp) / "b")
    return figures
