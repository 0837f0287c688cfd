"""Data in and out (数据导入导出): exports of the ledger's current filter, and the supervisors'
import of a bureau ledger file, both with a progress bar and off the GUI thread.

The import uploads to the server (``POST /v1/ledger/import``, supervisors only, area-checked)
rather than writing the laptop's own ledger: the server owns the ledger (``sync.protocol``), so
one transaction there, checked against the whole city's ledger and the user's counties, is what
every device then pulls. Before the upload the window checks the file on the laptop against its
own copy of the ledger (the same ``ledgerio`` code, no network needed) and writes the report
workbook, so a supervisor sees every problem at once before anything is sent.
"""

from fieldapp.ui.dataio.window import DataWindow

__all__ = ["DataWindow"]
