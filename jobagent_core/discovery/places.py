"""A small gazetteer so "München" finds "Munich, Germany" and "Deutschland" finds
"Berlin": folded names, city and country aliases, and the region each country is in.

Only major cities are listed; anything else is matched as plain folded text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# country key: (region, aliases). Aliases are matched after folding.
_COUNTRIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "germany": ("europe", ("germany", "deutschland", "allemagne", "alemania", "de", "deu")),
    "austria": ("europe", ("austria", "osterreich", "oesterreich", "autriche", "at")),
    "switzerland": ("europe", ("switzerland", "schweiz", "suisse", "svizzera", "suiza", "ch")),
    "france": ("europe", ("france", "frankreich", "francia", "fr")),
    "belgium": ("europe", ("belgium", "belgique", "belgie", "belgien", "belgica")),
    "netherlands": (
        "europe",
        ("netherlands", "the netherlands", "nederland", "niederlande", "pays-bas", "holland"),
    ),
    "luxembourg": ("europe", ("luxembourg", "luxemburg")),
    "united kingdom": (
        "europe",
        (
            "united kingdom",
            "uk",
            "u.k.",
            "great britain",
            "britain",
            "england",
            "scotland",
            "wales",
            "northern ireland",
            "royaume-uni",
            "grossbritannien",
            "reino unido",
            "gb",
        ),
    ),
    "ireland": ("europe", ("ireland", "irland", "irlande", "eire")),
    "spain": ("europe", ("spain", "espana", "spanien", "espagne", "es")),
    "portugal": ("europe", ("portugal",)),
    "italy": ("europe", ("italy", "italia", "italien", "italie")),
    "sweden": ("europe", ("sweden", "sverige", "schweden", "suede")),
    "denmark": ("europe", ("denmark", "danmark", "danemark", "dinamarca")),
    "norway": ("europe", ("norway", "norge", "norwegen", "norvege")),
    "finland": ("europe", ("finland", "suomi", "finnland", "finlande")),
    "poland": ("europe", ("poland", "polska", "polen", "pologne")),
    "czechia": ("europe", ("czechia", "czech republic", "tschechien", "cesko")),
    "hungary": ("europe", ("hungary", "magyarorszag", "ungarn", "hongrie")),
    "estonia": ("europe", ("estonia", "eesti", "estland")),
    "greece": ("europe", ("greece", "griechenland", "grece")),
    "united states": (
        "north america",
        (
            "united states",
            "united states of america",
            "usa",
            "u.s.",
            "u.s.a.",
            "us",
            "america",
            "etats-unis",
            "vereinigte staaten",
            "estados unidos",
        ),
    ),
    "canada": ("north america", ("canada", "kanada")),
    "mexico": ("north america", ("mexico", "mexiko", "mexique")),
    "brazil": ("south america", ("brazil", "brasil", "brasilien", "bresil")),
    "australia": ("oceania", ("australia", "australien", "australie")),
    "new zealand": ("oceania", ("new zealand", "neuseeland", "nouvelle-zelande", "aotearoa")),
    "singapore": ("asia", ("singapore", "singapur", "singapour")),
    "india": ("asia", ("india", "indien", "inde")),
    "japan": ("asia", ("japan", "japon")),
    "united arab emirates": ("middle east", ("united arab emirates", "uae", "emirates")),
    "israel": ("middle east", ("israel",)),
    "south africa": ("africa", ("south africa", "sudafrika", "afrique du sud")),
}

# city key: (country key, aliases)
_CITIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "berlin": ("germany", ("berlin",)),
    "munich": ("germany", ("munich", "munchen", "muenchen", "monaco di baviera")),
    "hamburg": ("germany", ("hamburg", "hambourg")),
    "frankfurt": ("germany", ("frankfurt", "frankfurt am main", "francfort")),
    "cologne": ("germany", ("cologne", "koln", "koeln")),
    "stuttgart": ("germany", ("stuttgart",)),
    "dusseldorf": ("germany", ("dusseldorf", "duesseldorf")),
    "leipzig": ("germany", ("leipzig",)),
    "dresden": ("germany", ("dresden", "dresde")),
    "nuremberg": ("germany", ("nuremberg", "nurnberg", "nuernberg")),
    "hanover": ("germany", ("hanover", "hannover", "hanovre")),
    "bremen": ("germany", ("bremen", "breme")),
    "essen": ("germany", ("essen",)),
    "karlsruhe": ("germany", ("karlsruhe",)),
    "vienna": ("austria", ("vienna", "wien", "vienne", "viena")),
    "graz": ("austria", ("graz",)),
    "linz": ("austria", ("linz",)),
    "salzburg": ("austria", ("salzburg", "salzbourg")),
    "zurich": ("switzerland", ("zurich", "zuerich")),
    "geneva": ("switzerland", ("geneva", "geneve", "genf", "ginevra", "ginebra")),
    "basel": ("switzerland", ("basel", "bale", "basilea")),
    "bern": ("switzerland", ("bern", "berne")),
    "lausanne": ("switzerland", ("lausanne",)),
    "paris": ("france", ("paris", "parigi")),
    "lyon": ("france", ("lyon", "lyons")),
    "marseille": ("france", ("marseille", "marseilles", "marsella")),
    "toulouse": ("france", ("toulouse",)),
    "bordeaux": ("france", ("bordeaux", "burdeos")),
    "lille": ("france", ("lille",)),
    "nantes": ("france", ("nantes",)),
    "strasbourg": ("france", ("strasbourg", "strassburg")),
    "nice": ("france", ("nice", "nizza")),
    "montpellier": ("france", ("montpellier",)),
    "rennes": ("france", ("rennes",)),
    "brussels": ("belgium", ("brussels", "bruxelles", "brussel", "brussel", "bruselas")),
    "antwerp": ("belgium", ("antwerp", "antwerpen", "anvers", "amberes")),
    "ghent": ("belgium", ("ghent", "gent", "gand")),
    "liege": ("belgium", ("liege", "luik", "luettich", "luttich")),
    "luxembourg city": ("luxembourg", ("luxembourg city", "luxembourg-ville", "luxemburg")),
    "amsterdam": ("netherlands", ("amsterdam",)),
    "rotterdam": ("netherlands", ("rotterdam",)),
    "the hague": ("netherlands", ("the hague", "den haag", "la haye", "'s-gravenhage")),
    "utrecht": ("netherlands", ("utrecht",)),
    "eindhoven": ("netherlands", ("eindhoven",)),
    "london": ("united kingdom", ("london", "londres", "londra")),
    "manchester": ("united kingdom", ("manchester",)),
    "birmingham": ("united kingdom", ("birmingham",)),
    "edinburgh": ("united kingdom", ("edinburgh", "edimbourg")),
    "glasgow": ("united kingdom", ("glasgow",)),
    "bristol": ("united kingdom", ("bristol",)),
    "leeds": ("united kingdom", ("leeds",)),
    "cambridge": ("united kingdom", ("cambridge",)),
    "dublin": ("ireland", ("dublin", "baile atha cliath")),
    "cork": ("ireland", ("cork",)),
    "madrid": ("spain", ("madrid",)),
    "barcelona": ("spain", ("barcelona", "barcelone")),
    "valencia": ("spain", ("valencia", "valence")),
    "seville": ("spain", ("seville", "sevilla")),
    "bilbao": ("spain", ("bilbao",)),
    "malaga": ("spain", ("malaga",)),
    "lisbon": ("portugal", ("lisbon", "lisboa", "lissabon", "lisbonne")),
    "porto": ("portugal", ("porto", "oporto")),
    "milan": ("italy", ("milan", "milano", "mailand")),
    "rome": ("italy", ("rome", "roma", "rom")),
    "turin": ("italy", ("turin", "torino")),
    "stockholm": ("sweden", ("stockholm", "estocolmo")),
    "gothenburg": ("sweden", ("gothenburg", "goteborg", "goeteborg")),
    "copenhagen": ("denmark", ("copenhagen", "kobenhavn", "kopenhagen", "copenhague")),
    "oslo": ("norway", ("oslo",)),
    "helsinki": ("finland", ("helsinki", "helsingfors")),
    "warsaw": ("poland", ("warsaw", "warszawa", "warschau", "varsovie")),
    "krakow": ("poland", ("krakow", "cracow", "krakau", "cracovie")),
    "wroclaw": ("poland", ("wroclaw", "breslau")),
    "prague": ("czechia", ("prague", "praha", "prag")),
    "budapest": ("hungary", ("budapest",)),
    "tallinn": ("estonia", ("tallinn",)),
    "athens": ("greece", ("athens", "athina", "athen", "athenes")),
    "new york": ("united states", ("new york", "new york city", "nyc", "manhattan", "brooklyn")),
    "san francisco": ("united states", ("san francisco", "sf", "bay area")),
    "los angeles": ("united states", ("los angeles", "la")),
    "seattle": ("united states", ("seattle",)),
    "austin": ("united states", ("austin",)),
    "boston": ("united states", ("boston",)),
    "chicago": ("united states", ("chicago",)),
    "denver": ("united states", ("denver",)),
    "atlanta": ("united states", ("atlanta",)),
    "miami": ("united states", ("miami",)),
    "washington": ("united states", ("washington, dc", "washington d.c.", "washington dc")),
    "houston": ("united states", ("houston",)),
    "phoenix": ("united states", ("phoenix",)),
    "minneapolis": ("united states", ("minneapolis",)),
    "philadelphia": ("united states", ("philadelphia",)),
    "toronto": ("canada", ("toronto",)),
    "vancouver": ("canada", ("vancouver",)),
    "montreal": ("canada", ("montreal",)),
    "ottawa": ("canada", ("ottawa",)),
    "calgary": ("canada", ("calgary",)),
    "mexico city": ("mexico", ("mexico city", "ciudad de mexico", "cdmx")),
    "sao paulo": ("brazil", ("sao paulo",)),
    "sydney": ("australia", ("sydney",)),
    "melbourne": ("australia", ("melbourne",)),
    "brisbane": ("australia", ("brisbane",)),
    "auckland": ("new zealand", ("auckland",)),
    "singapore": ("singapore", ("singapore",)),
    "bengaluru": ("india", ("bengaluru", "bangalore")),
    "tokyo": ("japan", ("tokyo", "tokio")),
    "dubai": ("united arab emirates", ("dubai", "dubaii")),
    "tel aviv": ("israel", ("tel aviv", "tel aviv-yafo")),
    "cape town": ("south africa", ("cape town", "kapstadt")),
}

_REGIONS: dict[str, tuple[str, ...]] = {
    "europe": ("europe", "european union", "eu", "emea", "europa", "eea", "dach", "benelux",
               "nordics", "cet"),
    "north america": ("north america", "americas", "na", "us & canada", "nordamerika",
                      "amerique du nord", "latam"),
    "asia": ("asia", "apac", "asien", "asie"),
    "oceania": ("oceania", "apac", "anz"),
    "middle east": ("middle east", "mena", "emea"),
    "africa": ("africa", "emea", "afrika", "afrique"),
    "south america": ("south america", "latin america", "latam", "americas", "sudamerika"),
}  # fmt: skip
_WORLDWIDE = ("worldwide", "anywhere", "global", "weltweit", "monde entier", "partout")
_NON_WORD = re.compile(r"[^a-z0-9&'.\- ]+")


def fold(text: str) -> str:
    """Lower-case ASCII with diacritics removed: "Zürich" -> "zurich", "ß" -> "ss"."""
    text = text.casefold().replace("ß", "ss").replace("ø", "o").replace("æ", "ae")
    text = text.replace("ł", "l").replace("đ", "d")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> str:
    """Folded text with punctuation turned into single spaces."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


