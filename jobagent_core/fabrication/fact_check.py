"""Finding claims in a letter that the profile, the posting or the research do not support.

Checked: organisation and other names (capitalised phrases, and the company
after "at"/"bei"/"chez"/...; an employer or institution must be named as the
sources name it), degrees (level and subject), certificates the candidate claims,
skills (through the skills taxonomy when it is installed), what the posting is said
to ask for (in the posting's own words, see `asks`), durations ("10 years",
"over a decade", "zehn Jahre", "dix ans", "since 2012": against the years computed
from the profile's dated jobs, see `durations`) and every other number. It is a
safety net for generated text, not a proof: it errs towards flagging.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication.asks import ask_claims
from jobagent_core.fabrication.degrees import degree_mentions, degree_subject
from jobagent_core.fabrication.durations import Judged, judge_durations, same_word
from jobagent_core.fabrication.facts import NUMBER, Facts, Number, collect_facts, parse_number
from jobagent_core.fabrication.names import certificate_claims, name_claims
from jobagent_core.fabrication.skills import skill_findings
from jobagent_core.fabrication.templates import guess_language
from jobagent_core.fabrication.text import fold, sentence_bounds
from jobagent_core.profiling.schemas import Profile


def fact_check(
    text: str,
    profile: Profile,
    posting: PostingData,
    *,
    sources: Iterable[str | None] = (),
    language: str | None = None,
    today: date | None = None,
    about_candidate: bool | None = None,
) -> list[str]:
    """The claims in `text` that neither the profile, the posting nor `sources` (e.g.
    the company research) support, in order of appearance, each once. [] means clean.

    A claim is returned as the words the text used ("Globex Corporation", "PhD",
    "10 years", "over a decade", "35%"). A duration must fit the years computed from the
    profile's dated jobs as of `today` (default today): the total, or the field's when
    its clause names one ("8 years in intensive care": the intensive-care jobs), never
    rounded up. A degree must be one the profile holds, in the subject it names.
    `about_candidate=True` reads every sentence as the candidate's (a CV's summary).
    """
    facts = collect_facts(profile, posting, sources, today=today)
    lang = language or guess_language(text) or posting.language or "en"
    found: list[tuple[int, str]] = []
    durations = duration_findings(text, facts, about_candidate=about_candidate)
    found += [(j.claim.start, j.claim.text) for j in durations if not j.supported]
    spans = [(j.claim.start, j.claim.end) for j in durations]
    degrees, degree_found = degree_claims(text, facts)
    found += degree_found
    for match in NUMBER.finditer(text):
        inside = any(a <= match.start() < b for a, b in spans)
        if not inside and not _number_supported(parse_number(match), facts):
            found.append((match.start(), match.group(0).strip()))
    skill_claims, skill_spans = skill_findings(text, facts.skills, facts.folded)
    # A degree's subject ("BSc in Midwifery") was judged with the degree.
    found += [(p, c) for p, c in skill_claims if not any(a <= p < b for a, b in degrees)]
    # Words judged as a degree ("Master's", "PhD") or a skill ("Golang") are not names.
    judged = degrees + skill_spans
    found += [
        (start, name)
        for start, name in name_claims(text, facts, lang)
        if not any(a <= start < b for a, b in judged)
    ]
    found += certificate_claims(text, facts, about_candidate=about_candidate)
    # "Your search for an intensive-care nurse" must be what the posting says it seeks.
    found += ask_claims(text, f"{posting.title}\n{posting.description_text}")
    return _unique(claim for _, claim in sorted(found))


def duration_findings(
    text: str, facts: Facts, *, about_candidate: bool | None = None
) -> list[Judged]:
    """Every duration `text` claims, judged against the facts' figures."""
    return judge_durations(
        text,
        facts.figures,
        own_text=facts.own,
        other_texts=facts.others,
        ignore=facts.company_words,
        about_candidate=about_candidate,
    )


def without_overstated_durations(
    text: str, facts: Facts, *, about_candidate: bool | None = None
) -> str:
    """`text` without the sentences that claim a duration the figures do not support."""
    cuts = sorted(
        {
            sentence_bounds(text, j.claim.start, j.claim.end)
            for j in duration_findings(text, facts, about_candidate=about_candidate)
            if not j.supported
        }
    )
    if not cuts:
        return text
    kept, at = [], 0
    for begin, end in cuts:
        kept.append(text[at:begin])
        at = end + 1 if end < len(text) and text[end] in ".!?" else end
    kept.append(text[at:])
    return re.sub(r"[ \t]{2,}", " ", "".join(kept)).strip()


def degree_claims(text: str, facts: Facts) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
    """(spans, claims): where `text` names degrees (with their subjects), and those the
    profile does not hold: a level it lacks ("PhD") or a subject none of its degrees of
    that level names ("Master's degree in Data Science" for an M.Sc. Computer Science)."""
    held = set(facts.degrees) | ({"master"} if "mba" in facts.degrees else set())
    spans: list[tuple[int, int]] = []
    claims: list[tuple[int, str]] = []
    for start, end, level, words in degree_mentions(text):
        spans.append((start, end))
        if level not in held:
            claims.append((start, words))
            continue
        subject = degree_subject(text, end, words)
        if subject is None:
            continue
        subject_end, subject_words = subject
        spans.append((start, subject_end))
        wanted = fold(subject_words).split()
        entries = [
            entry.split()
            for levels, entry in facts.education
            if level in levels or (level == "master" and "mba" in levels)
        ]
        if not any(all(any(same_word(w, e) for e in entry) for w in wanted) for entry in entries):
            claims.append((start, text[start:subject_end]))
    return spans, claims


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
