"""What company research produces: a short profile with sourced facts.

`CompanyProfile` is both the stored shape (the `company_research` row holds its
fields) and the structured output the LLM is asked for.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

# The facts a profile may hold, with what each means. Values are short strings.
FACT_FIELDS: dict[str, str] = {
    "industry": "What kind of business it is, in a few words",
    "products": "Main products or services",
    "size": "Number of employees, as stated",
    "founded": "Year founded",
    "headquarters": "Where the head office is",
    "locations": "Offices, or the places it hires in",
    "hiring_focus": "The roles or teams it is hiring for",
    "open_roles": "How many open roles we know of",
    "departments": "Departments or teams named in its postings",
    "remote_policy": "Remote, hybrid or on-site work, as stated",
    "skills": "Skills and technologies it asks for or mentions repeatedly",
    "benefits": "Benefits it mentions",
    "employment_types": "Full time, part time, contract...",
    "seniority": "Seniority levels of its open roles",
    "culture": "Values or culture, in its own words",
}
MAX_FACT_CHARS = 300


def _clean_facts(value: Any) -> Any:
    """Drop empty facts (the LLM answers null for what the pages do not say), join
    lists, trim long values. Anything that is not a mapping is left to pydantic."""
    if not isinstance(value, dict):
        return value
    facts: dict[str, str] = {}
    for key, raw in value.items():
        if isinstance(raw, list | tuple):
            raw = ", ".join(str(item) for item in raw if item is not None)
        if raw is None or isinstance(raw, dict):
            continue
        text = " ".join(str(raw).split())
        if text:
            facts[str(key)] = text[:MAX_FACT_CHARS]
    return facts


# Strict structured output cannot express a free-form mapping, so the LLM sees
# the fixed keys of FACT_FIELDS, each nullable; we keep only the ones filled.
_FACTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Facts stated in the sources; null when they do not say",
    "properties": {
        name: {"anyOf": [{"type": "string"}, {"type": "null"}], "description": meaning}
        for name, meaning in FACT_FIELDS.items()
    },
}

Facts = Annotated[dict[str, str], BeforeValidator(_clean_facts), WithJsonSchema(_FACTS_SCHEMA)]


class Citation(BaseModel):
    """Where a statement comes from: a page and a passage copied from it verbatim."""

    model_config = ConfigDict(str_strip_whitespace=True)

    url: str = Field(min_length=1, max_length=2000, description="The page the quote is from")
    title: str = Field(default="", max_length=300, description="The page's title")
    quote: str = Field(
        min_length=1, max_length=500, description="A passage copied word for word from the page"
    )


class CompanyProfile(BaseModel):
    """A company as a job seeker wants to know it, with the sources of what it says."""

    model_config = ConfigDict(str_strip_whitespace=True)

    company_name: str = Field(min_length=1, max_length=300)
    website: str | None = Field(default=None, max_length=2000)
    summary: str = Field(
        min_length=1,
        max_length=2000,
        description="2 to 5 sentences about the company, stating only what the sources say",
    )
    facts: Facts = Field(default_factory=dict)
    citations: list[Citation] = Field(default_factory=list)
