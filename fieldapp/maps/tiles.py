"""Tile readers: MBTiles (a SQLite file, TMS rows) and XYZ folders (``{z}/{x}/{y}.png``).

Tiles may be read from any thread (the map reads them on a pool thread). An MBTiles file gives
each thread its own read-only SQLite connection: a connection is never used by two threads.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from fieldapp.domain.errors import Explained
from fieldapp.domain.tiles import tms_row

TILE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
MAX_TILE_BYTES = 4 * 1024 * 1024  # a "tile" larger than this is damage, not a picture


class BasemapError(Explained):
    """The basemap file or folder cannot be used."""

    def __init__(self, path: Path | str, zh: str, en: str) -> None:
        super().__init__(zh=zh, en=en)
        self.path = str(path)

    @classmethod
    def unusable(cls, path: Path | str, detail_zh: str, detail_en: str) -> BasemapError:
        return cls(
            path,
            f"底图 {path} 无法使用：{detail_zh}。地图将不显示底图，其余功能照常。",
            f"The basemap {path} cannot be used: {detail_en}. The map goes on without a basemap.",
        )


@dataclass(frozen=True)
class BasemapSettings:
    """Where the offline basemap is, and whether its tiles are in GCJ-02 (display shift only)."""

    path: str | None = None
    gcj02: bool = False


class Basemap(Protocol):
    """What the map needs of a tile source."""

    name: str
    min_zoom: int
    max_zoom: int
    image_format: str

    def tile(self, z: int, x: int, y: int) -> bytes | None: ...

    def close(self) -> None: ...


@dataclass
class MBTiles:
    """An MBTiles 1.x file, read-only. Rows are TMS (flipped here); metadata in ``metadata``."""

    path: Path
    metadata: dict[str, str] = field(default_factory=dict)
    name: str = ""
    min_zoom: int = 0
    max_zoom: int = 0
    image_format: str = "png"

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        self._lock = threading.Lock()  # guards the table of connections, never a read
        self._conns: dict[int, sqlite3.Connection] = {}  # thread id → that thread's connection
        self._closed = False
        self._conn = self._open()
        self._conns[threading.get_ident()] = self._conn
        try:
            self._read_metadata()
        except BaseException:
            self._conn.close()
            raise

    def _open(self) -> sqlite3.Connection:
        p = self.path
        if not p.is_file():
            raise BasemapError.unusable(p, "文件不存在", "the file does not exist")
        if p.stat().st_size == 0:
            raise BasemapError.unusable(p, "文件是空的", "the file is empty")
        with p.open("rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                raise BasemapError.unusable(
                    p, "不是 MBTiles 文件（不是 SQLite 数据库）", "not an MBTiles (SQLite) file"
                )
        try:
            # check_same_thread off only so that close() may close every thread's connection
            # once they have stopped reading; each is used by its own thread alone.
            conn = sqlite3.connect(
                f"{p.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            conn.execute("PRAGMA query_only = ON")
        except sqlite3.Error as exc:
            raise BasemapError.unusable(p, f"无法打开（{exc}）", f"cannot open it ({exc})") from exc
        return conn

    def _read_metadata(self) -> None:
        p = self.path
        try:
            names = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master").fetchall()}
            if "tiles" not in names:
                raise BasemapError.unusable(
                    p, "文件中没有 tiles 表，不是 MBTiles 文件", "it has no tiles table"
                )
            if "metadata" in names:
                self.metadata = {
                    str(k): str(v)
                    for k, v in self._conn.execute("SELECT name, value FROM metadata")
                }
            zooms = self._conn.execute(
                "SELECT min(zoom_level), max(zoom_level) FROM tiles"
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise BasemapError.unusable(
                p, f"文件已损坏（{exc}）", f"the file is damaged ({exc})"
            ) from exc
        if zooms is None or zooms[0] is None:
            raise BasemapError.unusable(p, "文件中没有任何瓦片", "it holds no tiles")
        self.min_zoom = _int(self.metadata.get("minzoom"), int(zooms[0]))
        self.max_zoom = _int(self.metadata.get("maxzoom"), int(zooms[1]))
        self.name = self.metadata.get("name", p.stem)
        self.image_format = self.metadata.get("format", "png").lower()

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile at XYZ (z, x, y), or None when missing or unreadable (or after close)."""
        try:
            conn = self._connection()
            if conn is None:
                return None
            row = conn.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? "
                "AND tile_row = ?",
                (z, x, tms_row(z, y)),
            ).fetchone()
        except (BasemapError, sqlite3.DatabaseError):
            return None  # gone or damaged since opening: the map draws its background there
        if row is None or not isinstance(row[0], bytes) or len(row[0]) > MAX_TILE_BYTES:
            return None
        return row[0]

    def _connection(self) -> sqlite3.Connection | None:
        """This thread's own connection, opened on its first read; None once closed."""
        ident = threading.get_ident()
        with self._lock:
            if self._closed:
                return None
            conn = self._conns.get(ident)
        if conn is None:
            conn = self._open()
            with self._lock:
                if self._closed:
                    conn.close()
                    return None
                self._conns[ident] = conn
        return conn

    def close(self) -> None:
        """Closes every thread's connection; call it once no thread is reading any more."""
        with self._lock:
            self._closed = True
            conns, self._conns = list(self._conns.values()), {}
        for conn in conns:
            conn.close()


@dataclass
class XyzFolder:
    """A folder of ``{z}/{x}/{y}.{png|jpg|webp}`` tiles (rows 0 at the top)."""

    path: Path
    name: str = ""
    min_zoom: int = 0
    max_zoom: int = 0
    image_format: str = "png"

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        if not self.path.is_dir():
            raise BasemapError.unusable(self.path, "文件夹不存在", "the folder does not exist")
        zooms = sorted(int(d.name) for d in self.path.iterdir() if d.is_dir() and d.name.isdigit())
        if not zooms:
            raise BasemapError.unusable(
                self.path,
                "文件夹中没有 {z}/{x}/{y} 格式的瓦片",
                "it holds no tiles laid out as {z}/{x}/{y}",
            )
        self.min_zoom, self.max_zoom = zooms[0], zooms[-1]
        self.name = self.name or self.path.name
        self.image_format = self._sniff_format(zooms[0])

    def _sniff_format(self, z: int) -> str:
        for column in (self.path / str(z)).iterdir():
            if column.is_dir():
                for f in column.iterdir():
                    if f.suffix.lower() in TILE_SUFFIXES:
                        return f.suffix.lower().lstrip(".").replace("jpeg", "jpg")
        return "png"

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        base = self.path / str(z) / str(x)
        for suffix in (f".{self.image_format}", *TILE_SUFFIXES):
            f = base / f"{y}{suffix}"
            try:
                if f.stat().st_size > MAX_TILE_BYTES:
                    return None
                return f.read_bytes()
            except OSError:
                continue
        return None

    def close(self) -> None:
        pass


def open_basemap(path: str | Path) -> Basemap:
    """The tile source at ``path``: a folder of XYZ tiles or an MBTiles file."""
    p = Path(path)
    if p.is_dir():
        return XyzFolder(p)
    return MBTiles(p)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
