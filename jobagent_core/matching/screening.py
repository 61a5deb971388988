"""Stage 2: a precise screen of the top-K postings, by an LLM when one is configured,
otherwise by an explainable offline scorer. Both give a `ScreeningVerdict`.

    screened = screen(result.ranked_postings, profile, client)   # [(posting, verdict)]
    screening_usage(client)                 # LLM calls and tokens spent on screening

The offline scorer (`OfflineScreener`) is deterministic. Out of 100 points:

- skills (40): taxonomy skills the posting names in its title and bullet lines,
  matched against the profile's; full marks once 60% of them (of at most 8) match;
- title (30): closeness of the posting title to the person's titles (`TitleScorer`);
  a title of the regulated profession the person holds and has worked in counts
  at least 0.8, however the employer words it;
- seniority (15): the posting's level (field, title word, or a description written
  for beginners) against the person's (title words of the latest job, years of
  experience), and any "N+ years" asked;
- location (15): in the wanted place, remote and open to the person, or how far off.

The points are then multiplied by the posting's fit (`fit.FitJudge`, as in stage 1):
where the job is against the searched place (or the profile's home) and the remote
option, a level far from the person's years, a regulated profession the person does
not hold. Each ranks the posting down and says so: the place in the reasons ("In
Berlin", "Remote, open to Germany", "Remote but US only — ranked down"), level and
profession mismatches in the gaps.

A verdict is a match from MATCH_THRESHOLD (60) points, on both paths. The LLM gets
the profile's facts and the posting, must cite profile facts in its reasons, and its
matched skills are kept only when the profile has them; its score is held under 100 ×
the posting's fit factor (another place, level or regulated profession), with the
fit's gaps added, whatever the model says. When the LLM fails for a
posting (`LlmError`), that posting is scored offline and the verdict carries a warning.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import numpy as np
from numpy.typing import NDArray

from jobagent_core.discovery.filters import DEFAULT_REMOTE, RemoteOption
from jobagent_core.discovery.schema import PostingData
from jobagent_core.llm import LlmClient, LlmError, Message, Usage
from jobagent_core.matching.fit import LEVELS, Fit, FitJudge
from jobagent_core.matching.lexical import words
from jobagent_core.matching.profile_facts import ProfileFacts, Role, years_text
from jobagent_core.matching.schemas import (
    MATCH_THRESHOLD,
    LlmVerdict,
    PostingKey,
    ScreeningVerdict,
    Stage1Result,
)
from jobagent_core.matching.stage1 import DEFAULT_TOP_K, rank_postings
from jobagent_core.profiling.schemas import Profile
from jobagent_core.profiling.taxonomy import load_taxonomy

__all__ = [
    "SCREENING_STAGE",
    "MatchResult",
    "OfflineScreener",
    "match_postings",
    "screen",
    "screen_offline",
    "screening_usage",
]

log = logging.getLogger(__name__)

SCREENING_STAGE = "screening"  # the LLM usage meter's label
POINTS = {"skills": 40, "title": 30, "seniority": 15, "location": 15}
SKILL_SHARE_FOR_FULL_MARKS = 0.6
OWN_PROFESSION_TITLE = 0.8
SKILLS_CONSIDERED = 8
SHOWN = 6  # skills named in one reason or gap
LLM_DESCRIPTION_WORDS = 900
DEFAULT_CONCURRENCY = 4

_BULLET = re.compile(r"^\s*(?:[-*•·–—▪◦]|\d{1,2}[.)])\s+")
# A line stating the pay offered: it opens with a pay word followed by a colon, a
# figure or "according to" (in EN/DE/FR/ES), or it names an amount of money per
# period ("45 000 € brut annuel", "£14.50 per hour"). A budget to manage is neither.
_MONEY = r"(?:[€£$]\s?\d|\d[\d\s.,']*\s?(?:k\b|€|£|\$|eur\b|gbp\b|usd\b|chf\b))"
_PERIOD = (
    r"(?:brut|brutto|gross|per (?:year|annum|month|hour)|p\.\s?a\.|a year|an hour|/\s?(?:year"
    r"|yr|an|h|hr|hour|month|mois|monat|jahr|stunde)|par (?:an|mois|heure)|pro (?:jahr|monat"
    r"|stunde)|jährlich|monatlich|annuel|mensuel|al año|al mes|por hora)"
)
_PAY_LINE = re.compile(
    r"(?i)^\s*(?:[-*•·–—▪◦]\s*)?(?:(?:salary|pay|compensation|remuneration|rémunération"
    r"|salaire|gehalt|vergütung|verguetung|entgelt|sueldo|salario|retribución)\b\s*"
    r"(?:[:–—-]|\(|selon|suivant|according|nach|gemäß|laut|según|from|de\s+\d|ab\s|up to|bis"
    r"|jusqu|range|band)|.*" + _MONEY + r".*" + _PERIOD + r")"
)
_LEVEL_FIT = {0: 1.0, -1: 0.8, 1: 0.7, -2: 0.5, 2: 0.35}
_YEARS_ASKED = re.compile(
    r"(?<![\d.])(\d{1,2})\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years?|yrs|jahre?n?|ans|años)\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- offline scorer


class OfflineScreener:
    """The explainable offline verdict for one profile (build once, call per posting).

    `place` and `remote` are the search's location and remote option (None: the
    profile's home counts for place, at half weight)."""

    def __init__(
        self,
        profile: Profile | ProfileFacts,
        *,
        today: date | None = None,
        place: str | None = None,
        remote: RemoteOption = DEFAULT_REMOTE,
    ) -> None:
        self.facts = (
            profile if isinstance(profile, ProfileFacts) else ProfileFacts.of(profile, today=today)
        )
        self._taxonomy = load_taxonomy()
        self.judge = FitJudge(
            self.facts.profile,
            place=place,
            remote=remote,
            today=today,
            years=self.facts.years,
            level=self.facts.level,
        )

    def __call__(self, posting: PostingData) -> ScreeningVerdict:
        facts = self.facts
        text = f"{posting.title}\n{posting.description_text}"
        reasons: list[str] = []
        gaps: list[str] = []
        fit = self.judge(posting)

        matched, missing, skill_fit = self._skills(requirement_text(posting))
        title_fit = facts.titles.score(posting.title)
        if fit.profession.own:
            # A title of the person's own regulated profession is their job, however
            # the employer words it ("Vorarbeiter Elektroinstallation").
            title_fit = max(title_fit, OWN_PROFESSION_TITLE)
        role = self._closest_role(posting.title)
        if role is not None:
            reasons.append(role.describe())
        elif title_fit < 0.3:
            gaps.append(f"no job title close to '{posting.title}' in the profile")
        if matched:
            reasons.append("skills: " + ", ".join(facts.skills[s] for s in matched[:SHOWN]))
        if missing:
            gaps.append("missing skills: " + ", ".join(missing[:SHOWN]))
        if fit.profession.reason:
            reasons.append(fit.profession.reason)
        if fit.profession.gap:
            gaps.append(fit.profession.gap)
        seniority_fit = self._seniority(fit.posting_level, fit.level.gap, text, reasons, gaps)
        if fit.place.reason:
            reasons.append(fit.place.reason)
        if fit.place.gap:
            gaps.append(fit.place.gap)

        fits = {
            "skills": skill_fit,
            "title": title_fit,
            "seniority": seniority_fit,
            "location": fit.place.fit,
        }
        score = round(sum(POINTS[k] * fits[k] for k in POINTS) * fit.verdict_factor)
        return ScreeningVerdict(
            is_match=score >= MATCH_THRESHOLD,
            score=score,
            reasons=reasons,
            gaps=gaps,
            matched_skills=[facts.skills[s] for s in matched],
            missing_skills=missing,
            screened_by="offline",
        )

    def _skills(self, text: str) -> tuple[list[str], list[str], float]:
        """(matched, missing, fit): skills in order of first mention in the posting."""
        wanted: list[str] = []
        for m in self._taxonomy.skills.find(text):
            if m.skill not in wanted:
                wanted.append(m.skill)
        have = self.facts.skills
        matched = [s for s in wanted if s in have]
        missing = [s for s in wanted if s not in have]
        # Profile skills outside the taxonomy (e.g. from an LLM profile), said verbatim.
        folded = f" {' '.join(words(text))} "
        for key in have:
            plain = key not in matched and key == key.lower() and len(key) >= 3
            if plain and f" {' '.join(words(key))} " in folded:
                matched.append(key)
        if not wanted and len(matched) == 0:
            return matched, missing, 0.5  # the posting names no skill we know: no signal
        needed = max(1.0, min(len(wanted), SKILLS_CONSIDERED) * SKILL_SHARE_FOR_FULL_MARKS)
        return matched, missing, min(1.0, len(matched) / needed)

    def _closest_role(self, title: str) -> Role | None:
        best, best_score = None, 0.5  # at least this close to count as the same job
        for role, scorer in zip(self.facts.roles, self.facts.role_titles, strict=True):
            score = scorer.score(title) + (0.01 if role.current else 0.0)
            if score >= best_score:
                best, best_score = role, score
        return best

    def _seniority(
        self,
        level: int | None,
        ranked_down: str | None,
        text: str,
        reasons: list[str],
        gaps: list[str],
    ) -> float:
        facts = self.facts
        fit = 0.7  # unknown on either side
        if ranked_down:
            gaps.append(ranked_down)
        if level is not None and facts.level is not None:
            fit = _LEVEL_FIT.get(level - facts.level, 0.1)
            if abs(level - facts.level) >= 2 and not ranked_down:
                article = "an" if LEVELS[level][0] in "aeiou" else "a"
                gaps.append(
                    f"{article} {LEVELS[level]} role; the profile reads {LEVELS[facts.level]}"
                )
        asked = _years_asked(text)
        if asked and facts.years is not None and facts.years + 0.5 < asked:
            fit = min(fit, max(0.1, facts.years / asked))
            gaps.append(f"asks for {asked}+ years; the profile shows {years_text(facts.years)}")
        elif fit >= 0.7 and facts.years is not None and level is not None:
            reasons.append(f"{LEVELS[level]} role; {years_text(facts.years)} of experience")
        return fit


