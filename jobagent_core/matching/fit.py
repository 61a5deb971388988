"""How a posting fits the person beyond skills and titles: where the job is, its
level, and the regulated profession it belongs to. Both matching stages use it:
stage 1 multiplies its score by `Fit.factor`, the offline screen its points, so a
posting that is elsewhere, far above or below the person's level, or of a regulated
profession they do not hold is ranked down, and the verdict says why.

    judge = FitJudge(profile, place="Berlin", remote="region")
    fit = judge(posting)
    fit.factor            # in (0, 1]: 1 keeps the score, lower ranks the posting down
    fit.place.reason      # "In Berlin", "Remote but US only — ranked down"
    fit.level.gap         # "a graduate role; the profile shows 11 years of experience ..."
    fit.profession.gap    # "a pharmacist role needs a licence as a pharmacist ...; ..."

Place, best first (factors for a searched place; the profile's home, used when the
search names no place, weighs half as much):

1. on-site or hybrid in the wanted city or its metro area (or country, or region,
   when that is what was searched), and remote roles open to the person's country
   or region (worldwide, "Remote (Germany)", "Remote – Europe", "CET ± 2h"): 1.0;
   remote roles that state no limit: 0.95;
2. postings that state no place at all ("location not stated"): 0.8;
3. remote roles tied to another country of the same region (a remote role in
   Madrid for Berlin): 0.7 (0.85 with remote="anywhere");
4. remote roles tied to another region or its time zones ("Remote - US only",
   "Remote (EST)", "Remote, APAC"): 0.55 (0.7 with remote="anywhere");
5. on-site elsewhere: same country 0.4, same region 0.3, elsewhere 0.2.
   Remote roles when the person wants none: 0.4.

Level: graduate, junior and intern roles for people with years of experience, and
senior, lead and executive roles for people with few, are ranked down (down to 0.45),
by years of experience: `Profile.experience_years` when the profile has it, else
worked out from the dated jobs.

Profession (`professions.py`): a posting of a regulated profession the person does
not hold (a pharmacist post for a nurse, a lecturer post asking for a PhD for a
primary teacher) gets 0.3; one needing the qualification the person is still
training for (an electrician post for an apprentice) 0.45; a helper role in the
person's own profession (an electrician's mate for a qualified electrician) 0.75.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from jobagent_core.discovery.filters import (
    DEFAULT_REMOTE,
    PostingPlace,
    RemoteOption,
    posting_place,
    read_wanted,
)
from jobagent_core.discovery.places import Places, fold, place_name, places_in, words
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.seniority import description_seniority, title_seniority
from jobagent_core.matching.professions import Holdings, licence_named, profession_of
from jobagent_core.profiling.profile_store import experience_years
from jobagent_core.profiling.schemas import ExperienceEntry, Profile
from jobagent_core.profiling.taxonomy import Taxonomy, load_taxonomy

__all__ = [
    "LEVELS",
    "Fit",
    "FitJudge",
    "Part",
    "Wanted",
    "posting_level",
    "profile_level",
    "profile_years",
]

LEVELS = ("intern", "junior", "mid", "senior", "lead", "principal", "executive")
# Title words (taxonomy titles.yaml seniority keys) -> level index.
_TITLE_LEVELS = {"Intern": 0, "Junior": 1, "Senior": 3, "Lead": 4, "Staff": 4,
                 "Principal": 5, "Head of": 5, "Chief": 6}  # fmt: skip

# Place factors for a searched place (see the module docstring).
HERE = 1.0
REMOTE_UNLIMITED = 0.95
UNSTATED = 0.8
UNRECOGNISED = 0.7
REMOTE_NEAR = {"anywhere": 0.85, "region": 0.7, "no": 0.4}
REMOTE_FAR = {"anywhere": 0.7, "region": 0.55, "no": 0.4}
REMOTE_UNWANTED = 0.4
AWAY_COUNTRY, AWAY_REGION, AWAY = 0.4, 0.3, 0.2
HOME_WEIGHT = 0.5  # the profile's home, when no place was searched, weighs this much
# Profession factors.
OTHER_PROFESSION = 0.3
STILL_TRAINING = 0.45
HELPER_ROLE = 0.75
RANKED_DOWN = " — ranked down"


# --------------------------------------------------------------------------- the person


def is_current(entry: ExperienceEntry) -> bool:
    return entry.current or (entry.end or "").lower() == "present"


def profile_years(profile: Profile, today: date | None = None) -> float | None:
    """Years of experience: the profile's computed `experience_years` when it has
    one, else worked out from its dated jobs; 0 for a CV with education and no job
    (a graduate); None when the jobs are undated."""
    stored = getattr(profile, "experience_years", None)
    if isinstance(stored, int | float):
        return float(stored)
    if not profile.experience and profile.education:
        return 0.0
    # The profile's one computation (overlaps once, never rounded up), as letters use.
    return experience_years(profile, today=today or datetime.now(UTC).date())


def profile_level(
    titles: list[tuple[str, bool]], years: float | None, taxonomy: Taxonomy
) -> int | None:
    """The person's level from their latest job title (`titles`: (title, current)
    pairs, latest first) and years of experience."""
    from_years = None if years is None else (1 if years < 2 else 2 if years < 5 else 3)
    latest = next((t for t, current in titles if current), titles[0][0] if titles else None)
    if latest is None:
        return from_years
    word = taxonomy.titles.split_seniority(latest)[0]
    from_title = _TITLE_LEVELS.get(word) if word else None
    if from_title is None:
        # Entry-level words anywhere in the title ("Werkstudent Data Engineering").
        said = title_seniority(latest)
        from_title = LEVELS.index(said) if said in ("intern", "junior") else None
    if from_title is None:
        return from_years
    return max(from_title, from_years or 0)


def posting_level(posting: PostingData, taxonomy: Taxonomy) -> int | None:
    """The level a posting states: the source's field, a level word in its title, or
    a description written for beginners ("graduate programme", "Berufseinsteiger")."""
    if posting.seniority:
        return LEVELS.index(posting.seniority)
    word = taxonomy.titles.split_seniority(posting.title)[0]
    if word in _TITLE_LEVELS:
        return _TITLE_LEVELS[word]
    said = title_seniority(posting.title) or description_seniority(posting.description_text)
    return LEVELS.index(said) if said else None


def _years(value: float) -> str:
    if value < 1:
        return "under a year"
    n = int(value)
    return "1 year" if n == 1 else f"{n} years"


# --------------------------------------------------------------------------- parts


@dataclass(frozen=True)
class Part:
    """One side of the fit: `factor` multiplies the score (1 keeps it), `reason` and
    `gap` explain it; `fit` (place only) is the 0-1 location share of the offline score."""

    factor: float = 1.0
    reason: str | None = None
    gap: str | None = None
    fit: float = 0.5
    # profession only: the posting's title names a regulated profession the person
    # is qualified in and has worked in (an "Obermonteur Elektro" for an electrician)
    own: bool = False


@dataclass(frozen=True)
class Fit:
    place: Part
    level: Part
    profession: Part
    posting_level: int | None
    searched: bool = True  # the place is the searched one, not the profile's home

    @property
    def factor(self) -> float:
        """The stage-1 multiplier: place, level and profession."""
        return self.place.factor * self.level.factor * self.profession.factor

    @property
    def verdict_factor(self) -> float:
        """The multiplier of a screening verdict's points. Place counts only when it
        was searched: the profile's home orders postings (stage 1, the location
        points) but does not decide whether a posting is a match."""
        place = self.place.factor if self.searched else 1.0
        return place * self.level.factor * self.profession.factor

    @property
    def reasons(self) -> list[str]:
        return [p.reason for p in (self.place, self.profession, self.level) if p.reason]

    @property
    def gaps(self) -> list[str]:
        return [p.gap for p in (self.place, self.profession, self.level) if p.gap]


@dataclass(frozen=True)
class Wanted:
    """The place a search is for: the searched location, else the profile's home.

    `label` is how it is named in reasons ("Berlin"); `home` the places that decide
    whether a remote role is open to the person (their country and region)."""

    label: str
    places: Places
    text: str  # folded words, for places the gazetteer does not know
    searched: bool
    on_site: bool
    home: Places

    @classmethod
    def of(cls, place: str | None, profile: Profile) -> Wanted | None:
        home = places_in(profile.location) if profile.location else None
        if place:
            text, on_site, _ = read_wanted(place)
            if text:
                found = places_in(text)
                label = _label(found) or " ".join(place.split())
                mine = found if found.known else (home or found)
                return cls(label, found, text, True, on_site, mine)
            if home is None:
                return None
            return cls(profile.location or "", home, words(profile.location or ""), False,
                       on_site, home)  # fmt: skip
        if home is None or profile.location is None:
            return None
        return cls(profile.location, home, words(profile.location), False, False, home)

    def country_label(self) -> str:
        """The person's country (or region), for "Remote, open to Germany"."""
        if self.home.countries:
            return ", ".join(place_name(c) for c in sorted(self.home.countries))
        if self.home.regions:
            return ", ".join(place_name(r) for r in sorted(self.home.regions))
        return self.label


