"""Spoken languages and their levels ("English (C1)", "Deutsch: Muttersprache",
"Français – courant"), with names and level words normalised to English."""

from __future__ import annotations

import re
from collections.abc import Iterable

from jobagent_core.profiling._offline.layout import fold
from jobagent_core.profiling.schemas import LanguageSkill

_LANGUAGES = """
English: english, englisch, anglais, ingles, inglese, angielski
German: german, deutsch, allemand, aleman, tedesco, niemiecki
French: french, franzosisch, francais, frances, francese
Spanish: spanish, spanisch, espagnol, espanol, castellano, spagnolo
Italian: italian, italienisch, italien, italiano
Portuguese: portuguese, portugiesisch, portugais, portugues
Dutch: dutch, niederlandisch, neerlandais, nederlands, hollandisch, flemish
Polish: polish, polnisch, polonais, polski
Russian: russian, russisch, russe
Ukrainian: ukrainian, ukrainisch, ukrainien
Turkish: turkish, turkisch, turc, turkce
Arabic: arabic, arabisch, arabe
Chinese: chinese, chinesisch, chinois, mandarin, mandarin chinese
Cantonese: cantonese, kantonesisch, cantonais
Japanese: japanese, japanisch, japonais
Korean: korean, koreanisch, coreen
Hindi: hindi
Urdu: urdu
Bengali: bengali, bangla
Punjabi: punjabi
Tamil: tamil
Telugu: telugu
Gujarati: gujarati
Marathi: marathi
Persian: persian, farsi, persisch, persan
Hebrew: hebrew, hebraisch, hebreu
Greek: greek, griechisch, grec
Czech: czech, tschechisch, tcheque
Slovak: slovak, slowakisch, slovaque
Hungarian: hungarian, ungarisch, hongrois
Romanian: romanian, rumanisch, roumain
Bulgarian: bulgarian, bulgarisch, bulgare
Croatian: croatian, kroatisch, croate
Serbian: serbian, serbisch, serbe
Bosnian: bosnian, bosnisch
Slovenian: slovenian, slowenisch, slovene
Albanian: albanian, albanisch, albanais
Swedish: swedish, schwedisch, suedois, svenska
Norwegian: norwegian, norwegisch, norvegien
Danish: danish, danisch, danois
Finnish: finnish, finnisch, finnois
Icelandic: icelandic, islandisch
Estonian: estonian, estnisch
Latvian: latvian, lettisch
Lithuanian: lithuanian, litauisch
Vietnamese: vietnamese, vietnamesisch, vietnamien
Thai: thai
Indonesian: indonesian, indonesisch, bahasa indonesia
Malay: malay, malaiisch
Tagalog: tagalog, filipino
Swahili: swahili, suaheli
Amharic: amharic
Yoruba: yoruba
Igbo: igbo
Hausa: hausa
Zulu: zulu
Afrikaans: afrikaans
Catalan: catalan, katalanisch
Basque: basque, baskisch
Galician: galician
Irish: irish, irisch, irlandais, gaeilge
Welsh: welsh, walisisch
Latin: latin, latein
Luxembourgish: luxembourgish, luxemburgisch, luxembourgeois
Kurdish: kurdish, kurdisch, kurde
"""
_NAMES: dict[str, str] = {
    form.strip(): canon
    for canon, forms in (line.split(":") for line in _LANGUAGES.strip().splitlines())
    for form in forms.split(",")
}

