"""The profile as stored on the user row: the extracted profile plus which fields
the person edited, so profiling again keeps their edits unless told otherwise."""

from __future__ import annotations

from typing import Any

from jobagent_core.profiling.schemas import Profile

EDITED_KEY = "edited_fields"


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
    return data


def apply_edits(old: dict[str, Any] | None, edits: dict[str, Any]) -> dict[str, Any]:
    """`old` with `edits` applied and validated; the edited fields are remembered.

    Raises pydantic's ValidationError for values that do not fit the profile.
    """
    base = {k: v for k, v in (old or {}).items() if k in Profile.model_fields}
    unknown = set(edits) - set(Profile.model_fields)
    if unknown:
        raise ValueError(f"Unknown profile fields: {', '.join(sorted(unknown))}")
    validated = Profile.model_validate(base | edits).model_dump(mode="json")
    changed = [k for k in edits if base.get(k) != validated.get(k)]
    edited = list(dict.fromkeys([*(old or {}).get(EDITED_KEY, []), *changed]))
    return validated | {EDITED_KEY: edited}
