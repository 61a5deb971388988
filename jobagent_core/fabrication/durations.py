"""Years of experience: the figures a letter may state and the durations a text claims.

The figures (`ExperienceFigures`) come from the profile's dated jobs, computed by
`jobagent_core.profiling.profile_store` (overlaps counted once, a current job up to
today, months when the CV gives them, years otherwise): the total, each job's own, and
a field's (the jobs whose titles name the field, overlaps counted once).

A claimed duration ("10 years", "over a decade", "14+ years", "zehn Jahre", "dix ans",
"18 months", "since 2012") is judged with the words of its clause. When they name a
field (words of job titles or employers, a canonical title of the taxonomy such as
"intensive care" or "Intensivpflege", an acronym such as "ICU"), the claim is held
against the jobs that all those words name ("8 years as a senior ICU nurse": the
senior ICU jobs; if no job has them all, the largest single field), and an enumeration
("across SDR, mid-market and enterprise roles") against its items' jobs together.
Otherwise the total applies. Nothing is rounded up: 9 years 7 months support "9 years"
and "almost ten years", never "10 years", "about ten years" or "a decade". The claims
themselves are read by `duration_claims.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from jobagent_core.fabrication.duration_claims import DurationClaim, duration_claims
from jobagent_core.fabrication.templates import all_phrases
from jobagent_core.fabrication.text import (
    clause_around,
    fold,
    list_items_after,
    sentence_bounds,
    speaks_of_self,
)
from jobagent_core.profiling._offline.dates import covered_months, whole_years
from jobagent_core.profiling.profile_store import job_span
from jobagent_core.profiling.schemas import ExperienceEntry, Profile
from jobagent_core.profiling.taxonomy import TitleSpec, load_taxonomy

# --------------------------------------------------------------------------- fields

# Words that say nothing about the field: the templates' own, and those around durations.
_GENERIC = (
    "experience experiences experienced professional professionally total overall "
    "altogether combined including includes work working worked career careers hands-on "
    "hands on solid extensive broad deep relevant proven background track record more "
    "than over about around almost nearly least some bring brings brought gained gaining "
    "spent spending been being have has had am is are was were as a an the of in with "
    "within across on at during last past previous recent recently now currently since "
    "for both plus year years month months decade decades field fields area areas sector "
    "industry industries domain role roles position positions job jobs practice "
    "practical now today already successfully different various several "
    "erfahrung erfahrungen berufserfahrung praxiserfahrung berufspraxis beruflich "
    "berufliche beruflichen tätigkeit tätig gearbeitet arbeite arbeitete insgesamt "
    "langjährige langjährigen umfassende umfassenden mehrjährige mehrjährigen "
    "verfüge bringe bringen habe hatte bin war seit jahr jahre jahren bereich bereichen "
    "expérience expériences professionnelle professionnel professionnelles dispose "
    "total totale totalité domaine domaines secteur travail travaillé poste postes "
    "année années ans an mois cumulé cumulée "
    "experiencia profesional esperienza professionale ervaring werkervaring"
)


@cache
def _generic_words() -> frozenset[str]:
    words = set(fold(_GENERIC).split())
    for phrases in all_phrases():
        words |= phrases.stopwords
        for template in phrases.experience_years:
            words |= set(fold(template.replace("{years}", "")).split())
    return frozenset(fold(w) for w in words if w)


@dataclass(frozen=True)
class _Token:
    word: str  # folded
    acronym: bool  # written in capitals, 2-5 letters ("ICU")
    start: int
    end: int


_WORD = re.compile(r"[^\W\d_][\w'’]*")


def _tokens(text: str, drop: frozenset[str] = frozenset()) -> list[_Token]:
    generic = _generic_words()
    out = []
    for m in _WORD.finditer(text):
        raw = m.group(0)
        word = fold(raw.split("'")[-1].split("’")[-1])
        if not word or word in generic or word in drop or len(word) < 2:
            continue
        acronym = 2 <= len(raw) <= 5 and raw.isalpha() and raw.isupper()
        out.append(_Token(word, acronym, m.start(), m.end()))
    return out


def same_word(a: str, b: str) -> bool:
    """The same word, or an inflection of it ("nurse"/"nursing", "engineer"/"engineering",
    "intensive"/"intensifs", "Intensivpflege"/"Intensivstation")."""
    if a == b:
        return True
    if " " in a or " " in b:
        return False
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and (n >= min(len(a), len(b)) - 2 or n >= 7)


def _acronym_matches(acronym: str, words: Sequence[_Token]) -> list[int]:
    """Indexes of a run of 2+ consecutive `words` whose initials spell `acronym`
    ("intensive care unit" for "ICU")."""
    size = len(acronym)
    for i in range(len(words) - size + 1):
        if "".join(t.word[0] for t in words[i : i + size]) == acronym:
            return list(range(i, i + size))
    return []


@dataclass(frozen=True)
class Field:
    """A field the profile's jobs show, e.g. "ICU Nurse": the jobs in it and its months."""

    name: str
    jobs: tuple[int, ...]
    months: float | None