def _label(found: Places) -> str | None:
    if found.cities:
        return place_name(sorted(found.cities)[0])
    if found.countries:
        return ", ".join(place_name(c) for c in sorted(found.countries))
    if found.regions:
        return ", ".join(place_name(r) for r in sorted(found.regions))
    return None


def _inside(theirs: Places, mine: Places) -> bool:
    """Whether a posting's place lies in the wanted one, at the finest level the
    wanted one names (a city means its metro area)."""
    if mine.worldwide:
        return True
    if mine.cities:
        return bool(theirs.metros & mine.metros)
    if mine.countries:
        return bool(theirs.countries & mine.countries)
    return bool(theirs.regions & mine.regions)


_SCOPE_NOISE = re.compile(
    r"(?i)\b(?:fully |100 ?% ?)?(?:remote(?:ly)?|work from home|home ?office|teletravail|remoto"
    r"|only|(?:from )?anywhere (?:in|within|across|from)(?: the)?)\b|[()\[\]]"
)


def _scope(where: PostingPlace) -> str:
    """How a remote role's limit reads: "US only", "on EST hours", "tied to Madrid, Spain"."""
    scope = where.places
    if scope.zones and not scope.countries and not scope.cities:
        return "on " + "/".join(z.upper() for z in sorted(scope.zones)) + " hours"
    if scope.cities and where.source == "location":
        return f"tied to {where.text}"
    said = " ".join(_SCOPE_NOISE.sub(" ", where.text).split()).strip(" ,;:-–—")
    if where.source != "location" or not said:
        said = _label(scope) or where.text
    return f"{said} only"


