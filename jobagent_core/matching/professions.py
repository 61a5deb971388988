"""Regulated professions: which job titles belong to one, and what proves a person
may practise it (a licence, a registration, a state exam, a completed apprenticeship).

Regulated professions are not interchangeable: a nurse is not a physician or a
pharmacist, a qualified electrician is not an electrician's apprentice, a primary
teacher is not a university lecturer. `profession_of(title)` reads the profession
a job title names and its grade (the qualified job, training for it, or helping in
it); `Holdings.of(profile)` reads the professions a person holds, from their job
titles and the licences and degrees their education and skills name.

Titles and licences are matched on folded text (lower case, no diacritics, see
`discovery.places.fold`) in English, German, French and Spanish; the professions and
their patterns are listed in `profession_table.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jobagent_core.discovery.places import fold
from jobagent_core.matching.profession_grade import Grade, Profession
from jobagent_core.matching.profession_table import PROFESSIONS
from jobagent_core.profiling.schemas import Profile

__all__ = ["Holdings", "profession_of"]

# Titles that name a profession's word but are other jobs (recruiting nurses, selling
# medicines): never read as the profession itself.
_NOT_THE_JOB = re.compile(
    r"\b(?:recruit\w*|sales|vertrieb\w*|account manager|marketing|representative|receptionist"
    r"|secretary|sekretar\w*|scheduler|billing|coder|coding|software|developer"
    r"|(?:management|business|it|sales|hr|recruitment) consultant|berater\w*"
    r"|fachangestellte\w*|kaufmann|kauffrau|kaufmannisch\w*)\b"
)


_BY_KEY = {p.key: p for p in PROFESSIONS}
# One pass that tells most titles apart from every profession at once.
_ANY_TITLE = re.compile(
    "|".join(f"(?:{p.titles.pattern})" for p in PROFESSIONS)
    + "|"
    + "|".join(f"(?:{p.helpers.pattern})" for p in PROFESSIONS if p.helpers is not None)
)


def profession_of(title: str) -> tuple[Profession, Grade] | None:
    """The regulated profession a job title names, with its grade: the qualified
    job, training for it ("Apprentice Electrician", "Pre-registration Pharmacist"),
    or helping in it ("Electrician's Assistant", "Healthcare Assistant")."""
    folded = fold(title)
    if not _ANY_TITLE.search(folded) or _NOT_THE_JOB.search(folded):
        return None
    for profession in PROFESSIONS:
        grade = profession.grade(folded)
        if grade is not None:
            return profession, grade
    return None


@dataclass
class Holdings:
    """The regulated professions a person holds, and how: "qualified" (a job title
    of it without a training word, or a licence their education or skills name) or
    "trainee" (only training for it so far). `evidence` says what shows it."""

    grades: dict[str, Grade] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    worked_as: set[str] = field(default_factory=set)  # held by a job title, not a degree only

    @classmethod
    def of(cls, profile: Profile) -> Holdings:
        held = cls()
        for entry in profile.experience:
            found = profession_of(entry.title)
            if found is None or found[1] == "helper":
                continue
            profession, grade = found
            held._add(profession.key, grade, entry.title)
            held.worked_as.add(profession.key)
        credentials = [e.degree for e in profile.education] + list(profile.skills)
        for text in credentials:
            folded = fold(text)
            for profession in PROFESSIONS:
                if profession.licence.search(folded):
                    held._add(profession.key, "qualified", text)
        for key in list(held.grades):
            if held.grades[key] == "qualified":
                for covered in _BY_KEY[key].covers:
                    held.grades.setdefault(covered, "qualified")
                    held.evidence.setdefault(covered, held.evidence[key])
        return held

    def _add(self, key: str, grade: Grade, evidence: str) -> None:
        if self.grades.get(key) != "qualified":
            self.grades[key] = grade
            self.evidence[key] = evidence

    def labels(self) -> list[str]:
        """The qualified professions the person has worked in, by label ("nurse")."""
        return [
            _BY_KEY[k].label
            for k, g in self.grades.items()
            if g == "qualified" and k in self.worked_as
        ]


def licence_named(profession: Profession, text: str) -> str | None:
    """The licence `text` (a posting's requirements) names for `profession`, as written."""
    folded = fold(text)
    match = profession.licence.search(folded)
    if match is None:
        return None
    # Folding keeps lengths for Latin text, so the span maps back to the original.
    original = text[match.start() : match.end()] if len(folded) == len(text) else match.group()
    return " ".join(original.split())
