"""Keyword coverage, as recruiters' screening software sees it.

    reqs = key_requirements(posting)                  # skills, tools, certificates, languages
    items = coverage(reqs, cv.body_text(), letter.body_text())
    coverage_summary(items)  # "9 of 12 key requirements named; missing: Kubernetes, ..."

A requirement is "covered" when a document names it in the posting's own words
(ignoring case, as whole words), "synonym" when a document names it only by another
name of the same thing ("Postgres" for "PostgreSQL", "German" for "Deutsch") — which a
keyword filter may not count — and "missing" otherwise.

Skills and tools come from the profiling taxonomy; languages from a list of language
names in English, German and French, when the posting asks for them (a level or a word
such as "skills", "Kenntnisse", "maîtrise" on the line); certificates from the taxonomy's
certificate-like skills and a short list of licences, registrations and exams. Only the
parts of a posting that say what the job needs count: its title, and, when it has
headings, the requirements and duties sections (not "about us" or "what we offer").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from jobagent_core.fabrication.skills import SELF_DESCRIPTIONS
from jobagent_core.profiling.taxonomy import find_skills

__all__ = [
    "CoverageItem",
    "PostingLike",
    "PostingText",
    "Requirement",
    "RequirementKind",
    "coverage",
    "coverage_notes",
    "coverage_summary",
    "key_requirements",
    "named_in",
    "requirement_text",
]

RequirementKind = Literal["skill", "certificate", "language"]
CoverageStatus = Literal["covered", "synonym", "missing"]
Where = Literal["CV", "letter", "both", ""]


class PostingText(Protocol):
    """What coverage reads of a posting: a `PostingData` or a stored posting row."""

    @property
    def title(self) -> str: ...

    @property
    def description_text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class PostingLike:
    """A posting's title and text, when only they are at hand."""

    title: str
    description_text: str


@dataclass(frozen=True, slots=True)
class Requirement:
    """One thing a posting asks for. `name` is canonical ("PostgreSQL", "German");
    `wording` is how the posting says it ("Postgres", "Deutsch"); `level` only for
    languages ("C1", "Fluent")."""

    name: str
    kind: RequirementKind
    wording: str
    level: str | None = None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.level})" if self.level else self.name


@dataclass(frozen=True, slots=True)
class CoverageItem:
    """Whether the CV and the letter name one requirement. `where` lists the documents
    that name it in any words; `found_as` is the other name used when `status` is
    "synonym" (else "")."""

    requirement: str  # the label: "German (C1)"
    kind: RequirementKind
    status: CoverageStatus
    where: Where
    wording: str  # the posting's words
    found_as: str = ""


# --------------------------------------------------------------------------- sections

_HEADING_MAX = 70
_BULLET = re.compile(r"^\s*(?:[-*•·–—▪◦]|\d{1,2}[.)])\s+")
_REQUIREMENTS = re.compile(
    r"(?i)\b(?:requirements?|qualifications?|what you(?:'ll| will)? (?:bring|need|have)|"
    r"about you|your profile|who you are|you have|you bring|must[- ]haves?|nice[- ]to[- ]haves?|"
    r"essential|desirable|skills|person specification|we(?:'re| are) looking for|"
    r"the (?:successful|ideal) candidate|"
    r"ihr profil|dein profil|anforderungen|voraussetzungen|qualifikation(?:en)?|"
    r"was (?:du|sie) mitbring(?:st|en)|das bring(?:st du|en sie) mit|"
    r"profil recherch[ée]|votre profil|ton profil|comp[ée]tences|pr[ée]requis|"
    r"ce que nous recherchons)\b"
)
_DUTIES = re.compile(
    r"(?i)\b(?:responsibilities|what you(?:'ll| will) do|you(?:'ll| will)|your role|the role|"
    r"duties|tasks|"
    r"ihre aufgaben|deine aufgaben|aufgaben|vos missions|tes missions|missions|le poste)\b"
)
_OFFER = re.compile(
    r"(?i)\b(?:what we offer|we offer|benefits|perks|about us|who we are|"
    r"about the (?:company|team|school|hospital|trust|practice|firm)|"
    r"how to apply|wir bieten|was wir bieten|unser angebot|über uns|nous offrons|"
    r"ce que nous (?:offrons|proposons)|avantages|qui sommes[- ]nous|à propos)\b"
)
# A line stating the pay: a pay word then a colon or figure, or an amount per period.
_PAY_LINE = re.compile(
    r"(?i)^\s*(?:[-*•·–—▪◦]\s*)?(?:salary|pay|compensation|remuneration|rémunération|salaire|"
    r"gehalt|vergütung)\b|[€£$]\s?\d|\d\s?(?:€|£|k\b)"
)


