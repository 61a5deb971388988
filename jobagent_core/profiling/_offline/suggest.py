"""Job titles to search for, justified by the CV: its own titles (most recent first, as
written and mapped to canonical titles) and, to fill up, titles whose typical skills the
CV shows. Nothing is suggested that the CV does not support."""

from __future__ import annotations

import re
from collections.abc import Sequence

from jobagent_core.profiling._offline.dates import sort_key
from jobagent_core.profiling._offline.layout import fold
from jobagent_core.profiling.schemas import MAX_SUGGESTED_TITLES, ExperienceEntry
from jobagent_core.profiling.taxonomy import Taxonomy, TitleSpec

MIN_TITLES, TARGET_TITLES, FROM_EXPERIENCE, STRONG_SUPPORT = 3, 5, 4, 4
_GENDER = re.compile(r"\s*[(\[]\s*(?:m\s*/\s*w\s*/\s*d|w\s*/\s*m\s*/\s*d|m\s*/\s*f\s*/\s*d|"
                     r"f\s*/\s*m\s*/\s*d|m\s*/\s*w|w\s*/\s*m|h\s*/\s*f|f\s*/\s*h|all genders)"
                     r"\s*[)\]]", re.IGNORECASE)  # fmt: skip
_HEAD_CUT = re.compile(r"\s*[(\[,|·]|\s+[-–—/]\s+|:")


def by_recency(experience: Sequence[ExperienceEntry]) -> list[ExperienceEntry]:
    """Current jobs first, then by end (or start) date, newest first; undated keep order."""
    indexed = list(enumerate(experience))
    indexed.sort(
        key=lambda p: (p[1].current, sort_key(p[1].end or p[1].start), -p[0]), reverse=True
    )
    return [entry for _, entry in indexed]


def title_head(title: str) -> str:
    """The title without gender markers, brackets and trailing qualifiers:
    "Class Teacher (Year 4) and Phonics Lead" -> "Class Teacher"."""
    text = _GENDER.sub("", title)
    text = _HEAD_CUT.split(text, maxsplit=1)[0].strip(" -–—*")
    if text.isupper() and len(text) > 4:
        text = text.title()
    return " ".join(text.split())


def suggest_titles(
    experience: Sequence[ExperienceEntry], skills: Sequence[str], taxonomy: Taxonomy
) -> list[str]:
    """3–6 titles when the CV justifies that many (fewer for a very thin CV)."""
    out: dict[str, str] = {}
    families: list[str] = []
    unmatched: list[str] = []

    def add(title: str) -> None:
        if title and fold(title) not in out and len(out) < MAX_SUGGESTED_TITLES:
            out[fold(title)] = title

    for n, entry in enumerate(by_recency(experience)):
        head = title_head(entry.title)
        specs = taxonomy.titles.match(entry.title)
        families.extend(spec.family for spec in specs)
        if len(out) >= FROM_EXPERIENCE:
            continue
        if n == 0 and _plausible(head) and all(fold(head) != fold(s.title) for s in specs):
            add(head)
        for spec in specs:
            add(spec.title)
        if not specs and n > 0 and _plausible(head):
            unmatched.append(head)

    have = set(skills)
    if not families:
        families = _skill_families(skills, taxonomy)
    # Well supported titles of the CV's own families fill up to five; weaker support
    # (then other families, then two skills) only tops up to three.
    stages = ((True, STRONG_SUPPORT, TARGET_TITLES), (True, 0, MIN_TITLES),
              (False, 0, MIN_TITLES), (True, -1, MIN_TITLES), (False, -1, MIN_TITLES))  # fmt: skip
    for n, (own_family, support, goal) in enumerate(stages):
        for spec in _by_skills(taxonomy.titles.specs, have, families, own_family, support):
            if len(out) >= goal:
                break
            add(spec.title)
        if n == 0:
            for head in unmatched:
                if len(out) >= MIN_TITLES:
                    break
                add(head)
    return list(out.values())


def _plausible(head: str) -> bool:
    words = head.split()
    return 1 <= len(words) <= 5 and not any(ch.isdigit() for ch in head)


def _skill_families(skills: Sequence[str], taxonomy: Taxonomy) -> list[str]:
    counts: dict[str, int] = {}
    for skill in skills:
        family = taxonomy.family_of(skill)
        if family and family != "general":
            counts[family] = counts.get(family, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    return [family for family, count in ranked[:2] if count >= 3]


def _by_skills(
    specs: Sequence[TitleSpec],
    have: set[str],
    families: Sequence[str],
    own_family: bool,
    support: int,
) -> list[TitleSpec]:
    """Titles whose typical skills the CV shows, best supported first. `support` > 0
    asks for at least that many skills, 0 for the title's `min_skills`, -1 for two."""
    scored = []
    for order, spec in enumerate(specs):
        overlap = len(have.intersection(spec.skills))
        needed = {0: spec.min_skills, -1: min(2, spec.min_skills)}.get(
            support, max(support, spec.min_skills)
        )
        if overlap < needed:
            continue
        if own_family and spec.family not in families:
            continue
        rank = families.index(spec.family) if spec.family in families else len(families)
        scored.append((rank, -overlap, order, spec))
    scored.sort(key=lambda t: t[:3])
    return [spec for *_, spec in scored]
