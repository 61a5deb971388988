"""The text lines of one PDF page, laid out as a person reads them.

Text comes as positioned runs with real x/y and width (`pdf_runs`, from pypdf's
public text-extraction visitors). We lay them out ourselves instead of
using pypdf's layout mode and its fixed-width character grid, which glues words
drawn one by one ("Builta Kafka") and lets a sidebar bleed into the main column:
a two-column page (sidebar + main column) is read column by column, and what
stands far apart on one line (a right-aligned date, say) goes on its own line.
Units below are PDF points; "em" means the run's font height.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pypdf import PageObject
from pypdf.errors import LimitReachedError, PyPdfError

from jobagent_core.profiling.pdf_runs import OverBudget, ReadBudget, Run, page_fonts, read_runs

log = logging.getLogger(__name__)

# pypdf on a malformed file can raise nearly anything; none of it is our bug to surface.
PARSE_ERRORS: tuple[type[Exception], ...] = (
    PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
    RecursionError, OSError, ZeroDivisionError, StopIteration,
)  # fmt: skip
_WORD_GAP = 0.12  # em: a smaller gap continues the word (glyph-by-glyph positioning)
_FIELD_GAP = 1.0  # em: a larger gap separates two things on one line (column, date)
_GUTTER = 4.0  # points of blank space required left of a column edge
_BLANK_LINE = 1.7  # a gap above a line larger than this many line heights is a blank line


@dataclass(slots=True)
class _Seg:
    x0: float
    x1: float
    text: str
    y: float  # baseline of the run it starts with (pypdf may merge nearby baselines)
    height: float


@dataclass(slots=True)
class _Line:
    y: float
    height: float
    segs: list[_Seg]


def page_lines(page: PageObject, budget: ReadBudget | None = None) -> tuple[list[str], bool]:
    """The page's text lines, and whether its content draws any text at all. With a
    `budget`, raises OverBudget before doing work that would pass it."""
    try:
        lines, draws_text = _positioned_lines(page, budget)
    except (LimitReachedError, OverBudget):
        raise  # one of pypdf's resource limits or ours: plain mode would only pass it again
    except PARSE_ERRORS as err:
        # Unusual content streams: plain mode reads in drawing order, which for most CV
        # generators is reading order.
        log.warning("PDF page layout failed (%r); reading it in plain mode", err)
        if budget is not None:  # plain mode builds every font listed
            page_fonts(page, None, budget)  # so charge them here first, within the budget
        plain = page.extract_text().splitlines()
        return plain, bool(plain)
    return _columns(lines), draws_text


def _columns(lines: list[_Line]) -> list[str]:
    """Render the page; a two-column page column by column (see `_find_gutter`)."""
    gutter = _find_gutter(lines)
    if gutter is None:
        return _render(lines)
    out: list[str] = []
    left: list[_Line] = []
    right: list[_Line] = []
    for line in lines:  # a line crossing the gutter (name band, footer) stays in place
        if any(seg.x0 < gutter - 1 < seg.x1 + _GUTTER for seg in line.segs):
            out += [*_render(left), "", *_render(right), "", *_render([line])]
            left, right = [], []
            continue
        for column, segs in (
            (left, [seg for seg in line.segs if seg.x0 < gutter - 1]),
            (right, [seg for seg in line.segs if seg.x0 >= gutter - 1]),
        ):
            if segs:  # each column keeps its own baselines, for its own blank lines
                column.append(_Line(segs[0].y, max(seg.height for seg in segs), segs))
    return [*out, *_render(left), "", *_render(right)]


def _positioned_lines(page: PageObject, budget: ReadBudget | None) -> tuple[list[_Line], bool]:
    """Lines top to bottom, each a list of segments (text runs closer than a field gap),
    and whether the content stream has text-showing operators at all."""
    runs, draws_text = read_runs(page, budget)
    if not runs:
        return [], draws_text
    lines = []
    for y, group in _baseline_groups(runs):
        segs: list[_Seg] = []
        height = max(run.height for run in group) or 10.0
        for run in group:
            for seg in _run_segments(run, run.height or height):
                _append(segs, seg)
        if segs:
            lines.append(_Line(float(y), height, segs))
    return lines, draws_text


def _baseline_groups(runs: list[Run]) -> list[tuple[int, list[Run]]]:
    """Runs grouped by baseline, top to bottom, each group left to right. Runs whose
    baselines differ by less than a font height join one line (mixed fonts, super- and
    subscripts), unless both start text at the same x (two lines of one column)."""
    by_y: dict[int, list[Run]] = {}
    for run in runs:
        by_y.setdefault(int(run.y), []).append(run)
    groups: list[tuple[int, list[Run]]] = []
    last_xs: set[int] = set()
    for y in sorted(by_y, reverse=True):
        group = by_y[y]
        xs = {int(run.x0) for run in group}
        if groups:
            last_y, last = groups[-1]
            height = min(last[0].height, group[0].height)
            if abs(y - last_y) < height and not xs & last_xs:
                last.extend(group)
                last_xs |= xs
                continue
        groups.append((y, group))
        last_xs = xs
    return [(y, sorted(group, key=lambda run: run.x0)) for y, group in groups]


def _run_segments(run: Run, height: float) -> Iterator[_Seg]:
    """Split one run where it holds 3+ spaces (a gap inside one string), placing each
    part by its share of the characters."""
    text, x0 = run.text, run.x0
    per_char = (run.x1 - x0) / len(text) if text else 0.0
    for match in _SEGMENT.finditer(text.translate(_RUN_CONTROLS)):
        start, end = x0 + per_char * match.start(), x0 + per_char * match.end()
        yield _Seg(start, end, match[0], run.y, height)


def _append(segs: list[_Seg], seg: _Seg) -> None:
    last = segs[-1] if segs else None
    gap = seg.x0 - last.x1 if last else 0.0
    em = seg.height
    if last is None or gap > _FIELD_GAP * em:
        segs.append(seg)
        return
    space = "" if gap < _WORD_GAP * em or last.text.endswith(" ") else " "
    last.text += space + seg.text
    last.x1 = max(last.x1, seg.x1)


_RUN_CONTROLS = str.maketrans(dict.fromkeys(range(14, 32), " "))
_SEGMENT = re.compile(r"\S+(?: {1,2}\S+)*")  # text without a gap of 3+ spaces


def _render(lines: list[_Line]) -> list[str]:
    """Text lines, one per segment, with a blank line where the page has vertical space.

    One refinement for the common "Title — Employer ....... 03/2019 – present" header:
    when the left part wraps onto the next line (same indent, short, not a bullet), the
    date goes after that continuation, and a date range broken over two lines is joined."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i and lines[i - 1].y - line.y > _BLANK_LINE * max(line.height, lines[i - 1].height):
            out.append("")
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt and len(line.segs) == 2 and _is_date(line.segs[1].text):
            left, date = line.segs
            tail = [s for s in nxt.segs if s.x1 >= date.x0] if _OPEN_RANGE.search(date.text) else []
            wrap = [s for s in nxt.segs if s not in tail]
            wraps = len(wrap) == 1 and _continues(wrap[0], left, date)
            if (tail or wraps) and (not wrap or wraps):
                out += [left.text, *(s.text for s in wrap)]
                out.append(" ".join([date.text, *(s.text for s in tail)]))
                i += 2
                continue
        out += [seg.text for seg in line.segs]
        i += 1
    return out


