"""An experience entry's header: its title, employer and location, from the header
lines in any of the usual shapes ("Title at Employer", "Title, Employer, City",
"Employer — Title", "Title — Employer (City)", one per line), lines a narrow column
wrapped joined first."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from jobagent_core.profiling._offline.entry_lines import clean
from jobagent_core.profiling.taxonomy import Taxonomy

AT = re.compile(r"\s+(?:at|@|bei|chez)\s+")
STRONG = re.compile(r"\s+[|·•—–-]\s+|\s{3,}|\s*\|\s*")
_BARS = re.compile(r"\s*\|\s*|\s{3,}")
_WRAP_END = (",", "—", "–", "-", "&", "/", "|", "·", " at", " bei", " of", " and", " und")
_COMPANY = re.compile(
    r"(?<![\w])(?:GmbH|gGmbH|mbH|AG|SE|KG|OHG|e\.\s?V\.?|Inc\.?|Ltd\.?|Limited|LLC|LLP|plc|PLC|"
    r"Corp\.?|Corporation|Co\.|Company|S\.A\.S?\.?|SAS|SARL|S\.?r\.?l\.?|B\.V\.|N\.V\.|Oy|AB|A/S|"
    r"Group|Gruppe|Groupe|Holding|Trust|Hospitals?|Klinikum|Klinik|Kliniken|Krankenhaus|Charité|"
    r"Universität|Universitätsklinikum|University|Hochschule|School|Schule|Grundschule|Primary|"
    r"Academy|Akademie|College|Bank|Stadtwerke|Services|Solutions|Consulting|Partners|Software|"
    r"Technologies|Technology|Systems|Labs?|Agency|Agentur|Studio|Institute|Institut|Ministry|"
    r"Council|NHS|Gymnasium|Lycée|École|Collège|Centre|Center|Foundation|Stiftung|Logistics|"
    r"Analytics|Electrical|Contracting|Advisory|Media|Retail|Capital|Insurance|Versicherung|"
    r"Elektrotechnik|Verlag|Werke|Hotel|Restaurant|Praxis|Kanzlei|Cabinet|Clinic|Pflegedienst)"
    r"(?![\w])"
)
_TITLE_WORD = re.compile(
    r"(?i)(?<![\w])(?:manager|engineer|developer|nurse|teacher|analyst|consultant|assistant|"
    r"specialist|director|lead|officer|technician|executive|representative|coordinator|"
    r"administrator|designer|architect|intern|trainee|apprentice|head|electrician|plumber|"
    r"welder|carpenter|accountant|controller|associate|advisor|adviser|agent|clerk|supervisor|"
    r"operator|worker|scientist|researcher|lecturer|tutor|professor|founder|owner|"
    r"freelancer|contractor|mechanic|installer|receptionist|cashier|chef|"
    r"leiter|leiterin|referent|referentin|berater|beraterin|entwickler|entwicklerin|"
    r"ingenieur|ingenieurin|sachbearbeiter|sachbearbeiterin|kaufmann|kauffrau|lehrer|"
    r"lehrerin|pfleger|pflegerin|elektriker|elektronikerin?|techniker|assistent|assistentin|"
    r"praktikant|praktikantin|werkstudent|werkstudentin|mitarbeiter|mitarbeiterin|"
    r"responsable|chargée?|chef|ingénieure?|développeuse|développeur|infirmière|infirmier|"
    r"enseignante?|professeure?|conseillère|conseiller|technicienne?|commerciale?|stagiaire|"
    r"directeur|directrice|analyste|comptable|assistante?)(?![\w])"
)
_PAREN_TAIL = re.compile(r"\s*\((?P<inner>[^()]{2,60})\)\s*$")


@dataclass
class Header:
    title: str | None = None
    employer: str | None = None
    location: str | None = None


def _unwrap(texts: Sequence[str], taxonomy: Taxonomy) -> list[str]:
    """Join header lines that a narrow column wrapped: "Nurse — Northgate" +
    "University Hospitals NHS Trust, Manchester", "… Software, Dallas," + "TX"."""
    out: list[str] = []
    for raw in texts:
        text = raw.strip().strip("#*").strip()
        if not text:
            continue
        if out and (
            out[-1].endswith(_WRAP_END)
            or (
                (STRONG.search(out[-1]) or AT.search(out[-1]))
                and not STRONG.search(text)
                and not taxonomy.locations.is_place(clean(text))
                and not AT.search(text)
            )
        ):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def parse_header(texts: Sequence[str], taxonomy: Taxonomy) -> Header:
    texts = [clean(t) for t in _unwrap(texts, taxonomy) if clean(t)]
    header = Header()
    if not texts:
        return header
    joined = " | ".join(texts)
    at = AT.search(texts[0])
    left = texts[0][: at.start()] if at else ""
    if at and (_TITLE_WORD.search(left) or taxonomy.titles.match(left)):
        header.title = clean(texts[0][: at.start()])
        rest = [texts[0][at.end() :], *texts[1:]]
        pieces = _pieces(rest, split_commas=True)
        pieces, header.location = _take_location(pieces, taxonomy)
        header.employer = pieces[0] if pieces else None
        return header
    pieces = _pieces(texts, split_commas=len(texts) == 1 and len(STRONG.split(joined)) == 1)
    pieces, header.location = _take_location(pieces, taxonomy)
    if not pieces:
        return header
    companies = [i for i, p in enumerate(pieces) if _COMPANY.search(p)]
    titles = [i for i, p in enumerate(pieces) if _title_score(p, taxonomy) > 0]
    employer_at = next((i for i in companies if i not in titles or len(titles) > 1), None)
    if employer_at is None:
        title_at = titles[0] if titles else 0
        others = [i for i in range(len(pieces)) if i != title_at]
        header.title = pieces[title_at]
        header.employer = pieces[others[0]] if others else None
        return header
    header.employer = pieces[employer_at]
    rest = [p for i, p in enumerate(pieces) if i != employer_at]
    if not rest:
        return header
    if employer_at > 0:
        header.title = ", ".join(pieces[:employer_at])
    else:
        header.title = ", ".join(rest)
    return header


def _title_score(piece: str, taxonomy: Taxonomy) -> int:
    return 2 * bool(taxonomy.titles.match(piece)) + bool(_TITLE_WORD.search(piece))


def _pieces(texts: Sequence[str], *, split_commas: bool, dashes: bool = True) -> list[str]:
    pieces: list[str] = []
    for text in texts:
        for part in (STRONG if dashes else _BARS).split(text):
            if split_commas:
                pieces.extend(_comma_parts(part))
            else:
                pieces.append(part)
    return [clean(p) for p in pieces if clean(p)]


def _comma_parts(text: str) -> list[str]:
    parts: list[str] = []
    for part in re.split(r",\s+", text):
        # "Acme, Inc." and "Müller GmbH & Co. KG": a bare legal form joins the part before.
        if parts and re.fullmatch(r"(?:Inc|Ltd|LLC|LLP|plc|Co|KG|AG|GmbH|SA|SE)\.?", part):
            parts[-1] = f"{parts[-1]}, {part}"
        else:
            parts.append(part)
    return parts


def _take_location(pieces: list[str], taxonomy: Taxonomy) -> tuple[list[str], str | None]:
    """Remove the location from the pieces: a whole piece, a "(City)" tail, a ", City" tail,
    or trailing pieces that together form a place ("Dallas", "TX")."""
    places = taxonomy.locations
    location: str | None = None
    out: list[str] = []
    for piece in pieces:
        tail = _PAREN_TAIL.search(piece)
        if tail and places.is_place(tail.group("inner").strip()):
            location = location or tail.group("inner").strip()
            piece = clean(piece[: tail.start()])
        parts = [p.strip() for p in piece.split(",")]
        for k in range(1, len(parts)):
            place = _as_place(parts[k:], parts[:k], taxonomy)
            if place:
                location = location or place
                piece = ", ".join(parts[:k])
                break
        if piece:
            out.append(piece)
    for k in range(len(out)):
        candidate = ", ".join(out[k:])
        if places.is_place(candidate) or candidate.lower() in {"remote", "hybrid"}:
            return out[:k], location or candidate
        if k == len(out) - 1 and k >= 2:
            place = _as_place([candidate], out[:k], taxonomy)
            if place:
                return out[:k], location or place
    return out, location


# "Lyon 7e", "Paris 15ème", "London EC1", "Manchester M13 9WL", "Berlin-Mitte" -> the city.
_PLACE_SUFFIX = re.compile(
    r"^(?P<city>[^\W\d_][\w' -]*?)(?:\s+\d{1,2}\s?(?:e|er|ème|eme|è)|\s+[A-Z]{1,2}\d[\dA-Z]?"
    r"(?:\s+\d[A-Z]{2})?|-(?:Mitte|Nord|Süd|Ost|West|Centre|Center))$"
)
_POSTCODE_PLACE = re.compile(
    r"^(?:\d{4,5}\s+)(?P<city>[^\W\d_][\w' -]*)$|^(?P<city2>[^\W\d_][\w' -]*?)\s+\(\d{2,5}\)$"
)
_TOWN = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[ -](?:(?:sur|sous|en|le|la|les|de|am|an|im|upon|on)[ -])?"
    r"[A-ZÀ-ÖØ-Þ][^\W\d_]+)?$"
)


_DEPARTMENT = re.compile(
    r"(?i)(?<![\w])(?:finance|strategy|marketing|sales|operations|engineering|research|"
    r"development|product|products|design|legal|compliance|risk|audit|tax|treasury|"
    r"procurement|purchasing|logistics|hr|human resources|people|it|technology|data|"
    r"analytics|support|service|customer|retail|wholesale|corporate|enterprise|division|"
    r"department|team|unit|headquarters|hq|remote|hybrid|abteilung|vertrieb|einkauf|"
    r"personal|buchhaltung|controlling|produktion|entwicklung|forschung|direction|ventes|"
    r"achats|comptabilité|ressources humaines|siège)(?![\w])"
)


def _as_place(tail: Sequence[str], head: Sequence[str], taxonomy: Taxonomy) -> str | None:
    """The place that `tail` (the comma parts after an employer) names, if it is one:
    a known place, a known city with a district ("Lyon 7e") or postcode ("10115 Berlin"),
    or, after a named organisation, a town the taxonomy does not know ("Villeurbanne")."""
    places = taxonomy.locations
    text = ", ".join(tail)
    if places.is_place(text):
        return text
    first, rest = tail[0], list(tail[1:])
    m = _PLACE_SUFFIX.match(first) or _POSTCODE_PLACE.match(first)
    if m:
        city = (m.groupdict().get("city") or m.groupdict().get("city2") or "").strip()
        if city and places.is_place(", ".join([city, *rest])):
            return ", ".join([city, *rest])
        if city and places.is_city(city):
            return city
    if rest or not _TOWN.match(first):
        return None
    before = ", ".join(head)
    named = _COMPANY.search(before) or fold_word(first) in fold_word(before).split()
    if not named or _COMPANY.search(first) or _TITLE_WORD.search(first):
        return None
    if _DEPARTMENT.search(first) or taxonomy.skills.find(first) or taxonomy.titles.match(first):
        return None  # "…, Finance", "…, Risk Advisory": a department, not a town
    return first


def fold_word(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())
