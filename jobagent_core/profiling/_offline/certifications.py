"""Certificates, licences and professional registrations.

`parse_certifications(lines)` reads a Certificates / Licences / Zertifikate / Permis…
section: one entry per bullet or line (a line wrapped by a narrow column is joined
back), the name as the CV words it without a trailing date, the issuer when the CV
names one after a comma ("…, Resuscitation Council UK"), the year when one is given.

`is_certificate(text)` says whether a line found in an education section is really a
certificate or licence ("NMC registration", "CSCS card", "Power BI Data Analyst
Associate (PL-300)", "18th Edition (BS 7671)") rather than a degree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jobagent_core.profiling._offline.dates import DateRange, find_date_range
from jobagent_core.profiling.schemas import CertificationEntry

_BULLET = re.compile(r"^\s*(?:[-–—•*·▪◦►▸✓✔➢➤○●■□‣⁃]|\d{1,2}[.)])\s+")
_EDGE = " \t*_,;|:–—-#·•"
_ITEM_SPLIT = re.compile(r"\s*(?:;|\s[·•|]\s|\s{3,})\s*")
_WRAP_END = (",", "&", "/", "-", "–", "—", "(", " and", " und", " et", " of", " de", " für")
# A date that closes the line after a separator: ", 2023", " (2019)", " – 03/2021".
_TRAILING_DATE_SEP = re.compile(r"(?:[,;(|]|\s[-–—]|^)\s*$")
_ISSUER_WORDS = re.compile(
    r"(?i)(?<![\w])(?:council|institute|institution|institut|association|society|board|"
    r"academy|akademie|kammer|ihk|hwk|tüv|dekra|kreuz|cross|croix|microsoft|google|amazon|"
    r"aws|cisco|oracle|salesforce|sap|databricks|confluent|axelos|pmi|isc2|isaca|cipd|acca|"
    r"cima|cfa|management|foundation|ministry|ministère|ordre|ministerium|agency|authority|"
    r"college|university|université|universität|hochschule|school|école|verband|bund)(?![\w])"
)
_LEVEL_WORDS = re.compile(r"(?i)^(?:session|level|niveau|stufe|klasse|grade|note|score|part)\b")

# Words that make an education line a certificate or licence, not a degree.
_CERT = re.compile(
    r"(?i:(?<![\w])(?:registration|registered|registrierung|registriert|inscription|"
    r"eingetragen|certified|certification|certifications|zertifizierung|zertifiziert|"
    r"zertifikat|certificat|licen[cs]ed?|lizenz|permis|führerschein|fuhrerschein|"
    r"[\w-]*schein|card|karte|carte|badge|accredited|accreditation|akkreditiert|"
    r"habilitation|habilité|chartered|charterholder|practitioner|first aid|erste hilfe|"
    r"ersthelfer\w*|secourisme|life support|safe pass|18th edition|17th edition|"
    r"bs\s?7671|sachkunde\w*|befähigte person|unterweisung|schulung|training course|"
    r"toeic|toefl|ielts|delf|dalf|cambridge english)(?![\w]))"
    r"|(?<![\w])(?:NMC|HCPC|GMC|GPhC|NMBI|CORU|CSCS|SMSTS|SSSTS|IPAF|PASMA|ECS|JIB|CACES|"
    r"SST|PSC1|BAFA|BAFD|CRPE|CAPES|HACCP|ADR|IOSH|NEBOSH|PRINCE2|PMP|ITIL|CFA|ACCA|CIMA|"
    r"CIPD|MCIPD|CIPS|CISSP|CISA|CISM|CCNA|CCNP|CKA|CKAD|MEDDP?I?C+|TOGAF|CPA|ILS|ALS|BLS|"
    r"PALS|ACLS|EPALS|NIV|AED|PSM|CSM|SAFe|ISTQB|IREB|CEng|IEng|EngTech|MICE|MIStructE)"
    r"(?![\w])"
    r"|(?<![\w])[A-Z]{2,4}-\d{2,4}(?![\w])"  # exam codes: PL-300, AZ-104, SAA-C03
)
# A degree keyword that wins over the certificate words above ("Licence de Lettres",
# "Postgraduate Certificate in …" at a university stays education).
_FRENCH_LICENCE = re.compile(r"(?i)^\s*licence\s+(?:de|d['’]|en|pro|professionnelle|générale)\b")


def is_certificate(text: str) -> bool:
    """True when `text` names a certificate, licence or registration."""
    if _FRENCH_LICENCE.match(text):
        return False
    return bool(_CERT.search(text))


def parse_certifications(lines: Sequence[str]) -> list[CertificationEntry]:
    """The entries of a certificates section, in the CV's order."""
    items = _items(lines)
    entries: list[CertificationEntry] = []
    pending: DateRange | None = None
    dates_first = bool(items) and _date_only(items[0])
    for text in items:
        if _date_only(text):
            found = find_date_range(text)
            if dates_first or not entries:
                pending = found
            elif found is not None and entries[-1].date is None:
                entries[-1].date = _year_of(found)
            continue
        entry = certification_from(text)
        if entry is None:
            continue
        if entry.date is None and pending is not None:
            entry.date = _year_of(pending)
        pending = None
        entries.append(entry)
    return _dedupe(entries)


