"""Opening photos safely: only JPEG and HEIC/HEIF, a deliberate pixel cap, typed errors.

Pillow's decompression-bomb guard (``Image.MAX_IMAGE_PIXELS``) only *warns* between the limit and
twice the limit; we set the limit we mean (``MAX_PIXELS``), turn that warning into an error for the
whole process, and also check the size ourselves before decoding, so an oversized file is always a
polite ``ImageTooLarge`` and never a half-decoded image or a flood of memory.
"""

from __future__ import annotations

import io
import re
import warnings
from typing import TYPE_CHECKING

from fieldapp.media.errors import CorruptImage, ImageTooLarge, NotAnImage

if TYPE_CHECKING:
    from PIL import Image as PILImage

# 120 MP covers the 108 MP modes of current phones; a 200 MP mode is refused (3 bytes a pixel:
# 600 MB just to decode it once).
MAX_PIXELS = 120_000_000
ACCEPTED_FORMATS = ("JPEG", "HEIF")

_configured = False


def pil() -> None:
    """Configure Pillow once: our pixel cap, bomb warnings as errors, the HEIF opener."""
    global _configured
    if _configured:
        return
    import pillow_heif
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    warnings.filterwarnings("error", category=Image.DecompressionBombWarning)
    pillow_heif.register_heif_opener()
    _configured = True


def open_image(data: bytes, name: str = "photo", check_structure: bool = True) -> PILImage.Image:
    """Open (header only, not yet decoded) a JPEG or HEIC/HEIF held in ``data``.

    ``check_structure`` runs ``jpeg_damage`` on a JPEG (about 1 ms for 2 MB); a caller that runs
    it elsewhere (ingest does, in parallel with decoding) passes False.
    """
    pil()
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise NotAnImage.make(name, "empty file")
    try:
        image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLarge.make(name, _pixels_in(str(exc)), MAX_PIXELS) from None
    except UnidentifiedImageError as exc:
        raise NotAnImage.make(name) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise CorruptImage.make(name, str(exc) or type(exc).__name__) from exc
    if image.width * image.height > MAX_PIXELS:
        raise ImageTooLarge.make(name, image.width * image.height, MAX_PIXELS)
    if check_structure and image.format == "JPEG":
        damage = jpeg_damage(data)
        if damage is not None:
            raise CorruptImage.make(name, damage)
    return image


def load(image: PILImage.Image, name: str = "photo") -> PILImage.Image:
    """Decode the pixels (after any ``draft``), turning a damaged stream into ``CorruptImage``."""
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise CorruptImage.make(name, str(exc) or type(exc).__name__) from exc
    return image


# In entropy-coded data 0xFF is followed by 0x00 (stuffing), a restart marker (D0-D7) or the
# marker that ends the scan; fill bytes (more 0xFF) may precede a marker.
_SCAN_END = re.compile(rb"\xff[^\x00\xff\xd0-\xd7]")
_RESTART = re.compile(rb"\xff([\xd0-\xd7])")
_RESTART_CYCLE = bytes(range(0xD0, 0xD8))
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


def jpeg_damage(data: bytes) -> str | None:
    """Why a JPEG's structure is damaged, or None if it is whole.

    libjpeg (and so Pillow) decodes through many kinds of damage with only a warning, producing
    grey or smeared regions; evidence must not be silently damaged, so we check the structure:
    segments within the file, restart markers in sequence, and an end-of-image marker.
    """
    n = len(data)
    if not data.startswith(b"\xff\xd8"):
        return "no JPEG start marker"
    pos = 2
    while True:
        while pos + 1 < n and data[pos] == 0xFF and data[pos + 1] == 0xFF:
            pos += 1  # fill bytes
        if pos + 1 >= n:
            return "the file ends before the end-of-image marker (truncated)"
        if data[pos] != 0xFF:
            return f"unexpected data at byte {pos}"
        marker = data[pos + 1]
        if marker == 0xD9:
            return None
        if marker in _STANDALONE:
            pos += 2
            continue
        if pos + 4 > n:
            return "the file is truncated inside a header"
        end = pos + 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
        if end > n or end < pos + 4:
            return f"a damaged segment at byte {pos}"
        if marker != 0xDA:
            pos = end
            continue
        next_pos = _end_of_scan(data, end)
        if isinstance(next_pos, str):
            return next_pos
        pos = next_pos


def _end_of_scan(data: bytes, start: int) -> int | str:
    """The offset of the marker ending the scan that starts at ``start``, or what is wrong."""
    end = _SCAN_END.search(data, start)
    if end is None:
        return "the file ends inside the image data (truncated)"
    marker_at = end.start()
    restarts = b"".join(_RESTART.findall(data, start, marker_at))
    if restarts:
        cycles = _RESTART_CYCLE * (len(restarts) // 8 + 1)
        if restarts != cycles[: len(restarts)]:
            return "restart markers out of sequence (damaged image data)"
    return marker_at


def _pixels_in(message: str) -> int:
    """The pixel count Pillow's bomb error names ("Image size (N pixels) exceeds ..."), or 0."""
    match = re.search(r"\((\d+) pixels\)", message)
    return int(match.group(1)) if match else 0
