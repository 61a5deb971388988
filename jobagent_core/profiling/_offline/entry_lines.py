"""What the entry parsers (experience, education) ask of a CV line: is it a bullet
(and its text without the marker), is it a sentence rather than a header, and the
line cleaned of edge punctuation."""

from __future__ import annotations

import re

BULLET = re.compile(r"^\s*(?:[-–—•*·▪◦►▸✓✔➢➤○●■□‣⁃]|\d{1,2}[.)])\s+")
_EDGE = " \t*_,;|:–—-#·•"
_PROSE_WORDS = 20
_ABBREVIATION_END = re.compile(
    r"(?<![\w])(?:Inc|Ltd|Co|Corp|Bros|St|Jr|Sr|Dr|e\.\s?V|S\.A|N\.V|B\.V|mbH|plc|Hons|M\.Sc|B\.Sc)\.$"
)


def clean(text: str) -> str:
    return " ".join(text.split()).strip(_EDGE).strip()


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line))


def strip_bullet(line: str) -> str:
    return " ".join(BULLET.sub("", line, count=1).split())


def is_prose(line: str) -> bool:
    """A sentence rather than a title/employer line."""
    text = line.strip()
    words = len(text.split())
    if words >= _PROSE_WORDS or len(text) > 150:
        return True
    sentence = text.endswith((".", "!", "?")) and not _ABBREVIATION_END.search(text)
    return sentence and words >= 4
