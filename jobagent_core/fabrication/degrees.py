"""Recognising degrees in text, in the languages we write."""

from __future__ import annotations

import re

from jobagent_core.fabrication.templates import word_list

# Abbreviations are matched case-sensitively; words ignore case.
_LEVELS: dict[str, list[str]] = {
    "bachelor": [
        r"(?i:bachelor(?:'s|s)?)\b",
        r"\bB\.\s?(?:Sc|A|Eng|Ed|Com|S)\.?(?=\W)",
        r"\bB(?:Sc|Eng|Com)\b",
        r"(?i:\blicenciatura)\b",
        r"(?i:\blaurea triennale)\b",
    ],
    "master": [
        r"(?<!Scrum )(?<!scrum )(?i:\bmaster(?:'s|s)?)\b(?! [Dd]ata)",
        r"(?i:\bmáster)\b",
        r"(?i:\bmastère)\b",
        r"\bM\.\s?(?:Sc|A|Eng|Ed|S)\.?(?=\W)",
        r"\bM(?:Sc|Eng|Res|Phil)\b",
        r"(?i:\bdiplom)\b",
        r"\bDipl\.-",
        r"(?i:\bmagister)\b",
        r"(?i:\blaurea magistrale)\b",
    ],
    "mba": [r"\bMBA\b"],
    "doctorate": [
        r"\bPh\.?\s?D\b\.?",
        r"\bDPhil\b",
        r"(?i:\bdoctora(?:te|l|t|do))\b",
        r"(?i:\bdoktor(?:at|grad)?)\b",
        r"(?i:\bdottorato)\b",
    ],
}
_PATTERNS = [(level, re.compile(p)) for level, ps in _LEVELS.items() for p in ps]


def degree_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, level, the words that named it) for every degree `text` mentions."""
    return sorted(
        (m.start(), m.end(), level, m.group(0).strip())
        for level, p in _PATTERNS
        for m in p.finditer(text)
    )


def degree_levels(text: str) -> set[str]:
    """The degree levels `text` names: "bachelor", "master", "mba", "doctorate"."""
    return {level for _, _, level, _ in degree_mentions(text)}


# What a degree is in ("Master's degree in Data Science", "M.Sc. Computer Science",
# "Bachelor en informatique", "Master im Fach Informatik").
_S = r"[^\S\n]"  # a space within the line
_SUBJECT = re.compile(
    rf"(?:['’]s)?(?:{_S}+(?:degree|diploma|abschluss|diplôme|diplome|studium|programme|program))?"
    rf"(?:{_S}*\([^)]{{1,20}}\))?"
    rf"(?:{_S}+of{_S}+(?:science|arts|engineering|education|laws|fine{_S}+arts|"
    rf"business{_S}+administration))?(?:{_S}*\([^)]{{1,20}}\))?"
    rf"(?P<prep>{_S}+(?:in|of|en|ès|es|im{_S}+fach|im|in{_S}+der|in{_S}+den|de|di|del|della)\b)?"
    rf"{_S}+(?P<subject>[^\W\d_][\w&'’.-]*(?:{_S}+[^\W\d_][\w&'’.-]*){{0,5}})",
    re.IGNORECASE,
)
_SUBJECT_STOP = frozenset(
    word_list(
        "from at with and or but which where who while in for to during since after before "
        "with by i my me is was am the a an this that these "
        "von vom bei an der die das und oder mit für seit nach während ich mein meine ist "
        "de du des la le les et ou à au aux chez avec pour depuis après je mon ma est "
        "y o con para desde e con per da presso en bij met voor"
    )
)
_ABBREVIATED = re.compile(r"^(?:[BM]\.\s?[A-Z][a-z]*\.?|[BM][A-Z][a-z]+)$")


def degree_subject(text: str, mention_end: int, words: str) -> tuple[int, str] | None:
    """(end, subject) of the subject named right after a degree mention, if any."""
    match = _SUBJECT.match(text, mention_end)
    if not match:
        return None
    # Only an abbreviation may run straight into its subject ("M.Sc. Physics").
    if not match.group("prep") and not (
        _ABBREVIATED.match(words) and match.group("subject")[:1].isupper()
    ):
        return None
    end = None
    for part in re.finditer(r"\S+", match.group("subject")):
        word = part.group(0)
        if word.lower().strip(".,") in _SUBJECT_STOP:
            break
        end = match.start("subject") + part.end() - (len(word) - len(word.rstrip(".,")))
        if word.endswith((".", ",")):
            break
    if end is None:
        return None
    return end, text[match.start("subject") : end]
