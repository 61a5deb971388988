"""The seniority a job title states ("Senior …", "Head of …", "Praktikant …"), read
the same way for every source: live boards, imported files, and the filters."""

from __future__ import annotations

import re

from jobagent_core.discovery.places import fold
from jobagent_core.discovery.schema import Seniority

# Checked in order on folded text (lower case, no diacritics): the first level
# that matches wins, so "Senior Staff Engineer" is lead and "Head of Data" is
# executive. English, German, French and Spanish words.
_MARKERS: tuple[tuple[Seniority, str], ...] = (
    ("executive", r"\b(?:head of|director|directeur|directrice|directora?|vice president"
                  r"|vp|chief|cto|ceo|cfo|coo|cpo|cio|ciso|geschaftsfuhrer\w*"
                  r"|bereichsleiter\w*)\b"),
    ("principal", r"\b(?:principal|distinguished|fellow)\b"),
    # "Lead generation" is marketing work, not a level.
    ("lead", r"\b(?:staff|lead(?! ?gen)|team ?lead|tech ?lead|teamleiter\w*|leiter\w*"
             r"|leitung|chef de projet|responsable d\w*|supervisor|foreman|head)\b"),
    ("senior", r"\b(?:senior|sr|snr|confirme|experimente)\b"),
    ("mid", r"\b(?:mid|mid-level|intermediate|berufserfahren)\b"),
    ("junior", r"\b(?:junior|jr|entry[- ]level|graduate|berufseinsteiger\w*|debutant)\b"),
    ("intern", r"\b(?:intern|internship|praktikant\w*|praktikum|werkstudent\w*"
               r"|working student|trainee|apprentice\w*|ausbildung|stagiaire|stage"
               r"|alternance|alternant\w*|apprenti\w*|becario|practicas)\b"),
)  # fmt: skip
_LEVELS = tuple((level, re.compile(pattern)) for level, pattern in _MARKERS)


def title_seniority(*texts: str | None) -> Seniority | None:
    """The level a title (or a board's level labels and tags) names, if any word
    gives it away."""
    folded = fold(" ".join(text for text in texts if text))
    for level, pattern in _LEVELS:
        if pattern.search(folded):
            return level
    return None


__all__ = ["title_seniority"]
