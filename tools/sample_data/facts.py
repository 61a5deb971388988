"""The plain facts of a sample posting: where it is, in which language, what it
pays and how that is written. Pay levels and wording are data/facts.yaml."""

from __future__ import annotations

import math
import random
from typing import Any

from tools.sample_data.bank import Family
from tools.sample_data.geo import (
    COUNTRIES,
    GLOBAL_WEIGHTS,
    LOCAL_WEIGHTS,
    City,
    Country,
)
from tools.sample_data.schema import FactsFile, load

_FACTS = load(FactsFile)
LEVEL_PAY = _FACTS.level_pay
EUROPE = _FACTS.europe
_SYMBOLS = _FACTS.symbols
_PERIOD = _FACTS.period
_PRO_RATA = _FACTS.pro_rata


def weighted(rng: random.Random, weights: dict[str, float] | dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def place(rng: random.Random, family: Family) -> tuple[Country, City, str]:
    """Country, city and posting language. Local-language ads where the family has
    a bank in that language; English elsewhere only for internationally hired work."""
    weights = GLOBAL_WEIGHTS if family.global_market else LOCAL_WEIGHTS
    while True:
        country = COUNTRIES[weighted(rng, weights)]
        city = rng.choice(country.cities)
        local = city.language or country.language
        if local == "en":
            return country, city, "en"
        if local in family.texts and rng.random() < family.local_share:
            return country, city, local
        if family.global_market:
            return country, city, "en"


def language_in(rng: random.Random, family: Family, country: Country, city: City) -> str:
    """The language of a posting of `family` in this city, as `place` chooses it; English
    where the family has no bank in the local language (Spanish for the trades)."""
    local = city.language or country.language
    if local in family.texts and (local == "en" or rng.random() < family.local_share):
        return local
    return "en"


def city_named(code: str, name: str) -> tuple[Country, City]:
    country = COUNTRIES[code]
    return country, next(c for c in country.cities if c.name == name)


def number(value: float, lang: str, country: str) -> str:
    """A whole number grouped the local way: 48,000 · 48.000 · 48 000 · 48'000."""
    text = f"{value:,.0f}"
    if country == "CH":
        return text.replace(",", "'")
    if lang in ("de", "es"):
        return text.replace(",", ".")
    if lang == "fr":
        return text.replace(",", "\u202f")
    return text


def headcount(size: int, lang: str, country: str) -> str:
    """An employee count as a company would round it: 87, 240, 4,800."""
    if size >= 1000:
        size = round(size, -2)
    elif size >= 200:
        size = round(size, -1)
    return number(size, lang, country)


def money_range(low: float, high: float | None, currency: str, lang: str, country: str) -> str:
    a, b = number(low, lang, country), number(high, lang, country) if high else ""
    if lang == "en":
        symbol = _SYMBOLS.get(currency)
        if symbol:
            return f"{symbol}{a}–{symbol}{b}" if b else f"{symbol}{a}"
        return f"{currency} {a}–{b}" if b else f"{currency} {a}"
    dash = " – " if lang in ("fr", "es") else "–"
    if currency == "EUR":
        return f"{a}{dash}{b} €" if b else f"{a} €"
    return f"{currency} {a}{dash}{b}" if b else f"{currency} {a}"


def _nice(value: float) -> float:
    step = 10 ** max(0, math.floor(math.log10(max(value, 1))) - 1)
    return float(round(value / step) * step)


def salary(
    rng: random.Random, family: Family, level: str, contract: str, country: Country, city: City,
    lang: str,
) -> tuple[dict[str, Any], str | None, str | None]:  # fmt: skip
    """(salary fields, text for the ad, period) — or nothing when the ad states no pay."""
    if rng.random() > country.salary_shown:
        return {}, None, None
    yearly = family.salary * LEVEL_PAY[level] * country.pay * city.pay * country.fx
    if level == "intern" and contract == "internship":
        period, amount = "month", yearly / 12
    elif family.hourly and country.code in ("US", "CA") and level in ("junior", "mid", "senior") \
            and rng.random() < 0.75:  # fmt: skip
        period, amount = "hour", yearly / 2000
    else:
        period, amount = "year", yearly
    low, high = amount * rng.uniform(0.86, 0.95), amount * rng.uniform(1.05, 1.16)
    if period == "hour":
        low, high = float(round(low)), float(round(high))
    elif period == "month":
        low, high = round(low / 50) * 50.0, round(high / 50) * 50.0
    else:
        low, high = _nice(low), _nice(high)
    unit = _PERIOD[period][lang]
    if country.code == "AT" and lang == "de":
        # Austrian ads must state the collective-agreement minimum; most give only that.
        text = (f"ab {money_range(low, None, 'EUR', lang, 'AT')} {unit} laut Kollektivvertrag, "
                "Überzahlung je nach Qualifikation und Erfahrung")  # fmt: skip
        return {"salary_min": low, "salary_currency": "EUR"}, text, period
    text = f"{money_range(low, high, country.currency, lang, country.code)} {unit}"
    if contract == "part_time" and period == "year":
        text += _PRO_RATA[lang]
    fields = {"salary_min": low, "salary_max": high, "salary_currency": country.currency}
    return fields, text, period


def location(
    rng: random.Random, country: Country, city: City, lang: str, remote: bool
) -> tuple[str, str]:
    """(location label, area phrase for the work-arrangement sentence)."""
    local = city.language or country.language
    city_name = city.label(lang, country.language)
    cname = country.name(lang)
    if remote:
        choices: list[tuple[str, str]] = {
            "en": [("Remote", ""), (f"Remote ({cname})", f" within {cname}")],
            "de": [("Remote", ""), (f"Remote ({cname})", f" (innerhalb von {cname})"),
                   ("100 % Remote", "")],
            "fr": [("Full remote", ""), (f"Télétravail ({cname})", f" ({cname})")],
            "es": [("Remoto", ""), (f"Remoto ({cname})", f" ({cname})")],
        }[lang]  # fmt: skip
        if lang == "en" and country.code in EUROPE:
            choices.append(("Remote – Europe", " from anywhere in Europe"))
        if lang == "en" and country.code == "US":
            choices.append(("Remote (US)", " from anywhere in the US"))
        home = f" — our home base is {city.name}" if lang == "en" else ""
        choices.append((f"{city_name}, {cname}", home))
        return rng.choice(choices)
    state = country.states.get(city.name)
    if state and rng.random() < 0.85:
        return f"{city_name}, {state}", ""
    if (lang == local and lang != "en" and rng.random() < 0.5) or city.name == country.names["en"]:
        return city_name, ""
    return f"{city_name}, {cname}", ""
