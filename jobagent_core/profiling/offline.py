"""The offline profile extractor: CV text in, `Profile` out — deterministic, fast
(a few milliseconds per CV), and never inventing anything.

Every value is taken from the text (modulo normalisation: whitespace, dates as
"YYYY-MM"/"YYYY"/"present", canonical skill and language names, a scheme on bare URLs).
Suggested job titles are justified by the CV's own titles or by the skills it shows.
Fields the CV does not state stay None or empty. The years of experience are computed
from the dated jobs (`profile_store.with_experience_years`), never read from prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jobagent_core.profiling._offline.certifications import (
    merge_certifications,
    parse_certifications,
)
from jobagent_core.profiling._offline.contact import (
    EMAIL,
    find_email,
    find_links,
    find_location,
    find_name,
    find_phone,
)
from jobagent_core.profiling._offline.education import parse_education
from jobagent_core.profiling._offline.experience import parse_experience
from jobagent_core.profiling._offline.languages import parse_languages, scan_languages
from jobagent_core.profiling._offline.layout import (
    CERTIFICATIONS,
    CONTACT,
    EDUCATION,
    EXPERIENCE,
    HEADER,
    LANGUAGES,
    PROJECTS,
    SKILLS,
    SUMMARY,
    Layout,
    fold,
    read_layout,
)
from jobagent_core.profiling._offline.skills import blank_names, listed_skills
from jobagent_core.profiling._offline.suggest import by_recency, suggest_titles
from jobagent_core.profiling.profile_store import with_experience_years
from jobagent_core.profiling.schemas import (
    CertificationEntry,
    EducationEntry,
    ExperienceEntry,
    FieldSource,
    LanguageSkill,
    Links,
    Profile,
)
from jobagent_core.profiling.taxonomy import Taxonomy, load_taxonomy

__all__ = ["extract_profile", "extract_profile_from_documents", "merge_profiles"]

_SUMMARY_CHARS = 1200
_SCALARS = ("name", "email", "phone", "location", "summary")
_CONTACTISH = re.compile(r"@|https?://|www\.|\+?\d[\d ()/.-]{7,}\d")


def extract_profile(text: str) -> Profile:
    """The profile stated by one CV's text."""
    taxonomy = load_taxonomy()
    layout = read_layout(text)
    header = layout.lines_of(HEADER)
    contact = [*header, *layout.lines_of(CONTACT)]
    experience = _dedupe_experience(
        [e for s in layout.of_kind(EXPERIENCE) for e in parse_experience(s.lines, taxonomy)]
    )
    education, certifications = _education(layout, taxonomy)
    skills = _skills(layout, taxonomy, experience, education)
    profile = Profile(
        name=find_name(contact, taxonomy) or find_name(layout.lines[:20], taxonomy),
        email=find_email("\n".join(contact)) or find_email(layout.text),
        phone=find_phone([contact, layout.lines]),
        links=find_links([contact, layout.lines_of(SUMMARY)], layout.lines),
        location=find_location(contact, layout.lines, taxonomy),
        summary=_summary(layout),
        skills=skills,
        experience=experience,
        education=education,
        certifications=certifications,
        languages=_languages(layout),
        suggested_job_titles=suggest_titles(experience, skills, taxonomy),
    )
    return with_experience_years(profile)


def extract_profile_from_documents(texts: Sequence[str]) -> Profile:
    """One profile from several CVs of the same person (see `merge_profiles`)."""
    return merge_profiles([extract_profile(text) for text in texts])


def merge_profiles(profiles: Sequence[Profile]) -> Profile:
    """Merge per-document profiles: the first non-empty scalar wins, lists are united
    (experience deduplicated by title, employer and start), titles are re-suggested.
    `field_sources` says which document ("document 1", ...) gave each field."""
    merged = Profile(field_sources=[])
    sources: list[FieldSource] = []
    for field in _SCALARS:
        for n, profile in enumerate(profiles, start=1):
            value = getattr(profile, field)
            if value:
                setattr(merged, field, value)
                sources.append(FieldSource(field=field, source=f"document {n}"))
                break
    merged.links = _merge_links([p.links for p in profiles])
    merged.skills = list(dict.fromkeys(s for p in profiles for s in p.skills))
    merged.experience = by_recency(_dedupe_experience([e for p in profiles for e in p.experience]))
    merged.education = _dedupe_education([e for p in profiles for e in p.education])
    merged.certifications = merge_certifications([c for p in profiles for c in p.certifications])
    merged.languages = _merge_languages([lang for p in profiles for lang in p.languages])
    for field in ("skills", "experience", "education", "certifications", "languages"):
        first = next((n for n, p in enumerate(profiles, 1) if getattr(p, field)), None)
        if first is not None:
            sources.append(FieldSource(field=field, source=f"document {first}"))
    merged.suggested_job_titles = suggest_titles(merged.experience, merged.skills, load_taxonomy())
    merged.field_sources = sources
    return with_experience_years(merged)


# --------------------------------------------------------------------------- parts


