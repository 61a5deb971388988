"""A small gazetteer so "München" finds "Munich, Germany" and "Deutschland" finds
"Berlin": folded names, city and country aliases, the region each country is in,
the towns of a few metro areas ("Potsdam" is in the Berlin area), and the time
zones a remote posting may be tied to ("Remote (EST)" is North America).

Only major cities are listed; anything else is matched as plain folded text.
`place_in_text` reads the place a description states ("Standort: Berlin") for
postings whose location field is empty.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# country key: (region, aliases). Aliases are matched after folding.
_COUNTRIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "germany": (
        "europe",
        (
            "germany",
            "deutschland",
            "allemagne",
            "alemania",
            "de",
            "deu",
            "deutschlandweit",
            "bundesweit",
        ),
    ),
    "austria": (
        "europe",
        ("austria", "osterreich", "oesterreich", "autriche", "at", "osterreichweit"),
    ),
    "switzerland": (
        "europe",
        ("switzerland", "schweiz", "suisse", "svizzera", "suiza", "ch", "schweizweit"),
    ),
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
    "galway": ("ireland", ("galway",)),
    "limerick": ("ireland", ("limerick",)),
    "belfast": ("united kingdom", ("belfast",)),
    "cardiff": ("united kingdom", ("cardiff",)),
    "liverpool": ("united kingdom", ("liverpool",)),
    "newcastle": ("united kingdom", ("newcastle", "newcastle upon tyne")),
    "sheffield": ("united kingdom", ("sheffield",)),
    "nottingham": ("united kingdom", ("nottingham",)),
    "oxford": ("united kingdom", ("oxford",)),
    "brno": ("czechia", ("brno",)),
    "gdansk": ("poland", ("gdansk", "danzig")),
    "zaragoza": ("spain", ("zaragoza",)),
    "raleigh": ("united states", ("raleigh",)),
    "portland": ("united states", ("portland",)),
    "dallas": ("united states", ("dallas",)),
    "san diego": ("united states", ("san diego",)),
    "pittsburgh": ("united states", ("pittsburgh",)),
    "detroit": ("united states", ("detroit",)),
    "nashville": ("united states", ("nashville",)),
    "charlotte": ("united states", ("charlotte",)),
    "salt lake city": ("united states", ("salt lake city",)),
    "las vegas": ("united states", ("las vegas",)),
    "orlando": ("united states", ("orlando",)),
    "baltimore": ("united states", ("baltimore",)),
    "edmonton": ("canada", ("edmonton",)),
    "winnipeg": ("canada", ("winnipeg",)),
    "quebec city": ("canada", ("quebec city", "ville de quebec")),
    "adelaide": ("australia", ("adelaide",)),
    "perth": ("australia", ("perth",)),
    "canberra": ("australia", ("canberra",)),
    "mumbai": ("india", ("mumbai", "bombay")),
    "delhi": ("india", ("delhi", "new delhi", "neu-delhi")),
    "hyderabad": ("india", ("hyderabad",)),
    "chennai": ("india", ("chennai",)),
    "pune": ("india", ("pune",)),
    "gurugram": ("india", ("gurugram", "gurgaon")),
    "noida": ("india", ("noida",)),
}

# State and province codes that name their country when they stand alone as a part
# ("Raleigh, NC", "Toronto, ON", "Adelaide, NSW"). Codes that are also a country's
# (DE, CA, IN, ID, AR, NL), a city's alias (LA) or another country's state (WA, SA)
# are left out.
_STATE_CODES: dict[str, tuple[str, ...]] = {
    "united states": (
        "al", "ak", "az", "co", "ct", "fl", "ga", "hi", "il", "ia", "ks", "ky", "me", "md",
        "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd",
        "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wv", "wi",
        "wy", "dc",
    ),
    "canada": ("on", "qc", "bc", "ab", "mb", "ns", "nb", "pe", "sk"),
    "australia": ("nsw", "qld", "vic", "tas"),
}  # fmt: skip

# Towns of a metro area: town key -> (the core city's key, aliases). A posting in
# one of them is "in" the core city's area, and a search for the town finds the city.
_METRO_TOWNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "potsdam": ("berlin", ("potsdam",)),
    "schonefeld": ("berlin", ("schonefeld", "schoenefeld")),
    "teltow": ("berlin", ("teltow",)),
    "kleinmachnow": ("berlin", ("kleinmachnow",)),
    "hennigsdorf": ("berlin", ("hennigsdorf",)),
    "garching": ("munich", ("garching", "garching bei munchen")),
    "unterfohring": ("munich", ("unterfohring", "unterfoehring")),
    "ismaning": ("munich", ("ismaning",)),
    "unterschleissheim": ("munich", ("unterschleissheim",)),
    "ottobrunn": ("munich", ("ottobrunn",)),
    "taufkirchen": ("munich", ("taufkirchen",)),
    "planegg": ("munich", ("planegg", "martinsried")),
    "aschheim": ("munich", ("aschheim",)),
    "norderstedt": ("hamburg", ("norderstedt",)),
    "pinneberg": ("hamburg", ("pinneberg",)),
    "ahrensburg": ("hamburg", ("ahrensburg",)),
    "offenbach": ("frankfurt", ("offenbach", "offenbach am main")),
    "eschborn": ("frankfurt", ("eschborn",)),
    "bad homburg": ("frankfurt", ("bad homburg", "bad homburg vor der hohe")),
    "oberursel": ("frankfurt", ("oberursel",)),
    "neu-isenburg": ("frankfurt", ("neu-isenburg", "neu isenburg")),
    "leverkusen": ("cologne", ("leverkusen",)),
    "hurth": ("cologne", ("hurth", "huerth")),
    "bergisch gladbach": ("cologne", ("bergisch gladbach",)),
    "neuss": ("dusseldorf", ("neuss",)),
    "ratingen": ("dusseldorf", ("ratingen",)),
    "boblingen": ("stuttgart", ("boblingen", "boeblingen")),
    "sindelfingen": ("stuttgart", ("sindelfingen",)),
    "leinfelden-echterdingen": ("stuttgart", ("leinfelden-echterdingen",)),
    "esslingen": ("stuttgart", ("esslingen", "esslingen am neckar")),
    "ludwigsburg": ("stuttgart", ("ludwigsburg",)),
    "furth": ("nuremberg", ("furth", "fuerth")),
    "erlangen": ("nuremberg", ("erlangen",)),
    "schwechat": ("vienna", ("schwechat",)),
    "kloten": ("zurich", ("kloten",)),
    "opfikon": ("zurich", ("opfikon", "glattbrugg")),
    "wallisellen": ("zurich", ("wallisellen",)),
    "dubendorf": ("zurich", ("dubendorf", "duebendorf")),
    "schlieren": ("zurich", ("schlieren",)),
    "meyrin": ("geneva", ("meyrin",)),
    "carouge": ("geneva", ("carouge",)),
    "la defense": ("paris", ("la defense", "paris la defense")),
    "boulogne-billancourt": ("paris", ("boulogne-billancourt", "boulogne billancourt")),
    "issy-les-moulineaux": ("paris", ("issy-les-moulineaux", "issy les moulineaux")),
    "neuilly-sur-seine": ("paris", ("neuilly-sur-seine", "neuilly sur seine")),
    "levallois-perret": ("paris", ("levallois-perret", "levallois perret")),
    "courbevoie": ("paris", ("courbevoie",)),
    "puteaux": ("paris", ("puteaux",)),
    "nanterre": ("paris", ("nanterre",)),
    "saint-denis": ("paris", ("saint-denis",)),
    "montreuil": ("paris", ("montreuil",)),
    "saint-ouen": ("paris", ("saint-ouen", "saint-ouen-sur-seine")),
    "croydon": ("london", ("croydon",)),
    "watford": ("london", ("watford",)),
    "canary wharf": ("london", ("canary wharf",)),
    "uxbridge": ("london", ("uxbridge",)),
    "kingston upon thames": ("london", ("kingston upon thames",)),
    "amstelveen": ("amsterdam", ("amstelveen",)),
    "hoofddorp": ("amsterdam", ("hoofddorp", "schiphol")),
    "diemen": ("amsterdam", ("diemen",)),
    "zaventem": ("brussels", ("zaventem", "diegem")),
    "sandyford": ("dublin", ("sandyford",)),
    "dun laoghaire": ("dublin", ("dun laoghaire",)),
    "alcobendas": ("madrid", ("alcobendas",)),
    "las rozas": ("madrid", ("las rozas", "las rozas de madrid")),
    "pozuelo de alarcon": ("madrid", ("pozuelo de alarcon",)),
    "tres cantos": ("madrid", ("tres cantos",)),
    "sant cugat del valles": ("barcelona", ("sant cugat del valles", "sant cugat")),
    "l'hospitalet de llobregat": ("barcelona", ("l'hospitalet de llobregat", "hospitalet")),
    "sesto san giovanni": ("milan", ("sesto san giovanni",)),
    "segrate": ("milan", ("segrate",)),
    "solna": ("stockholm", ("solna",)),
    "kista": ("stockholm", ("kista",)),
    "frederiksberg": ("copenhagen", ("frederiksberg",)),
    "espoo": ("helsinki", ("espoo",)),
    "vantaa": ("helsinki", ("vantaa",)),
    "jersey city": ("new york", ("jersey city",)),
    "hoboken": ("new york", ("hoboken",)),
    "oakland": ("san francisco", ("oakland",)),
    "san jose": ("san francisco", ("san jose",)),
    "palo alto": ("san francisco", ("palo alto",)),
    "mountain view": ("san francisco", ("mountain view",)),
    "menlo park": ("san francisco", ("menlo park",)),
    "sunnyvale": ("san francisco", ("sunnyvale",)),
    "redwood city": ("san francisco", ("redwood city",)),
    "san mateo": ("san francisco", ("san mateo",)),
    "santa clara": ("san francisco", ("santa clara",)),
    "cupertino": ("san francisco", ("cupertino",)),
    "santa monica": ("los angeles", ("santa monica",)),
    "culver city": ("los angeles", ("culver city",)),
    "pasadena": ("los angeles", ("pasadena",)),
    "bellevue": ("seattle", ("bellevue",)),
    "redmond": ("seattle", ("redmond",)),
    "kirkland": ("seattle", ("kirkland",)),
    "somerville": ("boston", ("somerville",)),
    "waltham": ("boston", ("waltham",)),
    "bethesda": ("washington", ("bethesda",)),
    "reston": ("washington", ("reston",)),
    "evanston": ("chicago", ("evanston",)),
    "round rock": ("austin", ("round rock",)),
    "mississauga": ("toronto", ("mississauga",)),
    "markham": ("toronto", ("markham",)),
    "burnaby": ("vancouver", ("burnaby",)),
    "parramatta": ("sydney", ("parramatta", "north sydney", "macquarie park")),
    "yokohama": ("tokyo", ("yokohama",)),
    "herzliya": ("tel aviv", ("herzliya",)),
    "ramat gan": ("tel aviv", ("ramat gan",)),
}

# Time zones a remote posting may be tied to ("Remote (EST)", "CET +/- 2h"): alias ->
# the regions that keep those hours. Plain UTC/GMT offsets are read by `_offsets`.
_ZONES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "hst",
         "eastern time", "central time", "mountain time", "pacific time",
         "eastern standard time", "pacific standard time", "us time zones",
         "us timezones", "us time zone", "us timezone", "north american time zones",
         "us hours", "us business hours"),
        ("north america",),
    ),
    **dict.fromkeys(
        ("cet", "cest", "wet", "eet", "eest", "bst", "gmt", "mez", "mesz",
         "central european time", "european time zones", "european timezones",
         "european hours", "european business hours"),
        ("europe",),
    ),
    **dict.fromkeys(("ist", "sgt", "jst", "kst", "hkt", "pht", "indian standard time"),
                    ("asia",)),
    **dict.fromkeys(("aest", "aedt", "acst", "awst", "nzst", "nzdt"), ("oceania",)),
    **dict.fromkeys(("brt", "brasilia time"), ("south america",)),
}  # fmt: skip
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

_REGIONS: dict[str, tuple[str, ...]] = {
    "europe": ("europe", "european union", "eu", "emea", "europa", "eea", "dach", "benelux",
               "nordics"),
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
    for key, (_, aliases) in (_CITIES | _METRO_TOWNS).items():
        entries += [(alias, "city", key) for alias in aliases]
    for key, (_, aliases) in _COUNTRIES.items():
        entries += [(alias, "country", key) for alias in aliases]
    for key, codes in _STATE_CODES.items():
        entries += [(code, "country", key) for code in codes]
    for key, aliases in _REGIONS.items():
        entries += [(alias, "region", key) for alias in aliases]
    entries += [(alias, "world", "world") for alias in _WORLDWIDE]
    entries += [(alias, "zone", alias) for alias in _ZONES]
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
    regions = found["region"] | {_COUNTRIES[c][0] for c in countries}
    for zone in found["zone"]:
        regions |= set(_ZONES.get(zone) or _offset_regions(zone))
    return Places(
        frozenset(cities),
        frozenset(countries),
        frozenset(regions),
        bool(found["world"]),
        frozenset(_METRO_TOWNS[c][0] if c in _METRO_TOWNS else c for c in cities),
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
    if city in _METRO_TOWNS:
        return _CITIES[_METRO_TOWNS[city][0]][0]
    return _CITIES[city][0]


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
    cities = sorted(c for c in places_in(text).cities if c not in _METRO_TOWNS)
    if cities:
        return cities[0]
    return words(text)
