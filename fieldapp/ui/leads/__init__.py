"""Aerial-survey leads on the laptop (航测线索): the panel a tapped "to verify" lead opens on the
map, with its photo and notes and "record a verification". Strings are in the catalog ``leads``
(``resources/translations/leads_zh_CN.ts``)."""

from fieldapp.ui.leads.note_dialog import LeadNoteDialog
from fieldapp.ui.leads.panel import LeadPanel

__all__ = ["LeadNoteDialog", "LeadPanel"]