def _skills(
    layout: Layout,
    taxonomy: Taxonomy,
    experience: Sequence[ExperienceEntry],
    education: Sequence[EducationEntry],
) -> list[str]:
    """What the skills sections list (in their order), then the taxonomy skills named
    in the CV's skill contexts by how often they occur (see `_offline.skills`)."""
    listed = listed_skills(layout.lines_of(SKILLS), taxonomy)
    names = [e.employer or "" for e in experience] + [e.institution or "" for e in education]
    header_prose = [
        line for line in layout.lines_of(HEADER) if len(line.split()) >= 12 and "@" not in line
    ]
    context = [
        *header_prose,
        *layout.lines_of(SUMMARY),
        *layout.lines_of(PROJECTS),
        *(line for e in experience for line in ("", e.title, *e.bullets)),
    ]
    if not (layout.of_kind(SKILLS) or layout.of_kind(SUMMARY) or experience):
        # No sections to go by: the whole text but its contact lines.
        context = [line for line in layout.lines if not _CONTACTISH.search(line)]
    verbatim = [s for s in listed if s not in taxonomy.skills.by_name]
    text = blank_names(blank_names("\n".join(context), names), verbatim)
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in taxonomy.skills.find(text):
        counts[m.skill] = counts.get(m.skill, 0) + 1
        first.setdefault(m.skill, m.start)
    found = sorted(counts, key=lambda s: (-counts[s], first[s]))
    return list(dict.fromkeys([*listed, *found]))


def _education(
    layout: Layout, taxonomy: Taxonomy
) -> tuple[list[EducationEntry], list[CertificationEntry]]:
    """Degrees from the education sections; certificates from their own sections and
    those listed among the degrees."""
    education: list[EducationEntry] = []
    certifications: list[CertificationEntry] = []
    for section in layout.sections:
        if section.kind == EDUCATION:
            degrees, certs = parse_education(section.lines, taxonomy)
            education += degrees
            certifications += certs
        elif section.kind == CERTIFICATIONS:
            certifications += parse_certifications(section.lines)
    return _dedupe_education(education), merge_certifications(certifications)


def _summary(layout: Layout) -> str | None:
    lines = [line.strip() for line in layout.lines_of(SUMMARY) if line.strip()]
    if not lines:
        prose = [
            line.strip()
            for line in layout.lines_of(HEADER)
            if len(line.split()) >= 12 and not EMAIL.search(line)
        ]
        lines = prose[:3]
    lines = [re.sub(r"^\s*[-•*·]\s+", "", line) for line in lines]
    text = " ".join(" ".join(lines).split())
    if not text:
        return None
    if len(text) > _SUMMARY_CHARS:
        cut = text.rfind(". ", 0, _SUMMARY_CHARS)
        text = text[: cut + 1] if cut > 200 else text[:_SUMMARY_CHARS].rsplit(" ", 1)[0]
    return text


def _languages(layout: Layout) -> list[LanguageSkill]:
    found = parse_languages(layout.lines_of(LANGUAGES), section=True)
    if not found:
        found = scan_languages([*layout.lines_of(SKILLS), *layout.lines_of(HEADER)])
    return found


def _dedupe_experience(entries: Sequence[ExperienceEntry]) -> list[ExperienceEntry]:
    out: dict[tuple[str, str, str], ExperienceEntry] = {}
    for entry in entries:
        key = (fold(entry.title), fold(entry.employer or ""), entry.start or "")
        kept = out.get(key)
        if kept is None:
            out[key] = entry.model_copy(deep=True)
            continue
        kept.employer = kept.employer or entry.employer
        kept.location = kept.location or entry.location
        kept.end = kept.end or entry.end
        kept.current = kept.current or entry.current
        kept.bullets = list(dict.fromkeys([*kept.bullets, *entry.bullets]))
    return list(out.values())


def _dedupe_education(entries: Sequence[EducationEntry]) -> list[EducationEntry]:
    out: dict[tuple[str, str], EducationEntry] = {}
    for entry in entries:
        key = (fold(entry.degree), fold(entry.institution or ""))
        kept = out.setdefault(key, entry.model_copy())
        kept.field_of_study = kept.field_of_study or entry.field_of_study
        kept.start = kept.start or entry.start
        kept.end = kept.end or entry.end
    return list(out.values())


def _merge_links(all_links: Sequence[Links]) -> Links:
    merged = Links()
    for links in all_links:
        merged.linkedin = merged.linkedin or links.linkedin
        merged.github = merged.github or links.github
        merged.portfolio = merged.portfolio or links.portfolio
    chosen = {merged.linkedin, merged.github, merged.portfolio}
    others = (url for links in all_links for url in links.other if url not in chosen)
    merged.other = list(dict.fromkeys(others))
    return merged


def _merge_languages(languages: Sequence[LanguageSkill]) -> list[LanguageSkill]:
    out: dict[str, LanguageSkill] = {}
    for lang in languages:
        kept = out.setdefault(lang.language, lang.model_copy())
        kept.level = kept.level or lang.level
    return list(out.values())
