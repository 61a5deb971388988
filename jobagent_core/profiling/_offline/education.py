"""Education entries: degree, field of study, institution and dates, from the lines of an
education section — and the certificates that CVs often list there.

Each line is read on its own first: its dates, then its pieces (split at " — ", " | ",
", " and, next to an institution, " – "), each piece a degree, an institution, a place
or something else. The lines are then put together in the shapes CVs use:

    M.Sc. Computer Science — Aalto University, 2012–2014      (one line)
    BSc (Hons) Nursing, University of Leeds (2010 – 2013)
    Master MEEF 1er degré — INSPÉ de l'Académie de Lyon         (degree, then dates)
    2015 – 2017
    2010 – 2012                                                (dates in a left column)
    MSc Finance — Frankfurt School of Finance & Management
    BSc (Hons) Adult Nursing                                   (degree, then institution)
    University of Bradford, 2014 – 2017
    University of Leeds                                        (one institution,
    MSc Advanced Practice, 2016–2018                            several degrees)
    BSc Nursing, 2010–2013

A date line never becomes an institution. Lines that name a certificate, licence or
registration rather than a degree ("NMC registration", "CSCS card", "Power BI Data
Analyst Associate (PL-300)") are returned as certifications instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from jobagent_core.profiling._offline.certifications import certification_from, is_certificate
from jobagent_core.profiling._offline.dates import DateRange, find_date_range
from jobagent_core.profiling._offline.entry_lines import BULLET, clean
from jobagent_core.profiling.schemas import CertificationEntry, EducationEntry
from jobagent_core.profiling.taxonomy import Taxonomy

DEGREE = re.compile(
    r"(?i:(?<![\w])(?:bachelor|bachelors|bachelor's|master|masters|master's|mastère|"
    r"b\.\s?sc\.?|m\.\s?sc\.?|b\.\s?a\.|m\.\s?a\.|b\.\s?eng\.?|m\.\s?eng\.?|b\.\s?ed\.?|"
    r"m\.\s?ed\.?|mba|ph\.?\s?d\.?|doctorate|doktor|dr\.\s?rer\.\s?\w+\.?|diploma|diplom|"
    r"diplom-\w+|dipl\.-\w+\.?|diplôme|degree|certificate|certificat|zertifikat|pgce|pgde|"
    r"pgcert|pgdip|abitur|allgemeine hochschulreife|hochschulreife|matura|baccalauréat|"
    r"baccalaureat|bac|licence|licenciatura|grado|laurea|doctorat|staatsexamen|magister|"
    r"ausbildung|berufsausbildung|lehre|lehrabschluss|lehrabschlussprüfung|gesellenbrief|"
    r"gesellenprüfung|meisterbrief|meisterprüfung|meister|\w+meister(?:in)?|fachwirt\w*|"
    r"a-levels?|gcses?|apprenticeship|associate degree|high school|mittlere reife|"
    r"mittlerer schulabschluss|schulabschluss|realschulabschluss|fachabitur|"
    r"hauptschulabschluss|examen|qualification|hons|postgraduate|post-graduate|"
    r"undergraduate|graduate diploma|nvq|btec|city\s&\sguilds|qqi|ingénieur|ingenieur|"
    r"fachhochschulreife|kauffrau|kaufmann|\w+kauffrau|\w+kaufmann|fachkraft|"
    r"dsaa|dnsep|dnmade|deust|dut|but|bts|du|diu|cap|bep|deug|master pro|"
    r"brevet professionnel|brevet)(?![\w]))"
    r"|(?<![\w])(?:BSc|MSc|BA|MA|BS|MS|BEng|MEng|BEd|MEd|BCom|BBA|LLB|LLM|JD|MD|MPhil|"
    r"PhD|DPhil|HND|HNC|QTS|RN|BSN|MSN|MRes|MPharm|BPharm|BDS|MBBS|BVSc|DipHE|IUT)"
    r"(?![\w])"
)
INSTITUTION = re.compile(
    r"(?i)(?<![\w])(?:university|universit\w*|université|universidad|università|"
    r"universidade|college|school|schule|\w+schule|gymnasium|hochschule|fachhochschule|"
    r"akademie|academy|académie|institute|institut|école|ecole|lycée|lycee|iut|inspé|inspe|"
    r"espe|polytechnic|polytechnique|polytechnika|politecnico|berufsschule|ihk|hwk|"
    r"handwerkskammer|kammer|centre|center|campus|seminar|tu|th|eth|epfl|kth|uniwersytet|"
    r"kolleg|conservatoire|lse|ucl|mit|wifi|bfi|cnam|greta|afpa|sorbonne|sciences po|"
    r"insa|hec|essec|escp|edhec|ucd|tcd|dcu|nui|kcl|imperial|faculty|fakultät|faculté|iae|"
    r"ens|enseignement|formation professionnelle)"
    r"(?![\w])"
)
_NOTE = re.compile(
    r"(?i)^(?:thesis|dissertation|note|notes|grade|grades|gpa|final grade|abschlussnote|"
    r"schwerpunkt\w*|focus|major|minor|modules?|courses?|coursework|relevant courses|"
    r"mention|spécialité|option|masterarbeit|bachelorarbeit|diplomarbeit|mémoire|"
    r"projet|project|honou?rs|awards?|activities)\b\s*[:\-–]?"
)
_GRADE = re.compile(
    r"(?i)(?<![\w])(?:distinction|merit|pass|first|first class|second class|2[:.]1|2[:.]2|"
    r"upper second|lower second|honou?rs|cum laude|summa|magna|mention|très bien|assez bien|"
    r"bien|sehr gut|gut|note|grade|gpa|with|avec|mit)(?![\w])"
)
_STRONG_SPLIT = re.compile(r"\s+[—|·•]\s+|\s*\|\s*|\s{3,}")
_SOFT_DASH = re.compile(r"\s+[–-]\s+")
_EMPTY_PARENS = re.compile(r"\(\s*\)|\[\s*\]")
_PARENS = re.compile(r"\([^()]*\)")
# "M.Sc. Computer Science", "Bachelor of Science in Nursing", "BSc (Hons) Nursing",
# "Licence de Lettres modernes", "Diplom-Ingenieur Maschinenbau": the degree words and
# the field after them.
_DEGREE_HEAD = re.compile(
    r"(?i)^(?P<head>(?:(?:post-?graduate|graduate|advanced|higher|national|"
    r"undergraduate)\s+)?(?:bachelor(?:'s)?|master(?:'s)?|doctor(?:ate)?|diploma|"
    r"certificate|licence|license|mastère|diplôme|diplom(?:-\w+)?|dipl\.-\w+\.?|"
    r"b\.\s?sc\.?|m\.\s?sc\.?|b\.\s?a\.|m\.\s?a\.|b\.\s?eng\.?|m\.\s?eng\.?|ph\.?\s?d\.?|"
    r"bsc|msc|ba|ma|bs|ms|beng|meng|bed|med|bcom|bba|mba|llb|llm|mphil|mres|dphil|bts|dut|"
    r"dsaa|du|but|hnd|hnc)(?![^\W_])(?:\s+[12](?!\d))?(?:\s+degree)?"
    r"(?:\s*\((?:hons?|honours|honors)\.?\))?(?:\s+(?:hons?|honours)\.?)?"
    r"(?:\s+(?:of|in|of science in|of arts in|ès|es)\s+(?:science|arts|engineering|education|"
    r"laws|business administration|fine arts|philosophy|music|technology|nursing|"
    r"commerce)(?![\w]))?(?:\s*\([^()]{1,14}\))?)"
    r"(?:\s*(?:,|in|en|de|d['’]|of|im|für|-|–|:)?\s*)(?P<field>.*)$"
)


@dataclass
class _Line:
    raw: str
    dates: DateRange | None = None
    degree: str | None = None
    institution: str | None = None
    other: list[str] = field(default_factory=list)

    @property
    def date_only(self) -> bool:
        return self.dates is not None and not (self.degree or self.institution or self.other)


@dataclass
class _Entry:
    degree: str
    raw: str
    institution: str | None = None
    dates: DateRange | None = None
    cert: bool = False
    weak: bool = False  # no degree word: kept only with an institution or dates
    extra: list[str] = field(default_factory=list)


def parse_education(
    lines: Sequence[str], taxonomy: Taxonomy
) -> tuple[list[EducationEntry], list[CertificationEntry]]:
    """Degrees (in the CV's order) and the certificates listed among them."""
    parsed = [p for p in (_read_line(text, taxonomy) for text in _logical_lines(lines)) if p]
    first = next((p for p in parsed if p.dates or p.degree or p.institution or p.other), None)
    dates_first = first is not None and first.date_only
    institution_first = first is not None and bool(
        first.institution and not first.degree and not first.other
    )
    entries: list[_Entry] = []
    pending_dates: DateRange | None = None
    pending_school: str | None = None
    open_entry: _Entry | None = None  # the entry the next institution line belongs to
    for line in parsed:
        if line.date_only:
            if dates_first or not entries:
                pending_dates = line.dates
            else:
                target = next((e for e in reversed(entries) if e.dates is None), None)
                if target is not None:
                    target.dates = line.dates
                else:
                    pending_dates = line.dates
            continue
        looks_cert = is_certificate(line.raw) and not line.institution
        if line.degree or looks_cert or (line.other and (line.institution or open_entry is None)):
            degree = line.degree or (line.other[0] if line.other else line.raw)
            entry = _Entry(degree=degree, raw=line.raw, institution=line.institution)
            entry.weak = line.degree is None
            entry.extra = [o for o in line.other if o != degree]
            entry.dates = line.dates or pending_dates
            pending_dates = None
            if entry.institution is None and pending_school and institution_first:
                entry.institution = None if looks_cert else pending_school
            entry.cert = looks_cert or (
                is_certificate(line.raw)
                and not (
                    entry.institution and INSTITUTION.search(_PARENS.sub("", entry.institution))
                )
            )
            entries.append(entry)
            open_entry = entry if entry.institution is None else None
            continue
        school = line.institution or (line.other[0] if line.other else None)
        if school is None:
            continue
        if open_entry is not None and (line.institution or len(school.split()) <= 8):
            open_entry.institution = school
            open_entry.dates = open_entry.dates or line.dates
            open_entry = None
        elif line.institution:
            pending_school = school
            institution_first = True
            if line.dates:
                pending_dates = line.dates
    education: list[EducationEntry] = []
    certifications: list[CertificationEntry] = []
    for entry in entries:
        if entry.cert:
            cert = certification_from(_cert_text(entry), entry.dates)
            if cert is not None:
                cert.issuer = cert.issuer or entry.institution
                certifications.append(cert)
            continue
        if entry.weak and not (entry.institution or entry.dates):
            continue
        education.append(_education_entry(entry))
    return education, certifications


def _education_entry(entry: _Entry) -> EducationEntry:
    start, end = (entry.dates.start, entry.dates.end) if entry.dates else (None, None)
    if entry.dates is not None and entry.dates.end is None:
        start, end = None, entry.dates.start  # a single date is when it was completed
    field_of_study = _field_of(entry.degree)
    if field_of_study is None and entry.extra and not entry.weak:
        candidate = entry.extra[0]
        if len(candidate.split()) <= 6 and _DEGREE_HEAD.match(entry.degree):
            field_of_study = candidate
    return EducationEntry(
        degree=entry.degree,
        field_of_study=field_of_study,
        institution=entry.institution,
        start=start,
        end=end,
    )


def _field_of(degree: str) -> str | None:
    m = _DEGREE_HEAD.match(degree)
    if not m:
        return None
    value = clean(_EMPTY_PARENS.sub("", m.group("field")))
    if not value or DEGREE.fullmatch(value) or len(value.split()) > 8:
        return None
    return value


def _cert_text(entry: _Entry) -> str:
    text = entry.raw
    if entry.dates is not None:
        found = find_date_range(text)
        if found is not None:
            text = text[: found.span_start] + text[found.span_end :]
    text = _EMPTY_PARENS.sub("", text)
    return clean(re.sub(r"\s+[—|]\s*$|\s+[,–-]\s*$", "", text.strip()))


def _logical_lines(lines: Sequence[str]) -> list[str]:
    """Bullets removed, notes dropped, lines a narrow column wrapped joined back."""
    out: list[str] = []
    for raw in lines:
        if not raw.strip():
            continue
        line = " ".join(BULLET.sub("", raw, count=1).split())
        if _NOTE.match(line):
            continue
        if out and (
            out[-1].count("(") > out[-1].count(")")
            or line[:1].islower()
            or line.startswith(")")
            or out[-1].endswith((" —", " –", " -", ",", "&", " of", " in", " de", " für"))
            or _wrapped_degree(out[-1], line)
        ):
            out[-1] = f"{out[-1]} {line}"
            continue
        out.append(line)
    return out


def _wrapped_degree(previous: str, line: str) -> bool:
    """ "Post-Graduate Certificate in Critical" + "Care Nursing" (a narrow column)."""
    return (
        bool(DEGREE.search(previous))
        and not _is_school(previous)
        and find_date_range(previous) is None
        and not _STRONG_SPLIT.search(previous)
        and "," not in previous
        and not DEGREE.search(line)
        and not _is_school(line)
        and find_date_range(line) is None
        and len(line.split()) <= 4
        and not is_certificate(line)
    )


def _read_line(text: str, taxonomy: Taxonomy) -> _Line | None:
    line = _Line(raw=text)
    found = find_date_range(text)
    rest = text
    if found is not None:
        line.dates = found
        rest = text[: found.span_start] + " " + text[found.span_end :]
        rest = re.sub(r"(?i)(?:\b(?:since|seit|depuis|from|von|until|bis)\s*)$", "", rest)
    rest = clean(_EMPTY_PARENS.sub(" ", rest))
    rest = re.sub(r"\s*[,(]\s*$", "", rest)
    if not rest:
        return line if line.dates else None
    if len(rest.split()) > 25:
        return None  # prose
    pieces = _pieces(rest, taxonomy)
    places = taxonomy.locations
    pieces = [p for p in pieces if not places.is_place(p)]
    if not pieces:
        return line if line.dates else None
    degree_at = _degree_index(pieces)
    school_at = next(
        (i for i, p in enumerate(pieces) if i != degree_at and _is_school(p)),
        None,
    )
    if degree_at is None and school_at is not None and len(pieces) > 1:
        degree_at = next(i for i in range(len(pieces)) if i != school_at)
    elif degree_at is None and school_at is None and len(pieces) >= 2 and _strong(rest):
        degree_at, school_at = 0, 1
    if school_at is None and degree_at is not None and len(pieces) > 1:
        # "Degree — Institution" or "Degree, Institution": the next named piece
        school_at = next(
            (
                i
                for i in range(len(pieces))
                if i > degree_at
                and not DEGREE.search(pieces[i])
                and (_strong(rest) or pieces[i][:1].isupper())
                and not _GRADE.search(pieces[i])
            ),
            None,
        )
    if degree_at is None and school_at is None and len(pieces) == 1 and _is_school(pieces[0]):
        school_at = 0
    line.degree = pieces[degree_at] if degree_at is not None else None
    line.institution = pieces[school_at] if school_at is not None else None
    line.other = [p for i, p in enumerate(pieces) if i not in (degree_at, school_at)]
    if school_at is not None and school_at + 1 < len(pieces) and line.institution:
        # "University of Leeds, School of Healthcare": the rest of the institution
        follow = pieces[school_at + 1]
        if _is_school(follow) and follow in line.other:
            line.other.remove(follow)
    return line


def _strong(text: str) -> bool:
    return bool(_STRONG_SPLIT.search(text))


def _is_school(piece: str) -> bool:
    return bool(INSTITUTION.search(_PARENS.sub("", piece)))


def _degree_index(pieces: Sequence[str]) -> int | None:
    degrees = [i for i, p in enumerate(pieces) if DEGREE.search(p)]
    if not degrees:
        return None
    plain = [i for i in degrees if not _is_school(pieces[i])]
    return plain[0] if plain else degrees[0]


def _pieces(text: str, taxonomy: Taxonomy) -> list[str]:
    """Split at strong separators, at commas, and at a spaced en dash or hyphen when one
    side names an institution or a place ("QQI Certificate – Electrical" stays whole)."""
    pieces: list[str] = []
    for part in _STRONG_SPLIT.split(text):
        soft = _SOFT_DASH.split(part)
        if len(soft) > 1 and any(
            _is_school(s) or taxonomy.locations.is_place(clean(s)) for s in soft[1:]
        ):
            parts = soft
        else:
            parts = [part]
        for piece in parts:
            pieces.extend(_comma_parts(piece))
    return [clean(p) for p in pieces if clean(p)]


def _comma_parts(text: str) -> list[str]:
    """Commas split, except inside parentheses and before a bare legal form."""
    parts: list[str] = []
    depth = 0
    current = ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    out: list[str] = []
    for part in parts:
        stripped = part.strip()
        if out and re.fullmatch(r"(?:Inc|Ltd|LLC|plc|GmbH|e\.V|gGmbH)\.?", stripped):
            out[-1] = f"{out[-1]}, {stripped}"
        elif stripped:
            out.append(stripped)
    return out
