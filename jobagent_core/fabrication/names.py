"""Names in a letter (organisations, places, people, products) that no source mentions.

Without a dictionary we cannot tell every name from an ordinary word, so the
rules are pragmatic: a run of capitalised words ("Globex Corporation", "Bank of
Lisbon") must appear in the sources unless all its words are ordinary letter
words or appear somewhere in the sources. A lone capitalised word opening a
sentence is left alone (it is usually an ordinary word). In German, where every
noun is capitalised, only runs that look like a name ("Globex AG", "iOS", "SAP")
or follow "bei" are checked. An employer ("at X", "bei X", "chez X") or an
organisation ("... Hospital", "... GmbH") must be named as a source names it, not
merely in words the sources use somewhere ("Charité Hospital" for "Charité").

Certificates the candidate claims ("I hold ACLS certification") must be named in
the profile itself: the posting asking for one is no support (`certificate_claims`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jobagent_core.fabrication.facts import Facts
from jobagent_core.fabrication.templates import common_vocabulary, word_list
from jobagent_core.fabrication.text import (
    WORD,
    clause_around,
    fold,
    sentence_bounds,
    speaks_of_self,
)

# Small words inside names ("Bank of Lisbon"). "and"/"und"/"et" are left out: they join
# list items more often than names. In German "von"/"der" join ordinary nouns.
_CONNECTORS = frozenset(word_list("of de du des la le von van der den di del da &"))
_GERMAN_CONNECTORS = frozenset(word_list("of &"))
# Words that make a capitalised run an organisation's name.
_ORGANISATION = frozenset(
    word_list(
        "gmbh ag se kg ohg ug mbh inc ltd llc plc corp corporation co company group holding "
        "holdings bank sa sas sarl bv nv spa srl ab oy labs technologies solutions systems "
        "consulting software university universitat universite universidad universita "
        "universiteit institute institut college hochschule hospital hospitals klinik "
        "klinikum kliniken krankenhaus hopital clinique clinic trust nhs stiftung foundation"
    )
)
_EMPLOYED_AT = {
    "en": frozenset({"at"}),
    "de": frozenset({"bei"}),
    "fr": frozenset({"chez"}),
    "es": frozenset(),  # "en" means "in" too often
    "it": frozenset({"presso"}),
    "nl": frozenset({"bij"}),
}
_ELISION = re.compile(r"^(?:[A-Za-z]|[Qq]u)['’](?=\w{2})")
_CONTRACTION = re.compile(r"['’](?:s|m|re|ve|ll|d|t)$", re.IGNORECASE)
_SENTENCE_MARKS = frozenset(".!?:;\n•")
_DOTTED = re.compile(r"\.[^\W\d_]{2,}")  # "Node.js", "ASP.NET", "example.com"; not "e.g"


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    sentence_start: bool

    @property
    def capitalised(self) -> bool:
        if self.text[0].isdigit() or self.text == "I":  # numbers are checked as numbers
            return False
        return self.text[0].isupper() or self.name_like

    @property
    def name_like(self) -> bool:
        """Spelled like a name, not a word: "GmbH", "iOS", "SAP", "S3", "Node.js"."""
        text = self.text
        return (
            any(c.isupper() for c in text[1:])
            or any(c.isdigit() for c in text)
            or any(c in "+#&" for c in text)
            or bool(_DOTTED.search(text))
        )


@cache
def _ordinary_words() -> frozenset[str]:
    return frozenset(fold(w) for w in common_vocabulary())


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in WORD.finditer(text):
        start, word = match.start(), match.group(0)
        if elision := _ELISION.match(word):
            start, word = start + elision.end(), word[elision.end() :]
        word = _CONTRACTION.sub("", word) or word
        before = text[:start].rstrip(" \t\"'“„«‘(")
        tokens.append(
            _Token(start, start + len(word), word, not before or before[-1] in _SENTENCE_MARKS)
        )
    return tokens


def _runs(text: str, tokens: list[_Token], connectors: frozenset[str]) -> list[list[_Token]]:
    """Maximal runs of capitalised words separated by spaces (connectors allowed inside)."""

    def adjacent(a: _Token, b: _Token) -> bool:
        return text[a.end : b.start].strip(" \u00a0") == ""

    runs: list[list[_Token]] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].capitalised:
            i += 1
            continue
        run, j = [tokens[i]], i + 1
        while j < len(tokens) and adjacent(tokens[j - 1], tokens[j]):
            if tokens[j].capitalised:
                run.append(tokens[j])
                j += 1
            elif (
                tokens[j].text.lower() in connectors
                and j + 1 < len(tokens)
                and tokens[j + 1].capitalised
                and adjacent(tokens[j], tokens[j + 1])
            ):
                run += [tokens[j], tokens[j + 1]]
                j += 2
            else:
                break
        runs.append(run)
        i = j
    return runs


def _known(word: str, facts: Facts) -> bool:
    """Whether every capitalised part of `word` is an ordinary word or in the sources
    ("Munich-based" needs "Munich" only)."""
    ordinary = _ordinary_words()
    parts = [p for p in word.split("-") if p[:1].isupper() or p is word] or [word]
    return all(w in ordinary or w in facts.words for p in parts for w in fold(p).split())


def name_claims(text: str, facts: Facts, language: str) -> list[tuple[int, str]]:
    """(position, name) for each name the sources do not support."""
    german = language == "de"
    tokens = _tokens(text)
    # Exact case: "bei Globex" names an employer, "Bei Fragen ..." starts a sentence.
    previous = {t.start: tokens[i - 1].text for i, t in enumerate(tokens) if i}
    employed_at = _EMPLOYED_AT.get(language, frozenset())
    claims: list[tuple[int, str]] = []
    for run in _runs(text, tokens, _GERMAN_CONNECTORS if german else _CONNECTORS):
        first = run[0]
        if first.sentence_start and fold(first.text) in _ordinary_words():
            run = run[1:]
        while run and run[0].text.lower() in _CONNECTORS:
            run = run[1:]
        if not run:
            continue
        phrase = text[run[0].start : run[-1].end]
        if facts.has_phrase(phrase):
            continue
        words = [t for t in run if t.text.lower() not in _CONNECTORS]
        after_employer_word = previous.get(run[0].start) in employed_at
        # An employer or organisation is named as the sources name it, word for word.
        exact = (after_employer_word or any(fold(t.text) in _ORGANISATION for t in words)) and (
            not all(fold(t.text) in _ordinary_words() for t in words)
        )
        if not exact and all(_known(t.text, facts) for t in words):
            continue
        if german:
            # Every German noun is capitalised, often several in a row: only runs that
            # look like a name, or follow "bei", are names.
            looks_like_name = any(t.name_like or fold(t.text) in _ORGANISATION for t in words)
            if not (looks_like_name or after_employer_word):
                continue
        elif len(words) == 1 and not words[0].name_like and run[0].sentence_start:
            continue  # a lone capitalised word opening a sentence is usually an ordinary one
        claims.append((run[0].start, phrase))
    return claims


_CERTIFICATE = re.compile(
    r"\b(?:certifi\w*|certificat\w*|zertifi\w*|licen[cs]ed?\b|lizenz\w*|accredit\w*|"
    r"akkredit\w*)",
    re.IGNORECASE,
)
_WINDOW_END = re.compile(r"[;:()\[\]]")


def certificate_claims(
    text: str, facts: Facts, *, about_candidate: bool | None = None
) -> list[tuple[int, str]]:
    """(position, name) for each certificate the candidate claims that the profile does
    not name: the capitalised names around "certified", "certificate", "Zertifikat",
    "certifié"... in a first-person sentence must be in the profile's own words (the
    posting's company, place and title aside)."""
    claims: list[tuple[int, str]] = []
    tokens = _tokens(text)
    runs = _runs(text, tokens, _CONNECTORS)
    ordinary = _ordinary_words()
    seen: set[int] = set()
    for match in _CERTIFICATE.finditer(text):
        s_begin, s_end = sentence_bounds(text, match.start(), match.end())
        sentence = text[s_begin:s_end]
        if not (speaks_of_self(sentence) if about_candidate is None else about_candidate):
            continue
        before, _ = clause_around(text, match.start(), match.end())
        begin = match.start() - len(before)
        stop = s_end
        end_mark = _WINDOW_END.search(text, match.end(), s_end)
        if end_mark:
            stop = end_mark.start()
        for run in runs:
            if run[0].start < begin or run[-1].end > stop or run[0].start in seen:
                continue
            words = [t for t in run if t.text.lower() not in _CONNECTORS]
            if all(fold(t.text) in ordinary or _CERTIFICATE.fullmatch(t.text) for t in words):
                continue
            if len(words) == 1 and run[0].sentence_start and not words[0].name_like:
                continue
            phrase = text[run[0].start : run[-1].end]
            folded = f" {fold(phrase)} "
            if folded in facts.own or folded in facts.addressee:
                continue
            seen.add(run[0].start)
            claims.append((run[0].start, phrase))
    return claims
