"""A job-file source is bound to the user it was issued to."""

from __future__ import annotations

import pytest

from jobagent_core.config import load_settings
from jobagent_core.workflows.job_search_start import SourceSpecError, file_key, file_source

pytestmark = pytest.mark.unit


def test_file_sources_are_signed_for_one_user() -> None:
    settings = load_settings(BETTER_AUTH_SECRET="s" * 40)
    key = "sha256/ab/" + "ab" * 32 + ".json"
    spec = file_source("user-a", key, settings)
    assert spec.startswith("file:")
    assert file_key("user-a", spec, settings) == key
    for forged in (spec, f"file:{key}", f"file:{key}:{'0' * 32}", "file:"):
        if forged != spec:
            with pytest.raises(SourceSpecError, match="Upload the job file again"):
                file_key("user-a", forged, settings)
        with pytest.raises(SourceSpecError):
            file_key("user-b", forged, settings)
    other_secret = load_settings(BETTER_AUTH_SECRET="t" * 40)
    with pytest.raises(SourceSpecError):
        file_key("user-a", spec, other_secret)