class ExperienceFigures:
    """The years of experience a profile supports, as of `today`."""

    def __init__(self, profile: Profile, *, today: date | None = None) -> None:
        self.today = today or date.today()
        self.jobs: tuple[ExperienceEntry, ...] = tuple(profile.experience)
        self.spans = tuple(job_span(job, today=self.today) for job in self.jobs)
        dated = [s for s in self.spans if s is not None]
        self.total_months: float | None = covered_months(dated) if dated else None
        if self.total_months is None and profile.experience_years is not None:
            self.total_months = profile.experience_years * 12  # stored, no dated job
        self._job_tokens = [_tokens(f"{job.title} {job.employer or ''}") for job in self.jobs]
        self._job_specs = [_job_fields(job.title) for job in self.jobs]

    # ------------------------------------------------------------------ figures

    @property
    def total_years(self) -> int | None:
        return None if self.total_months is None else whole_years(self.total_months)

    def job_months(self, index: int) -> float | None:
        span = self.spans[index]
        return None if span is None else span[1] - span[0]

    def months_of(self, jobs: Iterable[int]) -> float | None:
        """Months the given jobs cover together (overlaps once); None if none is dated."""
        spans = [s for i in jobs if (s := self.spans[i]) is not None]
        return covered_months(spans) if spans else None

    def fields(self) -> list[Field]:
        """The canonical fields (taxonomy titles) the jobs show, with their months, the
        narrowest first; a field covering the same jobs as another is listed once."""
        names = {n for specs in self._job_specs for n in specs}
        members = {
            n: tuple(i for i, specs in enumerate(self._job_specs) if n in specs) for n in names
        }
        out: list[Field] = []
        seen: set[tuple[int, ...]] = set()
        for name in sorted(names, key=lambda n: (len(members[n]), n)):
            if members[name] not in seen:
                seen.add(members[name])
                out.append(Field(name, members[name], self.months_of(members[name])))
        return out

    # ------------------------------------------------------------------ fields

    def field_jobs(self, context: str, *, ignore: frozenset[str] = frozenset()) -> set[int] | None:
        """The jobs whose field `context` names ("in intensive care", "as an ICU nurse",
        "at Northgate"), or None when it names none (the total applies).

        Each field word (or canonical title the taxonomy finds in `context`) selects the
        jobs whose title or employer names it; the jobs that all of them select are the
        field. When no job fits all of them, the smallest selection is the field."""
        tokens = _tokens(context, ignore)
        if not tokens:
            return None
        groups: list[set[int]] = []
        covered: set[int] = set()
        for spec in load_taxonomy().titles.match(context):
            jobs = {i for i, specs in enumerate(self._job_specs) if spec.title in specs}
            if not jobs:
                continue
            groups.append(jobs)
            for keyword in (*spec.keywords, spec.title):
                for m in re.finditer(re.escape(keyword), context, re.IGNORECASE):
                    covered |= {
                        k for k, t in enumerate(tokens) if t.start < m.end() and m.start() < t.end
                    }
        selected: dict[int, set[int]] = {}
        for i, job_tokens in enumerate(self._job_tokens):
            for k in _matching(tokens, job_tokens):
                selected.setdefault(k, set()).add(i)
        by_prefix, acronyms = _field_words()
        for k, token in enumerate(tokens):
            if k in covered:
                continue
            # A word only one canonical title uses ("critical", "réanimation", "ICU"
            # for "intensive care unit") names that field, in any language.
            names = {n for w, n in by_prefix.get(token.word[:4], ()) if same_word(token.word, w)}
            if token.acronym and token.word in acronyms:
                names.add(acronyms[token.word])
            jobs = selected.get(k, set())
            jobs |= {i for i, specs in enumerate(self._job_specs) if names & specs}
            if jobs:
                groups.append(jobs)
        if not groups:
            return None
        common = set.intersection(*groups)
        if common:
            return common
        # No job has all of them ("enterprise sales" when only the SDR job says "sales"):
        # one field's figure, never the sum of several.
        return max(groups, key=lambda g: (self.months_of(g) or 0.0, -len(g)))

    def figure_for(self, *contexts: str, ignore: frozenset[str] = frozenset()) -> float | None:
        """Months of experience that `contexts` speak of: the total, or the jobs of the
        field each names together ("across SDR, mid-market and enterprise roles": the
        items of an enumeration), overlaps once. Any context naming no field: the total."""
        selected: set[int] = set()
        for context in contexts:
            jobs = self.field_jobs(context, ignore=ignore)
            if jobs is None:
                return self.total_months
            selected |= jobs
        return self.months_of(selected) if selected else self.total_months


