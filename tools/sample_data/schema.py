"""The data files of the sample-set generator and their schema.

Every file under data/ is YAML read by one pydantic model here (FILES lists them;
each job family has its own file under data/families/, read as a bank.Family).
The models forbid unknown keys and check every type, so a typo in a data file
fails loudly, naming the file and the field, instead of quietly changing the
generated set. Sequences are read as tuples and numbers keep their YAML type, so
the loaded banks are exactly the literals the modules once held.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from tools.sample_data.bank import Country, Family, Profession

DATA = Path(__file__).with_name("data")
FAMILY_DIR = DATA / "families"

Strings = tuple[str, ...]
ByLanguage = dict[str, Strings]  # language -> texts
ByKeyAndLanguage = dict[str, dict[str, Strings]]  # sector, heading ... -> language -> texts


class BankError(ValueError):
    """A data file is missing, is not YAML or does not fit its schema."""


class BankFile(BaseModel):
    """One data file; FILE is its name under data/."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    FILE: ClassVar[str]


class AboutFile(BankFile):
    """data/about.yaml: "about us" paragraphs and what employers do."""

    FILE = "about.yaml"

    group_of_sector: dict[str, str]  # sector -> group
    about: ByKeyAndLanguage  # sector or group -> language -> paragraphs
    what: ByKeyAndLanguage  # sector or group -> language -> what the company does


class PhrasesFile(BankFile):
    """data/phrases.yaml: phrasing shared by every family."""

    FILE = "phrases.yaml"

    headings: ByKeyAndLanguage  # language -> section -> headings
    experience: ByKeyAndLanguage
    years: dict[str, tuple[int, ...]]  # seniority -> years of experience asked for
    degree: dict[str, str]
    language_skills: ByLanguage
    local_language_name: dict[str, str]
    work_mode: ByKeyAndLanguage
    contract: ByKeyAndLanguage
    fact_labels: dict[str, dict[str, str]]
    mode_label: dict[str, dict[str, str]]
    start: ByLanguage
    perks: ByLanguage
    country_perks: ByKeyAndLanguage
    closing: ByLanguage
    contacts: ByLanguage
    hooks: ByLanguage
    agency_intro: dict[str, str]
    lead_duties: ByLanguage
    exec_duties: ByLanguage


class CompaniesFile(BankFile):
    """data/companies.yaml: parts of the fictional employers' names, and their sizes."""

    FILE = "companies.yaml"

    syllable_a: Strings
    syllable_b: Strings
    surnames: ByLanguage
    places: ByLanguage
    legal: dict[str, Strings]  # country -> legal forms
    names: ByKeyAndLanguage  # sector -> naming locale ("*": any) -> name patterns
    saints: Strings
    sizes: dict[str, tuple[int, int]]  # sector -> (fewest, most) people


class ComposeFile(BankFile):
    """data/compose.yaml: the composer's small word lists."""

    FILE = "compose.yaml"

    gender: ByLanguage
    language_words: Strings
    public: set[str]
    on_site_perks: Strings


class FactsFile(BankFile):
    """data/facts.yaml: pay levels, Europe, currency symbols, pay periods."""

    FILE = "facts.yaml"

    level_pay: dict[str, float]
    europe: set[str]
    symbols: dict[str, str]
    period: dict[str, dict[str, str]]
    pro_rata: dict[str, str]


class GeoFile(BankFile):
    """data/geo.yaml: countries with their cities, and how often each appears."""

    FILE = "geo.yaml"

    countries: tuple[Country, ...]
    global_weights: dict[str, float | int]
    local_weights: dict[str, float | int]


class CoverageFile(BankFile):
    """data/coverage.yaml: the professions and cities the set promises to serve."""

    FILE = "coverage.yaml"

    professions: tuple[Profession, ...]
    cities: tuple[tuple[str, str], ...]  # (country code, English city name)


# Every file under data/ but the families, each with its model.
FILES: tuple[type[BankFile], ...] = (
    AboutFile, PhrasesFile, CompaniesFile, ComposeFile, FactsFile, GeoFile, CoverageFile,
)  # fmt: skip

M = TypeVar("M", bound=BankFile)


def _read(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise BankError(f"{path}: cannot be read: {exc}") from exc


def _explain(path: Path, exc: ValidationError) -> BankError:
    problems = [
        f"  {'.'.join(map(str, error['loc'])) or '(top level)'}: {error['msg']}"
        for error in exc.errors()
    ]
    return BankError(f"{path}: does not fit its schema:\n" + "\n".join(problems))


def load_file(path: Path, model: type[M]) -> M:
    """One data file, validated by `model`; BankError names the file and the field."""
    try:
        return model.model_validate(_read(path))
    except ValidationError as exc:
        raise _explain(path, exc) from None


def load_family(path: Path) -> Family:
    """One job family's file; its `id` must be the file's name."""
    try:
        family = TypeAdapter(Family).validate_python(_read(path))
    except ValidationError as exc:
        raise _explain(path, exc) from None
    if family.id != path.stem:
        raise BankError(f"{path}: id: {family.id!r} differs from the file name {path.stem!r}")
    return family


def load(model: type[M]) -> M:
    """The data file of `model` (model.FILE under data/)."""
    return load_file(DATA / model.FILE, model)


def families(order: tuple[str, ...]) -> tuple[Family, ...]:
    """Every job family in `order`, which must name each file in data/families/ once."""
    found = {path.stem for path in FAMILY_DIR.glob("*.yaml")}
    if found != set(order) or len(order) != len(found):
        raise BankError(
            f"{FAMILY_DIR}: the files {sorted(found)} and the family order {list(order)} differ"
        )
    return tuple(load_family(FAMILY_DIR / f"{name}.yaml") for name in order)
