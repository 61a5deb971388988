"""Experience entries from the lines of their sections (education: `_offline.education`).

An experience entry is anchored on its date line. The lines just before it (or, when
a CV puts dates first, the lines just after it) are its header: title, employer and
location in any of the usual shapes ("Title at Employer", "Title, Employer, City",
"Employer — Title", "Title — Employer (City)", one per line, or "Position:" labels).
The lines up to the next entry are its bullets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from jobagent_core.profiling._offline.dates import DateRange, find_date_range
from jobagent_core.profiling._offline.entry_lines import (
    BULLET,
    clean,
    is_bullet,
    is_prose,
    strip_bullet,
)
from jobagent_core.profiling._offline.experience_header import AT, STRONG, parse_header
from jobagent_core.profiling.schemas import ExperienceEntry
from jobagent_core.profiling.taxonomy import Taxonomy

_CONTACT_LINE = re.compile(
    r"(?i)^\s*(?:links?|website|web|portfolio|homepage|blog|mobile|mobil|phone|tel|telefon|"
    r"e-?mail|linkedin|github|xing)\s*:"
)
_RANGE_TAIL = re.compile(r"^\s*(?:[-–—]|to|bis|until|à)\s*\S", re.IGNORECASE)
_LABEL = re.compile(
    r"(?i)^\s*(?P<label>position|title|job title|role|rolle|stelle|funktion|poste|fonction|"
    r"company|employer|organisation|organization|arbeitgeber|firma|unternehmen|employeur|"
    r"entreprise|société|dates?|period|duration|zeitraum|période|location|ort|lieu|"
    r"responsibilities|tasks|aufgaben|tätigkeiten|missions|achievements)\s*:\s*(?P<value>.*)$"
)
_TITLE_LABELS = {"position", "title", "job title", "role", "rolle", "stelle", "funktion", "poste",
                 "fonction"}  # fmt: skip
_EMPLOYER_LABELS = {"company", "employer", "organisation", "organization", "arbeitgeber", "firma",
                    "unternehmen", "employeur", "entreprise", "société"}  # fmt: skip
_DATE_LABELS = {"date", "dates", "period", "duration", "zeitraum", "période"}
_PLACE_LABELS = {"location", "ort", "lieu"}


@dataclass
class _Block:
    header: list[str] = field(default_factory=list)
    dates: DateRange | None = None
    body: list[str] = field(default_factory=list)


def _anchor(line: str) -> DateRange | None:
    """The date range that makes `line` an entry's date line, if it is one."""
    if is_bullet(line) or len(line) > 200:
        return None
    found = find_date_range(line)
    if found is None:
        return None
    if found.end is None:
        before, after = line[: found.span_start], line[found.span_end :]
        if clean(before) and clean(after):
            return None  # a year inside a sentence
        if len(clean(before + after)) > 90:
            return None
    return found


# --------------------------------------------------------------------------- experience


def parse_experience(lines: Sequence[str], taxonomy: Taxonomy) -> list[ExperienceEntry]:
    """Experience entries in the order the CV lists them."""
    if sum(1 for line in lines if (m := _LABEL.match(line)) and _is_title_label(m)) >= 1:
        labelled = _labelled_entries(lines)
        if labelled:
            return labelled
    blocks = _blocks(list(lines))
    entries = []
    for block in blocks:
        header = parse_header(block.header, taxonomy)
        if not header.title:
            continue
        dates = block.dates
        entries.append(
            ExperienceEntry(
                title=header.title,
                employer=header.employer,
                location=header.location,
                start=dates.start if dates else None,
                end=dates.end if dates else None,
                current=bool(dates and dates.current),
                bullets=_bullets(block.body),
            )
        )
    return entries


def _is_title_label(m: re.Match[str]) -> bool:
    return m.group("label").lower() in _TITLE_LABELS


def _join_split_ranges(lines: list[str]) -> list[str]:
    """ "... Mar 2020" + "– Present" (a range wrapped onto the next line) -> one line."""
    out: list[str] = []
    for line in lines:
        if out and _RANGE_TAIL.match(line):
            prev = find_date_range(out[-1])
            if prev is not None and prev.end is None and not out[-1][prev.span_end :].strip():
                joined = f"{out[-1]} {line.strip()}"
                if (found := find_date_range(joined)) is not None and found.end is not None:
                    out[-1] = joined
                    continue
        out.append(line)
    return out