def _heading_kind(line: str) -> str | None:
    """ "requirements", "duties" or "offer" for a heading line, else None."""
    text = line.strip().strip("#*_ ").rstrip(":").strip()
    if not text or len(text) > _HEADING_MAX or _BULLET.match(line) or text.endswith("."):
        return None
    if len(text.split()) > 7:
        return None
    if _OFFER.search(text):
        return "offer"
    if _REQUIREMENTS.search(text):
        return "requirements"
    if _DUTIES.search(text):
        return "duties"
    return None


def requirement_text(posting: PostingText) -> str:
    """The title, and the requirements and duties sections when the posting has any
    heading for them; else the whole text without offer sections. Pay lines never
    count."""
    kept: list[str] = []
    everything: list[str] = []
    current = "intro"
    has_requirements = False
    for line in posting.description_text.splitlines():
        kind = _heading_kind(line)
        if kind is not None:
            current = kind
            has_requirements = has_requirements or kind == "requirements"
            if kind != "offer":
                # "English skills required" reads like a heading: keep its words.
                kept.append(line)
                everything.append(line)
            continue
        if _PAY_LINE.search(line):
            continue
        if current in ("requirements", "duties"):
            kept.append(line)
        if current != "offer":
            everything.append(line)
    return "\n".join([posting.title, *(kept if has_requirements else everything)])


# --------------------------------------------------------------------------- languages

