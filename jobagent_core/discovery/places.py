"""A small gazetteer so "München" finds "Munich, Germany" and "Deutschland" finds
"Berlin": folded names, city and country aliases, the region each country is in,
the towns of a few metro areas ("Potsdam" is in the Berlin area), and the time
zones a remote posting may be tied to ("Remote (EST)" is North America).

Only major cities are listed; anything else is matched as plain folded text.
`place_in_text` reads the place a description states ("Standort: Berlin") for
postings whose location field is empty. The tables themselves are in
`places_data.py`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from jobagent_core.discovery.places_data import (
    CITIES,
    COUNTRIES,
    METRO_TOWNS,
    REGIONS,
    STATE_CODES,
    WORLDWIDE,
    ZONES,
)

_OFFSET = re.compile(r"\b(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?[0-5]\d)?(?!\d)")
# Words around an area that say it is the only one ("US only", "EU-based"), dropped
# when a part names nothing as it stands.
_LIMIT_WORDS = re.compile(
    r"\b(?:only|based|residents?|citizens?|candidates|applicants|nur|uniquement|solo"
    r"|exclusively|remote|remotely|wide|within|from|in|the|time ?zones?|hours|plus|minus"
    r"|or|overlap|with)\b|[+-]? ?\d{1,2} ?(?:h|hrs?|hours?)\b"
)
# "anywhere in Europe" is Europe, not the world.
_ANYWHERE_IN = re.compile(r"\b(?:from )?anywhere (?:in|within|across|from)\b")

_NON_WORD = re.compile(r"[^a-z0-9&'.\- ]+")


# Latin combining diacritics (all of combining class > 0; U+034F, class 0, is not).
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def fold(text: str) -> str:
    """Lower-case ASCII with diacritics removed: "Zürich" -> "zurich", "ß" -> "ss"."""
    if text.isascii():  # the common case, and the same result as below
        return text.lower()
    text = text.casefold().replace("ß", "ss").replace("ø", "o").replace("æ", "ae")
    text = text.replace("ł", "l").replace("đ", "d")
    decomposed = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text))
    if decomposed.isascii():
        return decomposed
    return _NON_ASCII.sub(_drop_mark, decomposed)


def _drop_mark(match: re.Match[str]) -> str:
    return "" if unicodedata.combining(match.group()) else match.group()


def words(text: str) -> str:
    """Folded text with punctuation turned into single spaces."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


@dataclass(frozen=True)
class Places:
    """What a location string names: cities, countries, regions (canonical keys)."""

    cities: frozenset[str]
    countries: frozenset[str]  # named directly or implied by a city
    regions: frozenset[str]  # named directly, implied by a country, or by a time zone
    worldwide: bool
    metros: frozenset[str] = frozenset()  # the metro area (core city key) of each city
    zones: frozenset[str] = frozenset()  # time zones named, as written ("est", "utc-5")

    @property
    def known(self) -> bool:
        return bool(self.cities or self.countries or self.regions or self.worldwide)


@dataclass(frozen=True)
class _Alias:
    text: str
    kind: str  # city | country | region | world
    key: str
    pattern: re.Pattern[str]


def _alias_index() -> list[_Alias]:
    entries: list[tuple[str, str, str]] = []
    for key, (_, aliases) in (CITIES | METRO_TOWNS).items():
        entries += [(alias, "city", key) for alias in aliases]
    for key, (_, aliases) in COUNTRIES.items():
        entries += [(alias, "country", key) for alias in aliases]
    for key, codes in STATE_CODES.items():
        entries += [(code, "country", key) for code in codes]
    for key, aliases in REGIONS.items():
        entries += [(alias, "region", key) for alias in aliases]
    entries += [(alias, "world", "world") for alias in WORLDWIDE]
    entries += [(alias, "zone", alias) for alias in ZONES]
    # Longest aliases first so "new york city" is taken before anything shorter.
    entries.sort(key=lambda item: -len(item[0]))
    return [
        _Alias(alias, kind, key, re.compile(rf"(?<![a-z0-9]){re.escape(alias)}(?![a-z0-9])"))
        for alias, kind, key in entries
    ]


_INDEX = _alias_index()
_PARTS = re.compile(r"[,;/|()\[\]–—·•]| - ")


