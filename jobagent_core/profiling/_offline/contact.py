"""Who the CV is about: name, e-mail, phone, profile links and location.

Each finder returns text that occurs in the CV (whitespace collapsed, a scheme added to
bare URLs, an all-capitals name put in title case) or None — never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from jobagent_core.profiling._offline.dates import find_date_range
from jobagent_core.profiling._offline.layout import HEADINGS, fold
from jobagent_core.profiling.schemas import Links
from jobagent_core.profiling.taxonomy import Taxonomy

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
_PHONE = re.compile(r"(?<![\w+/.])(?:\+|00|\()?\d[\d \u00a0()./-]{5,20}\d(?![\w/])")
_PHONE_LABEL = re.compile(
    r"(?i)(?<![^\W\d_])(?:phone|tel|telephone|telefon|mobile|mobil|handy|cell|tél|téléphone|portable|mob|"
    r"fon|contact|t|m|p)\s*\.?\s*(?:\(\w+\)\s*)?[:.]?\s*$"
)
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>()\"'|,;]+|(?<![\w@.])(?:[a-z0-9-]+\.)*(?:linkedin\.com|"
    r"github\.com|gitlab\.com|xing\.com|behance\.net|dribbble\.com|medium\.com|"
    r"stackoverflow\.com|kaggle\.com|bitbucket\.org)/[^\s<>()\"'|,;]*",
    re.IGNORECASE,
)
_BARE_DOMAIN = re.compile(
    r"(?i)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|org|net|io|dev|me|co|app|"
    r"design|art|studio|page|site|online|info|eu|uk|co\.uk|de|fr|at|ch|ie|nl|be|es|it|"
    r"pl|fi|se|dk|no|pt)(?:/[\w./-]*)?"
)
_LINKS_LABEL = re.compile(
    r"(?i)^\s*(?:links?|website|web|portfolio|homepage|blog|online|profiles?|social)\s*:"
)
_WEB_LABEL = re.compile(
    r"(?i)^\s*[-•*]?\s*(?:website|web|portfolio|homepage|home page|site|blog|site web|"
    r"internet)\s*[:\-–]\s*(?P<url>[a-z0-9][a-z0-9.-]*\.[a-z]{2,}(?:/\S*)?)\s*$"
)
_LOCATION_LABEL = re.compile(
    r"(?i)^\s*[-•*]?\s*(?:location|address|adresse|anschrift|wohnort|ort|lieu|city|"
    r"residence|domicile|based in|standort|ville|current location)\s*[:\-–]\s*(?P<value>.+)$"
)
_BASED_IN = re.compile(
    r"(?i)\b(?:based in|living in|located in|wohnhaft in|basé à|basée à)\s+"
    r"(?P<value>[^\W\d_][\w .'-]*(?:,\s*[^\W\d_][\w .'-]*)?)"
)
_POSTCODE_CITY = re.compile(r"(?<!\d)\d{4,5}\s+(?P<city>[^\W\d_][\w.'-]*(?:[ -][^\W\d_][\w.'-]*)?)")
_SEGMENTS = re.compile(r"\s*(?:[|•·;◦▪]|\s{3,}|\s[–—-]\s)\s*")
_NAME_LABEL = re.compile(r"(?i)^\s*(?:full name|name|nom|nom complet|vor- und nachname)\s*:\s*")
_HONORIFIC = re.compile(
    r"(?i)^(?:dr\.?(?:-ing\.)?|prof\.?|mr\.?|mrs\.?|ms\.?|mx\.?|dipl\.?-\w+\.?|mag\.?|ing\.)\s+"
)
_NAME_TOKEN = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’.-](?=[^\W\d_])|\.$)*$")
_PARTICLES = frozenset(
    ("von", "van", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "bin",
     "ibn", "al", "el", "ten", "ter", "zu", "dos", "das", "y")
)  # fmt: skip
_NOT_NAME = frozenset(
    ("curriculum", "vitae", "resume", "résumé", "lebenslauf", "cv", "page", "contact",
     "profile", "email", "phone", "address", "skills", "experience", "education", "summary",
     "references", "confidential", "personal", "details", "the", "and", "of", "for", "in",
     "at", "with")
)  # fmt: skip


def find_email(text: str) -> str | None:
    m = EMAIL.search(text)
    return m.group().rstrip(".") if m else None


def find_name(lines: Sequence[str], taxonomy: Taxonomy) -> str | None:
    """The first line (or first segment of a line) near the top that reads like a name."""
    for line in lines:
        labelled = _NAME_LABEL.match(line)
        if labelled:
            name = _as_name(line[labelled.end() :], taxonomy)
            if name:
                return name
    for line in [line for line in lines if line.strip()][:15]:
        for segment in _SEGMENTS.split(line.strip().strip("#*").strip())[:2]:
            name = _as_name(segment, taxonomy)
            if name:
                return name
    return None


def _as_name(text: str, taxonomy: Taxonomy) -> str | None:
    text = re.split(r"\s+[-–—]\s+|,", text.strip(), maxsplit=1)[0].strip()
    text = _HONORIFIC.sub("", text).strip()
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or len(text) > 60:
        return None
    core = [t for t in tokens if t.lower() not in _PARTICLES]
    if len(core) < 2 or not all(_NAME_TOKEN.match(t) and len(t) <= 25 for t in tokens):
        return None
    if not all(t[0].isupper() for t in core):
        return None
    folded = fold(text)
    if set(folded.split()) & _NOT_NAME or folded in HEADINGS:
        return None
    if taxonomy.titles.match(text) or taxonomy.skills.find(text):
        return None
    if taxonomy.locations.is_place(text) or any(taxonomy.locations.is_country(t) for t in core):
        return None
    if text.isupper():
        text = " ".join(t if t.lower() in _PARTICLES else t.title() for t in tokens)
        text = text.replace("’S", "’s").replace("'S", "'s")
    return " ".join(text.split())


def find_phone(line_groups: Iterable[Sequence[str]]) -> str | None:
    """The first phone number: labelled ones first, then international, then national,
    searching the groups of lines in order (contact block first, then the rest)."""
    for group in line_groups:
        best: tuple[int, str] | None = None
        for line in group:
            for m in _PHONE.finditer(line):
                rank = _phone_rank(line, m)
                if rank is not None and (best is None or rank < best[0]):
                    best = (rank, " ".join(m.group().split()).strip(" ./-"))
        if best:
            return best[1]
    return None


def _phone_rank(line: str, m: re.Match[str]) -> int | None:
    candidate = m.group()
    digits = sum(ch.isdigit() for ch in candidate)
    if not 7 <= digits <= 15 or candidate.count("(") != candidate.count(")"):
        return None
    labelled = bool(_PHONE_LABEL.search(line[: m.start()]))
    if candidate.startswith(("+", "00")):
        return 0 if labelled else 1
    if find_date_range(candidate) is not None and not labelled:
        return None  # "03/2019 - 12/2020", "2016 - 2018"
    if labelled:
        return 0
    if re.match(r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}$", candidate):
        return 2
    if candidate.startswith("0") and re.search(r"[\s./-]", candidate):
        return 3
    return None


def find_links(line_groups: Sequence[Sequence[str]], all_lines: Sequence[str]) -> Links:
    """LinkedIn and GitHub from anywhere; portfolio and other links only from the
    contact area (`line_groups`), so employer sites in bullets are not profile links."""
    links = Links()
    labelled = [line for line in all_lines if _LINKS_LABEL.match(line)]
    groups = [*line_groups, labelled]
    contact_urls = [
        u for i, group in enumerate(groups) for line in group for u in _urls(line, bare=i == 0)
    ]
    for url in [*contact_urls, *(u for line in all_lines for u in _urls(line))]:
        host = _host(url)
        if host.endswith("linkedin.com"):
            if links.linkedin is None or ("/in/" in url and "/in/" not in links.linkedin):
                links.linkedin = url
        elif host.endswith("github.com"):
            links.github = links.github or url
    for url in contact_urls:
        host = _host(url)
        if host.endswith(("linkedin.com", "github.com")) or url in links.other:
            continue
        if links.portfolio is None and _is_portfolio(host):
            links.portfolio = url
        elif url != links.portfolio and len(links.other) < 5:
            links.other.append(url)
    return links


def _urls(line: str, *, bare: bool = False) -> list[str]:
    """URLs in `line`; with `bare`, also a contact line's unlabelled domain
    ("chloe-ozturk.example.fr", "janedoe.dev/work")."""
    found = [m.group() for m in _URL.finditer(line)]
    labelled = _WEB_LABEL.match(line)
    if labelled and not found and "@" not in labelled.group("url"):
        found.append(labelled.group("url"))
    if bare and not found:
        for segment in _SEGMENTS.split(line.strip()):
            if _BARE_DOMAIN.fullmatch(segment.strip()):
                found.append(segment.strip())
    out = []
    for url in found:
        url = url.rstrip(".,;:)]}>'\"")
        if not url.lower().startswith(("http://", "https://")):
            url = "https://" + url
        out.append(url)
    return out


def _host(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")


def _is_portfolio(host: str) -> bool:
    social = ("xing.com", "medium.com", "stackoverflow.com", "kaggle.com", "gitlab.com")
    return not host.endswith(social)


def find_location(
    header: Sequence[str], everywhere: Sequence[str], taxonomy: Taxonomy
) -> str | None:
    """A "Location:" label anywhere, else a place in the header lines."""
    places = taxonomy.locations
    for line in everywhere:
        labelled = _LOCATION_LABEL.match(line)
        if labelled:
            value = _SEGMENTS.split(labelled.group("value").strip())[0]
            return _place_in(value, taxonomy) or _tidy(value)
    for line in header:
        for segment in _SEGMENTS.split(line.strip()):
            segment = segment.strip(" ,.()")
            if segment and places.is_place(segment):
                return segment
            postcode = _POSTCODE_CITY.search(segment)
            if postcode and places.is_city(postcode.group("city")):
                return _with_country(segment, postcode.end(), postcode.group("city"), taxonomy)
    for line in header:
        for segment in _SEGMENTS.split(line.strip()):
            found = _town_in(segment.strip(" ,.()"), taxonomy)
            if found:
                return found
    for line in header:
        based = _BASED_IN.search(line)
        if based and places.is_place(based.group("value").strip()):
            return based.group("value").strip()
    return None


_TOWN = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[ -](?:(?:sur|sous|en|le|la|les|de|am|an|im|upon|on|"
    r"in)[ -])?[A-ZÀ-ÖØ-Þ][^\W\d_]+){0,2}$"
)
_STREET = re.compile(
    r"(?i)(?:stra(?:ss|ß)e|str\.|weg|allee|platz|gasse|road|street|avenue|lane|rue|"
    r"chemin|boulevard|bd|place|quai|drive|close|way)\b"
)


def _town_in(segment: str, taxonomy: Taxonomy) -> str | None:
    """A town the taxonomy does not know, when the header shows it as a place:
    "Villeurbanne, France" (with a known country) or "69100 Villeurbanne" (a postcode)."""
    if not segment or len(segment) > 60 or "@" in segment or _STREET.search(segment):
        return None
    parts = [p.strip() for p in segment.split(",")]
    if len(parts) == 2 and _TOWN.match(parts[0]) and taxonomy.locations.is_country(parts[1]):
        return segment
    postcode = re.fullmatch(
        r"(?:[A-Z]{1,2}-)?\d{4,5}\s+(?P<town>[^,]+?)(?:,\s*(?P<country>[^\W\d_][\w .'-]*))?",
        segment,
    )
    if postcode and _TOWN.match(postcode.group("town").strip()):
        town, country = postcode.group("town").strip(), postcode.group("country")
        if country and taxonomy.locations.is_country(country.strip()):
            return f"{town}, {country.strip()}"
        return town
    return None


def _place_in(value: str, taxonomy: Taxonomy) -> str | None:
    """The city (with country) inside an address value such as "Hauptstr. 5, 10115 Berlin"."""
    if taxonomy.locations.is_place(value.strip()):
        return value.strip()
    postcode = _POSTCODE_CITY.search(value)
    if postcode:
        return _with_country(value, postcode.end(), postcode.group("city"), taxonomy)
    parts = [p.strip() for p in value.split(",")]
    for i, part in enumerate(parts):
        if taxonomy.locations.is_city(part):
            tail = [p for p in parts[i + 1 :] if taxonomy.locations.is_place(p) or p in
                    taxonomy.locations.us_states]  # fmt: skip
            return ", ".join([part, *tail])
    return None


def _with_country(text: str, end: int, city: str, taxonomy: Taxonomy) -> str:
    rest = text[end:].lstrip(" ,")
    country = rest.split(",")[0].strip(" .")
    if country and taxonomy.locations.is_country(country):
        return f"{city}, {country}"
    return city


def _tidy(value: str) -> str | None:
    value = " ".join(value.split()).strip(" ,;.")
    if not value or len(value) > 80 or "@" in value:
        return None
    return value
