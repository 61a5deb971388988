"""Skills a text names (found with the profiling skills taxonomy) that neither the
profile, the posting nor the research mention."""

from __future__ import annotations

import re
from collections.abc import Iterable

from jobagent_core.fabrication.text import fold
from jobagent_core.profiling.taxonomy import find_skills

# Ways of describing oneself rather than claims of a skill: a letter may use them.
SELF_DESCRIPTIONS = frozenset(
    {
        "Communication Skills",
        "Problem Solving",
        "Teamwork",
        "Critical Thinking",
        "Attention to Detail",
        "Decision Making",
        "Time Management",
        "Organisational Skills",
        "Cross-functional Collaboration",
    }
)


def skills_in(texts: Iterable[str], *, listed: Iterable[str] = ()) -> frozenset[str]:
    """Canonical names of the skills `texts` mention; `listed` are skill-list entries,
    where even ambiguous names ("Go", "R") count."""
    found = {m.skill for text in texts for m in find_skills(text)}
    found |= {m.skill for entry in listed for m in find_skills(entry, [(0, len(entry))])}
    return frozenset(found)


def skill_findings(
    text: str, known: frozenset[str], folded_sources: str
) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    """(claims, spans): the unsupported skills as (position, words used), and the spans
    of the supported ones (so no other check judges those words again)."""
    claims: list[tuple[int, str]] = []
    supported: list[tuple[int, int]] = []
    for match in find_skills(text):
        if (
            match.skill in known
            or match.skill in SELF_DESCRIPTIONS
            or _named(match.text, folded_sources)
        ):
            supported.append((match.start, match.end))
        else:
            claims.append((match.start, match.text))
    return claims, supported


def _named(words: str, folded_sources: str) -> bool:
    """The words, or an inflection of them ("data engineering" / "data engineer")."""
    folded = fold(words)
    if f" {folded} " in folded_sources:
        return True
    return len(folded) >= 8 and re.search(" " + re.escape(folded[:-3]), folded_sources) is not None