_DATE_LIKE = re.compile(r"\b(?:19|20)\d\d\b|present|current|heute|today|now\b", re.IGNORECASE)
_OPEN_RANGE = re.compile(r"(?:[-–—]|\bto|\bbis)$")
_BULLET_START = tuple("•·▪◦‣-*–\x7f")


def _is_date(text: str) -> bool:
    return len(text) <= 40 and bool(_DATE_LIKE.search(text))


def _continues(seg: _Seg, header: _Seg, date: _Seg) -> bool:
    """Does `seg` look like the wrapped rest of `header` (which has `date` on its right)?"""
    return (
        abs(seg.x0 - header.x0) <= 2
        and seg.x1 < date.x0 - _GUTTER
        and len(seg.text) <= 60
        and not seg.text.startswith(_BULLET_START)
        and ":" not in seg.text
        and not seg.text.endswith(".")
    )


def _find_gutter(lines: list[_Line]) -> float | None:
    """x of the left edge of a second column, or None for a single-column page.

    A column edge is an x where many lines start a segment, with blank space just left
    of it on (almost) every line, and enough text on both sides. Lines crossing it (a
    name band, a footer) may be a few. A left "column" that is mostly dates (Lebenslauf
    tables, moderncv) is not a column: its dates belong to their lines."""
    if len(lines) < 8:
        return None
    starts: dict[int, int] = {}
    for line in lines:
        for seg in line.segs[1:] if len(line.segs) > 1 else line.segs:
            starts[round(seg.x0)] = starts.get(round(seg.x0), 0) + 1
    page_x0 = min(seg.x0 for line in lines for seg in line.segs)
    page_x1 = max(seg.x1 for line in lines for seg in line.segs)
    best: tuple[int, float] | None = None
    for edge, count in starts.items():
        if count < 3 or edge - page_x0 < 60 or page_x1 - edge < 60:
            continue
        clear = [
            line
            for line in lines
            if not any(seg.x0 < edge - 1 < seg.x1 + _GUTTER for seg in line.segs)
        ]
        crossing = len(lines) - len(clear)
        if crossing > max(1, len(lines) // 8):
            continue
        n_left = sum(any(seg.x0 < edge - 1 for seg in line.segs) for line in clear)
        n_right = sum(any(seg.x0 >= edge - 1 for seg in line.segs) for line in clear)
        score = min(n_left, n_right) - 2 * crossing
        if best is None or score > best[0]:
            best = (score, float(edge))
    if best is None:
        return None
    split = best[1]
    left = [seg.text for line in lines for seg in line.segs if seg.x1 + _GUTTER <= split - 1]
    right = [seg.text for line in lines for seg in line.segs if seg.x0 >= split - 1]
    rows = len(lines)
    return split if _is_column(left, rows) and _is_column(right, rows) else None


def _is_column(parts: list[str], rows: int) -> bool:
    """Text on at least half as many segments as the page has lines, not mostly dates."""
    if len(parts) < max(4, rows // 2):
        return False
    return sum(bool(_DATE_LIKE.search(p)) for p in parts) < len(parts) / 3
