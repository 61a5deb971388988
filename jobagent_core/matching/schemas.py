"""What matching produces: stage-1 rankings and stage-2 screening verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, Field, field_validator

from jobagent_core.discovery.schema import PostingData

if TYPE_CHECKING:
    # term_stats imports lexical, which is heavier than these schemas need.
    from jobagent_core.matching.term_stats import TermStats

__all__ = [
    "LlmVerdict",
    "PostingKey",
    "RankedPosting",
    "ScreeningVerdict",
    "Stage1Result",
    "VerdictFields",
    "posting_key",
]

MATCH_THRESHOLD = 60  # a verdict scoring this much or more is a match
MAX_ITEMS = 12  # reasons, gaps and skills kept per list

# A posting's identity in caches, as in the `job_postings` unique constraint.
PostingKey = tuple[str, str]


def posting_key(posting: PostingData) -> PostingKey:
    """(source, source_id): how cached embeddings are looked up."""
    return (posting.source, posting.source_id)


class VerdictFields(BaseModel):
    """The fields every screening verdict has."""

    is_match: bool = Field(description="Would this person be a credible applicant?")
    score: int = Field(ge=0, le=100, description="Fit from 0 (none) to 100 (ideal).")
    reasons: list[str] = Field(
        description="Why it fits; each reason cites a fact from the profile, e.g. "
        "'5 years as Data Engineer at Nordlicht' or 'skills: Kafka, Airflow'.",
    )
    gaps: list[str] = Field(description="What the posting asks for that the profile lacks.")
    matched_skills: list[str] = Field(description="Skills both in the profile and the posting.")
    missing_skills: list[str] = Field(
        description="Skills the posting asks for that the profile does not show."
    )

    @field_validator("reasons", "gaps", "matched_skills", "missing_skills")
    @classmethod
    def _tidy(cls, items: list[str]) -> list[str]:
        """Blank and repeated entries dropped, at most MAX_ITEMS kept (a long list is
        not worth a repair round-trip)."""
        out: list[str] = []
        for item in (" ".join(i.split()) for i in items):
            if item and item.lower() not in {o.lower() for o in out}:
                out.append(item)
        return out[:MAX_ITEMS]


class LlmVerdict(VerdictFields):
    """The verdict an LLM is asked for (also the JSON schema it gets): at least one
    reason, so a bare score is sent back for repair."""

    reasons: list[str] = Field(
        min_length=1,
        description="Why it fits or not; each reason cites a fact from the profile, e.g. "
        "'5 years as Data Engineer at Nordlicht' or 'skills: Kafka, Airflow'.",
    )


class ScreeningVerdict(VerdictFields):
    """A stage-2 verdict, the same shape whichever path made it.

    `screened_by` says which: "llm", or "offline" (the explainable scorer, also the
    fallback when the LLM failed for this posting; `warning` then says why)."""

    screened_by: Literal["llm", "offline"] = "offline"
    warning: str | None = None

    @property
    def summary(self) -> str:
        """One line for lists: the first reason, or the first gap."""
        return (self.reasons or self.gaps or [""])[0]


@dataclass(frozen=True, slots=True)
class RankedPosting:
    """A posting with its stage-1 score in [0, 1] and the signals behind it."""

    posting: PostingData
    score: float
    semantic: float  # cosine of profile and posting embeddings, rescaled to [0, 1]
    lexical: float  # BM25 for the profile query, rescaled to [0, 1]
    title: float  # closeness of the posting title to the person's titles
    fit: float = 1.0  # place, level and profession fit (`fit.FitJudge`), multiplied in


@dataclass
class Stage1Result:
    """The best postings (best first) out of `scored`, the embeddings and term
    statistics computed on the way (`embedded`: key -> float32 vector; `term_stats`:
    key -> `term_stats.TermStats`, stored with its `to_db_bytes()`) for the caller to
    store, and anything worth telling the person (`warnings`)."""

    ranked: list[RankedPosting]
    scored: int
    embedded: dict[PostingKey, NDArray[np.float32]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    term_stats: dict[PostingKey, TermStats] = field(default_factory=dict)