def certification_from(text: str, dates: DateRange | None = None) -> CertificationEntry | None:
    """One entry from one item's text (bullet already removed or not)."""
    text = " ".join(_BULLET.sub("", text, count=1).split()).strip(_EDGE).strip()
    if not text or len(text) > 160 or len(text.split()) > 20:
        return None
    found = find_date_range(text)
    date = _year_of(dates) if dates is not None else None
    if found is not None:
        before, after = text[: found.span_start], text[found.span_end :]
        tail = after.strip(" )]")
        if not tail.strip(_EDGE) and (_TRAILING_DATE_SEP.search(before) or not before.strip()):
            date = date or _year_of(found)
            text = before.rstrip(" ,;(|–—-").strip()
            text = _balance(text)
        elif not before.strip(_EDGE):  # "2019  AWS Certified …" (a date in front)
            date = date or _year_of(found)
            text = after.strip(_EDGE).strip()
        else:
            date = date or _year_of(found)
    if not text or not any(ch.isalpha() for ch in text):
        return None
    return CertificationEntry(name=text, issuer=_issuer(text), date=date)


def _issuer(text: str) -> str | None:
    """The awarding body the CV names: "…, Resuscitation Council UK", "… (Microsoft)"."""
    if ", " in text:
        last = text.rsplit(", ", 1)[1].strip(" .")
        if last[:1].isupper() and not _LEVEL_WORDS.match(last) and len(last.split()) <= 8:
            return last
    paren = re.search(r"\(([^()]{3,60})\)\s*$", text)
    if paren and _ISSUER_WORDS.search(paren.group(1)):
        return paren.group(1).strip()
    dash = re.split(r"\s[–—]\s", text)
    if len(dash) == 2 and _ISSUER_WORDS.search(dash[1]):
        return dash[1].strip()
    return None


def _items(lines: Sequence[str]) -> list[str]:
    """One text per bullet or line; wrapped lines joined; "A; B · C" split."""
    bulleted = any(_BULLET.match(line) for line in lines if line.strip())
    items: list[str] = []
    open_item = False
    for raw in lines:
        if not raw.strip():
            open_item = False
            continue
        is_bullet = bool(_BULLET.match(raw))
        line = " ".join(_BULLET.sub("", raw, count=1).split())
        previous = items[-1] if items else ""
        wrapped = bool(items) and (
            previous.endswith(_WRAP_END)
            or previous.count("(") > previous.count(")")
            or line[:1].islower()
            or (bulleted and open_item and not is_bullet and not _date_only(line))
        )
        if wrapped and not is_bullet:
            items[-1] = f"{previous} {line}"
            continue
        parts = [p for p in _ITEM_SPLIT.split(line) if p.strip(_EDGE)]
        items.extend(q for p in parts for q in _comma_list(p))
        open_item = is_bullet
    return items


def _comma_list(text: str) -> list[str]:
    """ "PRINCE2, ITIL 4 Foundation, PSM I" is three certificates; "Immediate Life
    Support (ILS), Resuscitation Council UK" is one with its issuer."""
    parts = [p.strip() for p in re.split(r",\s+(?![^()]*\))", text) if p.strip()]
    if len(parts) < 2:
        return [text]
    if all(is_certificate(p) for p in parts):
        return parts
    plain = not any(_ISSUER_WORDS.search(p) or find_date_range(p) for p in parts)
    if len(parts) >= 3 and plain and all(len(p.split()) <= 5 for p in parts):
        return parts
    return [text]


def _date_only(text: str) -> bool:
    found = find_date_range(text)
    if found is None:
        return False
    rest = text[: found.span_start] + text[found.span_end :]
    return not rest.strip(_EDGE + "()[] ")


def _year_of(found: DateRange | None) -> str | None:
    if found is None:
        return None
    return found.end if found.end and found.end != "present" else found.start


def _balance(text: str) -> str:
    if text.count("(") > text.count(")"):
        text = text.rsplit("(", 1)[0].rstrip()
    return text


def _dedupe(entries: Sequence[CertificationEntry]) -> list[CertificationEntry]:
    out: dict[str, CertificationEntry] = {}
    for entry in entries:
        key = " ".join(entry.name.casefold().split())
        kept = out.setdefault(key, entry)
        kept.issuer = kept.issuer or entry.issuer
        kept.date = kept.date or entry.date
    return list(out.values())


def merge_certifications(entries: Sequence[CertificationEntry]) -> list[CertificationEntry]:
    """Entries of several documents united (same name once)."""
    return _dedupe([e.model_copy() for e in entries])
