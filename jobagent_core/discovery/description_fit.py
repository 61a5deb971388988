"""Fitting a long job description under a size cap without losing the role's text.

Works on the plain text (after `html.html_to_text`), by its sections and paragraphs:
apart from the HTML helpers because it reads what a posting says, not its markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

# -- fitting a long description under a size cap ----------------------------------------
# A description over the cap loses appended boilerplate first, never the role's lists:
#   1. repeated paragraphs outside the role sections (the "About us" blurb twice),
#   2. boilerplate sections and paragraphs (EEO, privacy notices, benefits legalese,
#      company blurbs), all of them,
#   3. the tails of the longest other sections, evenly, down to a common length,
#   4. only if the role text alone is still too long, the end of the text.
# Sections start at heading-like lines; a heading naming the role's requirements,
# responsibilities or qualifications (EN/DE/FR) starts a protected section.

_ROLE_HEADING = re.compile(
    r"responsib|requirement|qualifi|what you('ll| will)? (do|bring|be doing|work on)"
    r"|(what|who) we('re| are)? (are )?(looking for|look for|expect|need)|who you are"
    r"|about (you|(the|this) (role|job|position|team|opportunity))|(the|your|this|in this) role"
    r"|role overview|the position|(job|position|role) (description|summary|profile)"
    r"|your (tasks|mission|impact|profile|skills|background|experience|day)|\btasks\b"
    r"|duties|skills|must[- ]haves?|nice[- ]to[- ]haves?|bonus points|preferred|minimum"
    r"|experience|expertise|day[- ]to[- ]day|key (areas|accountabilities|objectives)"
    r"|tech(nology)? stack|\bstack\b|technologies|\byou('ll| will| have| bring| are)\b"
    # German
    r"|aufgaben|anforderung|qualifikation|(?<!unternehmens)profil|voraussetzung|mitbring"
    r"|erfahrung|kenntnisse|verantwort|tatigkeit|stellenbeschreibung|(deine|ihre|die) rolle"
    r"|was (dich|sie|du|ihr) (erwartet|tust|machst)|(das )?erwartet (dich|sie)|kompetenz"
    r"|wunschenswert|das bringst du mit|was du bewegst|fahigkeiten"
    # French
    r"|(?<!notre )(?<!nos )missions?\b|responsabilit|competence|exigence|prerequis|requis"
    r"|ce que (vous|tu) (ferez|feras|apportez|apporteras)|taches|description du poste"
    r"|(le|votre|ton) (poste|role)|savoir[- ](etre|faire)|vous (etes|avez|serez|maitrisez)",
)
# Boilerplate headings that read like the role's ("Why you'll love working here").
_BOILERPLATE_FIRST = re.compile(
    r"(why (join|work|you('ll| will) love)|what('s| is) in it for you|life at|perks|benefits"
    r"|about us|uber uns|a propos|what we offer|was wir (dir |ihnen )?bieten|wir bieten"
    r"|ce que nous|nos avantages)"
)
_BOILERPLATE_HEADING = re.compile(
    r"equal (employment )?opportunit|\beeoc?\b|diversity|inclusion|belonging|accommodation"
    r"|privacy|data protection|personal data|gdpr|notice|disclaimer|legal|e-verify"
    r"|right to work|background check|fraud|scam|agencies|recruiters|benefits?\b|perks"
    r"|what we offer|we offer|in it for you|why (join|work|you('ll| will) love)|life at"
    r"|about \w|who we are|our (story|mission|values|culture|company|vision)"
    r"|company (overview|description|profile)"
    # German
    r"|uber uns|wer wir sind|was wir (dir |ihnen )?bieten|wir bieten|unser angebot|vorteile"
    r"|datenschutz|chancengleichheit|gleichstellung|vielfalt|diversitat|unternehmensprofil"
    r"|das sind wir|warum wir"
    # French
    r"|a propos|qui sommes[- ]nous|ce que nous (vous )?(offrons|proposons)|nous (vous )?offrons"
    r"|nous (vous )?proposons|avantages|pourquoi nous rejoindre|confidentialite"
    r"|donnees personnelles|protection des donnees|egalite|diversite|handicap|mentions legales"
    r"|notre (mission|histoire|culture|entreprise)",
)
_BOILERPLATE_TEXT = re.compile(
    r"equal (employment )?opportunit|without regard to|regardless of (race|gender|age|sex)"
    r"|race, colou?r|sexual orientation|gender identity|protected veteran|reasonable accommodation"
    r"|e-verify|privacy (notice|policy|statement)|personal (data|information)|data protection"
    r"|recruitment agenc|unsolicited (resumes|cvs|applications)"
    r"|chancengleichheit|unabhangig von (geschlecht|herkunft|alter|ethnischer)|schwerbehindert"
    r"|datenschutz|egalite des chances|sans distinction|donnees personnelles"
    r"|protection des donnees|situation de handicap",
)
# Statements that are boilerplate even where they follow the role's lists without a
# heading of their own ("Acme is an equal opportunity employer…" after "Requirements").
_STATEMENT_TEXT = re.compile(
    r"equal (employment )?opportunit|without regard to|regardless of (race|gender|age|sex)"
    r"|protected veteran|reasonable accommodation|privacy (notice|policy|statement)"
    r"|chancengleichheit|unabhangig von (geschlecht|herkunft|alter|ethnischer)|schwerbehindert"
    r"|egalite des chances|sans distinction",
)
_HEADING_END = re.compile(r"[.!?;,]$")
_MIN_SECTION = 120  # a trimmed section shorter than this is dropped whole
_MIN_REPEAT = 40  # shorter repeated paragraphs ("- Python") are not "repeated blurbs"


def _fold(text: str) -> str:
    text = text.casefold().replace("’", "'").replace("ß", "ss")
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _heading_words(line: str) -> str:
    """A heading line as matched: folded, without markup-ish bullets and the colon."""
    return _fold(line).strip().lstrip("#*•·>-–— ").rstrip(": ").strip()


def _heading_like(line: str) -> bool:
    stripped = line.strip()
    return (
        0 < len(stripped) <= 90
        and len(stripped.split()) <= 12
        and not stripped.startswith("- ")
        and not _HEADING_END.search(stripped)
    )


def _heading_kind(line: str) -> str | None:
    """ "role", "boilerplate" or None (not a heading a reader would know)."""
    if not _heading_like(line):
        return None
    words = _heading_words(line)
    if _BOILERPLATE_FIRST.match(words):
        return "boilerplate"
    if _ROLE_HEADING.search(words):
        return "role"
    found = _BOILERPLATE_HEADING.search(words)
    # "Benefits", "Our perks", "Applicant privacy notice" — not "Knowledge of benefits law".
    if found and len(words.split()) <= 8 and len(words[: found.start()].split()) <= 2:
        return "boilerplate"
    return None


def _is_item(line: str) -> bool:
    return line.lstrip().startswith("- ")


def _is_list(unit: str) -> bool:
    return all(_is_item(line) for line in unit.split("\n"))


def _units(text: str) -> list[tuple[str, int]]:
    """The text's lines, each with the line breaks before it (1, or 2 after a blank
    line); a run of list items ("- …" on consecutive lines) stays one unit."""
    units: list[tuple[str, int]] = []
    blank = 0
    for line in text.split("\n"):
        if not line.strip():
            blank += 1
            continue
        breaks = 2 if blank else 1
        if units and breaks == 1 and _is_item(line) and _is_item(units[-1][0].rsplit("\n", 1)[-1]):
            units[-1] = (f"{units[-1][0]}\n{line}", units[-1][1])
        else:
            units.append((line, breaks))
        blank = 0
    return units


class _Part:
    __slots__ = ("gap", "heading", "kind", "pinned", "section", "text")

    def __init__(
        self,
        text: str,
        gap: int,
        *,
        kind: str,
        section: int,
        heading: bool = False,
        pinned: bool = False,
    ) -> None:
        self.text, self.gap, self.kind, self.section = text, gap, kind, section
        self.heading = heading
        self.pinned = pinned  # one of the `keep` paragraphs: never dropped


def _parts(text: str, keep: set[str], drop: set[str]) -> list[_Part]:
    units = _units(text)
    parts: list[_Part] = []
    section, kind = 0, "other"
    for index, (unit, gap) in enumerate(units):
        single = "\n" not in unit
        known = _heading_kind(unit) if single else None
        # An unknown title starts a section of its own. Inside the role's sections it
        # is a sub-heading ("You have:") or a one-line item; inside boilerplate, a line
        # of it ("Gym membership") unless a list or a long text follows.
        if (
            known is None
            and single
            and _heading_like(unit)
            and (kind == "other" or (kind == "boilerplate" and _has_body(units, index + 1)))
            and index + 1 < len(units)
        ):
            known = "other"
        if known is not None:
            section, kind = section + 1, known
            if unit in keep:
                kind = "role"
            elif kind == "other" and unit in drop:
                kind = "boilerplate"
            parts.append(_Part(unit, gap, kind=kind, section=section, heading=True))
            continue
        if unit in keep:
            unit_kind = "role"
        elif _is_boilerplate(unit, kind, drop):
            unit_kind = "boilerplate"
        else:
            unit_kind = kind
        parts.append(_Part(unit, gap, kind=unit_kind, section=section, pinned=unit in keep))
    return parts


def _has_body(units: list[tuple[str, int]], start: int) -> bool:
    """Whether a list or some 200 characters of text follow before the next title."""
    size = 0
    for index in range(start, len(units)):
        unit = units[index][0]
        if _is_item(unit):
            return True
        if "\n" not in unit and _heading_like(unit):
            return False
        size += len(unit)
        if size >= 200:
            return True
    return False


def _is_boilerplate(unit: str, kind: str, drop: set[str]) -> bool:
    """A paragraph that is boilerplate wherever it stands: marked so by the board, or
    worded like an EEO / privacy statement (in the role's sections only unmistakable
    statements, never a list)."""
    if kind != "role":
        return unit in drop or bool(_BOILERPLATE_TEXT.search(_fold(unit)))
    return not _is_list(unit) and bool(_STATEMENT_TEXT.search(_fold(unit)))


def _without(parts: list[_Part], gone: Callable[[_Part], bool], mark: str) -> list[_Part]:
    """`parts` without the ones `gone` picks; a removed blank line stays a blank line,
    and the text before a removal ends with `mark` (a list of the role's stays as is)."""
    out: list[_Part] = []
    carry = 0
    for part in parts:
        if gone(part):
            carry = max(carry, part.gap)
            last = out[-1] if out else None
            if last and not last.text.endswith(mark) and not _is_list(last.text):
                last.text += mark
            continue
        part.gap = max(part.gap, carry)
        carry = 0
        out.append(part)
    return out


def _joined(parts: list[_Part]) -> str:
    pieces: list[str] = []
    for part in parts:
        if pieces:
            pieces.append("\n" * part.gap)
        pieces.append(part.text)
    return "".join(pieces)


def _size(parts: list[_Part]) -> int:
    return sum(len(p.text) for p in parts) + sum(p.gap for p in parts[1:])


def _cut(text: str, length: int, mark: str) -> str:
    """`text` cut to at most `length` characters at a word boundary, then `mark`."""
    head = text[:length]
    if len(text) > length and " " in head[length // 2 :]:
        head = head[: head.rindex(" ")]
    return head.rstrip() + mark


def fit_description(
    text: str,
    limit: int,
    *,
    keep: Iterable[str] = (),
    drop: Iterable[str] = (),
    mark: str = " […]",
) -> str:
    """`text` made to fit in `limit` characters without losing the role's text.

    Paragraphs equal to a paragraph of a `keep` text (a board's requirement lists) are
    never dropped; paragraphs of a `drop` text (a board's marked boilerplate) go first
    with the EEO, privacy, benefits and "About us" sections the headings and wording
    give away. Where text was left out, the text before ends with `mark` (a list of
    the role's is never changed). Returns `text` itself when it fits.
    """
    if len(text) <= limit:
        return text
    keep_units = {u for k in keep for u, _ in _units(k)}
    drop_units = {u for d in drop for u, _ in _units(d)}
    parts = _parts(text, keep_units, drop_units)
    # Sections that were only a heading to begin with keep it.
    intact = {p.section for p in parts} - {p.section for p in parts if not p.heading}

    # 1. Repeated paragraphs (not the role's lists): keep the first.
    seen: set[str] = set()

    def repeated(part: _Part) -> bool:
        key = " ".join(part.text.split())
        fixed = part.heading or part.pinned or (part.kind == "role" and _is_list(part.text))
        if not fixed and len(key) >= _MIN_REPEAT and key in seen:
            return True
        seen.add(key)
        return False

    parts = _without(parts, repeated, mark)

    # 2. Boilerplate: whole sections (with their heading) and stray paragraphs — unless
    # nothing else is there (then it is what the posting says, and gets trimmed).
    if _size(parts) > limit and any(p.kind != "boilerplate" and not p.heading for p in parts):
        parts = _without(parts, lambda p: p.kind == "boilerplate", mark)

    # A heading whose whole section went says nothing any more.
    bodies = {p.section for p in parts if not p.heading}
    parts = _without(
        parts, lambda p: p.heading and p.section not in bodies and p.section not in intact, mark
    )

    # 3. The other sections, longest first, down to a common length.
    if _size(parts) > limit:
        parts = _trim_sections(parts, limit, mark)

    result = _joined(parts)
    if len(result) > limit:  # 4. the role text alone is too long
        result = _cut(result, limit - len(mark), mark)
    return result


def _trim_sections(parts: list[_Part], limit: int, mark: str) -> list[_Part]:
    sections: dict[int, list[_Part]] = {}
    for part in parts:
        sections.setdefault(part.section, []).append(part)
    fixed = [s for s, members in sections.items() if any(p.kind == "role" for p in members)]
    trimmable = {s: _joined(members) for s, members in sections.items() if s not in fixed}
    if not trimmable:
        return parts
    fixed_size = sum(_size(sections[s]) + sections[s][0].gap for s in fixed)
    gaps = {s: sections[s][0].gap for s in trimmable}

    def size_at(level: int) -> int:
        total = fixed_size
        for number, body in trimmable.items():
            if len(body) <= level:
                total += len(body) + gaps[number]
            elif level >= _MIN_SECTION:
                total += level + len(mark) + gaps[number]
        return total

    low, high = 0, max(len(t) for t in trimmable.values())
    while low < high:  # the largest level that fits
        middle = (low + high + 1) // 2
        if size_at(middle) <= limit:
            low = middle
        else:
            high = middle - 1
    if low < _MIN_SECTION:  # too many sections to share the room: the first ones get it
        return _first_sections(sections, set(trimmable), limit - fixed_size, mark)
    out: list[_Part] = []
    for number, members in sections.items():
        body = trimmable.get(number)
        if body is None or len(body) <= low:
            out.extend(members)
        else:
            out.append(_Part(_cut(body, low, mark), gaps[number], kind="other", section=number))
    return out


def _first_sections(
    sections: dict[int, list[_Part]], trimmable: set[int], room: int, mark: str
) -> list[_Part]:
    """The role's sections, and as many of the others, in order, as fit in `room`
    characters; the first that does not fit is cut, the rest left out."""
    out: list[_Part] = []
    for number, members in sections.items():
        if number not in trimmable:
            out.extend(members)
            continue
        gap = members[0].gap
        body = _joined(members)
        if len(body) + gap <= room:
            out.extend(members)
            room -= len(body) + gap
        elif room - gap - len(mark) >= _MIN_SECTION:
            out.append(_Part(_cut(body, room - gap - len(mark), mark), gap, kind="other",
                             section=number))  # fmt: skip
            room = 0
        else:
            last = out[-1] if out else None
            if (
                last
                and room >= len(mark)
                and not last.text.endswith(mark)
                and not _is_list(last.text)
            ):
                last.text += mark
            room = 0
    return out
