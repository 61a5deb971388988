"""What every cover letter shares, however it was written: language, header, footer."""

from __future__ import annotations

from datetime import date

from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication.schemas import CoverLetter, CoverLetterDraft
from jobagent_core.fabrication.templates import SUPPORTED, guess_language
from jobagent_core.profiling.schemas import Profile


def letter_language(posting: PostingData) -> str:
    """The posting's language when we write it, else the one its text reads in, else English."""
    code = (posting.language or "").split("-")[0].lower()
    if code in SUPPORTED:
        return code
    if not code:
        guessed = guess_language(f"{posting.title}\n{posting.description_text[:4000]}")
        if guessed:
            return guessed
    return "en"


def sender_lines(profile: Profile) -> list[str]:
    contact = " · ".join(v for v in (profile.email, profile.phone) if v)
    return [line for line in (profile.name, contact, profile.location) if line]


def recipient_lines(posting: PostingData) -> list[str]:
    return [line for line in (posting.company, posting.location) if line]


def finish_letter(
    draft: CoverLetterDraft, profile: Profile, posting: PostingData, *, today: date | None = None
) -> CoverLetter:
    """The draft with the sender, the recipient, the date and the signature filled
    from the facts: a letter is signed with the profile's name, whatever a model wrote."""
    fields = draft.model_dump()
    if profile.name:
        fields["signature"] = profile.name
    return CoverLetter(
        **fields,
        sender=sender_lines(profile),
        recipient=recipient_lines(posting),
        date=today or date.today(),
    )
