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
and "almost ten years", never "10 years", "about ten years" or "a decade".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from jobagent_core.fabrication.templates import all_phrases, word_list
from jobagent_core.fabrication.text import (
    clause_around,
    fold,
    list_items_after,
    sentence_bounds,
    speaks_of_self,
)
from jobagent_core.profiling._offline.dates import (
    DATE_PATTERN,
    covered_months,
    month_point,
    normalise_date,
    whole_years,
)
from jobagent_core.profiling.profile_store import job_span
from jobagent_core.profiling.schemas import ExperienceEntry, Profile
from jobagent_core.profiling.taxonomy import TitleSpec, load_taxonomy

# --------------------------------------------------------------------------- numbers

_UNITS_EN = word_list(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40}
_UNITS_DE = word_list(
    "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
    "fünfzehn sechzehn siebzehn achtzehn neunzehn"
)
_TENS_DE = {"zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40}
_UNITS_FR = word_list(
    "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize dix-sept dix-huit dix-neuf"
)
_TENS_FR = {"vingt": 20, "trente": 30, "quarante": 40}


def _number_words() -> dict[str, float]:
    words: dict[str, float] = {}
    for n, word in enumerate(_UNITS_EN, start=1):
        words[word] = n
    for tens, value in _TENS_EN.items():
        words[tens] = value
        for n, unit in enumerate(_UNITS_EN[:9], start=1):
            words[f"{tens}-{unit}"] = words[f"{tens} {unit}"] = value + n
    for n, word in enumerate(_UNITS_DE, start=1):
        words[word] = n
    for tens, value in _TENS_DE.items():
        words[tens] = value
        for n, unit in enumerate(["ein", *_UNITS_DE[1:9]], start=1):
            words[f"{unit}und{tens}"] = value + n
    for n, word in enumerate(_UNITS_FR, start=1):
        words[word] = n
    for tens, value in _TENS_FR.items():
        words[tens] = value
        words[f"{tens} et un"] = words[f"{tens}-et-un"] = value + 1
        for n, unit in enumerate(_UNITS_FR[1:9], start=2):
            words[f"{tens}-{unit}"] = value + n
    words |= dict.fromkeys(["a", "an", "ein", "eine", "einem", "einen", "einer", "une"], 1)
    words |= dict.fromkeys(["uno", "una", "één", "een"], 1)
    words |= {"dos": 2, "due": 2, "twee": 2, "tres": 3, "tre": 3, "drie": 3}
    words |= {"cuatro": 4, "quattro": 4, "cinco": 5, "cinque": 5, "vijf": 5}
    words |= {"seis": 6, "sei": 6, "zes": 6, "siete": 7, "sette": 7, "zeven": 7}
    words |= {"ocho": 8, "otto": 8, "nueve": 9, "nove": 9, "negen": 9}
    words |= {"diez": 10, "dieci": 10, "tien": 10, "once": 11, "undici": 11}
    words |= {"doce": 12, "dodici": 12, "twaalf": 12, "quince": 15, "quindici": 15}
    words |= {"vijftien": 15, "veinte": 20, "venti": 20, "twintig": 20}
    # "Eineinhalb Jahre", "anderthalb", "une dizaine d'années" (about ten: read as ten).
    words |= {"anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5}
    words |= {"dizaine": 10, "quinzaine": 15, "vingtaine": 20}
    # "The past decade", "im letzten Jahrzehnt": one decade (only before a decade).
    words |= dict.fromkeys(_LAST_WORDS, 1)
    return words


_LAST_WORDS = ("past", "last", "previous", "letzten", "vergangenen", "dernière", "dernières")
_NUMBER_WORDS = _number_words()

_QUALIFIERS = {
    "over": (
        "well over|more than|upwards of|in excess of|over|above|beyond|weit über|über|"
        "mehr als|bien plus de|plus de|más de|oltre|più di|meer dan|ruim"
    ),
    "almost": (
        "almost|nearly|close to|just under|not quite|fast|knapp|beinahe|nahezu|presque|"
        "près de|pres de|bientôt|casi|quasi|bijna"
    ),
    "least": (
        "at least|a minimum of|about|around|approximately|roughly|some|circa|ca\\.|rund|"
        "etwa|ungefähr|mindestens|wenigstens|au moins|environ|quelque|al menos|"
        "aproximadamente|unos|almeno|circa|minstens|ongeveer"
    ),
}
_YEAR_UNITS = (
    r"years?|yrs?|jahre?n?|jahres|jährige[nrsm]?|jährig|années?|annees?|ans|an|"
    r"años?|anni|anno|jaar|jaren"
)
_DECADE_UNITS = (
    r"decades?|jahrzehnte?n?|jahrzehnts|décennies?|decennies?|decenios?|décadas?|decadas?|"
    r"decennio|decenni|decennia|decennium"
)
_MONTH_UNITS = r"months?|monate?n?|monats|mois|meses|mesi|mese|maanden|maand"
_NUMBER = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_NUMBER_WORDS, key=len, reverse=True)
)
_CLAIM = re.compile(
    r"(?<![\w.,+-])"
    r"(?:(?P<q>" + "|".join(_QUALIFIERS.values()) + r")\s+)?"
    r"(?:(?:a|the)\s+)?"
    r"(?P<n>\d+(?:[.,]\d+)?|" + _NUMBER + r")"
    r"(?P<plus>\s?\+|\s+plus(?=\s))?"
    r"(?:\s*-\s*|\s*)(?:d['’]\s*)?"
    rf"(?:(?P<y>{_YEAR_UNITS})|(?P<d>{_DECADE_UNITS})|(?P<m>{_MONTH_UNITS}))(?![\w])",
    re.IGNORECASE,
)
_SINCE = re.compile(
    r"(?<![\w])(?P<q>since|seit|depuis|desde|dal|dall['’]|sinds)\s+"
    r"(?:(?:the\s+(?:year\s+)?|dem\s+jahr\s+|l['’]année\s+|el\s+año\s+)?)"
    rf"(?P<date>{DATE_PATTERN})(?![\w])",
    re.IGNORECASE,
)
_QUALIFIER_KIND = {
    fold(word.replace("\\", "")): kind
    for kind, words in _QUALIFIERS.items()
    for word in words.split("|")
}
_HAVE_DE = re.compile(r"\bverfüg(?:e|st|t|en|te|ten)\s+(?:\w+\s+)?$", re.IGNORECASE)
_AGE = re.compile(r"^\s*(?:-\s*)?(?:old|alt)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DurationClaim:
    """A length of time a text states, e.g. "over 10 years" or "since 2012".

    `months` is what it claims (for "since", the least it implies up to today); it holds
    when the figure is at least `months` ("over": at least a month more; "almost": at
    most `slack` months less)."""

    start: int
    end: int
    text: str
    months: float
    kind: str  # "exact", "over" or "almost"
    since: bool = False

    @property
    def slack(self) -> float:
        return 6.0 if self.months >= 12 else 1.0

    def holds(self, figure: float) -> bool:
        eps = 1e-6
        if self.kind == "over":
            return figure >= self.months + 1 - eps
        if self.kind == "almost":
            return figure >= self.months - self.slack - eps
        return figure >= self.months - eps


def _value(raw: str) -> float | None:
    if raw[0].isdigit():
        return float(raw.replace(",", "."))
    return _NUMBER_WORDS.get(" ".join(raw.lower().split()))


def duration_claims(text: str, *, today: date) -> list[DurationClaim]:
    """Every length of time `text` states, in order."""
    claims: list[DurationClaim] = []
    for m in _CLAIM.finditer(text):
        raw = m.group("n")
        value = _value(raw)
        word = raw.lower()
        if value is None or ((m.group("y") or "").lower() == "an" and word not in {"un", "1"}):
            continue
        if word in _LAST_WORDS and not m.group("d"):
            continue
        if m.group("y") and _AGE.match(text[m.end() :]):
            continue  # "35 years old" is an age
        months = value * (120 if m.group("d") else 1 if m.group("m") else 12)
        qualifier = fold(m.group("q") or "")
        kind = _QUALIFIER_KIND.get(qualifier, "exact")
        start = m.start("q") if m.group("q") else m.start("n")
        if qualifier == "uber" and _HAVE_DE.search(text[: m.start("q")]):
            kind, start = "exact", m.start("n")  # "verfüge über 4 Jahre": I have 4 years
        kind = "exact" if kind == "least" else kind
        words = " ".join(text[start : m.end()].split())
        claims.append(DurationClaim(start, m.end(), words, months, kind))
    now = month_point("present", end=True, today=today)
    assert now is not None
    for m in _SINCE.finditer(text):
        normalised = normalise_date(m.group("date"))
        begin = month_point(normalised, end=False, today=today) if normalised else None
        if begin is None:
            continue
        if len(normalised or "") == 4:  # a bare year: from its December at the least
            begin += 5
        claims.append(
            DurationClaim(
                m.start(),
                m.end(),
                " ".join(m.group(0).split()),
                max(0.0, now - begin),
                "exact",
                since=True,
            )
        )
    claims.sort(key=lambda c: c.start)
    return claims


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
