"""Cover letters without an LLM: templates in the posting's language, filled only
with facts from the profile, the posting and the company research."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from datetime import date

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication.contacts import greeting_for
from jobagent_core.fabrication.durations import ExperienceFigures
from jobagent_core.fabrication.letters import finish_letter, letter_language
from jobagent_core.fabrication.relevance import (
    PostingTerms,
    posting_terms,
    ranked_bullets,
    ranked_experience,
    text_score,
)
from jobagent_core.fabrication.schemas import CoverLetter, CoverLetterDraft
from jobagent_core.fabrication.templates import LetterPhrases, guess_language, phrases_for
from jobagent_core.fabrication.text import as_sentence, fold, mentions, sentences
from jobagent_core.profiling.schemas import ExperienceEntry, Profile

MAX_SKILLS = 4
_MAX_QUOTE = 260  # longer research sentences or bullets read badly inside a letter


def write_cover_letter_offline(
    profile: Profile,
    posting: PostingData,
    *,
    matched_skills: Sequence[str],
    research_summary: str | None,
    seed: str | None = None,
    today: date | None = None,
) -> CoverLetter:
    """A letter in the posting's language (English when we have no templates for it).

    It names the role and company, the most relevant job (title and employer), up to
    four matched skills the profile really has, the total years of experience (computed
    from the dated jobs as of `today`, whole years rounded down, from two years on), and
    one sentence of `research_summary` when it is in the letter's language. The wording
    varies by posting (seeded by `seed`, default the posting's source and id) and is
    the same every time for the same inputs.
    """
    phrases = phrases_for(letter_language(posting))
    digest = hashlib.sha256((seed or f"{posting.source}:{posting.source_id}").encode()).digest()
    rng = random.Random(int.from_bytes(digest[:8], "big"))
    terms = posting_terms(posting, matched_skills)
    role, company = posting.title, posting.company
    claims = [role, company]

    opening = [rng.choice(phrases.openings).format(role=role, company=company)]
    quote = _research_sentence(research_summary, phrases.language)
    if quote:
        opening.append(rng.choice(phrases.research).format(company=company, sentence=quote))
        claims.append(quote)
    paragraphs = [" ".join(opening)]

    years = ExperienceFigures(profile, today=today).total_years
    background = _background(profile, terms, phrases, rng, claims, years, role, company)
    if background:
        paragraphs.append(" ".join(background))
    skills = letter_skills(profile, posting, matched_skills)
    if skills:
        posting_text = f"{posting.title}\n{posting.description_text}"
        # Only skills the posting itself names may be called what it asks for.
        asked = all(mentions(posting_text, s) for s in skills)
        template = rng.choice(phrases.skills + (phrases.skills_asked if asked else ()))
        paragraphs.append(template.format(skills=phrases.join(skills), role=role, company=company))
        claims += skills
    paragraphs.append(rng.choice(phrases.motivation).format(company=company, role=role))

    draft = CoverLetterDraft(
        language=phrases.language,
        subject=rng.choice(phrases.subjects).format(role=role),
        greeting=greeting_for(posting, phrases.language)
        or rng.choice(phrases.greetings).format(company=company),
        paragraphs=paragraphs,
        closing=rng.choice(phrases.closings),
        signature=profile.name or "",
        claims_used=claims,
    )
    return finish_letter(draft, profile, posting, today=today)


def _background(
    profile: Profile,
    terms: PostingTerms,
    phrases: LetterPhrases,
    rng: random.Random,
    claims: list[str],
    years: int | None,
    role: str,
    company: str,
) -> list[str]:
    """Sentences on the most relevant job(s), the years of experience (`years`: the
    total, whole years rounded down) and, when it matters, the education."""
    out: list[str] = []
    jobs = [(score, job) for score, job in ranked_experience(profile, terms) if job.employer]
    if jobs:
        top = jobs[0][1]
        current = top.current or (top.end or "").lower() == "present"
        template = rng.choice(phrases.experience_current if current else phrases.experience_past)
        out.append(
            template.format(title=top.title, employer=top.employer, role=role, company=company)
        )
        claims.append(f"{top.title} — {top.employer}")
        example = _example_bullet(top, terms, phrases.language)
        if example:
            out.append(
                rng.choice(phrases.example).format(bullet=example, role=role, company=company)
            )
            claims.append(example)
        if len(jobs) > 1 and jobs[1][0] > 0:
            second = jobs[1][1]
            out.append(
                rng.choice(phrases.earlier).format(
                    title=second.title, employer=second.employer, role=role, company=company
                )
            )
            claims.append(f"{second.title} — {second.employer}")
    if years is not None and years >= 2:
        out.append(
            rng.choice(phrases.experience_years).format(years=years, role=role, company=company)
        )
        claims.append(f"{years} years of experience")
    degree = next(
        (e for e in profile.education if not jobs or text_score(e.degree, terms) > 0), None
    )
    if degree:
        sentence = rng.choice(phrases.education).format(
            degree=degree.degree, institution=degree.institution or "", role=role, company=company
        )
        out.append(sentence.replace(" ()", ""))
        claims.append(degree.degree)
    return out


def letter_skills(
    profile: Profile, posting: PostingData, matched_skills: Sequence[str]
) -> list[str]:
    """Up to four skills to name: matched skills the profile has (in its spelling), then
    profile skills the posting mentions."""
    own = {fold(s): s for s in profile.skills}
    profile_text = "\n".join(
        [profile.summary or "", *(b for job in profile.experience for b in job.bullets)]
    )
    chosen: list[str] = []
    for skill in matched_skills:
        name = own.get(fold(skill)) or (skill if mentions(profile_text, skill) else None)
        if name and name not in chosen:
            chosen.append(name)
    posting_text = f"{posting.title}\n{posting.description_text}"
    for skill in profile.skills:
        if len(chosen) >= MAX_SKILLS:
            break
        if skill not in chosen and mentions(posting_text, skill):
            chosen.append(skill)
    return chosen[:MAX_SKILLS]


def _speaks(text: str, language: str) -> bool:
    """Whether `text` may be quoted in a letter in `language`."""
    guessed = guess_language(text)
    return guessed == language or (guessed is None and language == "en")


def _example_bullet(job: ExperienceEntry, terms: PostingTerms, language: str) -> str | None:
    for score, bullet in ranked_bullets(job.bullets, terms):
        if score <= 0:
            break
        if len(bullet) <= _MAX_QUOTE and _speaks(bullet, language):
            return as_sentence(bullet)
    return None


def _research_sentence(summary: str | None, language: str) -> str | None:
    for sentence in sentences(summary or ""):
        if 25 <= len(sentence) <= _MAX_QUOTE and _speaks(sentence, language):
            return as_sentence(sentence)
    return None
