"""The person a posting names as its contact, and a greeting that addresses them.

    contact = posting_contact(posting)  # "Contact: Dr. Anna Weber" -> Contact(...)
    greeting = contact_greeting(contact, "de")  # "Sehr geehrte Frau Dr. Weber,"

Only a name the posting states after a contact label ("Contact:", "Hiring manager:",
"Ansprechpartnerin:", "Votre contact :", ...) or a contact verb ("reach out to",
"Contactez", "wenden Sie sich an", ...) counts; the gender only when the posting gives
a salutation ("Frau", "Mr", "Mme") or a gendered label ("Ansprechpartnerin"). Nothing
is guessed from first names; without a contact the letter keeps its usual greeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from jobagent_core.discovery.schema import PostingData

Gender = Literal["f", "m"]

_SALUTATIONS: dict[str, Gender] = {
    "ms": "f",
    "mrs": "f",
    "miss": "f",
    "frau": "f",
    "mme": "f",
    "madame": "f",
    "mlle": "f",
    "mademoiselle": "f",
    "sra": "f",
    "señora": "f",
    "signora": "f",
    "sig.ra": "f",
    "mevrouw": "f",
    "mevr": "f",
    "mr": "m",
    "herr": "m",
    "herrn": "m",
    "m": "m",
    "monsieur": "m",
    "sr": "m",
    "señor": "m",
    "signor": "m",
    "sig": "m",
    "dhr": "m",
    "heer": "m",
}
_TITLES = {"dr": "dr", "doctor": "dr", "docteur": "dr", "dott": "dr", "prof": "prof"}
_LABEL_GENDER: dict[str, Gender] = {
    "ansprechpartnerin": "f",
    "interlocutrice": "f",
}

_SALUTATION = (
    r"(?:Mrs|Mr|Ms|Miss|Mx|Herrn|Herr|Frau|Mme|Mlle|Madame|Mademoiselle|Monsieur|M\.|"
    r"Sra|Señora|Sr|Señor|Sig\.ra|Signora|Signor|Sig|Dhr|Mevr|[Mm]evrouw|de heer)\.?"
)
_TITLE = r"(?:Dr|Prof|Doctor|Docteur|Dott)\.?(?:\s+(?:med|rer\.\s*nat|phil|habil)\.)?"
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*[\w]|[A-ZÀ-ÖØ-ÞĀ-Ž]\.)"
_PARTICLE = r"(?:von|van|der|den|de|du|da|di|del|la|le|ten|zu|vom|af|al)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_NAME_WORD}){{0,3}}"
_PERSON = re.compile(
    rf"(?P<sal>{_SALUTATION}[ \t]+)?(?P<title>(?:{_TITLE}[ \t]+)+)?(?P<name>{_NAME})",
)
_LABELS = (
    r"(?i:contact(?:\s+person)?|your\s+contact|key\s+contact|hiring\s+manager|recruiter|"
    r"recruiting\s+contact|questions\s+to|ansprechpartner(?:in)?|ansprechperson|"
    r"ihre?\s+ansprechpartner(?:in)?|kontaktperson|kontakt|votre\s+contact|"
    r"(?:votre\s+)?interlocut(?:eur|rice)|persona\s+de\s+contacto|contacto|referente|"
    r"contactpersoon)"
)
_LABELLED = re.compile(rf"(?P<label>{_LABELS})\s*(?:(?:ist|is|est)\b|:|–|-|—)\s*(?::\s*)?")
_VERBS = re.compile(
    r"(?:(?i:reach\s+out\s+to|get\s+in\s+touch\s+with|contact|write\s+to|e-?mail|"
    r"wenden\s+sie\s+sich\s+(?:bitte\s+)?an|wende\s+dich\s+(?:bitte\s+)?an|kontaktieren\s+sie|"
    r"contactez|contacter|adressez-vous\s+à|s'adresser\s+à|contacte\s+con|"
    r"neem\s+contact\s+op\s+met))\s+"
)
# Capitalised words that follow a contact label but do not name a person.
_NOT_NAMES = frozenset(
    str.split(
        "the our us we you your hr human people talent recruiting recruitment team department "
        "office service services careers career jobs job email e-mail phone tel telephone "
        "unsere unser uns ihr ihre personalabteilung personal bewerbung bewerbungen notre nos "
        "nous équipe service ressources rh recrutement nuestro nuestra equipo recursos il la "
        "ons afdeling hiring manager please bitte fragen questions"
    )
)
_ORGANISATION = re.compile(
    r"\b(?:GmbH|Ltd|Inc|LLC|plc|SAS|S\.A|AG|NV|BV|Hospital|Klinik|Team|Group|Gruppe)\b"
)


@dataclass(frozen=True)
class Contact:
    """A contact person as the posting names them."""

    name: str  # without salutation or title: "Anna Weber", "Weber"
    surname: str  # the last word of the name: "Weber"
    gender: Gender | None = None  # only when the posting says so
    title: str | None = None  # "dr" or "prof"


def posting_contact(posting: PostingData) -> Contact | None:
    """The contact person the posting names, or None when it names none."""
    text = posting.description_text or ""
    for match in _LABELLED.finditer(text):
        label = re.sub(r"\s+", " ", match.group("label").lower()).split(" ")[-1]
        found = _person(text, match.end(), _LABEL_GENDER.get(label))
        if found:
            return found
    for match in _VERBS.finditer(text):
        found = _person(text, match.end(), None)
        if found:
            return found
    return None


def _person(text: str, at: int, label_gender: Gender | None) -> Contact | None:
    match = _PERSON.match(text, at)
    if not match:
        return None
    sal = (match.group("sal") or "").strip().rstrip(".").lower()
    titles = (match.group("title") or "").lower()
    words = match.group("name").split()
    # A trailing initial-less word run must not swallow the next sentence's start.
    while words and words[-1].endswith(".") and len(words[-1]) > 2:
        words[-1] = words[-1].rstrip(".")
    if not words or any(w.casefold().rstrip(".") in _NOT_NAMES for w in words):
        return None
    name = " ".join(words)
    if _ORGANISATION.search(name) or "@" in name:
        return None
    if not sal and not titles and len(words) < 2:
        return None  # "Contact: Recruitment" or a single word is not clearly a person
    gender: Gender | None = _SALUTATIONS.get(sal.replace("de heer", "heer"))
    if gender is None and label_gender == "f":
        gender = "f"
    title = next((_TITLES[t] for t in re.findall(r"[a-z]+", titles) if t in _TITLES), None)
    return Contact(name=name, surname=words[-1], gender=gender, title=title)


# Per language: (woman, man, woman with title, man with title, title only, name only).
_GREETINGS: dict[str, tuple[str, str, str, str, str, str]] = {
    "en": (
        "Dear Ms {surname},",
        "Dear Mr {surname},",
        "Dear {title} {surname},",
        "Dear {title} {surname},",
        "Dear {title} {surname},",
        "Dear {name},",
    ),
    "de": (
        "Sehr geehrte Frau {surname},",
        "Sehr geehrter Herr {surname},",
        "Sehr geehrte Frau {title} {surname},",
        "Sehr geehrter Herr {title} {surname},",
        "Guten Tag {title} {name},",
        "Guten Tag {name},",
    ),
    "fr": (
        "Madame {surname},",
        "Monsieur {surname},",
        "Madame {surname},",
        "Monsieur {surname},",
        "Bonjour {title} {name},",
        "Bonjour {name},",
    ),
    "es": (
        "Estimada Sra. {surname}:",
        "Estimado Sr. {surname}:",
        "Estimada {title} {surname}:",
        "Estimado {title} {surname}:",
        "Estimado/a {title} {name}:",
        "Estimado/a {name}:",
    ),
    "it": (
        "Gentile Sig.ra {surname},",
        "Gentile Sig. {surname},",
        "Gentile {title} {surname},",
        "Gentile {title} {surname},",
        "Gentile {title} {name},",
        "Gentile {name},",
    ),
    "nl": (
        "Geachte mevrouw {surname},",
        "Geachte heer {surname},",
        "Geachte mevrouw {title} {surname},",
        "Geachte heer {title} {surname},",
        "Geachte {title} {name},",
        "Beste {name},",
    ),
}
_TITLE_WORDS = {
    "dr": {"en": "Dr", "de": "Dr.", "fr": "Dr", "es": "Dr.", "it": "Dr.", "nl": "dr."},
    "prof": {
        "en": "Professor",
        "de": "Prof.",
        "fr": "Pr",
        "es": "Prof.",
        "it": "Prof.",
        "nl": "prof.",
    },
}


def contact_greeting(contact: Contact, language: str) -> str:
    """A greeting addressing `contact` in `language` (English when unsupported)."""
    code = language if language in _GREETINGS else "en"
    forms = _GREETINGS[code]
    title = _TITLE_WORDS[contact.title][code] if contact.title else ""
    if contact.gender == "f":
        form = forms[2] if title else forms[0]
    elif contact.gender == "m":
        form = forms[3] if title else forms[1]
    else:
        form = forms[4] if title else forms[5]
    return form.format(surname=contact.surname, name=contact.name, title=title)


def greeting_for(posting: PostingData, language: str) -> str | None:
    """The greeting addressing the posting's contact, or None when it names none."""
    contact = posting_contact(posting)
    return contact_greeting(contact, language) if contact else None