_LEVEL_WORDS: list[tuple[str, str]] = [
    (r"native speaker|native|mother tongue|first language|muttersprache|muttersprachlich|"
     r"langue maternelle|langue natale", "Native"),
    (r"bilingual|bilingue|zweisprachig", "Bilingual"),
    (r"verhandlungssicher|business fluent|business level|full professional proficiency|"
     r"courant professionnel", "Business fluent"),
    (r"professional working proficiency|professional", "Professional"),
    (r"fluent|fliessend|fließend|courant|couramment|fluently", "Fluent"),
    (r"advanced|fortgeschritten|avance|avancé", "Advanced"),
    (r"sehr gut|very good|tres bien|très bien", "Very good"),
    (r"upper intermediate|upper-intermediate", "Upper intermediate"),
    (r"intermediate|intermediaire|intermédiaire|mittelstufe", "Intermediate"),
    (r"conversational|konversationssicher|conversationnel", "Conversational"),
    (r"working knowledge|limited working proficiency", "Working knowledge"),
    (r"good|gut|gute kenntnisse|bonnes connaissances|bon niveau|bon", "Good"),
    (r"basic|basics|grundkenntnisse|notions|elementary|elementar|beginner|anfanger|"
     r"anfänger|debutant|débutant|scolaire|school level", "Basic"),
]  # fmt: skip
_LEVEL = re.compile(
    r"(?i)(?<![\w])(?:(?P<cefr>[abc][12])(?:\s*[+/-]\s*[abc]?[12]?)?|"
    + "|".join(f"(?P<w{i}>{words})" for i, (words, _) in enumerate(_LEVEL_WORDS))
    + r")(?![\w])"
)
_ITEM = re.compile(r"^(?P<name>[^\W\d_][^\W\d_'’]*(?:[ -][^\W\d_]+){0,2})\s*(?P<rest>.*)$")


def level_of(text: str) -> str | None:
    """ "C1", "Native", "Fluent", ... for the first level named in `text`."""
    m = _LEVEL.search(text)
    if not m:
        return None
    if m.group("cefr"):
        return m.group("cefr").upper()
    for i, (_, label) in enumerate(_LEVEL_WORDS):
        if m.group(f"w{i}"):
            return label
    return None


def canonical_language(name: str) -> str | None:
    return _NAMES.get(fold(name))


def parse_languages(lines: Iterable[str], *, section: bool) -> list[LanguageSkill]:
    """Languages in `lines`. In a languages section any capitalised word with a level
    counts ("Igbo (fluent)"); elsewhere only known language names next to a level."""
    found: dict[str, LanguageSkill] = {}
    for line in lines:
        for item in _items(line):
            skill = _language_item(item, section=section)
            if skill is None:
                continue
            known = found.get(skill.language)
            if known is None or known.level is None:
                found[skill.language] = skill
    return list(found.values())


def _items(line: str) -> list[str]:
    """Split on , ; · | / and wide gaps, but not inside parentheses."""
    items: list[str] = []
    current: list[str] = []
    depth = 0
    text = re.sub(r"^\s*(?:[-–•*·▪◦]\s+)", "", line)
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and ch in ",;·|•/":
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [" ".join(i.split()) for i in items if i.strip()]


def _language_item(item: str, *, section: bool) -> LanguageSkill | None:
    m = _ITEM.match(item.strip(" -–—:"))
    if not m:
        return None
    name, rest = m.group("name").strip(), m.group("rest")
    canonical = canonical_language(name)
    words = name.split()
    if canonical is None:
        # "Mandarin Chinese", "Business English": try the last or first word alone.
        canonical = canonical_language(words[-1]) or canonical_language(words[0])
        if canonical and len(words) > 1 and fold(name) not in _NAMES:
            rest = f"{' '.join(words[:-1])} {rest}" if canonical_language(words[-1]) else rest
    level = level_of(rest) or (level_of(name) if canonical is None else None)
    if canonical is None:
        if not section or level is None or len(words) > 2 or not name[0].isupper():
            return None
        if not all(w[:1].isupper() for w in words):
            return None
        if level_of(name):
            return None
        canonical = name
    if not section and level is None:
        return None
    return LanguageSkill(language=canonical, level=level)


def scan_languages(lines: Iterable[str]) -> list[LanguageSkill]:
    """Outside a languages section: "English (C1)", "German – native", "Deutsch:
    Muttersprache" anywhere, when the language name is known and a level follows."""
    out: list[LanguageSkill] = []
    pattern = re.compile(
        r"(?<![\w])(?P<name>[^\W\d_]{4,})\s*(?:\(|:|–|—|-)\s*(?P<level>[^)\n,;]{1,40})"
    )
    seen: set[str] = set()
    for line in lines:
        for m in pattern.finditer(line):
            canonical = canonical_language(m.group("name"))
            level = level_of(m.group("level"))
            if canonical and level and canonical not in seen:
                seen.add(canonical)
                out.append(LanguageSkill(language=canonical, level=level))
    return out
