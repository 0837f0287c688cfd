"""Photos kept as evidence: decoding (JPEG, HEIC/HEIF only), EXIF facts, thumbnails, a
content-addressed durable store, ingest, watermarked copies. No Qt, no SQLite.

Pillow is imported lazily inside the functions that need it: start-up time matters.
"""