@dataclass(frozen=True)
class Places:
    """What a location string names: cities, countries, regions (canonical keys)."""

    cities: frozenset[str]
    countries: frozenset[str]  # named directly or implied by a city
    regions: frozenset[str]  # named directly or implied by a country
    worldwide: bool

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
    for key, (_, aliases) in _CITIES.items():
        entries += [(alias, "city", key) for alias in aliases]
    for key, (_, aliases) in _COUNTRIES.items():
        entries += [(alias, "country", key) for alias in aliases]
    for key, aliases in _REGIONS.items():
        entries += [(alias, "region", key) for alias in aliases]
    entries += [(alias, "world", "world") for alias in _WORLDWIDE]
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

    Aliases of three letters or fewer ("UK", "DE", "NYC", "EU") count only when
    they are a whole comma- or bracket-separated part ("Austin, US", "Remote (EU)").
    """
    found: dict[str, set[str]] = {"city": set(), "country": set(), "region": set(), "world": set()}
    for raw in _PARTS.split(fold(text)):
        part = words(raw)
        remaining = part
        for alias in _INDEX:
            if len(alias.text) <= 3 and part != alias.text:
                continue
            match = alias.pattern.search(remaining)
            if match is None:
                continue
            remaining = remaining[: match.start()] + " " + remaining[match.end() :]
            found[alias.kind].add(alias.key)
    cities = found["city"]
    countries = found["country"] | {_CITIES[c][0] for c in cities}
    regions = found["region"] | {_COUNTRIES[c][0] for c in countries}
    return Places(frozenset(cities), frozenset(countries), frozenset(regions), bool(found["world"]))


def canonical_location(text: str) -> str:
    """A stable key for de-duplication: the first known city, else the folded text."""
    found = places_in(text)
    if found.cities:
        return sorted(found.cities)[0]
    return words(text)
