"""The central server (中心服务器): accounts, devices and areas, an exactly-once sync API.

Layout: ``schema`` (tables), ``migrations`` (Alembic), ``queries`` (one module per table, the only
place that writes SQL), ``rules`` (pure ownership, area and conflict rules), ``services`` that run
the rules inside one transaction, ``routes`` (thin FastAPI routers), ``app`` and ``cli``.
"""
