"""Ledger data in and out (台账导入导出): pure parsing, mapping, checking, planning and writing.

Shared by the server (``fieldapp-server ledger import``, the import endpoint, exports) and the
desktop app (exports of the ledger's filter, the supervisor's import preview). It imports neither
Qt, nor a database driver, nor the app or the server (an import-linter contract holds that): it
turns bytes into rows with problems, rows plus an existing ledger into a plan, and rows into
files.

Modules: ``vocab`` (the column and value mapping of ``resources/data/ledger_columns.json``),
``coords`` (degrees, degrees-minutes-seconds, GCJ-02), ``sheet`` (XLSX/CSV to a header and cells),
``rows`` (cells to an outfall dict with every problem and its cell), ``plan`` (insert, update,
unchanged, look-alike), ``report`` (the dry run's workbook), ``export`` (XLSX, CSV, GeoJSON, KML,
GPX), ``disclosure`` (信息公开), ``dossier`` (evidence PDFs), ``testing`` (a messy bureau workbook).
"""