def requirement_text(posting: PostingData) -> str:
    """The title and the bullet lines of a posting (duties, requirements), where its
    skills are; the whole text when it has fewer than three bullets. Prose about
    the company ("we build invoicing software") names no skill the job needs, and
    what the job pays ("Rémunération : 45 000 €") is an offer, not a requirement."""
    lines = [line for line in posting.description_text.splitlines() if not _PAY_LINE.match(line)]
    bullets = [line for line in lines if _BULLET.match(line)]
    if len(bullets) < 3:
        return "\n".join([posting.title, *lines])
    return "\n".join([posting.title, *bullets])


def _years_asked(text: str) -> int | None:
    """The years of experience a posting asks for ("5+ years", "3-5 Jahre"), if any."""
    found = [int(m.group(1)) for m in _YEARS_ASKED.finditer(text)]
    plausible = [n for n in found if 1 <= n <= 15]
    return max(plausible) if plausible else None


def screen_offline(
    postings: Sequence[PostingData],
    profile: Profile,
    *,
    place: str | None = None,
    remote: RemoteOption = DEFAULT_REMOTE,
) -> list[ScreeningVerdict]:
    """Offline verdicts for `postings`, in order."""
    screener = OfflineScreener(profile, place=place, remote=remote)
    return [screener(p) for p in postings]


