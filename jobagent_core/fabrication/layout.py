"""Text pieces every renderer shows the same way."""

from __future__ import annotations

import re
from datetime import date

from jobagent_core.fabrication.schemas import CoverLetter
from jobagent_core.fabrication.templates import phrases_for

EN_DASH = "\u2013"
_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{1,2}))?")


def letter_date(letter: CoverLetter) -> str:
    """The letter's date written in its language: '3. März 2025', '3 mars 2025'."""
    return phrases_for(letter.language).format_date(letter.date or date.today())


def period_text(start: str | None, end: str | None, *, current: bool, present: str) -> str:
    """'03/2019 - 2023', '2021 - present' (with an en dash); '' when nothing is known."""
    finish = present if current and not end else _date_text(end, present)
    begin = _date_text(start, present)
    if begin and finish:
        return f"{begin} {EN_DASH} {finish}"
    return begin or finish


def _date_text(value: str | None, present: str) -> str:
    """Profile dates are "YYYY-MM", "YYYY" or "present"; anything else is shown as is."""
    if not value:
        return ""
    if value.strip().lower() == "present":
        return present
    match = _YEAR_MONTH.fullmatch(value.strip())
    if match and match.group(2):
        return f"{int(match.group(2)):02d}/{match.group(1)}"
    return value


def language_text(language: str, level: str | None) -> str:
    return f"{language} ({level})" if level else language


def certificate_text(name: str, issuer: str | None, obtained: str | None) -> str:
    """'AWS Certified Developer — Amazon Web Services (03/2022)'."""
    when = _date_text(obtained, "")
    return heading_text(name, issuer) + (f" ({when})" if when else "")


def heading_text(main: str, detail: str | None) -> str:
    """'Data Engineer — Initech', or just the title when the employer is unknown."""
    return f"{main} — {detail}" if detail else main
