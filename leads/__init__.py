"""Aerial-survey leads (航测疑似排污口线索): pure parsing and grouping, shared by server and app.

A drone or aerial survey hands over suspected outfalls as GeoJSON, KML/KMZ or CSV with
coordinates, often in a zip beside the photos they name. ``parse`` turns such bytes into leads
(WGS-84, inside the city) and problems that name the feature (its number and name) and say why;
``cluster`` groups leads that lie close together and finds the existing outfall a lead probably
duplicates. No Qt, database, HTTP, app or server (an import-linter contract holds that).
"""

from leads.cluster import Duplicate, cluster, likely_duplicates
from leads.parse import Lead, LeadFile, LeadProblem, parse

__all__ = [
    "Duplicate",
    "Lead",
    "LeadFile",
    "LeadProblem",
    "cluster",
    "likely_duplicates",
    "parse",
]
