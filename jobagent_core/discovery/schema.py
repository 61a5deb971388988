"""The one normalised shape every source produces."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

EmploymentType = Literal["full_time", "part_time", "contract", "temporary", "internship", "other"]
Seniority = Literal["intern", "junior", "mid", "senior", "lead", "principal", "executive"]
# A value in `PostingData.extra`: a scalar, or a list of small string maps (the
# `alternate_links` de-duplication keeps: [{"source", "source_id", "url", "apply_url"}]).
ExtraValue = str | int | float | bool | None | list[dict[str, str]]


class PostingData(BaseModel):
    """A posting as a source found it, normalised. `source` + `source_id` identify it."""

    model_config = ConfigDict(str_strip_whitespace=True, frozen=True)

    source: str = Field(min_length=1, max_length=64)
    source_id: str = Field(min_length=1, max_length=512)
    title: str = Field(min_length=1, max_length=300)
    company: str = Field(min_length=1, max_length=300)
    location: str | None = Field(default=None, max_length=300)
    remote: bool = False
    employment_type: EmploymentType | None = None
    seniority: Seniority | None = None
    salary_min: float | None = Field(default=None, ge=0)
    salary_max: float | None = Field(default=None, ge=0)
    salary_currency: str | None = Field(default=None, min_length=3, max_length=3)
    language: str | None = Field(default=None, min_length=2, max_length=5)  # ISO 639-1
    description_text: str = ""
    description_html: str | None = None  # sanitised: safe to render
    url: str | None = None
    apply_url: str | None = None
    posted_at: datetime | None = None  # timezone-aware UTC
    # Source-specific facts worth keeping (department, board token, attribution...).
    extra: dict[str, ExtraValue] = Field(default_factory=dict)

    @field_validator("posted_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("posted_at must be timezone-aware")
        return value

    @field_validator("salary_currency")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value
