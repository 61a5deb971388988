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
    # "Clinical Fellow" and "Research Fellow" are training and research grades.
    ("principal", r"\b(?:principal|distinguished|(?:technical|engineering) fellow)\b"),
    # "Lead generation" is marketing work, not a level.
    # "Staff Nurse" and "Staff Accountant" are the plain grade, not a level.
    ("lead", r"\b(?:staff(?! (?:nurse|pharmacist|accountant|physician|midwife|member|nurses))"
             r"|lead(?! ?gen)|team ?lead|tech ?lead|teamleiter\w*|leiter\w*"
             r"|leitung|chef de projet|responsable d\w*|supervisor|foreman|head)\b"),
    ("senior", r"\b(?:senior|sr|snr|confirme|experimente)\b"),
    ("mid", r"\b(?:mid|mid-level|intermediate|berufserfahren)\b"),
    ("junior", r"\b(?:junior|jr|jnr|entry[- ]level|graduate|new grad|berufseinsteiger\w*"
               r"|berufsanfanger\w*|berufseinstieg|absolvent\w*|hochschulabsolvent\w*"
               r"|debutant\w*|jeune diplome\w*|newly qualified|recien titulad\w*)\b"),
    ("intern", r"\b(?:intern|internship|praktikant\w*|praktikum|werkstudent\w*"
               r"|working student|trainee|apprentice\w*|ausbildung|auszubildend\w*|azubi"
               r"|lehrling|stagiaire|stage|alternance|alternant\w*|apprenti\w*|becario"
               r"|practicas)\b"),
)  # fmt: skip
_LEVELS = tuple((level, re.compile(pattern)) for level, pattern in _MARKERS)

# "<function> assistant" (HR Assistant, Marketing Assistant, assistante RH) is the
# entry job of that function. Assistants who are a profession of their own
# (executive, legal, dental, teaching, nursing...) are not a level of anything.
_ASSISTANT = re.compile(
    r"\b([\w&/-]+)[ -]assistant\b|\bassistant(?:e|es|s)? (rh|ressources humaines|commercial\w*"
    r"|marketing|comptable|communication|achats?|logistique|export|administration des ventes)\b"
)
_FOR_WHOM = re.compile(r"\b(?:to|for) (?:the|our|a|an) .*")
_ASSISTANT_PROFESSIONS = """executive personal administrative admin office virtual legal
    medical dental physician pharmacy veterinary vet teaching classroom learning support
    nursing care healthcare health laboratory lab clinical kitchen speech language therapy
    occupational physiotherapy"""
_OWN_PROFESSION_ASSISTANTS = frozenset(_ASSISTANT_PROFESSIONS.split())


# Phrases of a description that make the job an entry-level one.
_ENTRY_LEVEL = re.compile(
    r"\b(?:graduate (?:programme|program|scheme|role|position|intake|trainee)"
    r"|recent(?:ly)? graduat\w*|new grads?|entry[- ]level (?:role|position|job)"
    r"|berufseinsteiger\w*|berufsanfanger\w*|(?:hochschul)?absolvent(?:en|innen|in)?\b"
    r"|direkt nach (?:dem|deinem|ihrem) (?:studium|abschluss)|jeunes? diplomes?"
    r"|recien titulad\w*|no (?:prior |previous |professional )?experience (?:is )?"
    r"(?:required|needed|necessary)|keine berufserfahrung (?:erforderlich|notwendig|notig)"
    r"|(?:0|null)\s*[-–]\s*[12]\s*(?:years?|jahre?))"
)


def description_seniority(text: str) -> Seniority | None:
    """ "junior" when a description says the job is for beginners ("our graduate
    programme", "recent graduates", "Berufseinsteiger", "no experience required"),
    else None: other levels are read from titles only."""
    return "junior" if _ENTRY_LEVEL.search(fold(text[:6000])) else None


def title_seniority(*texts: str | None) -> Seniority | None:
    """The level a title (or a board's level labels and tags) names, if any word
    gives it away."""
    # Whom a job works for is not its level: "Assistant to the CEO".
    folded = " ".join(_FOR_WHOM.sub("", fold(text)) for text in texts if text)
    for level, pattern in _LEVELS:
        if pattern.search(folded):
            return level
    for found in _ASSISTANT.finditer(folded):
        if found.group(2) or found.group(1) not in _OWN_PROFESSION_ASSISTANTS:
            return "junior"
    return None


__all__ = ["description_seniority", "title_seniority"]
