"""Experience entries from the lines of their sections (education: `_offline.education`).

An experience entry is anchored on its date line. The lines just before it (or, when
a CV puts dates first, the lines just after it) are its header: title, employer and
location in any of the usual shapes ("Title at Employer", "Title, Employer, City",
"Employer — Title", "Title — Employer (City)", one per line, or "Position:" labels).
The lines up to the next entry are its bullets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from jobagent_core.profiling._offline.dates import DateRange, find_date_range
from jobagent_core.profiling.schemas import ExperienceEntry
from jobagent_core.profiling.taxonomy import Taxonomy

BULLET = re.compile(r"^\s*(?:[-–—•*·▪◦►▸✓✔➢➤○●■□‣⁃]|\d{1,2}[.)])\s+")
_AT = re.compile(r"\s+(?:at|@|bei|chez)\s+")
_CONTACT_LINE = re.compile(
    r"(?i)^\s*(?:links?|website|web|portfolio|homepage|blog|mobile|mobil|phone|tel|telefon|"
    r"e-?mail|linkedin|github|xing)\s*:"
)
_STRONG = re.compile(r"\s+[|·•—–-]\s+|\s{3,}|\s*\|\s*")
_BARS = re.compile(r"\s*\|\s*|\s{3,}")
_EDGE = " \t*_,;|:–—-#·•"
_WRAP_END = (",", "—", "–", "-", "&", "/", "|", "·", " at", " bei", " of", " and", " und")
_RANGE_TAIL = re.compile(r"^\s*(?:[-–—]|to|bis|until|à)\s*\S", re.IGNORECASE)
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
_LABEL = re.compile(
    r"(?i)^\s*(?P<label>position|title|job title|role|rolle|stelle|funktion|poste|fonction|"
    r"company|employer|organisation|organization|arbeitgeber|firma|unternehmen|employeur|"
    r"entreprise|société|dates?|period|duration|zeitraum|période|location|ort|lieu|"
    r"responsibilities|tasks|aufgaben|tätigkeiten|missions|achievements)\s*:\s*(?P<value>.*)$"
)
_TITLE_LABELS = {"position", "title", "job title", "role", "rolle", "stelle", "funktion", "poste",
                 "fonction"}  # fmt: skip
_EMPLOYER_LABELS = {"company", "employer", "organisation", "organization", "arbeitgeber", "firma",
                    "unternehmen", "employeur", "entreprise", "société"}  # fmt: skip
_DATE_LABELS = {"date", "dates", "period", "duration", "zeitraum", "période"}
_PLACE_LABELS = {"location", "ort", "lieu"}
_PAREN_TAIL = re.compile(r"\s*\((?P<inner>[^()]{2,60})\)\s*$")
_PROSE_WORDS = 20
_ABBREVIATION_END = re.compile(
    r"(?<![\w])(?:Inc|Ltd|Co|Corp|Bros|St|Jr|Sr|Dr|e\.\s?V|S\.A|N\.V|B\.V|mbH|plc|Hons|M\.Sc|B\.Sc)\.$"
)


@dataclass
class _Header:
    title: str | None = None
    employer: str | None = None
    location: str | None = None


@dataclass
class _Block:
    header: list[str] = field(default_factory=list)
    dates: DateRange | None = None
    body: list[str] = field(default_factory=list)


def clean(text: str) -> str:
    return " ".join(text.split()).strip(_EDGE).strip()


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line))


def _strip_bullet(line: str) -> str:
    return " ".join(BULLET.sub("", line, count=1).split())


def _is_prose(line: str) -> bool:
    """A sentence rather than a title/employer line."""
    text = line.strip()
    words = len(text.split())
    if words >= _PROSE_WORDS or len(text) > 150:
        return True
    sentence = text.endswith((".", "!", "?")) and not _ABBREVIATION_END.search(text)
    return sentence and words >= 4


def _anchor(line: str) -> DateRange | None:
    """The date range that makes `line` an entry's date line, if it is one."""
    if is_bullet(line) or len(line) > 200:
        return None
    found = find_date_range(line)
    if found is None:
        return None
    if found.end is None:
        before, after = line[: found.span_start], line[found.span_end :]
        if clean(before) and clean(after):
            return None  # a year inside a sentence
        if len(clean(before + after)) > 90:
            return None
    return found


