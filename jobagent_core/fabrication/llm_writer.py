"""Cover letters written by an LLM, checked against the facts and regenerated once."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import date
from typing import Any

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication.contacts import greeting_for
from jobagent_core.fabrication.durations import ExperienceFigures, years_phrase
from jobagent_core.fabrication.fact_check import fact_check, without_overstated_durations
from jobagent_core.fabrication.facts import collect_facts
from jobagent_core.fabrication.letters import finish_letter, letter_language
from jobagent_core.fabrication.schemas import CoverLetter, CoverLetterDraft
from jobagent_core.llm import LlmClient, LlmInvalidReply, LlmUnavailable, Message
from jobagent_core.profiling._offline.dates import whole_years
from jobagent_core.profiling.schemas import Profile

log = logging.getLogger(__name__)

SCHEMA_NAME = "cover_letter"
STAGE = "fabrication"
_MAX_DESCRIPTION = 8_000
# Left out of the profile the LLM sees: the stored years may be stale (a current job goes
# on), the prompt's experience_figures are computed for the letter's date.
_COMPUTED: dict[str, Any] = {
    "field_sources": True,
    "experience_years": True,
    "experience": {"__all__": {"years"}},
}
_LANGUAGES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
}
SYSTEM = (
    "You write cover letters for job applications. Use only facts found in the JSON data "
    "you are given (the candidate's profile, the job posting, the matched skills and the "
    "company research). Never invent or embellish: no employers, job titles, degrees, "
    "certificates, skills, tools, projects, numbers, percentages, amounts, dates or years "
    "of experience that the data does not state. If the data is thin, write a shorter "
    "letter. Write a professional, specific letter of 3 to 5 short paragraphs (under 350 "
    "words): why this role and company, the most relevant experience (job title and "
    "employer), two to four matched skills, and a closing paragraph. Do not put the "
    "addresses or the date in the paragraphs. Use contact_greeting as the greeting when "
    "it is given, else a neutral one; never name a person the data does not name. Say what "
    "the posting asks for only in the posting's own words (its title and requirements). "
    "List in claims_used the facts from the data "
    "you relied on. Durations: state a number of years (or 'a decade', 'since 2015') only "
    "as experience_figures gives it: the total, one job's own figure, or one field's "
    "figure, each in whole years rounded down (9 years 7 months is nine years: never ten, "
    "'about ten' or 'a decade'). Never add up jobs yourself, never round up, and give no "
    "number for a field the figures do not list; under one year give months or nothing."
)


def write_cover_letter_llm(
    client: LlmClient,
    profile: Profile,
    posting: PostingData,
    *,
    matched_skills: Sequence[str],
    research_summary: str | None = None,
    today: date | None = None,
) -> tuple[CoverLetter, list[str]]:
    """A letter by the LLM and the claims in it the facts do not support ([] if none).

    The reply is fact-checked; when it states unsupported claims the model is asked once
    more, told which claims to drop. If the second letter still has some (or the second
    request fails), the better of the two letters is returned with its claims, for the
    caller to store as flagged on the artifact; a sentence stating a duration the dated
    jobs do not support ("10 years in intensive care" for eight) is dropped from it
    rather than flagged. Durations are judged as of `today` (the letter's date).

    Raises `LlmUnavailable` or `LlmInvalidReply` (or another `LlmError`) when not even a
    first letter could be had: the caller falls back to `write_cover_letter_offline`.
    """
    language = _language(posting)
    sources = [research_summary]
    messages = _messages(profile, posting, matched_skills, research_summary, language, today)
    first = client.complete_structured(
        messages, CoverLetterDraft, name=SCHEMA_NAME, stage=STAGE, temperature=0.4
    )
    draft = first.parsed

    def check(letter: CoverLetterDraft) -> list[str]:
        return fact_check(
            letter.body_text(),
            profile,
            posting,
            sources=sources,
            language=letter.language,
            today=today,
        )

    flagged = check(draft)
    if flagged:
        log.info("cover letter: %d unsupported claim(s); asking once more", len(flagged))
        retry = [*messages, *_correction(first.raw_text, flagged)]
        try:
            second = client.complete_structured(
                retry, CoverLetterDraft, name=SCHEMA_NAME, stage=STAGE, temperature=0.2
            )
        except (LlmUnavailable, LlmInvalidReply) as err:
            log.warning("cover letter: the corrected letter failed (%s); keeping the first", err)
        else:
            second_flagged = check(second.parsed)
            if len(second_flagged) <= len(flagged):
                draft, flagged = second.parsed, second_flagged
    if flagged:
        # An overstated duration never reaches the reader: its sentence is dropped.
        facts = collect_facts(profile, posting, sources, today=today)
        paragraphs = [without_overstated_durations(p, facts) for p in draft.paragraphs]
        paragraphs = [p for p in paragraphs if p.strip()]
        if paragraphs and paragraphs != draft.paragraphs:
            log.info("cover letter: dropped sentences with unsupported durations")
            draft = draft.model_copy(update={"paragraphs": paragraphs})
            flagged = check(draft)
    if not draft.language.strip():
        draft = draft.model_copy(update={"language": language})
    addressed = greeting_for(posting, draft.language.split("-")[0].lower() or language)
    if addressed and addressed != draft.greeting:
        # The posting names its contact: greet them, in the letter's language.
        draft = draft.model_copy(update={"greeting": addressed})
    return finish_letter(draft, profile, posting, today=today), flagged


def _language(posting: PostingData) -> str:
    """The posting's language, even one we have no templates for; else as guessed."""
    code = (posting.language or "").split("-")[0].lower()
    return code or letter_language(posting)


def _messages(
    profile: Profile,
    posting: PostingData,
    matched_skills: Sequence[str],
    research_summary: str | None,
    language: str,
    today: date | None = None,
) -> list[Message]:
    figures = ExperienceFigures(profile, today=today)
    data: dict[str, Any] = {
        "profile": profile.model_dump(exclude=_COMPUTED, exclude_none=True),
        "years_of_professional_experience": figures.total_years,
        "experience_figures": experience_figures(figures, posting),
        "posting": {
            "title": posting.title,
            "company": posting.company,
            "location": posting.location,
            "remote": posting.remote,
            "employment_type": posting.employment_type,
            "description": posting.description_text[:_MAX_DESCRIPTION],
        },
        "contact_greeting": greeting_for(posting, language),
        "matched_skills": list(matched_skills),
        "company_research": research_summary,
    }
    name = _LANGUAGES.get(language, f"the language with ISO 639-1 code '{language}'")
    return [
        {"role": "system", "content": SYSTEM},
        {
            "role": "user",
            "content": f"Write the cover letter in {name} (set language to '{language}'), "
            "signed with the candidate's name. The data:\n\n"
            + json.dumps(data, ensure_ascii=False, indent=1),
        },
    ]


def experience_figures(figures: ExperienceFigures, posting: PostingData) -> dict[str, Any]:
    """The years of experience the letter may state, for the prompt: the total, each
    dated job's, each field's (taxonomy title) and that of the jobs like the posting."""

    def figure(months: float | None) -> dict[str, Any] | None:
        if months is None:
            return None
        return {"whole_years": whole_years(months), "exactly": years_phrase(months)}

    jobs = figures.jobs
    out: dict[str, Any] = {
        "how": f"Computed from the dated jobs as of {figures.today.isoformat()}: overlapping "
        "jobs counted once, a current job up to that day, never rounded up.",
        "total": figure(figures.total_months),
        "jobs": [
            {"title": job.title, "employer": job.employer, **(figure(months) or {})}
            for i, job in enumerate(jobs)
            if (months := figures.job_months(i)) is not None
        ],
        "fields": [
            {
                "field": field.name,
                "jobs": [jobs[i].title for i in field.jobs],
                **(figure(field.months) or {}),
            }
            for field in figures.fields()
            if field.months is not None
        ],
    }
    like_posting = figures.field_jobs(posting.title)
    if like_posting:
        months = figures.months_of(like_posting)
        if months is not None:
            out["jobs_like_the_posting"] = {
                "jobs": [jobs[i].title for i in sorted(like_posting)],
                **(figure(months) or {}),
            }
    return out


def _correction(previous: str, flagged: list[str]) -> list[Message]:
    listed = "; ".join(f'"{claim}"' for claim in flagged)
    return [
        {"role": "assistant", "content": previous},
        {
            "role": "user",
            "content": "These statements in your letter are not supported by the data: "
            f"{listed}. Rewrite the whole letter without them and do not replace them with "
            "anything else the data does not state; any number of years must be one of "
            "experience_figures. Reply with the JSON object only.",
        },
    ]
