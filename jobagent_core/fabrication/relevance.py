"""How relevant a piece of the profile is to a posting: skills mentioned, shared words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication.templates import all_phrases, word_list
from jobagent_core.fabrication.text import mentions, words
from jobagent_core.profiling.schemas import ExperienceEntry, Profile

_TOP_BULLETS = 3
# Words too common in postings to say anything about relevance.
_FILLER = frozenset(
    {
        *(w for p in all_phrases() for w in p.stopwords),
        *word_list(
            "about across also any can candidate company experience help including join "
            "looking more must new not other role skills strong team their them they using "
            "what when where which within work working years you your"
        ),
    }
)


@dataclass(frozen=True)
class PostingTerms:
    """What a posting asks for, in a form cheap to compare against."""

    keywords: frozenset[str]  # folded words of title and description, minus filler
    title_words: frozenset[str]
    skills: tuple[str, ...]  # the matched skills, most important first


def posting_terms(posting: PostingData, matched_skills: Sequence[str]) -> PostingTerms:
    text = f"{posting.title} {posting.description_text}"
    return PostingTerms(
        keywords=frozenset(w for w in words(text) if len(w) > 2 and w not in _FILLER),
        title_words=frozenset(w for w in words(posting.title) if w not in _FILLER),
        skills=tuple(s for s in matched_skills if s.strip()),
    )


def text_score(text: str, terms: PostingTerms) -> float:
    """Matched skills the text names count 3 each; other posting words 1 each."""
    skills = sum(3.0 for skill in terms.skills if mentions(text, skill))
    return skills + len(set(words(text)) & terms.keywords)


def experience_score(entry: ExperienceEntry, terms: PostingTerms) -> float:
    title = set(words(entry.title))
    score = 4.0 * len(title & terms.title_words) + text_score(entry.title, terms)
    # The best few bullets count, so a job is not relevant merely for having many.
    bullets = sorted((text_score(b, terms) for b in entry.bullets), reverse=True)
    score += sum(bullets[:_TOP_BULLETS])
    return score + (0.5 if entry.current else 0.0)


def ranked_experience(profile: Profile, terms: PostingTerms) -> list[tuple[float, ExperienceEntry]]:
    """Experience entries, most relevant first (ties keep the profile's order)."""
    scored = [(experience_score(e, terms), i, e) for i, e in enumerate(profile.experience)]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [(score, entry) for score, _, entry in scored]


def ranked_bullets(bullets: Sequence[str], terms: PostingTerms) -> list[tuple[float, str]]:
    scored = [(text_score(b, terms), i, b) for i, b in enumerate(bullets)]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [(score, bullet) for score, _, bullet in scored]
