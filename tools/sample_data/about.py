""" "About us" paragraphs per kind of employer and language (data/about.yaml).
Placeholders: {company}, {city}, {size} (people), {year} (founded), {what} (what they do)."""

from __future__ import annotations

from tools.sample_data.schema import AboutFile, load

_BANK = load(AboutFile)
GROUP_OF_SECTOR = _BANK.group_of_sector
# Keyed by sector where a sector needs its own wording, else by group.
ABOUT = _BANK.about
WHAT = _BANK.what