@cache
def _field_words() -> tuple[dict[str, list[tuple[str, str]]], dict[str, str]]:
    """Words (6+ letters, by their first four) and acronyms of keyword initials that one
    canonical title alone uses: ("critical", "ICU Nurse"), "icu" -> "ICU Nurse"."""
    titles = load_taxonomy().titles
    by_word: dict[str, set[str]] = {}
    by_initials: dict[str, set[str]] = {}
    for spec in titles.specs:
        for keyword in (*spec.keywords, spec.title):
            words = fold(keyword).split()
            for word in words:
                by_word.setdefault(word, set()).add(spec.title)
            if len(words) >= 2:
                by_initials.setdefault("".join(w[0] for w in words), set()).add(spec.title)
    generic = _generic_words()
    by_prefix: dict[str, list[tuple[str, str]]] = {}
    for word, names in sorted(by_word.items()):
        if len(names) == 1 and len(word) >= 6 and word not in generic:
            by_prefix.setdefault(word[:4], []).append((word, next(iter(names))))
    acronyms = {a: next(iter(n)) for a, n in by_initials.items() if len(n) == 1}
    return by_prefix, acronyms


def _job_fields(title: str) -> frozenset[str]:
    """The canonical titles a job title names, with their parents; seniority words are
    ignored wherever they stand ("ICU Staff Nurse" is an ICU Nurse)."""
    titles = load_taxonomy().titles
    plain = " ".join(w for w in title.split() if titles.split_seniority(w)[0] is None)
    return _with_parents([*titles.match(title), *titles.match(plain)])


def _with_parents(specs: Sequence[TitleSpec]) -> frozenset[str]:
    by_title = load_taxonomy().titles.by_title
    names: set[str] = set()
    for spec in specs:
        current: TitleSpec | None = spec
        while current is not None and current.title not in names:
            names.add(current.title)
            current = by_title.get(current.parent) if current.parent else None
    return frozenset(names)


def _matching(tokens: Sequence[_Token], job_tokens: Sequence[_Token]) -> set[int]:
    """Indexes of `tokens` the job's tokens name (words, inflections, acronyms)."""
    found = {k for k, t in enumerate(tokens) if any(same_word(t.word, j.word) for j in job_tokens)}
    for k, t in enumerate(tokens):
        if t.acronym and _acronym_matches(t.word, job_tokens):
            found.add(k)
    for j in job_tokens:
        if j.acronym:
            found.update(_acronym_matches(j.word, tokens))
    return found


# --------------------------------------------------------------------------- judging


@dataclass(frozen=True)
class Judged:
    claim: DurationClaim
    supported: bool


def judge_durations(
    text: str,
    figures: ExperienceFigures,
    *,
    own_text: str = "",
    other_texts: Sequence[str] = (),
    ignore: frozenset[str] = frozenset(),
    about_candidate: bool | None = None,
) -> list[Judged]:
    """Each duration `text` claims, and whether the figures support it.

    A claim in a sentence not in the first person ("the role needs 3 years", "Acme has
    grown for 20 years") may also restate `other_texts` (the posting, the research); a
    "since 2012" there is no claim about the candidate at all and is left out.
    Without any dated job, the candidate's own words (`own_text`, folded) are the only
    support. `ignore`: folded words that name no field (the posting's company).
    `about_candidate` overrides the first-person test (a CV speaks of its owner)."""
    judged: list[Judged] = []
    others: list[DurationClaim] | None = None
    for claim in duration_claims(text, today=figures.today):
        s_begin, s_end = sentence_bounds(text, claim.start, claim.end)
        candidate = speaks_of_self(text[s_begin:s_end])
        if about_candidate is not None:
            candidate = about_candidate
        if not candidate:
            if claim.since:
                continue
            if others is None:
                others = [c for t in other_texts for c in duration_claims(t, today=figures.today)]
            if any(not c.since and abs(c.months - claim.months) < 1e-6 for c in others):
                judged.append(Judged(claim, True))
                continue
        before, after = clause_around(text, claim.start, claim.end)
        contexts = [f"{before} {after}"]
        contexts += list_items_after(text, claim.end + len(after), s_end)
        if claim.since and not _tokens(contexts[0], ignore) and len(contexts) == 1:
            contexts = [f"{text[s_begin : claim.start]} {text[claim.end : s_end]}"]
        figure = figures.figure_for(*contexts, ignore=ignore)
        if figure is None:  # no dated job: only the candidate's own words support it
            judged.append(Judged(claim, f" {fold(claim.text)} " in own_text))
        else:
            judged.append(Judged(claim, claim.holds(figure)))
    return judged


def years_phrase(months: float | None) -> str | None:
    """'9 years 7 months' for 115 months: what the LLM is told (None when undated)."""
    if months is None:
        return None
    whole = int(months + 1e-6)
    years, rest = divmod(whole, 12)
    parts = []
    if years:
        parts.append(f"{years} year" + ("s" if years != 1 else ""))
    if rest:
        parts.append(f"{rest} month" + ("s" if rest != 1 else ""))
    return " ".join(parts) or "under a month"
