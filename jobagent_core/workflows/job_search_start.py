"""Starting job searches: what a request may contain, and the rows it creates.

Shared by the HTTP API, the web app and the CLI so all three accept the same
searches and refuse the same mistakes with the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from sqlalchemy.orm import Session as DbSession

from jobagent_core.config import Settings
from jobagent_core.db.enums import RunKind
from jobagent_core.db.models import JobSearch, Run, User
from jobagent_core.discovery.filters import DEFAULT_REMOTE, RemoteOption
from jobagent_core.discovery.schema import Seniority
from jobagent_core.discovery.sources.file_specs import file_key, file_source
from jobagent_core.discovery.sources.registry import (
    FILE_PREFIX,
    SAMPLE_SPEC,
    SourceSpecError,
    build_source,
    parse_source_spec,
)
from jobagent_core.workflows.dispatch import new_task_id
from jobagent_core.workflows.runs import create_run

SAMPLE_SOURCE = SAMPLE_SPEC
MAX_SOURCES = 20


MAX_EXCLUSIONS = 50


def _no_nul(value: str) -> str:
    # PostgreSQL cannot store NUL in text: refuse it here, with the field's name.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


NoNul = AfterValidator(_no_nul)
# Stripped strings of bounded length without NUL characters.
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100), NoNul]
Place = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200), NoNul]
Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), NoNul
]
# A source spec as sent (`parse_source_spec` reads it when the search starts).
SourceText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000), NoNul]


class SearchFilters(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    posted_within_days: int | None = Field(default=None, ge=1, le=365)
    excluded_companies: list[Phrase] = Field(default_factory=list, max_length=MAX_EXCLUSIONS)
    excluded_keywords: list[Phrase] = Field(default_factory=list, max_length=MAX_EXCLUSIONS)
    seniority: list[Seniority] = Field(default_factory=list)


class _SearchOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    location: Place | None = None
    remote_only: bool = False
    # How remote roles count: "anywhere", "region" (open to the person's country or
    # region) or "no" (on-site and hybrid only). Stored in the search's `filters`.
    remote: RemoteOption = DEFAULT_REMOTE
    sources: list[SourceText] = Field(
        default_factory=lambda: [SAMPLE_SOURCE], max_length=MAX_SOURCES
    )
    filters: SearchFilters = Field(default_factory=SearchFilters)

    @field_validator("location")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @model_validator(mode="after")
    def _remote_agrees(self) -> _SearchOptions:
        if self.remote_only and self.remote == "no":
            raise ValueError('remote_only and remote "no" contradict each other: choose one')
        return self

    @field_validator("sources")
    @classmethod
    def _sources(cls, value: list[str]) -> list[str]:
        cleaned = list(dict.fromkeys(s.strip().lower() for s in value if s.strip()))
        if not cleaned:
            raise ValueError("choose at least one source")
        return cleaned


class JobSearchRequest(_SearchOptions):
    """One title + location (POST /workflow/job-search)."""

    title: Title


class SearchFromProfileRequest(_SearchOptions):
    """One run per chosen suggested title (POST /workflow/job-search/from-profile);
    `titles` omitted means all of the profile's suggested titles."""

    titles: list[Title] | None = Field(default=None, max_length=10)


class NoSuggestedTitles(ValueError):
    def __init__(self) -> None:
        super().__init__("Your profile has no suggested job titles yet: build your profile first.")


def check_sources(sources: Sequence[str], settings: Settings, *, user_id: str) -> None:
    """Raise `SourceSpecError` for a source this install (or this user) cannot use:
    a spec `parse_source_spec` refuses, a keyed source without its keys, or a job
    file not signed for `user_id`."""
    for spec in sources:
        parsed = parse_source_spec(spec)
        if parsed.is_file:
            file_key(user_id, parsed, settings)
        elif parsed.kind != SAMPLE_SPEC:
            build_source(parsed, settings=settings)


def start_job_search(
    db: DbSession, user_id: str, request: JobSearchRequest, settings: Settings
) -> Run:
    """A job search and its pending run (commit, then `queue_run`)."""
    check_sources(request.sources, settings, user_id=user_id)
    search = JobSearch(
        user_id=user_id,
        title=request.title,
        location=request.location,
        remote_only=request.remote_only,
        sources=request.sources,
        filters={**request.filters.model_dump(mode="json"), "remote": request.remote},
    )
    db.add(search)
    db.flush()
    run = create_run(
        db,
        user_id,
        RunKind.JOB_SEARCH,
        allow_list=settings.allow_list,
        job_search_id=search.id,
        params={"job_search_id": search.id},
    )
    run.task_id = new_task_id()
    db.flush()
    return run


def start_from_profile(
    db: DbSession, user_id: str, request: SearchFromProfileRequest, settings: Settings
) -> list[Run]:
    """One run per chosen suggested title of the user's profile."""
    user = db.get(User, user_id)
    suggested = list(user.suggested_job_titles or []) if user else []
    titles = request.titles if request.titles is not None else suggested
    titles = list(dict.fromkeys(t.strip() for t in titles if t and t.strip()))
    if not titles:
        raise NoSuggestedTitles()
    options = request.model_dump(exclude={"titles"})
    return [
        start_job_search(db, user_id, JobSearchRequest(title=title, **options), settings)
        for title in titles
    ]


__all__ = [
    "FILE_PREFIX",
    "JobSearchRequest",
    "NoSuggestedTitles",
    "SearchFromProfileRequest",
    "SourceSpecError",
    "check_sources",
    "file_key",
    "file_source",
    "start_from_profile",
    "start_job_search",
]