# --------------------------------------------------------------------------- LLM screen

SYSTEM_PROMPT = """You screen job postings for one candidate.
Judge only from the candidate profile and the posting below. Every reason must cite a \
fact from the profile: a job title with its years and employer, named skills, a degree, \
the location. Never invent experience, skills or qualifications the profile does not \
state. List plainly what the posting asks for that the profile lacks (gaps, \
missing_skills). matched_skills are skills named in both the profile and the posting, \
spelled as in the profile. Score lower, and say why in the gaps: a job away from the \
wanted place (remote roles limited to other countries or time zones too), a level far \
from the candidate's (a graduate role for someone with ten years, a lead role for a \
graduate), and a regulated profession (nurse, physician, pharmacist, electrician, \
teacher, lawyer...) whose licence the profile does not show. Score 0-100: 80 or more \
is a strong fit, 60-79 a plausible one, below 60 not a match; is_match is true exactly \
when score >= 60. Reply with JSON."""

_REMOTE_WANTED = {
    "anywhere": "remote roles from anywhere are welcome",
    "region": "remote roles only when open to the candidate's country or region",
    "no": "no remote roles (on-site or hybrid only)",
}


def search_brief(place: str | None, remote: RemoteOption) -> str:
    """What the person searched for, as the LLM screen is told it."""
    where = f"jobs in {place}" if place else "no place given (see the candidate's location)"
    return f"Searching for: {where}; {_REMOTE_WANTED[remote]}"


