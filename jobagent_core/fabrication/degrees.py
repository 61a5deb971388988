"""Recognising degrees in text, in the languages we write."""

from __future__ import annotations

import re

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
