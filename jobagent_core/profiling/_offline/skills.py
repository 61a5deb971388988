"""Skills: what a skills section lists, and the taxonomy skills named where a CV talks
about its work (skills sections, summaries, experience bullets and titles, projects).

Never from the names of employers, schools or streets: contact and header lines,
experience header lines and education lines are not read, and the employer and school
names the CV gives are blanked out wherever else they occur ("Bright Spark Ltd" does
not give "Apache Spark"). An item a skills section lists that the taxonomy does not know
is kept as the CV writes it ("Saucen und Fonds", "Civil 3D"); a known one by its
canonical name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jobagent_core.profiling._offline.dates import find_date_range
from jobagent_core.profiling._offline.languages import canonical_language
from jobagent_core.profiling.taxonomy import Taxonomy

_BULLET = re.compile(r"^\s*(?:[-–—•*·▪◦►▸✓✔➢➤○●■□‣⁃]|\d{1,2}[.)])\s+")
_SEPARATORS = re.compile(r"\s*(?:[;·•|▪◦]|\s[–—]\s|\s{3,})\s*")
_LABEL = re.compile(r"^(?P<label>[^\W\d_][\w .&/+-]{0,40}?)\s*:\s*(?=\S)")
_PARENS = re.compile(r"\s*\([^()]*\)")
_EDGE = " \t*_,;|:–—-#·•."
_NOT_SKILL = re.compile(
    r"(?i)(?:https?://|www\.|@|\b(?:and more|etc|u\.a|usw|etc\.)$|^(?:and|und|et|or|oder|ou)\b)"
)
_MAX_WORDS = 6
_MAX_CHARS = 50


def section_items(lines: Sequence[str]) -> list[str]:
    """The items a skills section lists, in order: split at commas (outside brackets),
    semicolons, middle dots, bars and bullets; "Tools: a, b" labels removed; lines a
    narrow column wrapped joined back."""
    items: list[str] = []
    joinable = False  # the last item may continue on the next line
    for raw in lines:
        if not raw.strip():
            joinable = False
            continue
        bullet = bool(_BULLET.match(raw))
        line = " ".join(_BULLET.sub("", raw, count=1).split())
        if line.endswith(":"):
            joinable = False
            continue  # a sub-heading ("Technical:")
        label = _LABEL.match(line)
        if label and len(label.group("label").split()) <= 4:
            line = line[label.end() :]
        parts = _split(line)
        if not parts:
            continue
        if joinable and not bullet and not label and parts[0][:1].islower():
            items[-1] = f"{items[-1]} {parts.pop(0)}"
        items.extend(parts)
        ends_open = not line.rstrip().endswith((",", ";", "·", "•", "|"))
        joinable = ends_open and len(parts) > 0
    out = []
    for item in items:
        item = item.strip(_EDGE).strip()
        if item and item not in out:
            out.append(item)
    return out


def _split(line: str) -> list[str]:
    parts: list[str] = []
    for chunk in _SEPARATORS.split(line):
        depth, current = 0, ""
        for ch in chunk:
            depth += ch in "(["
            depth -= ch in ")]" and depth > 0
            if ch == "," and depth == 0:
                parts.append(current)
                current = ""
            else:
                current += ch
        parts.append(current)
    return [p.strip(_EDGE).strip() for p in parts if p.strip(_EDGE).strip()]


def plausible_skill(item: str) -> bool:
    """A short noun phrase, not a sentence, a date, a link or a spoken language."""
    words = item.split()
    if not words or len(words) > _MAX_WORDS or len(item) > _MAX_CHARS:
        return False
    if not any(ch.isalpha() for ch in item) or _NOT_SKILL.search(item):
        return False
    if find_date_range(item) is not None:
        return False
    bare = _PARENS.sub("", item).strip()
    if canonical_language(bare) or canonical_language(bare.split()[0] if bare else ""):
        return False
    return not (item.endswith((".", "!", "?")) and len(words) >= 4)


def listed_skills(lines: Sequence[str], taxonomy: Taxonomy) -> list[str]:
    """Skills a skills section lists: canonical names for taxonomy skills that make up
    the item, the item itself (cleaned) otherwise."""
    out: list[str] = []
    for item in section_items(lines):
        core = _PARENS.sub("", item).strip() or item
        matches = taxonomy.skills.find(core, [(0, len(core))])
        covered = sum(m.end - m.start for m in matches)
        letters = len(core.replace(" ", ""))
        if matches and covered >= 0.6 * letters:
            out.extend(m.skill for m in matches)
        elif plausible_skill(item):
            out.append(item)
        else:
            out.extend(m.skill for m in matches)
    return list(dict.fromkeys(out))


def blank_names(text: str, names: Sequence[str]) -> str:
    """`text` with every occurrence of the given names (employers, schools) blanked."""
    for name in sorted({n for n in names if n and len(n.strip()) >= 3}, key=len, reverse=True):
        pattern = re.compile(re.escape(name.strip()), re.IGNORECASE)
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text
