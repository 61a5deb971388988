"""A CV re-ordered for one posting. Everything in it comes from the profile."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication.coverage import (
    Requirement,
    coverage,
    coverage_notes,
    key_requirements,
    named_in,
)
from jobagent_core.fabrication.duration_claims import duration_claims
from jobagent_core.fabrication.fact_check import without_overstated_durations
from jobagent_core.fabrication.facts import collect_facts
from jobagent_core.fabrication.letters import letter_language
from jobagent_core.fabrication.relevance import (
    PostingTerms,
    posting_terms,
    ranked_bullets,
    ranked_experience,
)
from jobagent_core.fabrication.schemas import (
    CoverLetterDraft,
    CvCertification,
    CvEducation,
    CvExperience,
    CvLanguage,
    TailoredCv,
)
from jobagent_core.fabrication.text import fold, mentions, words
from jobagent_core.profiling.schemas import (
    CertificationEntry,
    ExperienceEntry,
    LanguageSkill,
    Profile,
)

_URL_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)
MAX_SKILLS = 20  # matched and posting-related skills are always kept, even beyond this
MIN_BULLETS = 3  # bullets kept per job even when none mentions the posting

# Names of a language in the languages we write, to put the posting's language first.
_LANGUAGE_NAMES = {
    "en": {"english", "englisch", "anglais", "ingles", "inglese", "engels"},
    "de": {"german", "deutsch", "allemand", "aleman", "tedesco", "duits"},
    "fr": {"french", "franzosisch", "francais", "frances", "francese", "frans"},
    "es": {"spanish", "spanisch", "espagnol", "espanol", "spagnolo", "spaans"},
    "it": {"italian", "italienisch", "italien", "italiano", "italiaans"},
    "nl": {"dutch", "niederlandisch", "neerlandais", "neerlandes", "olandese", "nederlands"},
}


def tailor_cv(
    profile: Profile,
    posting: PostingData,
    matched_skills: Sequence[str],
    *,
    today: date | None = None,
    letter: CoverLetterDraft | None = None,
) -> TailoredCv:
    """The profile as a CV for `posting`: matched skills first, then skills the posting
    mentions, then the rest (up to `MAX_SKILLS`); jobs most relevant first, each with the
    bullets that mention the posting's skills and words first (bullets unrelated to the
    posting are trimmed to `MIN_BULLETS`); the posting's language first. Nothing is
    added that the profile does not hold, and a sentence of the summary that claims more
    years than the dated jobs show as of `today` ("14 years" for ten) is left out.

    A key requirement of the posting (see `coverage`) that the profile lists as a skill
    but the CV would leave out is added to the skills, in the profile's words; one the
    profile does not list never is. Every certificate the profile holds is listed, the
    ones the posting asks for first. `notes`
    tell the person which requirements the CV (and `letter`, when given) name."""
    terms = posting_terms(posting, matched_skills)
    language = letter_language(posting)
    ranked = ranked_experience(profile, terms)
    requirements = key_requirements(posting)
    keep, rest = _ranked_skills(profile, posting, matched_skills, requirements)
    cv = TailoredCv(
        language=language,
        name=profile.name or "",
        headline=_headline(profile, posting, ranked),
        contact=_contact(profile),
        summary=_summary(profile, posting, today),
        skills=keep + rest[: max(0, MAX_SKILLS - len(keep))],
        experience=[_job(job, terms) for _, job in ranked],
        education=[
            CvEducation(degree=e.degree, institution=e.institution, start=e.start, end=e.end)
            for e in profile.education
        ],
        certifications=[
            CvCertification(name=c.name, issuer=c.issuer, date=c.date)
            for c in _certifications(profile.certifications, requirements)
        ],
        languages=[
            CvLanguage(language=lang.language, level=lang.level)
            for lang in _languages(profile.languages, language)
        ],
    )
    added = _supported_requirements(profile, requirements, cv)
    if added:
        cv.skills = [*keep, *added, *rest[: max(0, MAX_SKILLS - len(keep) - len(added))]]
    items = coverage(requirements, cv.body_text(), letter.body_text() if letter else "")
    cv.notes = coverage_notes(items, documents="the CV and the letter" if letter else "the CV")
    return cv


def ordered_skills(
    profile: Profile,
    posting: PostingData,
    matched_skills: Sequence[str],
    requirements: Sequence[Requirement] | None = None,
) -> list[str]:
    """The profile's skills, most relevant first (the profile's spelling). A skill that
    is one of the posting's `requirements` under another name ("Postgres" for
    "PostgreSQL") counts as one the posting mentions."""
    keep, rest = _ranked_skills(profile, posting, matched_skills, requirements)
    return keep + rest[: max(0, MAX_SKILLS - len(keep))]


def _ranked_skills(
    profile: Profile,
    posting: PostingData,
    matched_skills: Sequence[str],
    requirements: Sequence[Requirement] | None,
) -> tuple[list[str], list[str]]:
    """(skills always kept: matched or asked for, the others by relevance)."""
    if requirements is None:
        requirements = key_requirements(posting)
    matched = {fold(s): i for i, s in enumerate(matched_skills)}
    posting_text = f"{posting.title}\n{posting.description_text}"
    posting_words = set(words(posting_text))
    ranked: list[tuple[int, float, int, str]] = []
    seen: set[str] = set()
    for index, skill in enumerate(profile.skills):
        key = fold(skill)
        if not key or key in seen:
            continue
        seen.add(key)
        if key in matched:
            ranked.append((0, matched[key], index, skill))
        elif mentions(posting_text, skill) or any(
            named_in(req, skill, listed=True) for req in requirements
        ):
            ranked.append((1, 0, index, skill))
        else:  # shares a word with the posting ("PostgreSQL tuning" vs "PostgreSQL")
            shared = len(set(key.split()) & posting_words)
            ranked.append((2 if shared else 3, -shared, index, skill))
    ranked.sort()
    keep = [skill for tier, _, _, skill in ranked if tier <= 1]
    rest = [skill for tier, _, _, skill in ranked if tier > 1]
    return keep, rest


def _supported_requirements(
    profile: Profile, requirements: Sequence[Requirement], cv: TailoredCv
) -> list[str]:
    """The skill entries to add for each requirement the CV does not name but the
    profile lists as a skill (cut by MAX_SKILLS, say). Languages are all in the CV
    already."""
    cv_text = cv.body_text()
    added: list[str] = []
    for req in requirements:
        if req.kind == "language" or named_in(req, cv_text, listed=True):
            continue
        words_used = _in_profile(profile, req)
        if words_used and fold(words_used) not in {fold(a) for a in added}:
            added.append(words_used)
    return added


def _in_profile(profile: Profile, req: Requirement) -> str | None:
    """The profile's skill entry that names `req`, if any. Only skill entries: a
    certificate or a job's words promoted into the skills list read as a skill the
    person did not list (the fact check flags them), so those stay where they are."""
    for skill in profile.skills:
        if named_in(req, skill, listed=True):
            return skill
    return None


def _summary(profile: Profile, posting: PostingData, today: date | None) -> str:
    if not profile.summary:
        return ""
    if not duration_claims(profile.summary, today=today or date.today()):
        return profile.summary
    facts = collect_facts(profile, posting, today=today)
    return without_overstated_durations(profile.summary, facts, about_candidate=True)


def _job(job: ExperienceEntry, terms: PostingTerms) -> CvExperience:
    ranked = ranked_bullets(job.bullets, terms)
    relevant = [b for score, b in ranked if score > 0]
    others = [b for score, b in ranked if score <= 0]
    bullets = relevant + others[: max(0, MIN_BULLETS - len(relevant))]
    current = job.current or (job.end or "").lower() == "present"
    return CvExperience(
        title=job.title,
        employer=job.employer,
        location=job.location,
        start=job.start,
        end=None if current else job.end,
        current=current,
        bullets=bullets,
    )


def _headline(
    profile: Profile, posting: PostingData, ranked: list[tuple[float, ExperienceEntry]]
) -> str:
    """A title the person has held or was suggested, closest to the posting's title."""
    wanted = set(words(posting.title))
    candidates = [job.title for _, job in ranked] + list(profile.suggested_job_titles)
    for title in candidates:
        if fold(title) == fold(posting.title):
            return title
    best = max(candidates, key=lambda t: len(set(words(t)) & wanted), default="")
    if best and set(words(best)) & wanted:
        return best
    return ranked[0][1].title if ranked else (candidates[0] if candidates else "")


def _contact(profile: Profile) -> list[str]:
    links = profile.links
    urls = [links.linkedin, links.github, links.portfolio, *links.other]
    items = [profile.email, profile.phone, profile.location, *map(_short_url, urls)]
    return [item for item in items if item]


def _short_url(url: str | None) -> str | None:
    """'linkedin.com/in/zoe' for 'https://www.linkedin.com/in/zoe/': what a CV shows."""
    return _URL_PREFIX.sub("", url).rstrip("/") if url else None


def _certifications(
    certifications: list[CertificationEntry], requirements: Sequence[Requirement]
) -> list[CertificationEntry]:
    """The profile's certificates, those the posting asks for first (stable order)."""
    asked = [r for r in requirements if r.kind != "language"]
    return sorted(
        certifications, key=lambda c: not any(named_in(r, c.name, listed=True) for r in asked)
    )


def _languages(languages: list[LanguageSkill], first: str) -> list[LanguageSkill]:
    names = _LANGUAGE_NAMES.get(first, set())
    return sorted(languages, key=lambda lang: fold(lang.language) not in names)
