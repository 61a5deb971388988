"""Finding claims in a letter that the profile, the posting or the research do not support.

Checked: organisation and other names (capitalised phrases, and the company
after "at"/"bei"/"chez"/...), degrees, skills (through the skills taxonomy when
it is installed), years of experience and every other number. It is a safety
net for generated text, not a proof: it errs towards flagging.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication.degrees import degree_mentions
from jobagent_core.fabrication.facts import NUMBER, Facts, Number, collect_facts, parse_number
from jobagent_core.fabrication.names import name_claims
from jobagent_core.fabrication.skills import skill_findings
from jobagent_core.fabrication.templates import guess_language
from jobagent_core.fabrication.text import fold
from jobagent_core.profiling.schemas import Profile

_NUMBER_WORDS = {
    **dict.fromkeys(["one", "ein", "eine", "einem", "un", "une", "uno", "una", "één"], 1),
    **dict.fromkeys(["two", "zwei", "deux", "dos", "due", "twee"], 2),
    **dict.fromkeys(["three", "drei", "trois", "tres", "tre", "drie"], 3),
    **dict.fromkeys(["four", "vier", "quatre", "cuatro", "quattro"], 4),
    **dict.fromkeys(["five", "fünf", "cinq", "cinco", "cinque", "vijf"], 5),
    **dict.fromkeys(["six", "sechs", "seis", "sei", "zes"], 6),
    **dict.fromkeys(["seven", "sieben", "sept", "siete", "sette", "zeven"], 7),
    **dict.fromkeys(["eight", "acht", "huit", "ocho", "otto"], 8),
    **dict.fromkeys(["nine", "neun", "neuf", "nueve", "nove", "negen"], 9),
    **dict.fromkeys(["ten", "zehn", "dix", "diez", "dieci", "tien"], 10),
    **dict.fromkeys(["eleven", "elf", "onze", "once", "undici"], 11),
    **dict.fromkeys(["twelve", "zwölf", "douze", "doce", "dodici", "twaalf"], 12),
    **dict.fromkeys(["fifteen", "fünfzehn", "quinze", "quince", "quindici", "vijftien"], 15),
    **dict.fromkeys(["twenty", "zwanzig", "vingt", "veinte", "venti", "twintig"], 20),
}
_YEARS = re.compile(
    r"(?<![\w.,])(?P<n>\d+(?:[.,]\d+)?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\s*\+?\s*(?:-\s*)?(?:years?|yrs?|jahre?n?|jährige[nr]?|ans|années|años|anni|jaar|jaren)\b",
    re.IGNORECASE,
)


def fact_check(
    text: str,
    profile: Profile,
    posting: PostingData,
    *,
    sources: Iterable[str | None] = (),
    language: str | None = None,
) -> list[str]:
    """The claims in `text` that neither the profile, the posting nor `sources` (e.g.
    the company research) support, in order of appearance, each once. [] means clean.

    A claim is returned as the words the text used ("Globex Corporation", "PhD",
    "10 years", "35%"). Years of experience must fit the profile's dated jobs (or be
    stated in the profile); a degree must be one the profile holds.
    """
    facts = collect_facts(profile, posting, sources)
    lang = language or guess_language(text) or posting.language or "en"
    found: list[tuple[int, str]] = []
    years_spans: list[tuple[int, int]] = []
    for match in _YEARS.finditer(text):
        years_spans.append(match.span())
        if not _years_supported(match, facts):
            found.append((match.start(), " ".join(match.group(0).split())))
    degrees = degree_mentions(text)
    found += _degree_claims(degrees, facts)
    for match in NUMBER.finditer(text):
        inside = any(a <= match.start() < b for a, b in years_spans)
        if not inside and not _number_supported(parse_number(match), facts):
            found.append((match.start(), match.group(0).strip()))
    skill_claims, skill_spans = skill_findings(text, facts.skills, facts.folded)
    found += skill_claims
    # Words judged as a degree ("Master's", "PhD") or a skill ("Golang") are not names.
    judged = [(a, b) for a, b, _, _ in degrees] + skill_spans
    found += [
        (start, name)
        for start, name in name_claims(text, facts, lang)
        if not any(a <= start < b for a, b in judged)
    ]
    return _unique(claim for _, claim in sorted(found))


def _years_supported(match: re.Match[str], facts: Facts) -> bool:
    raw = match.group("n")
    value = float(raw.replace(",", ".")) if raw[0].isdigit() else _NUMBER_WORDS[raw.lower()]
    if value <= facts.profile_years + 0.5:
        return True
    # The candidate's own words ("8+ years in data engineering") or the research's.
    return f" {fold(match.group(0))} " in facts.stated


def _degree_claims(
    degrees: list[tuple[int, int, str, str]], facts: Facts
) -> Iterator[tuple[int, str]]:
    held = set(facts.degrees) | ({"master"} if "mba" in facts.degrees else set())
    for start, _, level, words in degrees:
        if level not in held:
            yield start, words


def _number_supported(number: Number, facts: Facts) -> bool:
    if number in facts.numbers:
        return True
    # "40" may restate "40 %" but an invented "40 %" may not lean on a bare "40".
    return not number.percent and Number(number.value, True) in facts.numbers


def _unique(claims: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for claim in claims:
        key = fold(claim)
        if key and key not in seen:
            seen.add(key)
            out.append(claim)
    return out