def profile_brief(facts: ProfileFacts) -> str:
    """The profile facts an LLM screen gets, one per line."""
    p = facts.profile
    lines = [f"Location: {p.location or 'not stated'}"]
    if facts.years is not None:
        lines.append(f"Experience in total: {years_text(facts.years)}")
    for entry, role in zip(p.experience, facts.roles, strict=True):
        dates = " – ".join(d for d in (entry.start, entry.end) if d)
        length = f", {years_text(role.years)}" if role.years is not None else ""
        where = f" at {entry.employer}" if entry.employer else ""
        lines.append(f"- {entry.title}{where} ({dates or 'undated'}{length})")
    if p.skills:
        lines.append("Skills: " + ", ".join(p.skills))
    if p.education:
        lines.append("Education: " + "; ".join(e.degree for e in p.education))
    if p.languages:
        langs = [f"{x.language} ({x.level})" if x.level else x.language for x in p.languages]
        lines.append("Languages: " + ", ".join(langs))
    if p.suggested_job_titles:
        lines.append("Target titles: " + ", ".join(p.suggested_job_titles))
    if p.summary:
        lines.append("Summary: " + " ".join(p.summary.split()))
    return "\n".join(lines)


def posting_brief(posting: PostingData) -> str:
    """The posting as an LLM screen sees it (description cut to ~900 words)."""
    where = posting.location or "not stated"
    facts = [
        f"Title: {posting.title}",
        f"Company: {posting.company}",
        f"Location: {where}{' (remote)' if posting.remote else ''}",
    ]
    if posting.seniority:
        facts.append(f"Seniority: {posting.seniority}")
    if posting.employment_type:
        facts.append(f"Employment: {posting.employment_type.replace('_', ' ')}")
    description = " ".join(posting.description_text.split()[:LLM_DESCRIPTION_WORDS])
    return "\n".join(facts) + f"\nDescription:\n{description}"


def screening_messages(
    facts: ProfileFacts, posting: PostingData, search: str | None = None
) -> list[Message]:
    wanted = f"\n{search}" if search else ""
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {
            "role": "user",
            "content": f"CANDIDATE PROFILE\n{profile_brief(facts)}{wanted}\n\n"
            f"JOB POSTING\n{posting_brief(posting)}",
        },
    ]


def _checked(reply: LlmVerdict, facts: ProfileFacts) -> ScreeningVerdict:
    """The LLM's verdict with matched skills the profile does not have dropped and
    `is_match` following the score, as on the offline path."""
    own = {s.lower() for s in facts.profile.skills} | {k.lower() for k in facts.skills}
    matched = [s for s in reply.matched_skills if s.lower() in own]
    if len(matched) < len(reply.matched_skills):
        log.info("llm screen named skills the profile lacks; dropped them")
    return ScreeningVerdict(
        is_match=reply.score >= MATCH_THRESHOLD,
        score=reply.score,
        reasons=reply.reasons,
        gaps=reply.gaps,
        matched_skills=matched,
        missing_skills=reply.missing_skills,
        screened_by="llm",
    )


