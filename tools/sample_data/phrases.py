"""Language-specific phrasing shared by every family (data/phrases.yaml): headings,
experience lines, work arrangements, contracts, benefits and closings."""

from __future__ import annotations

from tools.sample_data.schema import PhrasesFile, load

_BANK = load(PhrasesFile)
HEADINGS = _BANK.headings
EXPERIENCE = _BANK.experience
YEARS = _BANK.years
DEGREE = _BANK.degree
LANGUAGE_SKILLS = _BANK.language_skills
LOCAL_LANGUAGE_NAME = _BANK.local_language_name
WORK_MODE = _BANK.work_mode
CONTRACT = _BANK.contract
FACT_LABELS = _BANK.fact_labels
MODE_LABEL = _BANK.mode_label
START = _BANK.start
PERKS = _BANK.perks
COUNTRY_PERKS = _BANK.country_perks
CLOSING = _BANK.closing
CONTACTS = _BANK.contacts
HOOKS = _BANK.hooks
AGENCY_INTRO = _BANK.agency_intro
# Put at the top of the duties of lead and executive postings.
LEAD_DUTIES = _BANK.lead_duties
EXEC_DUTIES = _BANK.exec_duties
