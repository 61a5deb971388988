"""The profile as stored on the user row: the extracted profile plus which fields
the person edited, so profiling again keeps their edits unless told otherwise.

Also the years of experience, computed here from the dated jobs and stored with the
profile (`with_experience_years`): the one place those figures are worked out.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import date
from typing import Any

from pydantic import ValidationError

from jobagent_core.profiling._offline.dates import covered_months, month_span
from jobagent_core.profiling.schemas import ExperienceEntry, Profile

EDITED_KEY = "edited_fields"


def job_span(job: ExperienceEntry, *, today: date | None = None) -> tuple[float, float] | None:
    """(begin, stop) of a job in months since year 0; None when it is undated.

    Months count when the CV gives them ("2019-03" – "2021-06" is 28 months), bare years
    at year precision ("2014" – "2024" is ten years); a current job runs to today.
    """
    current = job.current or (job.end or "").strip().lower() == "present"
    return month_span(job.start, job.end, current=current, today=today or date.today())


def experience_months(jobs: list[ExperienceEntry], *, today: date | None = None) -> float | None:
    """Months the dated `jobs` cover together (overlaps counted once); None if none is
    dated. Pass a subset of a profile's jobs for the months in one field."""
    spans = [s for job in jobs if (s := job_span(job, today=today)) is not None]
    return covered_months(spans) if spans else None


def experience_years(profile: Profile, *, today: date | None = None) -> float | None:
    """Years of work the profile's dated jobs cover (overlaps counted once), unrounded;
    None when no job is dated."""
    months = experience_months(profile.experience, today=today)
    return None if months is None else months / 12


def _stored_years(months: float | None) -> float | None:
    """Years to store: rounded down to two decimals, so the figure never grows."""
    return None if months is None else math.floor(months / 12 * 100 + 1e-6) / 100


def with_experience_years(profile: Profile, *, today: date | None = None) -> Profile:
    """A copy of `profile` with `experience_years` and each job's `years` computed from
    the dated jobs as of `today` (default: today)."""
    today = today or date.today()
    jobs = [
        job.model_copy(update={"years": _stored_years(experience_months([job], today=today))})
        for job in profile.experience
    ]
    total = _stored_years(experience_months(profile.experience, today=today))
    return profile.model_copy(update={"experience": jobs, "experience_years": total})


def _with_years_json(data: dict[str, Any]) -> dict[str, Any]:
    """Stored profile JSON with its computed years brought up to date."""
    fields = {k: v for k, v in data.items() if k in Profile.model_fields}
    try:
        profile = with_experience_years(Profile.model_validate(fields))
    except ValidationError:
        return data
    return data | profile.model_dump(mode="json", include={"experience", "experience_years"})


def merge_profile(new: Profile, old: dict[str, Any] | None, *, overwrite: bool) -> dict[str, Any]:
    """The JSON to store: `new`, with the fields the person edited taken from `old`
    (all of `new` when `overwrite`)."""
    data = new.model_dump(mode="json")
    edited = [f for f in (old or {}).get(EDITED_KEY, []) if f in data]
    if old and not overwrite:
        for name in edited:
            if name in old:
                data[name] = old[name]
        data[EDITED_KEY] = edited
    else:
        data[EDITED_KEY] = []
    return _with_years_json(data)


def apply_edits(old: dict[str, Any] | None, edits: dict[str, Any]) -> dict[str, Any]:
    """`old` with `edits` applied and validated; the edited fields are remembered.

    Raises pydantic's ValidationError for values that do not fit the profile.
    """
    base = {k: v for k, v in (old or {}).items() if k in Profile.model_fields}
    unknown = set(edits) - set(Profile.model_fields)
    if unknown:
        raise ValueError(f"Unknown profile fields: {', '.join(sorted(unknown))}")
    validated = with_experience_years(Profile.model_validate(base | edits)).model_dump(mode="json")
    before = _with_years_json(base)
    changed = [k for k in edits if before.get(k) != validated.get(k)]
    edited = list(dict.fromkeys([*(old or {}).get(EDITED_KEY, []), *changed]))
    return validated | {EDITED_KEY: edited}


def _plain(value: str | None) -> str:
    """`value` compared loosely: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(letters.casefold().split())


def other_person(stored: dict[str, Any] | None, cv: Profile) -> str | None:
    """How `cv` names someone other than the stored profile's person, in words
    ("name on the CV: Amara Okafor", else the e-mail); None when they agree.

    Compared loosely (case, accents, spacing); a value missing on either side is
    no conflict, so a CV without a name or e-mail is never questioned.
    """
    stored = stored or {}
    pairs = (
        ("name", cv.name, stored.get("name")),
        ("e-mail", cv.email, stored.get("email")),
    )
    for label, on_cv, on_profile in pairs:
        comparable = isinstance(on_profile, str) and on_cv and on_profile.strip()
        if comparable and _plain(on_cv) != _plain(on_profile):
            return f"{label} on the CV: {(on_cv or '').strip()}"
    return None
