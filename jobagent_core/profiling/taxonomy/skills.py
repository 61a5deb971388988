"""Finding the taxonomy's skills in text: the `Skill` entries of skills.yaml and the
`SkillMatcher` that finds them all with one compiled regex.

The largest part of the taxonomy, with rules of its own (ambiguous short aliases,
negations, masked URLs) that titles and places do not share.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jobagent_core.profiling.taxonomy import aliases
from jobagent_core.profiling.taxonomy.aliases import (
    TaxonomyError,
    alias_key,
    alias_tokens,
    string_list,
)
from jobagent_core.profiling.taxonomy.prebuilt import Regexes

# Families whose skills make an ambiguous alias of the key family believable on one line.
_RELATED: dict[str, tuple[str, ...]] = {
    "software": ("software", "data", "engineering"),
    "data": ("data", "software", "finance"),
    "engineering": ("engineering", "software", "trades"),
    "design": ("design", "software", "marketing", "product"),
    "trades": ("trades", "engineering"),
    "sales": ("sales", "marketing", "product", "customer_service"),
    "finance": ("finance", "data", "general"),
    "general": (
        "general", "product", "software", "data", "operations", "customer_service",
        "hr", "finance", "sales", "marketing", "education",
    ),
}  # fmt: skip

# Words in front of / behind an ambiguous alias that make it an ordinary word
# ("Grade C", "Plan B", "R&D", "Go-to-market", "C-level", "R. Smith").
_STRICT_REJECT_BEFORE = re.compile(
    r"(?i:\b(?:grade|grades|note|noten|level|niveau|stufe|klasse|class|vitamin|plan|type|typ|"
    r"category|kategorie|size|section|part|teil|room|block|hall|gate|floor|unit|wing|station|"
    r"tier|phase|step|option|version|series|model|mark|score|mr|mrs|ms|dr|prof|team|row)"
    r"\.?\s*)$|[&'’]$"
)
_STRICT_REJECT_AFTER = re.compile(r"^(?:&|\s&|['’]s\b|-\w|\.\w|\.\s*[A-Z][a-z])")

# A negating prefix glued to a skill: "Non-invasive", "nicht-invasive", "sans contact".
_NEGATED = re.compile(
    r"(?i)(?<![\w])(?:(?:non|nicht|anti|un)\s?-\s?|(?:non|nicht|sans|ohne|without)\s+)$"
)
_LEFT = r"(?<![\w+#.@])"
_RIGHT = r"(?![\w+#])"
_MASK = re.compile(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:linkedin|github|gitlab|xing|"
    r"behance|dribbble|medium|stackoverflow|kaggle|bitbucket)\.(?:com|org|io|net)(?:/\S*)?"
    r"|\b(?:github|gitlab|bitbucket|linkedin)\s*[:\-–]\s*(?=(?:https?://|www\.)?"
    r"(?:github|gitlab|bitbucket|linkedin)\.)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Skill:
    """A canonical skill. `aliases` ignore case; `cs` and `strict` are case-sensitive."""

    name: str
    family: str
    aliases: tuple[str, ...]
    cs: tuple[str, ...] = ()
    strict: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    reject_before: re.Pattern[str] | None = None
    reject_after: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class SkillMatch:
    """One occurrence of a skill: canonical `skill` found as `text` at `start:end`."""

    skill: str
    family: str
    start: int
    end: int
    text: str


def _parse_skill(entry: Any, family: str) -> Skill:
    where = f"skills.yaml [{family}] {entry!r}"
    if isinstance(entry, str):
        return Skill(entry.strip(), family, (entry.strip(),))
    if isinstance(entry, list):
        names = string_list(entry, where)
        if not names:
            raise TaxonomyError(f"{where}: empty entry")
        return Skill(names[0], family, names)
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise TaxonomyError(f"{where}: expected a name, a list or a mapping with 'name'")
    unknown = set(entry) - {
        "name", "aliases", "cs", "strict", "context", "reject_before", "reject_after",
    }  # fmt: skip
    if unknown:
        raise TaxonomyError(f"{where}: unknown keys {sorted(unknown)}")
    name = entry["name"].strip()
    cs = string_list(entry.get("cs"), where)
    strict = string_list(entry.get("strict"), where)
    aliases = string_list(entry.get("aliases"), where)
    if name not in cs and name not in strict:
        aliases = (name, *aliases)
    patterns: dict[str, re.Pattern[str] | None] = {}
    for side in ("reject_before", "reject_after"):
        raw = entry.get(side)
        try:
            patterns[side] = re.compile(raw) if isinstance(raw, str) else None
        except re.error as exc:
            raise TaxonomyError(f"{where}: {side} is not a valid regex: {exc}") from exc
    return Skill(
        name=name,
        family=family,
        aliases=aliases,
        cs=cs,
        strict=strict,
        context=string_list(entry.get("context"), where),
        reject_before=patterns["reject_before"],
        reject_after=patterns["reject_after"],
    )


def parse_skills(data: Any) -> list[Skill]:
    if not isinstance(data, dict):
        raise TaxonomyError("skills.yaml: expected a mapping of family -> list of skills")
    skills: list[Skill] = []
    for family, entries in data.items():
        if not isinstance(entries, list):
            raise TaxonomyError(f"skills.yaml [{family}]: expected a list")
        skills.extend(_parse_skill(entry, str(family)) for entry in entries)
    return skills


@dataclass(frozen=True, slots=True)
class _Exact:
    skill: Skill
    strict: bool


class SkillMatcher:
    """Finds taxonomy skills in text with one compiled regex."""

    def __init__(self, skills: Sequence[Skill], regexes: Regexes | None = None) -> None:
        self.by_name: dict[str, Skill] = {}
        self._folded: dict[str, Skill] = {}
        self._exact: dict[str, _Exact] = {}
        for skill in skills:
            if skill.name in self.by_name:
                raise TaxonomyError(f"skills.yaml: skill {skill.name!r} is listed twice")
            self.by_name[skill.name] = skill
            for alias in skill.aliases:
                self._add_folded(alias, skill)
            for alias, strict in [(a, False) for a in skill.cs] + [(a, True) for a in skill.strict]:
                key = alias_key(alias, lower=False)
                other = self._exact.get(key)
                if other and other.skill is not skill:
                    raise TaxonomyError(
                        f"skills.yaml: alias {alias!r} belongs to {other.skill.name!r} and "
                        f"{skill.name!r}"
                    )
                self._exact[key] = _Exact(skill, strict)
        for key, owner in self._exact.items():
            if key.lower() in self._folded:
                raise TaxonomyError(
                    f"skills.yaml: case-sensitive alias {key!r} of {owner.skill.name!r} is "
                    f"also a case-insensitive alias of {self._folded[key.lower()].name!r}"
                )
        self._regex = (regexes or Regexes()).compile("skills", self._pattern, re.IGNORECASE)

    def _pattern(self) -> str:
        folded = aliases.trie_pattern(alias_tokens(a, lower=True) for a in self._folded)
        exact = aliases.trie_pattern(alias_tokens(a, lower=False) for a in self._exact)
        return f"{_LEFT}(?:{folded}|(?-i:{exact})){_RIGHT}"

    def _add_folded(self, alias: str, skill: Skill) -> None:
        key = alias_key(alias, lower=True)
        if sum(ch.isalnum() for ch in key) <= 2 and key.replace(" ", "").isalnum():
            raise TaxonomyError(
                f"skills.yaml: alias {alias!r} of {skill.name!r} is too short to ignore "
                "case; list it under cs or strict"
            )
        other = self._folded.get(key)
        if other and other is not skill:
            raise TaxonomyError(
                f"skills.yaml: alias {alias!r} belongs to {other.name!r} and {skill.name!r}"
            )
        self._folded[key] = skill

    @property
    def alias_count(self) -> int:
        return len(self._folded) + len(self._exact)

    def find(self, text: str, trusted: Sequence[tuple[int, int]] = ()) -> list[SkillMatch]:
        """Every skill occurrence in `text`, in order. URLs and e-mail addresses are
        ignored. `trusted` spans (e.g. a Skills section) accept ambiguous aliases
        without a neighbouring skill."""
        masked = _MASK.sub(lambda m: " " * len(m.group()), text)
        found: list[SkillMatch] = []
        pending: list[tuple[SkillMatch, Skill]] = []
        for m in self._regex.finditer(masked):
            if _NEGATED.search(masked, max(0, m.start() - 12), m.start()):
                continue  # "Non-invasive ventilation" is not invasive ventilation
            raw = m.group()
            skill = self._folded.get(alias_key(raw, lower=True))
            if skill is not None:
                found.append(SkillMatch(skill.name, skill.family, m.start(), m.end(), raw))
                continue
            exact = self._exact.get(alias_key(raw, lower=False))
            if exact is None or self._vetoed(masked, m, exact):
                continue
            match = SkillMatch(exact.skill.name, exact.skill.family, m.start(), m.end(), raw)
            if exact.strict and not _inside(m.start(), trusted):
                pending.append((match, exact.skill))
            else:
                found.append(match)
        if pending:
            found.extend(self._with_context(masked, found, pending))
            found.sort(key=lambda s: s.start)
        return found

    @staticmethod
    def _vetoed(text: str, m: re.Match[str], exact: _Exact) -> bool:
        before = text[max(0, m.start() - 24) : m.start()]
        after = text[m.end() : m.end() + 24]
        skill = exact.skill
        if skill.reject_before and skill.reject_before.search(before):
            return True
        if skill.reject_after and skill.reject_after.search(after):
            return True
        return exact.strict and bool(
            _STRICT_REJECT_BEFORE.search(before) or _STRICT_REJECT_AFTER.search(after)
        )

    @staticmethod
    def _with_context(
        text: str, found: list[SkillMatch], pending: list[tuple[SkillMatch, Skill]]
    ) -> list[SkillMatch]:
        """Ambiguous matches that share a line with a skill of a related family."""
        line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        families_by_line: dict[int, set[str]] = {}
        for match in found:
            line = bisect.bisect_right(line_starts, match.start)
            families_by_line.setdefault(line, set()).add(match.family)
        accepted = []
        for match, skill in pending:
            wanted = skill.context or _RELATED.get(skill.family, (skill.family,))
            line = bisect.bisect_right(line_starts, match.start)
            if families_by_line.get(line, set()) & set(wanted):
                accepted.append(match)
        return accepted


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)
