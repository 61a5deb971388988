"""Fictional employers: names that sound like their sector and country, and a short
"about us" in the posting's language. Any resemblance to a real company is a
coincidence. The name parts and sizes are data/companies.yaml."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from tools.sample_data.geo import COUNTRIES, City
from tools.sample_data.schema import CompaniesFile, load

_BANK = load(CompaniesFile)
_SYLLABLE_A = _BANK.syllable_a
_SYLLABLE_B = _BANK.syllable_b
_SURNAMES = _BANK.surnames
_PLACES = _BANK.places
_LEGAL = _BANK.legal
# sector -> naming locale -> patterns. {root} invented word, {surname}, {place}.
_NAMES = _BANK.names
_SAINTS = _BANK.saints
_SIZES = _BANK.sizes


@dataclass(frozen=True)
class Company:
    name: str
    sector: str
    country: str
    city: City
    founded: int
    size: int
    slug: str


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def naming_locale(country: str, city: City) -> str:
    language = city.language or COUNTRIES[country].language
    return language if language in ("de", "fr", "es") else "en"


class CompanyPool:
    """Creates employers on demand and reuses them, so one company posts several jobs."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.by_key: dict[tuple[str, str], list[Company]] = {}
        self.names: set[str] = set()

    def pick(self, sector: str, country: str, city: City) -> Company:
        known = self.by_key.setdefault((sector, country), [])
        if known and self.rng.random() < min(0.75, 0.15 * len(known)):
            company = self.rng.choice(known)
            return Company(company.name, sector, country, city, company.founded, company.size,
                           company.slug)  # fmt: skip
        for _ in range(50):
            name = self._name(sector, country, city)
            if name not in self.names:
                break
        self.names.add(name)
        low, high = _SIZES[sector]
        company = Company(
            name=name,
            sector=sector,
            country=country,
            city=city,
            founded=self.rng.randint(
                1890 if sector in {"hospital", "school", "bank"} else 1975, 2021
            ),
            size=int(self.rng.uniform(low, high)),
            slug=_slug(name),
        )
        known.append(company)
        return company

    def _name(self, sector: str, country: str, city: City) -> str:
        locale = naming_locale(country, city)
        patterns = _NAMES[sector].get(locale) or _NAMES[sector].get("*") or _NAMES[sector]["en"]
        rng = self.rng
        surname, surname2 = rng.sample(_SURNAMES[locale], 2)
        name = rng.choice(patterns).format(
            root=rng.choice(_SYLLABLE_A) + rng.choice(_SYLLABLE_B),
            surname=surname,
            surname2=surname2,
            place=rng.choice(_PLACES[locale]),
            saint=rng.choice(_SAINTS),
        )
        public = sector in {"hospital", "school", "nursery", "public", "care", "pharmacy"}
        if not public and rng.random() < 0.45:
            name = f"{name} {rng.choice(_LEGAL[country])}"
        return name
