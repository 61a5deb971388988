"""The profile a CV becomes: plain pydantic models.

They are also the JSON schema the LLM path asks for (see `jobagent_core.llm.schemas`),
so they stay simple: strings, lists, nested small models and optional fields. No
mappings (strict JSON schema cannot express them). Dates are strings normalised to
"YYYY-MM", "YYYY" or "present".

The years of experience (`Profile.experience_years`, `ExperienceEntry.years`) are not
read from the CV: they are computed from the dated jobs whenever a profile is built or
saved (`jobagent_core.profiling.profile_store.with_experience_years`), so they are left
out of the JSON schema an LLM fills.
"""

from __future__ import annotations

from pydantic import BaseModel, Field
from pydantic.json_schema import SkipJsonSchema

MAX_SUGGESTED_TITLES = 6


class Links(BaseModel):
    """Profile URLs found in the CV (with a scheme added when the CV omitted it)."""

    linkedin: str | None = None
    github: str | None = None
    portfolio: str | None = None
    other: list[str] = Field(default_factory=list)


class ExperienceEntry(BaseModel):
    """One job. `start`/`end` are "YYYY-MM", "YYYY" or (end only) "present".

    `years` is computed, not extracted: the job's length in years (rounded down to two
    decimals; None when the job is undated), as of the day the profile was saved.
    """

    title: str
    employer: str | None = None
    location: str | None = None
    start: str | None = None
    end: str | None = None
    current: bool = False
    bullets: list[str] = Field(default_factory=list)
    years: SkipJsonSchema[float | None] = None


class EducationEntry(BaseModel):
    """One degree or diploma: `degree` as the CV words it ("M.Sc. Computer Science"),
    `field_of_study` the subject when the CV names one ("Computer Science")."""

    degree: str
    field_of_study: str | None = None
    institution: str | None = None
    start: str | None = None
    end: str | None = None


class CertificationEntry(BaseModel):
    """A certificate, licence or professional registration ("NMC Registration",
    "Power BI Data Analyst Associate (PL-300)", "Führerschein Klasse B").

    `name` is the CV's wording (without a trailing date); `issuer` the body that
    awards it when the CV names one; `date` when it was obtained ("YYYY-MM" or "YYYY").
    """

    name: str
    issuer: str | None = None
    date: str | None = None


class LanguageSkill(BaseModel):
    """A spoken language; `level` is a CEFR level ("C1") or a word ("Native", "Fluent")."""

    language: str
    level: str | None = None


class FieldSource(BaseModel):
    """Where one profile field came from, e.g. field "email", source "document 2"."""

    field: str
    source: str


class Profile(BaseModel):
    """Everything we know about a person from their CV(s).

    Every value is taken from the CV text (modulo normalisation: whitespace, dates,
    canonical skill and language names). `suggested_job_titles` holds 3–6 titles
    when the CV justifies that many (by its experience titles or matched skills).
    `experience_years` is computed from the dated jobs (overlaps counted once, a current
    job up to the day the profile was saved); None when no job is dated.
    """

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    links: Links = Field(default_factory=Links)
    location: str | None = None
    summary: str | None = None
    skills: list[str] = Field(default_factory=list)
    experience: list[ExperienceEntry] = Field(default_factory=list)
    education: list[EducationEntry] = Field(default_factory=list)
    certifications: list[CertificationEntry] = Field(default_factory=list)
    languages: list[LanguageSkill] = Field(default_factory=list)
    suggested_job_titles: list[str] = Field(default_factory=list, max_length=MAX_SUGGESTED_TITLES)
    field_sources: list[FieldSource] | None = None
    experience_years: SkipJsonSchema[float | None] = None
