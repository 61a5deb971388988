"""The shape of a job family's content bank, written once per language.

Texts are fragments without a final full stop: duties are verb phrases
("Design and run ...") in English, nominal or infinitive phrases in German and
French, so they read well as bullets and inside sentences. Placeholders:
{tool}, {tool2}, {tool3} (distinct tools of the family and role), {tools}
(three of them joined), {role} (the role's name), {city}, {company}.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SENIORITIES = ("intern", "junior", "mid", "senior", "lead", "principal", "executive")


@dataclass(frozen=True)
class Role:
    """A specialisation inside a family (backend vs. frontend, payroll vs. tax).

    A role either names itself for the family's title templates ({role}) or brings
    its own titles per language and seniority, and its own duties and skills."""

    key: str
    names: dict[str, str] = field(default_factory=dict)  # language -> name used for {role}
    tools: tuple[str, ...] = ()
    titles: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    weight: int = 1
    sectors: tuple[str, ...] = ()  # employers for this role; the family's when empty
    duties: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> extra duties
    skills: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> extra skills


@dataclass(frozen=True)
class Texts:
    """One family's content in one language."""

    titles: dict[str, tuple[str, ...]]  # seniority -> title templates
    field: str  # with its preposition: "in backend development", "in der Intensivpflege"
    mission: tuple[str, ...]  # a sentence or two about the team and the job
    duties: tuple[str, ...]
    skills: tuple[str, ...]  # requirements
    extras: tuple[str, ...]  # nice to have
    # Licences and certifications; "GB|..." limits one to postings in that country.
    certs: tuple[str, ...] = ()
    perks: tuple[str, ...] = ()  # benefits typical of this line of work
    study: str = ""  # the usual education: "a degree in computer science or similar"


@dataclass(frozen=True)
class Family:
    id: str
    label: str
    count: int  # postings to generate
    sectors: tuple[str, ...]  # kinds of employer (see companies.SECTORS)
    tools: tuple[str, ...]
    texts: dict[str, Texts]
    levels: dict[str, int]  # seniority -> weight
    salary: int  # mid-level yearly pay in Germany, EUR
    roles: tuple[Role, ...] = ()
    employment: dict[str, int] = field(default_factory=lambda: {"full_time": 1})
    remote: float = 0.0  # share of fully remote postings
    hybrid: float = 0.0  # share of hybrid postings
    hourly: bool = False  # North American postings quote hourly pay
    global_market: bool = False  # advertised in English outside English-speaking countries
    local_share: float = 1.0  # in a German/French/Spanish city: share written in that language
    show_tools: bool = False  # list the tools in "Our stack"-style sections
    intern_contract: str = "internship"  # contract of "intern"-level postings (PhD: temporary)