# Canonical name: the forms a posting or CV may use (EN, DE, FR).
_LANGUAGE_FORMS: dict[str, tuple[str, ...]] = {
    "English": ("English", "Englisch", "anglais"),
    "German": ("German", "Deutsch", "allemand"),
    "French": ("French", "Französisch", "Franzoesisch", "français", "francais"),
    "Spanish": ("Spanish", "Spanisch", "espagnol"),
    "Italian": ("Italian", "Italienisch", "italien"),
    "Dutch": ("Dutch", "Niederländisch", "néerlandais"),
    "Polish": ("Polish", "Polnisch", "polonais"),
    "Portuguese": ("Portuguese", "Portugiesisch", "portugais"),
    "Russian": ("Russian", "Russisch", "russe"),
    "Turkish": ("Turkish", "Türkisch", "turc"),
    "Arabic": ("Arabic", "Arabisch", "arabe"),
    "Chinese": ("Chinese", "Mandarin", "Chinesisch", "chinois"),
    "Japanese": ("Japanese", "Japanisch", "japonais"),
}
# English names are capitalised ("polish the UI" is no language); German and French
# forms are matched in any case ("deutsch- und englischsprachig", "anglais courant").
_CASED = frozenset(forms[0] for forms in _LANGUAGE_FORMS.values()) | {"Mandarin"}
_FORM_TO_LANGUAGE = {
    form.casefold(): name for name, forms in _LANGUAGE_FORMS.items() for form in forms
}
# A German compound ending: "Deutschkenntnisse", "englischsprachig", "Deutsch-" (and ...).
_SUFFIX = r"(?:(?:sprach)?kenntnisse?n?|sprachig\w*|-(?=\s))?"
_LANGUAGE_RE = re.compile(
    "|".join(
        rf"(?<![\w-])(?P<f{i}>{'' if form in _CASED else '(?i:'}{re.escape(form)}"
        rf"{'' if form in _CASED else ')'}){_SUFFIX}(?![\w])"
        for i, form in enumerate(f for forms in _LANGUAGE_FORMS.values() for f in forms)
    )
)
_FORMS = [f for forms in _LANGUAGE_FORMS.values() for f in forms]
_CEFR = re.compile(r"(?<![\w])([ABC][12])(?![\w])")
_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(rf"(?i)(?<![\w]){words}(?![\w])"))
    for label, words in (
        ("Native", r"native|mother tongue|muttersprach\w*|langue maternelle"),
        ("Business fluent", r"verhandlungssicher\w*|business[- ]fluent|courant professionnel"),
        ("Professional", r"professionnel|professional"),
        ("Fluent", r"fluent(?:ly)?|fließend\w*|fliessend\w*|courant|couramment|bilingu\w*"),
        ("Very good", r"sehr gute?n?|very good|excellent\w*|ausgezeichnet\w*|très bon\w*"),
        ("Good", r"gute?n?|good|bon(?:ne)?s?|solid\w*"),
        ("Basic", r"basic|grundkenntnisse|notions"),
    )
)
# Words that make a language name a requirement rather than a description ("a German
# company"): a level, or a word about knowing or using the language.
_LANGUAGE_CONTEXT = re.compile(
    r"(?i)(?:\w*kenntnisse?n?|\w*sprachig\w*)(?![\w])|(?<![\w])(?:[abc][12]|skills?|"
    r"speak\w*|spoken|written|proficien\w*|excellent|very good|good|sehr gute?n?|gute?n?|"
    r"professionnel|professional|business[- ]fluent|"
    r"language|sprache\w*|langue|ma[iî]tris\w*|parl[ée]\w*|[ée]crit\w*|niveau|level|wort und "
    r"schrift|in word and writing|fluent\w*|native|courant|flie(?:ß|ss)end\w*|"
    r"verhandlungssicher\w*|muttersprach\w*|sprachig\w*)(?![\w])"
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _language_matches(text: str) -> list[tuple[int, str, str]]:
    """(position, canonical language, the form used) for each language name in `text`."""
    found: list[tuple[int, str, str]] = []
    for m in _LANGUAGE_RE.finditer(text):
        index = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
        form = _FORMS[index]
        found.append((m.start(), _FORM_TO_LANGUAGE[form.casefold()], m.group(f"f{index}")))
    return found


def _word_level(text: str) -> str | None:
    for label, pattern in _LEVELS:
        if pattern.search(text):
            return label
    return None


def _level(text: str) -> str | None:
    cefr = _CEFR.search(text)
    return cefr.group(1) if cefr else _word_level(text)


def _levels(clause: str, matches: list[tuple[int, str, str]]) -> list[str | None]:
    """The level asked of each language in `clause`: a CEFR level after its name
    ("Deutsch B2"), else a level word before it ("sehr gute Deutsch- und gute
    Englischkenntnisse") or after it ("anglais courant"), else the clause's ("Fluent
    German and English")."""
    levels: list[str | None] = []
    for i, (pos, _, form) in enumerate(matches):
        before = clause[matches[i - 1][0] + len(matches[i - 1][2]) if i else 0 : pos]
        after = clause[pos + len(form) : matches[i + 1][0] if i + 1 < len(matches) else None]
        cefr = _CEFR.search(after)
        levels.append(
            cefr.group(1) if cefr else _word_level(before) or _word_level(after) or _level(clause)
        )
    return levels


_CLAUSE = re.compile(r"[;,]|\s[/|–—]\s")


def _languages(text: str) -> list[tuple[int, Requirement]]:
    out: list[tuple[int, Requirement]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if _LANGUAGE_CONTEXT.search(line):
            start = 0
            # The level of a language is in its clause: "Fluent English, German C1".
            for clause in _CLAUSE.split(line):
                at = line.index(clause, start)
                start = at + len(clause)
                matches = _language_matches(clause)
                for (pos, language, form), level in zip(
                    matches, _levels(clause, matches), strict=True
                ):
                    out.append((offset + at + pos, Requirement(language, "language", form, level)))
        offset += len(line)
    return out


# --------------------------------------------------------------------------- certificates

# Taxonomy skills that are certificates, licences or registrations.
_CERTIFICATE_SKILLS = frozenset(
    {
        "CPA", "CFA", "ACCA", "PMP", "PRINCE2", "Basic Life Support", "Advanced Life Support",
        "Pediatric Advanced Life Support", "Qualified Teacher Status", "EPA 608 Certification",
        "BS 7671", "Driving Licence", "Six Sigma",
    }
)  # fmt: skip
# Certificates the taxonomy lacks: canonical name -> aliases (regexes, whole words).
_CERTIFICATES: dict[str, tuple[str, ...]] = {
    "NMC Registration": (r"NMC[- ]registration", r"NMC[- ]registered", r"NMC PIN", r"(?-i:NMC)"),
    "Immediate Life Support": (r"Immediate Life Support", r"(?-i:ILS)"),
    "DBS Check": (r"enhanced DBS(?: check)?", r"DBS check", r"(?-i:DBS)"),
    "PGCE": (r"PGCE", r"Postgraduate Certificate in Education"),
    "AWS Certification": (r"AWS Certified(?: (?-i:[A-Z])[\w-]*){0,4}", r"AWS certifications?"),
    "Certified Kubernetes Administrator": (r"Certified Kubernetes Administrator", r"CKA"),
    "CKAD": (r"CKAD", r"Certified Kubernetes Application Developer"),
    "CISSP": (r"CISSP",),
    "ITIL": (r"ITIL(?: v?4)?(?: Foundation)?",),
    "Scrum Master Certification": (
        r"Certified ScrumMaster", r"Professional Scrum Master", r"(?-i:CSM)", r"(?-i:PSM I?)",
    ),
    "CIMA": (r"CIMA", r"Chartered Institute of Management Accountants"),
    "ECS Card": (r"ECS (?:gold )?card", r"JIB(?:/ECS)? card"),
    "NVQ Level 3": (r"NVQ Level 3", r"NVQ 3", r"Level 3 NVQ"),
    "AM2": (r"AM2(?:S|E)?(?: assessment)?",),
    "Meisterbrief": (r"Meisterbrief", r"Meisterprüfung", r"Meistertitel", r"\w+meister(?:in)?"),
    "Gesellenbrief": (r"Gesellenbrief", r"Gesellenprüfung"),
    "Elektrofachkraft": (r"Elektrofachkraft", r"Elektrofachkräfte"),
    "Staatsexamen": (r"(?:erstes |zweites |2\. |1\. )?Staatsexamen", r"Lehramtsbefähigung"),
    "Pflegefachkraft": (
        r"examinierte Pflegefachkraft", r"Pflegefachkraft", r"Pflegefachfrau", r"Pflegefachmann",
        r"Berufsurkunde",
    ),
    "Diplôme d'État d'infirmier": (
        r"dipl[ôo]me d'[ée]tat d'infirmier(?:\(e\)|e|\(ère\))?", r"dipl[ôo]me d'[ée]tat infirmier",
        r"(?-i:DEI)",
    ),
    "Habilitation électrique": (
        r"habilitations? [ée]lectriques?",
        r"(?-i:B1V|B2V|B2VL|H0V)",
    ),
    "CAPES": (r"(?-i:CAPES)", r"CAPLP"),
    "CRPE": (r"(?-i:CRPE)",),
    "DSCG": (r"(?-i:DSCG)", r"dipl[ôo]me sup[ée]rieur de comptabilit[ée] et de gestion"),
    "Bilanzbuchhalter": (r"Bilanzbuchhalter(?:in)?(?: \(IHK\))?",),
}  # fmt: skip
_CERT_RES: dict[str, re.Pattern[str]] = {
    name: re.compile(r"(?i)(?<![\w])(?:" + "|".join(aliases) + r")(?![\w])")
    for name, aliases in _CERTIFICATES.items()
}


def _certificates(text: str) -> tuple[list[tuple[int, Requirement]], list[tuple[int, int]]]:
    """The certificates `text` names, and the spans of every mention of one."""
    out: list[tuple[int, Requirement]] = []
    spans: list[tuple[int, int]] = []
    for name, pattern in _CERT_RES.items():
        matches = list(pattern.finditer(text))
        if matches:
            out.append((matches[0].start(), Requirement(name, "certificate", matches[0].group())))
            spans += [m.span() for m in matches]
    return out, spans


# --------------------------------------------------------------------------- requirements


def key_requirements(posting: PostingText) -> list[Requirement]:
    """The skills, tools, certificates and languages the posting asks for, in the order
    it names them, once each (the first wording wins)."""
    text = requirement_text(posting)
    found, cert_spans = _certificates(text)
    for m in find_skills(text):
        if m.skill in SELF_DESCRIPTIONS:
            continue  # "communication skills": every CV claims them, no screen filters on them
        if any(start <= m.start and m.end <= end for start, end in cert_spans):
            continue  # "AWS" in "AWS Certified ...": the certificate is the requirement
        kind: RequirementKind = "certificate" if m.skill in _CERTIFICATE_SKILLS else "skill"
        found.append((m.start, Requirement(m.skill, kind, m.text)))
    found += _languages(text)
    found.sort(key=lambda item: item[0])
    out: dict[str, Requirement] = {}
    for _, req in found:
        known = out.get(req.name)
        if known is None or (known.kind == "language" and known.level is None and req.level):
            out[req.name] = req
    return list(out.values())


# --------------------------------------------------------------------------- coverage


def named_in(requirement: Requirement, text: str, *, listed: bool = False) -> str | None:
    """The words `text` names `requirement` with (the posting's wording first), or None.
    `listed`: the text is a CV, where skills stand in lists (so "Go" and "R" count)."""
    if not text:
        return None
    wanted = _fold(requirement.wording)
    if requirement.kind == "language":
        forms = [form for pos, lang, form in _language_matches(text) if lang == requirement.name]
    elif requirement.name in _CERT_RES:
        forms = [m.group() for m in _CERT_RES[requirement.name].finditer(text)]
    else:
        trusted = [(0, len(text))] if listed else []
        forms = [m.text for m in find_skills(text, trusted) if m.skill == requirement.name]
    if not forms:
        return None
    return next((f for f in forms if _same(f, wanted)), forms[0])


def _same(form: str, folded_wording: str) -> bool:
    return " ".join(_fold(form).replace("-", " ").split()) == " ".join(
        folded_wording.replace("-", " ").split()
    )


def coverage(
    requirements: Sequence[Requirement], cv_text: str, letter_text: str
) -> list[CoverageItem]:
    """How the CV and the letter name each requirement (see the module's doc)."""
    items: list[CoverageItem] = []
    for req in requirements:
        in_cv = named_in(req, cv_text, listed=True)
        in_letter = named_in(req, letter_text)
        named = [f for f in (in_cv, in_letter) if f is not None]
        where: Where = (
            "both" if in_cv and in_letter else "CV" if in_cv else "letter" if in_letter else ""
        )
        wanted = _fold(req.wording)
        if not named:
            status: CoverageStatus = "missing"
            other = ""
        elif any(_same(f, wanted) for f in named):
            status, other = "covered", ""
        else:
            status, other = "synonym", named[0]
        items.append(CoverageItem(req.label, req.kind, status, where, req.wording, other))
    return items


def coverage_summary(items: Sequence[CoverageItem]) -> str:
    """ "9 of 12 key requirements named (1 by another name); missing: Kubernetes, ..." """
    if not items:
        return "The posting names no skills, tools, certificates or languages we recognise."
    named = [i for i in items if i.status != "missing"]
    synonyms = sum(1 for i in items if i.status == "synonym")
    missing = [i.requirement for i in items if i.status == "missing"]
    text = f"{len(named)} of {len(items)} key requirements named"
    if synonyms:
        text += f" ({synonyms} by another name)"
    return text + (f"; missing: {', '.join(missing)}" if missing else "")


def coverage_notes(items: Sequence[CoverageItem], *, documents: str) -> list[str]:
    """Lines for the person reading a download: the summary, then what a keyword filter
    may miss. `documents` names what was checked ("the CV", "the CV and the letter")."""
    lines = [f"Keyword coverage of {documents}: {coverage_summary(items)}."]
    for item in items:
        if item.status == "synonym":
            says = {"both": "the CV and the letter say", "letter": "the letter says"}
            lines.append(
                f"{item.requirement}: the posting says “{item.wording}”, "
                f"{says.get(item.where, 'the CV says')} “{item.found_as}” — screening "
                "software may not see them as the same."
            )
    missing = [i.requirement for i in items if i.status == "missing"]
    if missing:
        lines.append(
            "Missing requirements are left out because your profile does not show them; "
            "add them to your profile only if you have them."
        )
    return lines