def _capped(verdict: ScreeningVerdict, fit: Fit) -> ScreeningVerdict:
    """The LLM's verdict held under what the facts allow: a posting in another place,
    far from the person's level or of a regulated profession they do not hold scores
    at most 100 × its fit factor, whatever the model says (it is told these rules,
    but a model may not follow them). The fit's gaps say why."""
    cap = round(100 * fit.verdict_factor)
    if verdict.score <= cap:
        return verdict
    gaps = [*verdict.gaps, *(g for g in fit.gaps if g not in verdict.gaps)]
    return verdict.model_copy(
        update={"score": cap, "is_match": cap >= MATCH_THRESHOLD, "gaps": gaps}
    )


def screen(
    postings: Sequence[PostingData],
    profile: Profile,
    client: LlmClient | None = None,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    today: date | None = None,
    place: str | None = None,
    remote: RemoteOption = DEFAULT_REMOTE,
) -> list[tuple[PostingData, ScreeningVerdict]]:
    """A verdict for each posting, in order: one LLM call per posting when `client`
    is given (at most `concurrency` at a time), the offline scorer otherwise. Pass
    only the stage-1 top K. A posting whose LLM call fails (`LlmError`) gets the
    offline verdict, with `warning` saying why; nothing is raised for it. `place`
    and `remote` are the search's location and remote option: the offline scorer
    ranks by them, the LLM is told them."""
    offline = OfflineScreener(profile, today=today, place=place, remote=remote)
    if client is None or not postings:
        return [(p, offline(p)) for p in postings]
    search = search_brief(place, remote) if place or remote != DEFAULT_REMOTE else None

    def one(posting: PostingData) -> ScreeningVerdict:
        try:
            result = client.complete_structured(
                screening_messages(offline.facts, posting, search),
                LlmVerdict,
                name="screening",
                stage=SCREENING_STAGE,
                temperature=0.0,
            )
        except LlmError as err:
            warning = f"LLM screening failed, scored offline instead: {err}"
            log.warning("posting %s/%s: %s", posting.source, posting.source_id, warning)
            return offline(posting).model_copy(update={"warning": warning})
        return _capped(_checked(result.parsed, offline.facts), offline.judge(posting))

    workers = max(1, min(concurrency, len(postings)))
    with ThreadPoolExecutor(workers, thread_name_prefix="screen") as pool:
        verdicts = list(pool.map(one, postings))
    return list(zip(postings, verdicts, strict=True))


def screening_usage(client: LlmClient) -> Usage:
    """LLM calls and tokens spent on screening so far by `client`."""
    return client.usage_by_stage.get(SCREENING_STAGE, Usage())


# --------------------------------------------------------------------------- both stages


@dataclass
class MatchResult:
    """Stage 1 over every posting found, and the verdicts for its top K."""

    stage1: Stage1Result
    screened: list[tuple[PostingData, ScreeningVerdict]]

    @property
    def matches(self) -> list[tuple[PostingData, ScreeningVerdict]]:
        """The screened postings judged a match, best score first."""
        found = [pair for pair in self.screened if pair[1].is_match]
        return sorted(found, key=lambda pair: -pair[1].score)


def match_postings(
    profile: Profile,
    postings: Sequence[PostingData],
    cached: Mapping[PostingKey, NDArray[np.floating]] | None = None,
    client: LlmClient | None = None,
    *,
    top_k: int = DEFAULT_TOP_K,
    concurrency: int = DEFAULT_CONCURRENCY,
    place: str | None = None,
    remote: RemoteOption = DEFAULT_REMOTE,
) -> MatchResult:
    """Both stages: rank every posting locally, screen only the `top_k` best (so at
    most `top_k` LLM calls, however many postings were found). `place` and `remote`
    are the search's location and remote option."""
    stage1 = rank_postings(profile, postings, cached, top_k=top_k, place=place, remote=remote)
    top = [ranked.posting for ranked in stage1.ranked]
    screened = screen(top, profile, client, concurrency=concurrency, place=place, remote=remote)
    return MatchResult(stage1, screened)
