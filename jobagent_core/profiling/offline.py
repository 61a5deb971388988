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

from jobagent_core.profiling._offline.contact import (
    EMAIL,
    find_email,
    find_links,
    find_location,
    find_name,
    find_phone,
)
from jobagent_core.profiling._offline.entries import parse_education, parse_experience
from jobagent_core.profiling._offline.languages import parse_languages, scan_languages
from jobagent_core.profiling._offline.layout import (
    CONTACT,
    EDUCATION,
    EXPERIENCE,
    HEADER,
    LANGUAGES,
    SKILLS,
    SUMMARY,
    Layout,
    fold,
    read_layout,
)
from jobagent_core.profiling._offline.suggest import by_recency, suggest_titles
from jobagent_core.profiling.profile_store import with_experience_years
from jobagent_core.profiling.schemas import (
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


def extract_profile(text: str) -> Profile:
    """The profile stated by one CV's text."""
    taxonomy = load_taxonomy()
    layout = read_layout(text)
    header = layout.lines_of(HEADER)
    contact = [*header, *layout.lines_of(CONTACT)]
    skills = _skills(layout, taxonomy)
    experience = _dedupe_experience(
        [e for s in layout.of_kind(EXPERIENCE) for e in parse_experience(s.lines, taxonomy)]
    )
    profile = Profile(
        name=find_name(contact, taxonomy) or find_name(layout.lines[:20], taxonomy),
        email=find_email("\n".join(contact)) or find_email(layout.text),
        phone=find_phone([contact, layout.lines]),
        links=find_links([contact, layout.lines_of(SUMMARY)], layout.lines),
        location=find_location(contact, layout.lines, taxonomy),
        summary=_summary(layout),
        skills=skills,
        experience=experience,
        education=_dedupe_education(
            [e for s in layout.of_kind(EDUCATION) for e in parse_education(s.lines, taxonomy)]
        ),
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
    merged.languages = _merge_languages([lang for p in profiles for lang in p.languages])
    for field in ("skills", "experience", "education", "languages"):
        first = next((n for n, p in enumerate(profiles, 1) if getattr(p, field)), None)
        if first is not None:
            sources.append(FieldSource(field=field, source=f"document {first}"))
    merged.suggested_job_titles = suggest_titles(merged.experience, merged.skills, load_taxonomy())
    merged.field_sources = sources
    return with_experience_years(merged)


# --------------------------------------------------------------------------- parts


def _skills(layout: Layout, taxonomy: Taxonomy) -> list[str]:
    """Canonical skills: those in a skills section first (in their order), then the rest
    by how often they occur."""
    trusted = layout.spans_of(SKILLS)
    matches = taxonomy.skills.find(layout.text, trusted)
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    in_section: dict[str, int] = {}
    for m in matches:
        counts[m.skill] = counts.get(m.skill, 0) + 1
        first.setdefault(m.skill, m.start)
        if any(a <= m.start < b for a, b in trusted):
            in_section.setdefault(m.skill, m.start)
    return sorted(
        counts,
        key=lambda s: (s not in in_section, in_section.get(s, 0), -counts[s], first[s]),
    )


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
