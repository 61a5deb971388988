"""Starting "Add a posting": what a request may hold, and the run it creates.

Shared by the HTTP API, the web app and the CLI, so all three accept the same
postings and refuse the same mistakes with the same words. A link is only checked
for its form here (the web process never fetches it); pasted text is read at once
(title and company), so the form can say what is missing before anything runs.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator
from sqlalchemy.orm import Session as DbSession

from jobagent_core.config import Settings
from jobagent_core.db.enums import RunKind
from jobagent_core.db.models import Run, User
from jobagent_core.discovery.pasted_posting import (
    MAX_FIELD_CHARS,
    MAX_TEXT_CHARS,
    PastedPosting,
    PastedPostingError,
    read_pasted,
)
from jobagent_core.discovery.posting_links import MAX_URL_CHARS, link_problem
from jobagent_core.discovery.schema import PostingData
from jobagent_core.profiling.schemas import Profile
from jobagent_core.workflows.dispatch import new_task_id
from jobagent_core.workflows.runs import create_run

# Raw pasted text may carry more whitespace than the cleaned text keeps.
_RAW_TEXT_CHARS = 2 * MAX_TEXT_CHARS
Field300 = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_FIELD_CHARS)]


class NoProfileYet(ValueError):
    def __init__(self) -> None:
        super().__init__(
            "Build your profile from a CV first: an added posting is scored and "
            "written for from it."
        )


class AddPostingRequest(BaseModel):
    """POST /workflow/posting: a link, or the posting's text (with an optional title
    and company that win over what the text or page says)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    url: Annotated[str, StringConstraints(max_length=MAX_URL_CHARS)] | None = None
    text: Annotated[str, StringConstraints(max_length=_RAW_TEXT_CHARS)] | None = None
    title: Field300 | None = None
    company: Field300 | None = None

    @model_validator(mode="after")
    def _one_posting(self) -> AddPostingRequest:
        self.url = self.url or None
        self.text = self.text or None
        self.title = self.title or None
        self.company = self.company or None
        if (self.url is None) == (self.text is None):
            raise ValueError("give either the posting's link (url) or its text (text), not both")
        if self.url is not None:
            problem = link_problem(self.url)
            if problem is not None:
                raise ValueError(problem)
        else:
            self.pasted()  # raises PastedPostingError (a ValueError) in words
        return self

    def pasted(self) -> PastedPosting:
        """The pasted posting read and checked. Raises `PastedPostingError`."""
        assert self.text is not None
        return read_pasted(self.text, title=self.title, company=self.company)

    def run_params(self) -> dict[str, Any]:
        """What the run keeps of the request: the link, or the checked text with the
        title and company read from it."""
        overrides = {"title": self.title, "company": self.company}
        if self.url is not None:
            return {"url": self.url, "label": self.url, **overrides}
        pasted = self.pasted()
        return {
            "text": pasted.text,
            "title": pasted.title,
            "company": pasted.company,
            "label": f"{pasted.title} at {pasted.company}",
        }


def read_posting_params(posting: PostingData) -> dict[str, Any]:
    """The run parameters for a posting already read on this machine (the CLI's file)."""
    return {
        "posting": posting.model_dump(mode="json"),
        "label": f"{posting.title} at {posting.company}",
    }


def start_added_posting(
    db: DbSession,
    user_id: str,
    params: dict[str, Any],
    settings: Settings,
) -> Run:
    """The pending `posting` run for `params` (from `AddPostingRequest.run_params` or
    `read_posting_params`); commit, then queue it. Raises `AccessDenied`,
    `NoProfileYet`."""
    user = db.get(User, user_id)
    stored = (user.profile if user is not None else None) or {}
    if user is not None and not any(k in Profile.model_fields for k in stored):
        raise NoProfileYet()
    run = create_run(db, user_id, RunKind.POSTING, allow_list=settings.allow_list, params=params)
    run.task_id = new_task_id()
    db.flush()
    return run


__all__ = [
    "AddPostingRequest",
    "NoProfileYet",
    "PastedPostingError",
    "read_posting_params",
    "start_added_posting",
]