@lru_cache(maxsize=8192)
def places_in(text: str) -> Places:
    """The known places a location string names. Unknown text gives an empty result.

    Aliases of three letters or fewer ("UK", "DE", "NYC", "EU", "EST") count only
    when they are a whole comma- or bracket-separated part ("Austin, US", "Remote
    (EU)"), or that part less words that only limit it ("US only", "Remote US",
    "EU-based"). Towns of a metro area count as cities of their own, with the core
    city in `metros`. Time zones ("Remote (EST)", "UTC+1 ± 2h") add the regions
    that keep those hours; "anywhere in Europe" is Europe, not the world.
    """
    found: dict[str, set[str]] = {
        "city": set(), "country": set(), "region": set(), "world": set(), "zone": set()
    }  # fmt: skip
    folded = fold(text).replace("\u2212", "-")
    for sign, hours in _OFFSET.findall(folded):
        found["zone"].add(f"utc{sign}{int(hours)}")
    for raw in _PARTS.split(folded):
        part = _ANYWHERE_IN.sub(" ", words(raw))
        if not _find_aliases(part, found):
            _find_aliases(" ".join(_LIMIT_WORDS.sub(" ", part.replace("-", " ")).split()), found)
    cities = found["city"]
    countries = found["country"] | {_country_of(c) for c in cities}
    regions = found["region"] | {COUNTRIES[c][0] for c in countries}
    for zone in found["zone"]:
        regions |= set(ZONES.get(zone) or _offset_regions(zone))
    return Places(
        frozenset(cities),
        frozenset(countries),
        frozenset(regions),
        bool(found["world"]),
        frozenset(METRO_TOWNS[c][0] if c in METRO_TOWNS else c for c in cities),
        frozenset(found["zone"]),
    )


def _find_aliases(part: str, found: dict[str, set[str]]) -> bool:
    """Add the aliases `part` names to `found`; whether it named any."""
    named = False
    remaining = part
    for alias in _INDEX:
        if len(alias.text) <= 3 and part != alias.text:
            continue
        match = alias.pattern.search(remaining)
        if match is None:
            continue
        remaining = remaining[: match.start()] + " " + remaining[match.end() :]
        found[alias.kind].add(alias.key)
        named = True
    return named


def _country_of(city: str) -> str:
    if city in METRO_TOWNS:
        return CITIES[METRO_TOWNS[city][0]][0]
    return CITIES[city][0]


def _offset_regions(zone: str) -> tuple[str, ...]:
    """The regions keeping the hours of a UTC offset ("utc-5", "utc+1")."""
    hours = int(zone[3:])
    if -10 <= hours <= -6:
        return ("north america",)
    if -5 <= hours <= -3:
        return ("north america", "south america")
    if -1 <= hours <= 3:
        return ("europe", "africa") if hours >= 0 else ("europe",)
    if 4 <= hours <= 7:
        return ("middle east", "asia") if hours <= 4 else ("asia",)
    if 8 <= hours <= 14:
        return ("asia", "oceania") if hours <= 9 else ("oceania",)
    return ()


def place_name(key: str) -> str:
    """How a canonical key reads: "berlin" -> "Berlin", "united states" -> "United States"."""
    return " ".join(w if w in {"of", "de", "upon", "am", "di"} else w.capitalize()
                    for w in key.split())  # fmt: skip


# Phrases after which a description says where the job is: "Standort: Berlin",
# "based in our Munich office", "Arbeitsort München", "poste basé à Lyon".
_PLACE_CUE = re.compile(
    r"(?:\b(?:job location|work location|location|place of work|standort|arbeitsort"
    r"|einsatzort|dienstort|lieu de travail|localisation|ubicacion)\s*[:\-–]\s*"
    r"|\b(?:based|located|situated|office|offices|buro|hub|team|headquarters|hq"
    r"|sitz|standort|arbeitsplatz|vor ort|poste base|base|basee|sede)\s+(?:in|at|im|a|en)\s+"
    r"(?:(?:our|unserem|unserer|the|der|dem)\s+)?(?:(?:[\w-]+\s+)?(?:office|buro|hub)\s+"
    r"(?:in|at|im)\s+)?"
    r"|\b(?:our|unserem|unserer)\s+(?=[\w-]+\s+(?:office|buro|hub|headquarters|hq|team)\b))"
    r"(?P<place>[^\n.;!?()]{2,60})"
)
_BASED_PLACE = re.compile(r"\b([a-z][a-z-]{2,30})[- ]based\b")


def place_in_text(text: str) -> str | None:
    """The place a description states for the job, as a location string ("Berlin"),
    or None. Read from phrases such as "Location: Berlin", "Standort: München",
    "based in our Hamburg office", "a Berlin-based team"; failing those, from the
    one city the text names, when it names exactly one."""
    folded = fold(text[:20_000])
    for match in _PLACE_CUE.finditer(folded):
        found = places_in(match.group("place"))
        if found.cities or found.countries:
            return _describe(found)
    for match in _BASED_PLACE.finditer(folded):
        found = places_in(match.group(1))
        if found.cities:
            return _describe(found)
    cities: set[str] = set()
    for line in folded.splitlines():
        cities |= places_in(line).cities if line.strip() else set()
        if len(cities) > 1:
            return None
    return place_name(next(iter(cities))) if cities else None


