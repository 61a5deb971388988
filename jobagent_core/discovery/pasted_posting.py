"""A posting pasted as text: checked, and its title, company and place read from
the text where it says so.

    pasted = read_pasted("Data Engineer\\nCompany: Acme GmbH\\nLocation: Berlin\\n…")
    pasted.title, pasted.company, pasted.location   # "Data Engineer", "Acme GmbH", "Berlin"

Title: a "Title:" / "Position:" / "Role:" line, else the first line when it reads
like a title ("Data Engineer at Acme GmbH" gives both). Company: a "Company:" /
"Employer:" line. The person's own title and company (the form's fields) win over
both. Text that says neither, or is empty or too long, is refused in words
(`PastedPostingError`), so the form can say what to add.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

MIN_TEXT_CHARS = 80
MAX_TEXT_CHARS = 50_000
MAX_FIELD_CHARS = 300
MAX_TITLE_LINE = 120

_LABEL = r"^\s*(?:[-*•]\s*)?(?:{words})\s*[:：]\s*(?P<value>\S.*?)\s*$"
_TITLE_LINE = re.compile(
    _LABEL.format(words="job title|title|position|role|job|stelle|stellenbezeichnung|poste|puesto"),
    re.IGNORECASE | re.MULTILINE,
)
_COMPANY_LINE = re.compile(
    _LABEL.format(
        words="company|company name|employer|organi[sz]ation|hiring company|unternehmen"
        "|firma|arbeitgeber|entreprise|employeur|empresa"
    ),
    re.IGNORECASE | re.MULTILINE,
)
_LOCATION_LINE = re.compile(
    _LABEL.format(words="location|place|based in|standort|arbeitsort|ort|lieu|ubicación"),
    re.IGNORECASE | re.MULTILINE,
)
# "Data Engineer at Acme GmbH", "Data Engineer @ Acme GmbH"
_AT_COMPANY = re.compile(r"^(?P<title>.{2,}?)\s+(?:at|@|bei|chez)\s+(?P<company>\S.{0,}?)$")
_REMOTE = re.compile(r"\b(?:remote|fully remote|work from home|home ?office)\b", re.IGNORECASE)


class PastedPostingError(ValueError):
    """Pasted text that cannot be a posting; `str(err)` says what to change."""


@dataclass(frozen=True)
class PastedPosting:
    title: str
    company: str
    location: str | None
    remote: bool
    text: str  # the posting's text, line breaks kept, surrounding blanks trimmed

    @property
    def source_id(self) -> str:
        """A stable id for this text: the same posting pasted twice is stored once."""
        return "text:" + text_digest(self.text)


def text_digest(text: str) -> str:
    """The text's SHA-256 over its words, so spacing and line breaks do not count."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def clean_text(text: str) -> str:
    """The pasted text with Windows and old Mac line breaks made plain, trailing
    blanks and runs of empty lines removed. Raises `PastedPostingError` when it is
    empty, too short, too long or holds NUL characters."""
    if "\x00" in text:
        raise PastedPostingError("The text holds NUL characters: paste it as plain text.")
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not cleaned:
        raise PastedPostingError("Paste the posting's text (or give its link).")
    if len(cleaned) > MAX_TEXT_CHARS:
        raise PastedPostingError(
            f"The text is {len(cleaned):,} characters long; a posting fits in "
            f"{MAX_TEXT_CHARS:,}. Paste only the posting itself."
        )
    if len(cleaned) < MIN_TEXT_CHARS:
        raise PastedPostingError(
            f"That is too little text for a posting ({len(cleaned)} characters): paste the "
            "whole posting, with what the job is and what it asks for."
        )
    return cleaned


def _field(value: str | None, name: str) -> str | None:
    text = " ".join((value or "").split())
    if "\x00" in text:
        raise PastedPostingError(f"The {name} holds NUL characters.")
    if len(text) > MAX_FIELD_CHARS:
        raise PastedPostingError(f"The {name} is longer than {MAX_FIELD_CHARS} characters.")
    return text or None


def labelled(pattern: re.Pattern[str], text: str) -> str | None:
    """The value of the first line `pattern` matches ("Company: Acme" → "Acme")."""
    found = pattern.search(text)
    if found is None:
        return None
    value = " ".join(found["value"].split())
    return value[:MAX_FIELD_CHARS] or None


def company_in(text: str) -> str | None:
    """The company a "Company: …" style line names, if any."""
    return labelled(_COMPANY_LINE, text)


def location_in(text: str) -> str | None:
    """The place a "Location: …" style line names, if any."""
    return labelled(_LOCATION_LINE, text)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


def _title_from_first_line(line: str) -> tuple[str | None, str | None]:
    """(title, company) when the first line reads like a title, else (None, None)."""
    line = line.strip(" #*-–—:|").strip()
    if not line or len(line) > MAX_TITLE_LINE or line.endswith((".", "!", "?", ",", ";")):
        return None, None
    if _COMPANY_LINE.match(line) or _LOCATION_LINE.match(line):
        return None, None
    at = _AT_COMPANY.match(line)
    if at is not None:
        return at["title"].strip(), at["company"].strip()
    return line, None


def read_pasted(
    text: str, *, title: str | None = None, company: str | None = None
) -> PastedPosting:
    """The pasted posting, with `title` and `company` (the form's fields) winning over
    what the text says. Raises `PastedPostingError` in words."""
    cleaned = clean_text(text)
    given_title, given_company = _field(title, "title"), _field(company, "company")
    line_title, line_company = _title_from_first_line(_first_line(cleaned))
    found_title = given_title or labelled(_TITLE_LINE, cleaned) or line_title
    found_company = given_company or company_in(cleaned) or line_company
    if not found_title:
        raise PastedPostingError(
            "Job Agent could not tell the job's title from the text: fill in the title "
            "field, or start the text with the title on a line of its own."
        )
    if not found_company:
        raise PastedPostingError(
            "Job Agent could not tell which company this posting is from: fill in the "
            "company field, or add a line such as “Company: Acme GmbH”."
        )
    location = location_in(cleaned)
    return PastedPosting(
        title=found_title[:MAX_FIELD_CHARS],
        company=found_company[:MAX_FIELD_CHARS],
        location=location,
        remote=bool(_REMOTE.search(location or "")) or bool(_REMOTE.search(found_title)),
        text=cleaned,
    )
