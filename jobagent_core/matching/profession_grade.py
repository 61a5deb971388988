"""A regulated profession's record (`Profession`) and the grade a job title gives in it
(`Grade`: the qualified job, training for it, or helping in it).

The record type apart from the table of professions (`profession_table.py`) and from
what reads titles and profiles against it (`professions.py`), which both use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Grade", "Profession"]

Grade = Literal["qualified", "trainee", "helper"]

# Titles of people still training for their profession, in any profession.
_TRAINEE = re.compile(
    r"\b(?:apprentice\w*|trainee|student|students|auszubildend\w*|azubi|ausbildung|lehrling"
    r"|in ausbildung|apprenti\w*|alternan\w*|praktikant\w*|pre-?registration|referendar\w*"
    r"|im praktikum|werkstudent\w*|stagiaire|en formation|eleve|aprendiz|vorbereitungsdienst"
    r"|lehramtsanwarter\w*|anwarter\w*)\b"
)


@dataclass(frozen=True)
class Profession:
    """One regulated profession.

    `titles` are the job titles only its members may hold; `licence` what proves a
    person may (in a profile) or must (in a posting) practise it; `helpers` the
    titles of assistants in its field, who need no licence; `not_titles` titles that
    match `titles` but are other jobs; `covers` the professions whose work a member
    may also do (a pharmacist may work as a pharmacy technician)."""

    key: str
    label: str  # "nurse"
    needs: str  # what a posting needs, said plainly: "a nursing registration"
    titles: re.Pattern[str]
    licence: re.Pattern[str]
    helpers: re.Pattern[str] | None = None
    not_titles: re.Pattern[str] | None = None
    trainees: re.Pattern[str] | None = None
    covers: tuple[str, ...] = ()

    def grade(self, folded_title: str) -> Grade | None:
        """This profession's grade a (folded) title names, or None."""
        if self.helpers is not None and self.helpers.search(folded_title):
            return "helper"
        if not self.titles.search(folded_title):
            return None
        if self.not_titles is not None and self.not_titles.search(folded_title):
            return None
        if _TRAINEE.search(folded_title) or (
            self.trainees is not None and self.trainees.search(folded_title)
        ):
            return "trainee"
        return "qualified"
