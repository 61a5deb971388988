"""Cover letters written by an LLM, checked against the facts and regenerated once."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import date
from typing import Any

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication.fact_check import fact_check
from jobagent_core.fabrication.facts import experience_years
from jobagent_core.fabrication.letters import finish_letter, letter_language
from jobagent_core.fabrication.schemas import CoverLetter, CoverLetterDraft
from jobagent_core.llm import LlmClient, LlmInvalidReply, LlmUnavailable, Message
from jobagent_core.profiling.schemas import Profile

log = logging.getLogger(__name__)

SCHEMA_NAME = "cover_letter"
STAGE = "fabrication"
_MAX_DESCRIPTION = 8_000
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
    "addresses or the date in the paragraphs. List in claims_used the facts from the data "
    "you relied on."
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
    caller to store as flagged on the artifact.

    Raises `LlmUnavailable` or `LlmInvalidReply` (or another `LlmError`) when not even a
    first letter could be had: the caller falls back to `write_cover_letter_offline`.
    """
    language = _language(posting)
    sources = [research_summary]
    messages = _messages(profile, posting, matched_skills, research_summary, language)
    first = client.complete_structured(
        messages, CoverLetterDraft, name=SCHEMA_NAME, stage=STAGE, temperature=0.4
    )
    draft = first.parsed
    flagged = fact_check(
        draft.body_text(), profile, posting, sources=sources, language=draft.language
    )
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
            second_flagged = fact_check(
                second.parsed.body_text(),
                profile,
                posting,
                sources=sources,
                language=second.parsed.language,
            )
            if len(second_flagged) <= len(flagged):
                draft, flagged = second.parsed, second_flagged
    if not draft.language.strip():
        draft = draft.model_copy(update={"language": language})
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
) -> list[Message]:
    data: dict[str, Any] = {
        "profile": profile.model_dump(exclude={"field_sources"}, exclude_none=True),
        "years_of_professional_experience": int(experience_years(profile)),
        "posting": {
            "title": posting.title,
            "company": posting.company,
            "location": posting.location,
            "remote": posting.remote,
            "employment_type": posting.employment_type,
            "description": posting.description_text[:_MAX_DESCRIPTION],
        },
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


def _correction(previous: str, flagged: list[str]) -> list[Message]:
    listed = "; ".join(f'"{claim}"' for claim in flagged)
    return [
        {"role": "assistant", "content": previous},
        {
            "role": "user",
            "content": "These statements in your letter are not supported by the data: "
            f"{listed}. Rewrite the whole letter without them and do not replace them with "
            "anything else the data does not state. Reply with the JSON object only.",
        },
    ]