def _blocks(lines: list[str]) -> list[_Block]:
    lines = _join_split_ranges(lines)
    anchors = {i: found for i, line in enumerate(lines) if (found := _anchor(line))}
    if not anchors:
        return _undated_blocks(lines)
    first = min(anchors)
    header_first = any(
        line.strip() and not is_bullet(line) and not is_prose(line) for line in lines[:first]
    )
    blocks: list[_Block] = []
    starts: list[int] = []
    taken: list[int] = []  # header lines after each date line
    for i in sorted(anchors):
        block = _Block(dates=anchors[i])
        residual = _residual(lines[i], anchors[i])
        before, first_line = _header_before(lines, i, anchors)
        after = _header_after(lines, i, anchors)
        after_mode = not header_first and (residual or after)
        if after_mode or not (before or residual):
            block.header = [residual, *after] if residual else after
            starts.append(i)
            taken.append(len(after))
        else:
            block.header = [*before, residual] if residual else before
            starts.append(first_line)
            taken.append(0)
        blocks.append(block)
    ends = [*starts[1:], len(lines)]
    for n, (i, block) in enumerate(zip(sorted(anchors), blocks, strict=True)):
        body_from = i + 1 + taken[n]
        block.body = [line for line in lines[body_from : ends[n]] if line.strip()]
        if header_first and len(block.header) == 1:
            _take_employer_line(block)
    return blocks


def _residual(line: str, found: DateRange) -> str:
    text = line[: found.span_start] + " " + line[found.span_end :]
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    return clean(BULLET.sub("", text, count=1))


def _header_before(
    lines: list[str], i: int, anchors: dict[int, DateRange]
) -> tuple[list[str], int]:
    """The header lines just above the date line at `i`, and the index of the first."""
    out: list[str] = []
    first = i
    j = i - 1
    while j >= 0 and j not in anchors and len(out) < 3:
        line = lines[j]
        if not line.strip():
            if out:
                break
            j -= 1
            continue
        if is_bullet(line) or is_prose(line) or _LABEL.match(line):
            break
        out.insert(0, line.strip())
        first = j
        j -= 1
    return out, first


def _header_after(lines: list[str], i: int, anchors: dict[int, DateRange]) -> list[str]:
    out: list[str] = []
    limit = 1 if _residual(lines[i], anchors[i]) else 2
    for line in lines[i + 1 : i + 1 + limit]:
        if not line.strip() or is_bullet(line) or is_prose(line) or (i + 1 + len(out)) in anchors:
            break
        out.append(line.strip())
    return out


def _take_employer_line(block: _Block) -> None:
    """ "Title / dates / Employer / bullets": a short first body line is the employer."""
    if block.body and not is_bullet(block.body[0]) and not is_prose(block.body[0]):
        only = block.header[0]
        if not AT.search(only) and len(STRONG.split(only)) == 1 and "," not in only:
            block.header.append(clean(block.body.pop(0)))


def _undated_blocks(lines: list[str]) -> list[_Block]:
    """No dates at all: blocks separated by blank lines, first lines are the header."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for line in lines:
        if not line.strip():
            current = None
            continue
        if current is None:
            current = _Block(header=[clean(line)])
            blocks.append(current)
        elif not current.body and len(current.header) < 2 and not is_bullet(line) \
                and not is_prose(line):  # fmt: skip
            current.header.append(clean(line))
        else:
            current.body.append(line)
    return blocks


def _bullets(body: Sequence[str]) -> list[str]:
    """Bullet texts; lines wrapped by the layout are joined to their bullet."""
    bullets: list[str] = []
    markers = any(is_bullet(line) for line in body)
    for line in body:
        label = _LABEL.match(line)
        if (label and not label.group("value").strip()) or _CONTACT_LINE.match(line):
            continue  # "Responsibilities:" introducing the bullets; a stray contact line
        text = strip_bullet(line)
        if not text:
            continue
        open_end = bool(bullets) and not bullets[-1].endswith((".", "!", "?"))
        continuation = not is_bullet(line) and (text[:1].islower() or markers) and open_end
        if continuation:
            bullets[-1] = f"{bullets[-1]} {text}"
        else:
            bullets.append(text)
    return bullets


@dataclass
class _Labelled:
    fields: dict[str, str] = field(default_factory=dict)
    body: list[str] = field(default_factory=list)


def _label_key(label: str) -> str | None:
    label = label.lower()
    for key, labels in (("title", _TITLE_LABELS), ("employer", _EMPLOYER_LABELS),
                        ("dates", _DATE_LABELS), ("location", _PLACE_LABELS)):  # fmt: skip
        if label in labels:
            return key
    return None


def _labelled_entries(lines: Sequence[str]) -> list[ExperienceEntry]:
    """Entries written as "Position: …", "Company: …", "Dates: …" lines."""
    entries: list[_Labelled] = []
    current: _Labelled | None = None
    for line in lines:
        m = _LABEL.match(line)
        key = _label_key(m.group("label")) if m else None
        if m and key:
            if current is None or key in current.fields:
                current = _Labelled()
                entries.append(current)
            if clean(m.group("value")):
                current.fields[key] = clean(m.group("value"))
        elif current is not None and line.strip() and not m:
            current.body.append(line)
    out = []
    for entry in entries:
        title = entry.fields.get("title")
        if not title:
            continue
        dates = find_date_range(entry.fields.get("dates", ""))
        out.append(
            ExperienceEntry(
                title=title,
                employer=entry.fields.get("employer"),
                location=entry.fields.get("location"),
                start=dates.start if dates else None,
                end=dates.end if dates else None,
                current=bool(dates and dates.current),
                bullets=_bullets(entry.body),
            )
        )
    return out
