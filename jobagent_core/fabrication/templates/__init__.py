"""Letter and CV phrasing per language.

Each language module defines `PHRASES`. Every template may use only the
placeholders its field documents, plus {role} and {company} (the posting's title
and company) in the paragraph slots; the offline writer fills them from profile
and posting facts, so a template must never state a fact of its own (no
numbers, no names, no claims about the candidate beyond the placeholders).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

SUPPORTED = ("en", "de", "fr", "es", "it", "nl")
_WORD = re.compile(r"[^\W\d_]+")


def word_list(text: str) -> tuple[str, ...]:
    """The space-separated words of `text` (keeps word lists readable)."""
    return tuple(text.split())


@dataclass(frozen=True)
class CvHeadings:
    summary: str
    experience: str
    education: str
    certifications: str
    skills: str
    languages: str
    present: str  # the end of a current job: "present", "heute"


@dataclass(frozen=True)
class LetterPhrases:
    """Templates for one language. Tuples hold alternatives; one is picked per posting."""

    language: str
    months: tuple[str, ...]  # January..December
    date_format: str  # {day} {month} {year}
    conjunction: str  # "and": joins the last two items of a list
    subjects: tuple[str, ...]  # {role}
    greetings: tuple[str, ...]  # {company}
    openings: tuple[str, ...]  # {role} {company}
    research: tuple[str, ...]  # {company} {sentence}
    experience_current: tuple[str, ...]  # {title} {employer}
    experience_past: tuple[str, ...]  # {title} {employer}
    experience_years: tuple[str, ...]  # {years}  (a whole number >= 2)
    example: tuple[str, ...]  # {bullet}
    earlier: tuple[str, ...]  # {title} {employer}: a second relevant role
    education: tuple[str, ...]  # {degree} {institution}; " ()" is dropped without one
    skills: tuple[str, ...]  # {skills} {role}
    motivation: tuple[str, ...]  # {company} {role}
    closings: tuple[str, ...]
    cv: CvHeadings
    stopwords: frozenset[str]  # frequent words, to recognise the language of a text
    names: frozenset[str]  # words in this language's letters that look like names but are not
    # Said only when the posting itself names every one of the {skills} ({role} {company}).
    skills_asked: tuple[str, ...] = ()

    def format_date(self, day: date) -> str:
        return self.date_format.format(day=day.day, month=self.months[day.month - 1], year=day.year)

    def join(self, items: list[str]) -> str:
        """'a, b and c' in this language."""
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.conjunction} {items[-1]}"

    def vocabulary(self) -> frozenset[str]:
        """Every word the templates themselves use (lower-cased)."""
        texts: list[str] = [*self.months, self.conjunction, *self.names, *self.stopwords]
        for value in vars(self).values():
            if isinstance(value, tuple):
                texts.extend(v for v in value if isinstance(v, str))
        texts.extend(vars(self.cv).values())
        return frozenset(w.casefold() for t in texts for w in _WORD.findall(t))


def phrases_for(language: str | None) -> LetterPhrases:
    """The phrases for an ISO 639-1 code ('de', 'de-AT'...); English when unsupported."""
    code = (language or "en").split("-")[0].split("_")[0].lower()
    return _load(code if code in SUPPORTED else "en")


@cache
def _load(code: str) -> LetterPhrases:
    from importlib import import_module

    phrases: LetterPhrases = import_module(f"{__name__}.{code}").PHRASES
    return phrases


def all_phrases() -> list[LetterPhrases]:
    return [_load(code) for code in SUPPORTED]


@cache
def common_vocabulary() -> frozenset[str]:
    """The words of every language's templates: not claims, whatever their case."""
    words: set[str] = set()
    for phrases in all_phrases():
        words |= phrases.vocabulary()
    return frozenset(words)


def guess_language(text: str) -> str | None:
    """The supported language whose frequent words `text` uses most, or None if unclear."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return None
    counts = sorted(
        ((sum(w in p.stopwords for w in words), p.language) for p in all_phrases()),
        reverse=True,
    )
    (best, code), (second, _) = counts[0], counts[1]
    if best < 2 or best < 1.5 * second:
        return None
    return code