_AREA = r"(?:the |la |le |l')?(?P<area>[^\n.;:!?()]{2,40})"
# What a remote posting's description says about who may apply from where.
_REMOTE_LIMITS = tuple(
    re.compile(pattern)
    for pattern in (
        r"\b(?:must|need to|needs to|required to|have to|should|will need to)\s+(?:be\s+)?"
        r"(?:currently\s+|physically\s+)?(?:based|located|living|residing|reside|live"
        r"|resident)\s+(?:in|within)\s+" + _AREA,
        r"\b(?:only|exclusively)\s+(?:open|available)\s+to\s+(?:\w+\s+){0,3}?"
        r"(?:in|within|from)\s+" + _AREA,
        r"\b(?:open|available)\s+to\s+(?:candidates|applicants|residents|people|talent)\s+"
        r"(?:who are\s+)?(?:based\s+|located\s+|living\s+|residing\s+)?(?:in|within|from)\s+"
        + _AREA,
        r"\bremote(?:ly)?\s+(?:within|in|across|from anywhere in|from|aus ganz|in ganz"
        r"|innerhalb|depuis|desde)\s+" + _AREA,
        r"\b(?:authori[sz]ed|eligible|legally able|right|permission|permit)\s+to\s+work\s+"
        r"(?:permanently\s+)?in\s+" + _AREA,
        r"\b(?:wohnsitz|wohnort|lebensmittelpunkt)\s+in(?:nerhalb)?\s+(?:von\s+)?" + _AREA,
        r"\b(?:resider|residant|residence|domicilie)\s+en\s+" + _AREA,
        r"(?P<area>\b[a-z][a-z.&-]{1,15}(?: [a-z][a-z.&-]{1,15})?)[ -](?:residents|citizens"
        r"|based candidates|time ?zones?|business hours|working hours)\b",
    )
)
_NATIONWIDE = {"deutschlandweit": "germany", "bundesweit": "germany",
               "osterreichweit": "austria", "schweizweit": "switzerland",
               "europaweit": "europe", "eu-weit": "europe", "nationwide": ""}  # fmt: skip


_CONJUNCTION = re.compile(r"\b(?:or|and|und|oder|et|ou|y|o)\b|/|&(?! ?canada)")


def _area(text: str) -> Places:
    """The places a phrase names, else those its last one or two words name."""
    tokens = text.split()
    for candidate in (text, " ".join(tokens[-2:]), " ".join(tokens[-1:])):
        found = places_in(candidate) if candidate.strip() else None
        if found is not None and found.known:
            return found
    return Places(frozenset(), frozenset(), frozenset(), False)


def remote_limits_in(text: str) -> Places:
    """The areas a remote posting's description limits it to ("must be based in the
    US", "remote within Germany", "US time zones", "Wohnsitz in Deutschland"), as
    one `Places`; empty when it states none."""
    folded = fold(text[:20_000])
    parts: list[str] = []
    for pattern in _REMOTE_LIMITS:
        parts += [" ".join(m.group("area").split()[:5]) for m in pattern.finditer(folded)]
    for word, key in _NATIONWIDE.items():
        if key and re.search(rf"\b{re.escape(word)}\b", folded):
            parts.append(key)
    found = [_area(piece) for part in parts for piece in _CONJUNCTION.split(part)]
    found = [f for f in found if f.known and not f.worldwide]
    if not found:
        return Places(frozenset(), frozenset(), frozenset(), False)

    def union(name: str) -> frozenset[str]:
        out: set[str] = set()
        for places in found:
            out |= getattr(places, name)
        return frozenset(out)

    return Places(union("cities"), union("countries"), union("regions"), False,
                  union("metros"), union("zones"))  # fmt: skip


def _describe(found: Places) -> str:
    if found.cities:
        city = sorted(found.cities)[0]
        return f"{place_name(city)}, {place_name(_country_of(city))}"
    return ", ".join(place_name(c) for c in sorted(found.countries))


def canonical_location(text: str) -> str:
    """A stable key for de-duplication: the first known city, else the folded text."""
    cities = sorted(c for c in places_in(text).cities if c not in METRO_TOWNS)
    if cities:
        return cities[0]
    return words(text)
