"""From raw CV text to lines and sections.

`read_layout(text)` normalises the text (Unicode NFKC, line ends, Markdown emphasis and
links, invisible characters), undoes two-column layouts that text extraction laid side
by side (left column first, then the right one), and splits the lines into sections
by their headings (English, German and French).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from jobagent_core.profiling._offline.dates import find_date_range

SUMMARY, EXPERIENCE, EDUCATION, SKILLS = "summary", "experience", "education", "skills"
LANGUAGES, CERTIFICATIONS, PROJECTS, CONTACT = "languages", "certifications", "projects", "contact"
OTHER, HEADER = "other", "header"

_HEADINGS_BY_KIND: dict[str, str] = {
    SUMMARY: """summary|professional summary|profile|professional profile|personal profile|
        career summary|about me|about|objective|career objective|personal statement|
        executive summary|overview|profil|kurzprofil|uber mich|zusammenfassung|
        berufliches profil|personliches profil|a propos|a propos de moi|profil professionnel|
        objectif|objectif professionnel|synthese|presentation""",
    EXPERIENCE: """experience|work experience|professional experience|employment|
        employment history|work history|career history|career|relevant experience|
        professional background|professional history|positions held|berufserfahrung|
        berufliche erfahrung|berufliche erfahrungen|beruflicher werdegang|werdegang|
        berufspraxis|praxiserfahrung|berufliche laufbahn|berufliche stationen|
        experience professionnelle|experiences professionnelles|experiences|
        parcours professionnel|emplois|work|internships|praktika""",
    EDUCATION: """education|academic background|education and training|
        academic qualifications|academic history|ausbildung|bildung|bildungsweg|
        schulbildung|studium|akademische ausbildung|schul- und berufsausbildung|
        ausbildung und studium|formation|formations|education et formation|etudes|
        diplomes|parcours academique|cursus|formation academique|
        formation initiale|schooling|qualifications and education""",
    SKILLS: """skills|technical skills|key skills|core skills|core competencies|
        competencies|competences|skills summary|professional skills|expertise|
        areas of expertise|tools|technologies|tech stack|it skills|skill set|skillset|
        kenntnisse|fachkenntnisse|fahigkeiten|kompetenzen|it-kenntnisse|edv-kenntnisse|
        besondere kenntnisse|fachliche kompetenzen|kenntnisse und fahigkeiten|
        competences techniques|competences cles|savoir-faire|aptitudes|outils|
        informatique|connaissances|connaissances informatiques|tools and technologies|
        key competencies|strengths|starken|qualifications""",
    LANGUAGES: """languages|language skills|language|sprachen|sprachkenntnisse|
        fremdsprachen|langues|competences linguistiques|langues etrangeres|langue""",
    CERTIFICATIONS: """certifications|certificates|licenses|licences|certification|
        zertifikate|zertifizierungen|weiterbildung|weiterbildungen|fortbildungen|
        certificats|accreditations|professional development|courses|kurse|
        licenses and certifications|licences and certifications|training|
        registrations|registration|professional registrations|professional registration|
        professional qualifications|tickets|cards|lizenzen|lizenz|berechtigungen|
        qualifikationen|nachweise|fuhrerschein|fuhrerscheine|scheine|habilitations|
        habilitation|permis|certificats et habilitations|attestations|agrements""",
    PROJECTS: """projects|projekte|projets|selected projects|key projects|side projects|
        personal projects""",
    CONTACT: """contact|kontakt|contact details|contact information|kontaktdaten|
        coordonnees|personal details|personal information|personliche daten|
        personal data|informations personnelles|details""",
    OTHER: """interests|hobbies|interessen|hobbys|centres d'interet|centres d interet|
        loisirs|references|referenzen|publications|publikationen|volunteer|volunteering|
        volunteer experience|ehrenamt|ehrenamtliches engagement|benevolat|awards|honors|
        honours|achievements|auszeichnungen|additional information|memberships|
        mitgliedschaften|activities|extracurricular activities|sonstiges|divers|
        other|misc|miscellaneous|erfolge|key achievements""",
}
HEADINGS: dict[str, str] = {
    " ".join(word.split()): kind
    for kind, words in _HEADINGS_BY_KIND.items()
    for word in words.split("|")
}
_JOINERS = re.compile(r"\s*(?:&|\band\b|\bund\b|\bet\b|/|,|\+)\s*")
_LETTER_SPACED = re.compile(r"^(?:\S ){3,}\S$")
_RULE_LINE = re.compile(r"^[\s\-=_─━*•·.~#]{3,}$")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_MD_LINK = re.compile(r"\[([^\]\n]{1,200})\]\((\S{1,500}?)\)")
_MD_EMPHASIS = re.compile(r"\*\*|__|`")
_COLUMN_GAP = re.compile(r"(?<=\S)( {3,})(?=\S)")


@dataclass
class Section:
    """Lines under one heading. `start`/`end` are character offsets in `Layout.text`."""

    kind: str
    heading: str
    lines: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0


@dataclass
class Layout:
    text: str
    lines: list[str]
    sections: list[Section]

    def of_kind(self, kind: str) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

    def lines_of(self, kind: str) -> list[str]:
        return [line for s in self.of_kind(kind) for line in s.lines]

    def spans_of(self, kind: str) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.of_kind(kind)]


def normalise_text(text: str) -> str:
    """NFKC, "\\n" line ends, no invisible characters, Markdown emphasis and links undone,
    tabs as column gaps, no trailing spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _MD_LINK.sub(r"\1 (\2)", text)
    text = _MD_EMPHASIS.sub("", text).replace("\t", "    ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def fold(text: str) -> str:
    """Lower case without accents and with single spaces, for comparing words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("’", "'").split())


def heading_of(line: str) -> tuple[str, str] | None:
    """(kind, rest of line) when `line` is a section heading ("Experience",
    "## Berufserfahrung", "SKILLS & TOOLS", "Languages: English, German")."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80:
        return None
    bare = stripped.strip("#*=_|•:-–— \t")
    if _LETTER_SPACED.match(bare):
        bare = bare.replace(" ", "")
    kind = _heading_kind(bare)
    if kind and len(bare) <= 50:
        return kind, ""
    head, sep, rest = stripped.partition(":")
    if sep and rest.strip() and len(head) <= 40:
        kind = _heading_kind(head.strip("#*=_|•- \t"))
        if kind:
            return kind, rest.strip()
    return None


def _heading_kind(text: str) -> str | None:
    key = fold(text)
    if key in HEADINGS:
        return HEADINGS[key]
    parts = [p for p in _JOINERS.split(key) if p]
    if len(parts) >= 2 and all(p in HEADINGS for p in parts):
        return HEADINGS[parts[0]]
    return None


def split_columns(lines: list[str]) -> list[str]:
    """Undo a two-column layout laid side by side: left column, then right column.

    Recognised when many lines split at the same character column after a wide gap and
    the right-hand parts are not just dates (a one-column CV with right-aligned dates)."""
    content = [line for line in lines if line.strip()]
    gaps: Counter[int] = Counter()
    for line in content:
        for m in _COLUMN_GAP.finditer(line):
            gaps[m.end() // 3] += 1
    if len(content) < 8 or not gaps:
        return lines
    bucket, _ = gaps.most_common(1)[0]
    column = _column_near(content, bucket)
    split = [(line, _split_at(line, column)) for line in content]
    rights = [line[cut:].strip() for line, cut in split if cut is not None]
    if len(rights) < max(5, len(content) // 4):
        return lines
    dates = sum(1 for r in rights if _is_only_dates(r))
    if dates * 2 > len(rights):
        return lines
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        cut = _split_at(line, column)
        indent = len(line) - len(line.lstrip())
        if cut is not None:
            left.append(line[:cut].rstrip())
            right.append(line[cut:].strip())
        elif line.strip() and indent >= column - 3:
            right.append(line.strip())
        else:
            left.append(line)
    return [*left, "", *right]


def _column_near(content: list[str], bucket: int) -> int:
    starts: Counter[int] = Counter()
    for line in content:
        for m in _COLUMN_GAP.finditer(line):
            if abs(m.end() // 3 - bucket) <= 1:
                starts[m.end()] += 1
    return starts.most_common(1)[0][0]


def _split_at(line: str, column: int) -> int | None:
    for m in _COLUMN_GAP.finditer(line):
        if abs(m.end() - column) <= 3:
            return m.end()
    return None


def _is_only_dates(text: str) -> bool:
    found = find_date_range(text)
    if found is None:
        return False
    rest = text[: found.span_start] + text[found.span_end :]
    return len(rest.strip(" ,|()-–—")) <= 3


def read_layout(text: str) -> Layout:
    """Normalise `text`, undo columns, and split it into sections."""
    raw_lines = normalise_text(text).split("\n")
    lines = ["" if _RULE_LINE.match(line) else line for line in split_columns(raw_lines)]
    joined = "\n".join(lines)
    sections: list[Section] = [Section(HEADER, "")]
    offset = 0
    for line in lines:
        found = heading_of(line) if line.strip() else None
        if found is not None:
            kind, rest = found
            sections[-1].end = offset
            section = Section(kind, line.strip(), start=offset)
            if rest:
                section.lines.append(rest)
            sections.append(section)
        else:
            sections[-1].lines.append(line)
        offset += len(line) + 1
    sections[-1].end = len(joined)
    return Layout(joined, lines, sections)
