"""What the LLM is asked when profiling (the offline extractor needs no prompt)."""

from __future__ import annotations

from jobagent_core.llm import Message

SYSTEM = (
    "You turn CVs into a structured profile. Use only facts written in the CV text: "
    "never guess or add employers, dates, degrees, skills, links or contact details. "
    "Leave a field empty when the CV does not state it. Dates as YYYY-MM, YYYY or "
    "'present'. Put certificates, licences and professional registrations under "
    "certifications, not education; give a degree's subject as field_of_study. "
    "Suggest 3 to 6 job titles this person could apply for, justified by their "
    "experience and skills."
)
_MAX_CHARS_PER_DOCUMENT = 30_000


def profile_messages(texts: list[str]) -> list[Message]:
    documents = "\n\n".join(
        f"--- CV document {i} ---\n{text[:_MAX_CHARS_PER_DOCUMENT]}"
        for i, text in enumerate(texts, start=1)
    )
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Build one profile from these documents:\n\n{documents}"},
    ]