# --------------------------------------------------------------------------- experience


def parse_experience(lines: Sequence[str], taxonomy: Taxonomy) -> list[ExperienceEntry]:
    """Experience entries in the order the CV lists them."""
    if sum(1 for line in lines if (m := _LABEL.match(line)) and _is_title_label(m)) >= 1:
        labelled = _labelled_entries(lines)
        if labelled:
            return labelled
    blocks = _blocks(list(lines))
    entries = []
    for block in blocks:
        header = _parse_header(block.header, taxonomy)
        if not header.title:
            continue
        dates = block.dates
        entries.append(
            ExperienceEntry(
                title=header.title,
                employer=header.employer,
                location=header.location,
                start=dates.start if dates else None,
                end=dates.end if dates else None,
                current=bool(dates and dates.current),
                bullets=_bullets(block.body),
            )
        )
    return entries


def _is_title_label(m: re.Match[str]) -> bool:
    return m.group("label").lower() in _TITLE_LABELS


def _join_split_ranges(lines: list[str]) -> list[str]:
    """ "... Mar 2020" + "– Present" (a range wrapped onto the next line) -> one line."""
    out: list[str] = []
    for line in lines:
        if out and _RANGE_TAIL.match(line):
            prev = find_date_range(out[-1])
            if prev is not None and prev.end is None and not out[-1][prev.span_end :].strip():
                joined = f"{out[-1]} {line.strip()}"
                if (found := find_date_range(joined)) is not None and found.end is not None:
                    out[-1] = joined
                    continue
        out.append(line)
    return out


def _blocks(lines: list[str]) -> list[_Block]:
    lines = _join_split_ranges(lines)
    anchors = {i: found for i, line in enumerate(lines) if (found := _anchor(line))}
    if not anchors:
        return _undated_blocks(lines)
    first = min(anchors)
    header_first = any(
        line.strip() and not is_bullet(line) and not _is_prose(line) for line in lines[:first]
    )
    blocks: list[_Block] = []
    starts: list[int] = []
    taken: list[int] = []  # header lines after each date line
    for i in sorted(anchors):
        block = _Block(dates=anchors[i])
        residual = _residual(lines[i], anchors[i])
        before, first_line = _header_before(lines, i, anchors)
        after = _header_after(lines, i, anchors)
        after_mode = not header_first and (residual or after)
        if after_mode or not (before or residual):
            block.header = [residual, *after] if residual else after
            starts.append(i)
            taken.append(len(after))
        else:
            block.header = [*before, residual] if residual else before
            starts.append(first_line)
            taken.append(0)
        blocks.append(block)
    ends = [*starts[1:], len(lines)]
    for n, (i, block) in enumerate(zip(sorted(anchors), blocks, strict=True)):
        body_from = i + 1 + taken[n]
        block.body = [line for line in lines[body_from : ends[n]] if line.strip()]
        if header_first and len(block.header) == 1:
            _take_employer_line(block)
    return blocks


def _residual(line: str, found: DateRange) -> str:
    text = line[: found.span_start] + " " + line[found.span_end :]
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    return clean(BULLET.sub("", text, count=1))


def _header_before(
    lines: list[str], i: int, anchors: dict[int, DateRange]
) -> tuple[list[str], int]:
    """The header lines just above the date line at `i`, and the index of the first."""
    out: list[str] = []
    first = i
    j = i - 1
    while j >= 0 and j not in anchors and len(out) < 3:
        line = lines[j]
        if not line.strip():
            if out:
                break
            j -= 1
            continue
        if is_bullet(line) or _is_prose(line) or _LABEL.match(line):
            break
        out.insert(0, line.strip())
        first = j
        j -= 1
    return out, first


def _header_after(lines: list[str], i: int, anchors: dict[int, DateRange]) -> list[str]:
    out: list[str] = []
    limit = 1 if _residual(lines[i], anchors[i]) else 2
    for line in lines[i + 1 : i + 1 + limit]:
        if not line.strip() or is_bullet(line) or _is_prose(line) or (i + 1 + len(out)) in anchors:
            break
        out.append(line.strip())
    return out


