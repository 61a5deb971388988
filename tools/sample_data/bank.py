"""The shapes of the generator's content banks (tools/sample_data/data/*.yaml).

A job family's bank is written once per language. Texts are fragments without a
final full stop: duties are verb phrases ("Design and run ...") in English,
nominal or infinitive phrases in German and French, so they read well as bullets
and inside sentences. Placeholders: {tool}, {tool2}, {tool3} (distinct tools of
the family and role), {tools} (three of them joined), {role} (the role's name),
{city}, {company}.

These are plain frozen dataclasses; schema.py validates the data files into them
with pydantic, which rejects unknown keys (`extra="forbid"`) and wrong types.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ConfigDict, with_config

SENIORITIES = ("intern", "junior", "mid", "senior", "lead", "principal", "executive")
STRICT = ConfigDict(extra="forbid")


@with_config(STRICT)
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


@with_config(STRICT)
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


@with_config(STRICT)
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


@with_config(STRICT)
@dataclass(frozen=True)
class City:
    name: str  # English name
    local: str = ""  # name in the local language, when it differs
    language: str = ""  # overrides the country's language (Geneva: "fr")
    pay: float = 1.0  # pay level relative to the country's

    def label(self, lang: str, country_language: str) -> str:
        return (
            self.local if self.local and lang == (self.language or country_language) else self.name
        )


@with_config(STRICT)
@dataclass(frozen=True)
class Country:
    code: str
    names: dict[str, str]  # posting language -> country name
    currency: str
    fx: float  # currency units per EUR
    pay: float  # pay level in EUR relative to Germany
    language: (
        str  # main language of job ads ("en", "de", "fr", "es", or "" for English-as-lingua-franca)
    )
    cities: tuple[City, ...]
    salary_shown: float = 0.5  # share of postings that state pay
    english: bool = False  # English is the everyday language
    states: dict[str, str] = field(default_factory=dict)  # city -> state/province code

    def name(self, lang: str) -> str:
        return self.names.get(lang, self.names["en"])


@with_config(STRICT)
@dataclass(frozen=True)
class Profession:
    """A profession and a typical person in it (bench/sample_coverage.py's persona)."""

    key: str
    titles: tuple[str, ...]  # what the person is called in English, the searched one first
    family: str  # the job family (data/families/*.yaml) whose postings fit
    roles: tuple[str, ...]  # the family's roles that are this profession
    skills: tuple[str, ...]  # the person's skills (canonical taxonomy names)
    degree: str  # their qualification (a licence, for a regulated profession)
    local: dict[str, tuple[str, ...]]  # language -> the titles a CV in that language gives

    @property
    def title(self) -> str:
        return self.titles[0]
