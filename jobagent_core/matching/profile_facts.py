"""What the screen needs from a profile (`ProfileFacts`), worked out once per search.

Both screeners read these facts, the offline scorer to award points and the LLM
screen to brief the model, so they stand apart from either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from jobagent_core.discovery.places import Places, places_in
from jobagent_core.matching.fit import is_current, profile_level, profile_years
from jobagent_core.matching.lexical import TitleScorer
from jobagent_core.matching.stage1 import profile_titles
from jobagent_core.profiling.profile_store import job_span
from jobagent_core.profiling.schemas import Profile
from jobagent_core.profiling.taxonomy import Taxonomy, load_taxonomy

__all__ = ["ProfileFacts", "Role", "years_text"]


@dataclass(frozen=True)
class Role:
    """One job of the profile with its length in years (None when undated)."""

    title: str
    employer: str | None
    years: float | None
    current: bool

    def describe(self) -> str:
        """'6 years as Senior Data Engineer at Nordlicht Logistics GmbH'."""
        where = f" at {self.employer}" if self.employer else ""
        if self.years is None:
            return f"{self.title}{where}"
        return f"{years_text(self.years)} as {self.title}{where}"


@dataclass
class ProfileFacts:
    """What the screen needs from a profile, worked out once per search."""

    profile: Profile
    skills: dict[str, str]  # canonical or lower-cased skill -> the profile's own name
    roles: list[Role]
    years: float | None  # total, overlapping jobs counted once
    level: int | None
    places: Places | None
    titles: TitleScorer
    role_titles: list[TitleScorer] = field(default_factory=list)

    @classmethod
    def of(cls, profile: Profile, *, today: date | None = None) -> ProfileFacts:
        taxonomy = load_taxonomy()
        today = today or datetime.now(UTC).date()
        roles = []
        for entry in profile.experience:
            dated = job_span(entry, today=today)
            years = (dated[1] - dated[0]) / 12 if dated else None
            roles.append(Role(entry.title, entry.employer, years, is_current(entry)))
        # The profile's own figure when it was computed on saving, else the dated jobs'
        # (0 for a graduate's CV: education, no job yet).
        total = profile_years(profile, today)
        return cls(
            profile=profile,
            skills=_canonical_skills(profile.skills, taxonomy),
            roles=roles,
            years=total,
            level=profile_level([(r.title, r.current) for r in roles], total, taxonomy),
            places=places_in(profile.location) if profile.location else None,
            titles=TitleScorer(profile_titles(profile)),
            role_titles=[TitleScorer([r.title]) for r in roles],
        )


def _canonical_skills(skills: Sequence[str], taxonomy: Taxonomy) -> dict[str, str]:
    out: dict[str, str] = {}
    for skill in skills:
        if skill in taxonomy.skills.by_name:
            out.setdefault(skill, skill)
            continue
        found = taxonomy.skills.find(skill, [(0, len(skill))])
        for match in found:
            out.setdefault(match.skill, skill)
        if not found:
            out.setdefault(skill.lower(), skill)
    return out


def years_text(value: float) -> str:
    if value < 1:
        return "under a year"
    n = int(value)
    return "1 year" if n == 1 else f"{n} years"