def _take_employer_line(block: _Block) -> None:
    """ "Title / dates / Employer / bullets": a short first body line is the employer."""
    if block.body and not is_bullet(block.body[0]) and not _is_prose(block.body[0]):
        only = block.header[0]
        if not _AT.search(only) and len(_STRONG.split(only)) == 1 and "," not in only:
            block.header.append(clean(block.body.pop(0)))


def _undated_blocks(lines: list[str]) -> list[_Block]:
    """No dates at all: blocks separated by blank lines, first lines are the header."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for line in lines:
        if not line.strip():
            current = None
            continue
        if current is None:
            current = _Block(header=[clean(line)])
            blocks.append(current)
        elif not current.body and len(current.header) < 2 and not is_bullet(line) \
                and not _is_prose(line):  # fmt: skip
            current.header.append(clean(line))
        else:
            current.body.append(line)
    return blocks


def _bullets(body: Sequence[str]) -> list[str]:
    """Bullet texts; lines wrapped by the layout are joined to their bullet."""
    bullets: list[str] = []
    markers = any(is_bullet(line) for line in body)
    for line in body:
        label = _LABEL.match(line)
        if (label and not label.group("value").strip()) or _CONTACT_LINE.match(line):
            continue  # "Responsibilities:" introducing the bullets; a stray contact line
        text = _strip_bullet(line)
        if not text:
            continue
        open_end = bool(bullets) and not bullets[-1].endswith((".", "!", "?"))
        continuation = not is_bullet(line) and (text[:1].islower() or markers) and open_end
        if continuation:
            bullets[-1] = f"{bullets[-1]} {text}"
        else:
            bullets.append(text)
    return bullets


@dataclass
class _Labelled:
    fields: dict[str, str] = field(default_factory=dict)
    body: list[str] = field(default_factory=list)


def _label_key(label: str) -> str | None:
    label = label.lower()
    for key, labels in (("title", _TITLE_LABELS), ("employer", _EMPLOYER_LABELS),
                        ("dates", _DATE_LABELS), ("location", _PLACE_LABELS)):  # fmt: skip
        if label in labels:
            return key
    return None


def _labelled_entries(lines: Sequence[str]) -> list[ExperienceEntry]:
    """Entries written as "Position: …", "Company: …", "Dates: …" lines."""
    entries: list[_Labelled] = []
    current: _Labelled | None = None
    for line in lines:
        m = _LABEL.match(line)
        key = _label_key(m.group("label")) if m else None
        if m and key:
            if current is None or key in current.fields:
                current = _Labelled()
                entries.append(current)
            if clean(m.group("value")):
                current.fields[key] = clean(m.group("value"))
        elif current is not None and line.strip() and not m:
            current.body.append(line)
    out = []
    for entry in entries:
        title = entry.fields.get("title")
        if not title:
            continue
        dates = find_date_range(entry.fields.get("dates", ""))
        out.append(
            ExperienceEntry(
                title=title,
                employer=entry.fields.get("employer"),
                location=entry.fields.get("location"),
                start=dates.start if dates else None,
                end=dates.end if dates else None,
                current=bool(dates and dates.current),
                bullets=_bullets(entry.body),
            )
        )
    return out


# --------------------------------------------------------------------------- header


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
                (_STRONG.search(out[-1]) or _AT.search(out[-1]))
                and not _STRONG.search(text)
                and not taxonomy.locations.is_place(clean(text))
                and not _AT.search(text)
            )
        ):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def _parse_header(texts: Sequence[str], taxonomy: Taxonomy) -> _Header:
    texts = [clean(t) for t in _unwrap(texts, taxonomy) if clean(t)]
    header = _Header()
    if not texts:
        return header
    joined = " | ".join(texts)
    at = _AT.search(texts[0])
    left = texts[0][: at.start()] if at else ""
    if at and (_TITLE_WORD.search(left) or taxonomy.titles.match(left)):
        header.title = clean(texts[0][: at.start()])
        rest = [texts[0][at.end() :], *texts[1:]]
        pieces = _pieces(rest, split_commas=True)
        pieces, header.location = _take_location(pieces, taxonomy)
        header.employer = pieces[0] if pieces else None
        return header
    pieces = _pieces(texts, split_commas=len(texts) == 1 and len(_STRONG.split(joined)) == 1)
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
        for part in (_STRONG if dashes else _BARS).split(text):
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
