"""The facts a letter may state: everything in the profile, the posting and the
research, in forms the fact checker can compare against."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication.degrees import degree_levels
from jobagent_core.fabrication.durations import ExperienceFigures
from jobagent_core.fabrication.skills import skills_in
from jobagent_core.fabrication.text import fold
from jobagent_core.profiling.profile_store import experience_years
from jobagent_core.profiling.schemas import Profile

__all__ = [
    "NUMBER",
    "ExperienceFigures",
    "Facts",
    "Number",
    "collect_facts",
    "experience_years",
    "numbers_in",
    "parse_number",
    "posting_texts",
    "profile_texts",
    "profile_years_named",
]

_YEAR_MONTH = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?")

# A number as people write it: "40", "5+", "3.5", "3,5", "65,000", "65.000", "65k",
# "40 %", "40 percent". Thousands separated by a plain space are read as two numbers
# on both sides of the comparison, which keeps them comparable.
NUMBER = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:[,.'’\u00a0\u202f]\d{3})+(?![\d])|\d+(?:[.,]\d+)?)"
    r"(?P<k>[kK](?![\w]))?"
    r"(?P<plus>\s?\+)?"
    r"(?P<pct>\s?%|\s(?:percent|per\s?cent|prozent|pour\s?cent|por\s?ciento|per\s?cento|procent)\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    value: float
    percent: bool


def parse_number(match: re.Match[str]) -> Number:
    raw = match.group("num")
    if re.fullmatch(r"\d{1,3}(?:[,.'’\u00a0\u202f]\d{3})+", raw):
        value = float(re.sub(r"\D", "", raw))  # thousands separators
    else:
        value = float(raw.replace(",", "."))  # a decimal comma or point
    if match.group("k"):
        value *= 1000
    return Number(value, bool(match.group("pct")))


def numbers_in(text: str) -> set[Number]:
    return {parse_number(m) for m in NUMBER.finditer(text)}


def profile_texts(profile: Profile) -> list[str]:
    """Every string in the profile except dates (see `profile_years_named`)."""
    texts = [profile.name, profile.email, profile.phone, profile.location, profile.summary]
    links = profile.links
    texts += [links.linkedin, links.github, links.portfolio, *links.other]
    texts += [*profile.skills, *profile.suggested_job_titles]
    for job in profile.experience:
        texts += [job.title, job.employer, job.location, *job.bullets]
    for edu in profile.education:
        texts += [edu.degree, edu.institution]
    for cert in profile.certifications:
        texts += [cert.name, cert.issuer]
    for lang in profile.languages:
        texts += [lang.language, lang.level]
    return [t for t in texts if t]


def profile_years_named(profile: Profile) -> set[int]:
    """The calendar years in the profile's dates ("2019-03" names 2019, not 3)."""
    dates = [d for job in profile.experience for d in (job.start, job.end)]
    dates += [d for edu in profile.education for d in (edu.start, edu.end)]
    dates += [cert.date for cert in profile.certifications]
    return {int(m.group(1)) for d in dates if d and (m := _YEAR_MONTH.match(d))}


def posting_texts(posting: PostingData) -> list[str]:
    texts = [posting.title, posting.company, posting.location, posting.description_text]
    texts += [posting.url, posting.apply_url]
    texts += [str(v) for v in posting.extra.values() if isinstance(v, str | int | float)]
    return [t for t in texts if t]


@dataclass(frozen=True)
class Facts:
    """What may be said. `folded` is all source text folded, padded with spaces."""

    folded: str
    words: frozenset[str]
    numbers: frozenset[Number]
    # The profile's and the research's words, folded and padded: what the candidate may
    # say about themself ("8 years of experience" in their own summary).
    stated: str
    # The profile's own words alone, folded and padded (certificates must be there).
    own: str
    figures: ExperienceFigures  # the years of experience, total, per job and per field
    degrees: frozenset[str]  # degree levels the profile holds: "bachelor", "master"...
    skills: frozenset[str]  # canonical (taxonomy) names of the skills the sources mention
    # The posting's and the research's texts: durations not about the candidate may
    # restate them ("the role needs 3+ years").
    others: tuple[str, ...] = ()
    company_words: frozenset[str] = frozenset()  # the posting's company, folded
    # The posting's company, location and title, folded and padded.
    addressee: str = " "
    # Per education entry: its degree levels and its degree and institution, folded.
    education: tuple[tuple[frozenset[str], str], ...] = ()

    @property
    def profile_years(self) -> float:
        """Total years of dated experience (0 when no job is dated)."""
        months = self.figures.total_months
        return 0.0 if months is None else months / 12

    def has_phrase(self, phrase: str) -> bool:
        folded = fold(phrase)
        return bool(folded) and f" {folded} " in self.folded


def collect_facts(
    profile: Profile,
    posting: PostingData,
    sources: Iterable[str | None] = (),
    *,
    today: date | None = None,
) -> Facts:
    """The facts of the profile, the posting and `sources`; years as of `today`."""
    research = [s for s in sources if s]
    mine = profile_texts(profile)
    own = [*mine, *research]
    texts: Sequence[str] = [*own, *posting_texts(posting)]
    folded = " " + " ".join(fold(t) for t in texts) + " "
    numbers = set().union(*(numbers_in(t) for t in texts))
    numbers |= {Number(float(year), False) for year in profile_years_named(profile)}
    for salary in (posting.salary_min, posting.salary_max):
        if salary is not None:
            numbers.add(Number(float(salary), False))
    return Facts(
        folded=folded,
        words=frozenset(folded.split()),
        numbers=frozenset(numbers),
        stated=" " + " ".join(fold(t) for t in own) + " ",
        own=" " + " ".join(fold(t) for t in mine) + " ",
        figures=ExperienceFigures(profile, today=today),
        degrees=frozenset(
            level for edu in profile.education for level in degree_levels(edu.degree)
        ),
        skills=skills_in(texts, listed=profile.skills),
        others=(*posting_texts(posting), *research),
        company_words=frozenset(fold(posting.company or "").split()),
        addressee=" "
        + " ".join(fold(t or "") for t in (posting.company, posting.location))
        + f" {fold(posting.title)} ",
        education=tuple(
            (frozenset(degree_levels(e.degree)), fold(f"{e.degree} {e.institution or ''}"))
            for e in profile.education
        ),
    )