class FitJudge:
    """The place, level and profession fit of postings for one person and search.

    `place` is the searched location (None: the profile's home counts, at half
    weight); `remote` the search's remote option."""

    def __init__(
        self,
        profile: Profile,
        *,
        place: str | None = None,
        remote: RemoteOption = DEFAULT_REMOTE,
        today: date | None = None,
        years: float | None = None,
        level: int | None = None,
    ) -> None:
        self.profile = profile
        self.remote = remote
        self.wanted = Wanted.of(place, profile)
        self._taxonomy = load_taxonomy()
        self.years = years if years is not None else profile_years(profile, today)
        if level is None:
            titles = [(e.title, is_current(e)) for e in profile.experience]
            level = profile_level(titles, self.years, self._taxonomy)
        self.level = level
        self.holdings = Holdings.of(profile)

    def __call__(self, posting: PostingData, *, quote: bool = True) -> Fit:
        """The fit of `posting`. `quote=False` skips quoting the licence a posting
        asks for in the profession gap (stage 1 needs the factors only)."""
        level = posting_level(posting, self._taxonomy)
        return Fit(
            place=self._place(posting),
            level=self._level(posting, level),
            profession=self._profession(posting, quote),
            posting_level=level,
            searched=self.wanted is not None and self.wanted.searched,
        )

    # ------------------------------------------------------------------- place

    def _weighed(self, factor: float) -> float:
        if self.wanted is not None and not self.wanted.searched:
            return 1 - (1 - factor) * HOME_WEIGHT
        return factor

    def _place(self, posting: PostingData) -> Part:
        where = posting_place(posting)
        wanted = self.wanted
        if wanted is None:
            if where.remote:
                return Part(reason="remote role", fit=1.0)
            return Part()
        if where.remote:
            return self._remote(where, wanted)
        if where.source == "none":
            return Part(
                self._weighed(UNSTATED),
                reason="Location not stated — ranked below known places",
                gap="the posting does not say where the job is",
                fit=UNSTATED,
            )
        theirs, mine = where.places, wanted.places
        said = where.text + (" (from the description)" if where.source == "description" else "")
        if not (theirs.known and mine.known):
            phrase = rf"(?<![a-z0-9]){re.escape(wanted.text)}(?![a-z0-9])"
            if wanted.text and re.search(phrase, words(where.text)):
                return self._here(where, said)
            if not mine.known:
                return Part()  # an unknown wanted place: nothing to compare
            reason = f"In {said} (place not recognised)"
            return Part(self._weighed(UNRECOGNISED), reason=reason, fit=UNRECOGNISED)
        if _inside(theirs, mine):
            return self._here(where, said)
        if mine.cities and not theirs.cities and theirs.countries & mine.countries:
            # "Deutschland" for Berlin: somewhere in the country, maybe here.
            reason = f"In {said}, city not stated — ranked below known places"
            return Part(self._weighed(UNSTATED), reason=reason, fit=UNSTATED)
        if theirs.countries & wanted.home.countries:
            factor = AWAY_COUNTRY
        elif theirs.regions & wanted.home.regions:
            factor = AWAY_REGION
        else:
            factor = AWAY
        fit = factor
        if not wanted.searched:
            home = wanted.label
            if factor == AWAY_COUNTRY:
                reason = f"based in {home}; the role is in {said}, same country{RANKED_DOWN}"
                return Part(self._weighed(factor), reason=reason, fit=fit)
            gap = f"the role is in {said} (not remote); the profile is based in {home}"
            return Part(self._weighed(factor), f"In {said}{RANKED_DOWN}", gap, fit)
        gap = f"the role is in {said} (not remote); you searched for {wanted.label}"
        return Part(factor, f"In {said}, not {wanted.label}{RANKED_DOWN}", gap, fit)

    def _here(self, where: PostingPlace, said: str) -> Part:
        wanted = self.wanted
        assert wanted is not None
        if not wanted.searched:
            return Part(HERE, reason=f"based in {wanted.label}, where the role is", fit=1.0)
        theirs, mine = where.places, wanted.places
        if mine.cities and theirs.cities and not (theirs.cities & mine.cities):
            town = place_name(sorted(theirs.cities)[0])
            reason = f"In {town}, near {wanted.label}"
        elif mine.cities and where.source == "location":
            reason = f"In {wanted.label}"
        else:
            reason = f"In {said}"
        if where.hybrid and "hybrid" not in reason.lower():
            reason += " (hybrid)"
        if where.source == "description" and "description" not in reason:
            reason += " (from the description)"
        return Part(HERE, reason=reason, fit=1.0)

    def _remote(self, where: PostingPlace, wanted: Wanted) -> Part:
        who = (
            f"you searched for {wanted.label}"
            if wanted.searched
            else f"the profile is based in {wanted.label}"
        )
        if self.remote == "no" or wanted.on_site:
            return Part(
                self._weighed(REMOTE_UNWANTED),
                reason=f"Remote role; you asked for on-site or hybrid work{RANKED_DOWN}",
                gap="a remote role; the search asks for on-site or hybrid work",
                fit=0.2,
            )
        scope, home = where.places, wanted.home
        limited = bool(scope.cities or scope.countries or scope.regions)
        if not limited:
            if scope.worldwide:
                return Part(HERE, reason="Remote, open worldwide", fit=1.0)
            reason = "Remote, no place limit stated" if wanted.searched else "remote role"
            return Part(self._weighed(REMOTE_UNLIMITED), reason=reason, fit=1.0)
        if not home.known:
            return Part(HERE, reason=f"Remote ({where.text})", fit=1.0)
        if scope.cities and wanted.places.cities and scope.metros & wanted.places.metros:
            return Part(HERE, reason=f"Remote or in {wanted.label}", fit=1.0)
        # Open to the person: their country named, or their region (when the role
        # names no country, or the person asked for a whole region).
        in_region = bool(scope.regions & home.regions)
        open_to_me = (
            scope.worldwide
            or bool(scope.countries & home.countries)
            or (in_region and not (scope.countries and home.countries))
        )
        if open_to_me:
            return Part(HERE, reason=f"Remote, open to {wanted.country_label()}", fit=1.0)
        factor = (REMOTE_NEAR if in_region else REMOTE_FAR)[self.remote]
        limit = where.text if where.source == "location" else _scope(where)
        return Part(
            self._weighed(factor),
            reason=f"Remote but {_scope(where)}{RANKED_DOWN}",
            gap=f"remote, but limited to {limit}; {who}",
            fit=factor,
        )

    # ------------------------------------------------------------------- level

    def _level(self, posting: PostingData, level: int | None) -> Part:
        years, mine = self.years, self.level
        if level is None or (years is None and mine is None):
            return Part()
        experience = (
            f"{_years(years)} of experience"
            if years is not None
            else f"a {LEVELS[mine or 0]} level"
        )
        factor = 1.0
        if level <= 1:  # intern, junior
            seasoned = max(years or 0.0, {3: 5.0, 4: 7.0, 5: 9.0, 6: 10.0}.get(mine or 0, 0.0))
            steps = (
                ((1, 1.0), (3, 0.8), (5, 0.6)) if level == 0 else ((3, 1.0), (5, 0.85), (8, 0.65))
            )
            factor = next(
                (f for limit, f in steps if seasoned < limit), 0.45 if level == 0 else 0.55
            )
        elif level >= 3 and (mine is None or mine < level - 1):
            need = {3: 4.0, 4: 6.0, 5: 8.0, 6: 10.0}[min(level, 6)]
            have = years if years is not None else {0: 0.0, 1: 1.0, 2: 3.0}.get(mine or 0, need)
            ratio = have / need
            factor = 1.0 if ratio >= 1 else 0.85 if ratio >= 0.6 else 0.65 if ratio >= 0.3 else 0.45
        if factor >= 1:
            return Part()
        word = _level_word(posting.title, level)
        article = "an" if word[0] in "aeiou" else "a"
        return Part(
            factor, gap=f"{article} {word} role; the profile shows {experience}{RANKED_DOWN}"
        )

    # ------------------------------------------------------------------- profession

    def _profession(self, posting: PostingData, quote: bool = True) -> Part:
        found = profession_of(posting.title)
        if found is None:
            return Part()
        profession, grade = found
        held = self.holdings.grades.get(profession.key)
        if grade == "helper":
            if held == "qualified":
                gap = (
                    f"an assistant role below the profile's qualification as "
                    f"{profession.label}{RANKED_DOWN}"
                )
                return Part(HELPER_ROLE, gap=gap)
            return Part()
        if grade == "trainee":
            return Part()  # training needs no licence; the level says the rest
        if held == "qualified":
            evidence = self.holdings.evidence[profession.key]
            if profession.key in self.holdings.worked_as:
                return Part(reason=f"qualified {profession.label} ({evidence})", own=True)
            return Part(reason=f"has what a {profession.label} role needs ({evidence})")
        asked = licence_named(profession, posting.description_text) if quote else None
        needs = f"needs {asked}" if asked else f"needs {profession.needs}"
        if held == "trainee":
            evidence = self.holdings.evidence[profession.key]
            gap = (
                f"a qualified {profession.label} role ({needs}); the profile shows "
                f"training only ({evidence}){RANKED_DOWN}"
            )
            return Part(STILL_TRAINING, gap=gap)
        others = self.holdings.labels()
        shows = (
            f"the profile shows {', '.join(others)}, not {profession.label}"
            if others
            else (f"the profile shows no {profession.label} qualification")
        )
        return Part(
            OTHER_PROFESSION, gap=f"a {profession.label} role {needs}; {shows}{RANKED_DOWN}"
        )


_LEVEL_WORDS = (
    ("graduate", "graduate"), ("absolvent", "graduate"), ("new grad", "graduate"),
    ("berufseinst", "entry-level"), ("berufsanfang", "entry-level"), ("entry", "entry-level"),
    ("newly qualified", "newly qualified"), ("jeune diplome", "graduate"),
    ("werkstudent", "working-student"), ("working student", "working-student"),
    ("apprenti", "apprentice"), ("ausbildung", "apprentice"), ("auszubild", "apprentice"),
    ("azubi", "apprentice"), ("trainee", "trainee"), ("praktik", "intern"),
    ("internship", "intern"), ("intern", "intern"), ("stagiaire", "intern"),
    ("junior", "junior"), ("assistant", "assistant"),
)  # fmt: skip


_LEVEL_MARKERS = tuple((re.compile(rf"\b{re.escape(m)}"), word) for m, word in _LEVEL_WORDS)


def _level_word(title: str, level: int) -> str:
    """How a posting's level reads: its own word when the title has one ("graduate",
    "apprentice"), else the level's name."""
    folded = fold(title)
    if level <= 1:
        for marker, word in _LEVEL_MARKERS:
            if marker.search(folded):
                return word
    return LEVELS[level]
