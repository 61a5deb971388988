"""The curated skills / job-title / place taxonomy and fast matchers over it.

    taxonomy = load_taxonomy()              # parsed and compiled once per process
    for m in taxonomy.skills.find(text):    # SkillMatch(skill, family, start, end, text)
        ...
    taxonomy.titles.match("Senior Staff Nurse, Intensive Care")  # [ICU Nurse, Registered Nurse]

Skills are found by one compiled regex (a character trie of every alias, so the
engine never tries aliases that cannot start at a position) with word boundaries that
understand "C++", "C#", ".NET", "Node.js" and "CI/CD". Ambiguous short aliases ("R",
"Go", "C") are case-sensitive and only count in a skills section or next to another
skill on the same line. A broken YAML file raises `TaxonomyError` naming the entry.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jobagent_core.profiling.taxonomy import prebuilt
from jobagent_core.profiling.taxonomy.prebuilt import Regexes

__all__ = [
    "Locations",
    "Skill",
    "SkillMatch",
    "SkillMatcher",
    "Taxonomy",
    "TaxonomyError",
    "TitleIndex",
    "TitleSpec",
    "build_taxonomy",
    "find_skills",
    "load_taxonomy",
]


class TaxonomyError(ValueError):
    """A taxonomy YAML file is malformed; the message names the file and the entry."""


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
_SPACE_CHARS = " \t\n\r\f\v\u00a0-\u2010\u2011"
_SPACE_RE = "[\\s\\-\u2010\u2011]+"
_SPACES = re.compile(_SPACE_RE)
_LEFT = r"(?<![\w+#.@])"
_RIGHT = r"(?![\w+#])"
_MASK = re.compile(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:linkedin|github|gitlab|xing|"
    r"behance|dribbble|medium|stackoverflow|kaggle|bitbucket)\.(?:com|org|io|net)(?:/\S*)?"
    r"|\b(?:github|gitlab|bitbucket|linkedin)\s*[:\-–]\s*(?=(?:https?://|www\.)?"
    r"(?:github|gitlab|bitbucket|linkedin)\.)",
    re.IGNORECASE,
)


def _key(text: str, *, lower: bool) -> str:
    key = _SPACES.sub(" ", text).strip()
    return key.lower() if lower else key


# --------------------------------------------------------------------------- loading


SOURCES = ("skills.yaml", "titles.yaml", "locations.yaml")


def _read_source(name: str) -> bytes:
    return resources.files(__name__).joinpath(name).read_bytes()


def _parse_yaml(source: bytes) -> Any:
    import yaml  # only when the cache cannot serve: PyYAML is slow to import and to run

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(source.decode("utf-8"), Loader=loader)  # noqa: S506  (a safe loader)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return tuple(v.strip() for v in value)


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
        names = _strings(entry, where)
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
    cs = _strings(entry.get("cs"), where)
    strict = _strings(entry.get("strict"), where)
    aliases = _strings(entry.get("aliases"), where)
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
        context=_strings(entry.get("context"), where),
        reject_before=patterns["reject_before"],
        reject_after=patterns["reject_after"],
    )


def _parse_skills(data: Any) -> list[Skill]:
    if not isinstance(data, dict):
        raise TaxonomyError("skills.yaml: expected a mapping of family -> list of skills")
    skills: list[Skill] = []
    for family, entries in data.items():
        if not isinstance(entries, list):
            raise TaxonomyError(f"skills.yaml [{family}]: expected a list")
        skills.extend(_parse_skill(entry, str(family)) for entry in entries)
    return skills


# --------------------------------------------------------------------------- matching


def _tokens(alias: str, *, lower: bool) -> tuple[str, ...]:
    out: list[str] = []
    for ch in alias.lower() if lower else alias:
        if ch in _SPACE_CHARS:
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    return tuple(out)


def _trie_pattern(aliases: Iterable[tuple[str, ...]]) -> str:
    root: dict[str, Any] = {}
    for toks in aliases:
        node = root
        for tok in toks:
            node = node.setdefault(tok, {})
        node[""] = {}
    return _node_pattern(root)


def _node_pattern(node: dict[str, Any]) -> str:
    branches = [
        (_SPACE_RE if tok == " " else re.escape(tok)) + _node_pattern(child)
        for tok, child in sorted(node.items())
        if tok
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


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
                key = _key(alias, lower=False)
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
        folded = _trie_pattern(_tokens(a, lower=True) for a in self._folded)
        exact = _trie_pattern(_tokens(a, lower=False) for a in self._exact)
        return f"{_LEFT}(?:{folded}|(?-i:{exact})){_RIGHT}"

    def _add_folded(self, alias: str, skill: Skill) -> None:
        key = _key(alias, lower=True)
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
            skill = self._folded.get(_key(raw, lower=True))
            if skill is not None:
                found.append(SkillMatch(skill.name, skill.family, m.start(), m.end(), raw))
                continue
            exact = self._exact.get(_key(raw, lower=False))
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


# --------------------------------------------------------------------------- titles


@dataclass(frozen=True, slots=True)
class TitleSpec:
    """A job title we may suggest, with what justifies it."""

    title: str
    family: str
    keywords: tuple[str, ...]
    skills: tuple[str, ...]
    min_skills: int = 3
    parent: str | None = None


_TITLE_SUFFIX = r"(?:innen|in|en|e|s)?(?![^\W\d_])"


class TitleIndex:
    """Maps a CV's own job title to canonical titles; knows seniority words."""

    def __init__(
        self,
        specs: Sequence[TitleSpec],
        seniority: Mapping[str, Sequence[str]],
        regexes: Regexes | None = None,
    ) -> None:
        regexes = regexes or Regexes()
        self.specs = tuple(specs)
        self.by_title = {spec.title: spec for spec in specs}
        self._by_keyword: dict[str, TitleSpec] = {}
        for spec in specs:
            for keyword in (*spec.keywords, spec.title):
                key = _key(keyword, lower=True)
                if self._by_keyword.get(key, spec) is not spec:
                    raise TaxonomyError(
                        f"titles.yaml: keyword {keyword!r} belongs to "
                        f"{self._by_keyword[key].title!r} and {spec.title!r}"
                    )
                self._by_keyword[key] = spec
        self._regex = regexes.compile("titles", self._pattern, re.IGNORECASE)
        variants = sorted(
            ((v, canon) for canon, vs in seniority.items() for v in (canon, *vs)),
            key=lambda p: -len(p[0]),
        )
        self._seniority = {v.lower(): canon for v, canon in variants}
        self._seniority_re = regexes.compile(
            "seniority",
            lambda: (
                r"^(?P<word>" + "|".join(re.escape(v) for v, _ in variants) + r")(?![\w])\.?[\s,-]*"
            ),
            re.IGNORECASE,
        )

    def _pattern(self) -> str:
        # Long keywords may end a German compound ("Finanzanalyst" -> "analyst"); short
        # ones must start a word. Each group is a trie, so matching stays fast.
        long = _trie_pattern(_tokens(k, lower=True) for k in self._by_keyword if len(k) >= 5)
        short = _trie_pattern(_tokens(k, lower=True) for k in self._by_keyword if len(k) < 5)
        return rf"(?P<kw>(?:{long})|(?<![^\W\d_])(?:{short})){_TITLE_SUFFIX}"

    def match(self, title: str) -> list[TitleSpec]:
        """Canonical titles named by `title`, most specific first (child before parent).

        A keyword inside a longer matched keyword does not count ("Business Intelligence
        Developer" is a BI Developer, not also a Software Engineer)."""
        specs: list[TitleSpec] = []
        for m in self._regex.finditer(title):
            spec = self._by_keyword.get(_key(m.group("kw"), lower=True))
            if spec is not None and spec not in specs:
                specs.append(spec)
        ordered: list[TitleSpec] = []
        for spec in specs:
            children = [s for s in specs if s.parent == spec.title and s not in ordered]
            ordered.extend(children)
            if spec not in ordered:
                ordered.append(spec)
        return ordered

    def split_seniority(self, title: str) -> tuple[str | None, str]:
        """("Senior", "Data Engineer") for "Senior Data Engineer"; (None, title) otherwise."""
        m = self._seniority_re.match(title.strip())
        if not m:
            return None, title.strip()
        return self._seniority[m.group("word").lower()], title.strip()[m.end() :].strip()


def _parse_titles(
    data: Any, skill_names: Mapping[str, Skill], regexes: Regexes | None = None
) -> TitleIndex:
    if not isinstance(data, dict) or not isinstance(data.get("titles"), list):
        raise TaxonomyError("titles.yaml: expected 'seniority' and a 'titles' list")
    seniority_raw = data.get("seniority") or {}
    if not isinstance(seniority_raw, dict):
        raise TaxonomyError("titles.yaml: 'seniority' must map a word to its variants")
    seniority = {
        str(k): _strings(v, f"titles.yaml seniority {k}") for k, v in seniority_raw.items()
    }
    specs: list[TitleSpec] = []
    for entry in data["titles"]:
        where = f"titles.yaml {entry!r}"[:120]
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            raise TaxonomyError(f"{where}: expected a mapping with 'title'")
        skills = _strings(entry.get("skills"), where)
        unknown = [s for s in skills if s not in skill_names]
        if unknown:
            raise TaxonomyError(f"{where}: unknown skills {unknown} (not in skills.yaml)")
        min_skills = entry.get("min_skills", 3)
        if not isinstance(min_skills, int) or min_skills < 1:
            raise TaxonomyError(f"{where}: min_skills must be a positive integer")
        specs.append(
            TitleSpec(
                title=entry["title"].strip(),
                family=str(entry.get("family", "")),
                keywords=_strings(entry.get("keywords"), where),
                skills=skills,
                min_skills=min_skills,
                parent=entry.get("parent"),
            )
        )
    titles = {spec.title for spec in specs}
    for spec in specs:
        if spec.parent is not None and spec.parent not in titles:
            raise TaxonomyError(f"titles.yaml {spec.title!r}: unknown parent {spec.parent!r}")
    return TitleIndex(specs, seniority, regexes)


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Locations:
    """Countries, major cities and US state codes, keyed by lower-cased spelling."""

    countries: dict[str, str] = field(default_factory=dict)  # spelling -> canonical
    cities: dict[str, str] = field(default_factory=dict)  # spelling -> country
    us_states: frozenset[str] = frozenset()

    def is_city(self, text: str) -> bool:
        return _key(text, lower=True) in self.cities

    def is_country(self, text: str) -> bool:
        return _key(text, lower=True) in self.countries

    def is_place(self, text: str) -> bool:
        """True for "Berlin", "Germany", "Berlin, Germany", "Austin, TX, USA"."""
        parts = [p.strip() for p in text.split(",")]
        if not parts or not all(parts):
            return False
        head, rest = parts[0], parts[1:]
        if not (self.is_city(head) or (not rest and self.is_country(head))):
            return False
        return all(self.is_country(p) or p in self.us_states or self.is_city(p) for p in rest)


def _parse_locations(data: Any) -> Locations:
    if not isinstance(data, dict):
        raise TaxonomyError("locations.yaml: expected countries, cities and us_states")
    countries: dict[str, str] = {}
    for canon, spellings in (data.get("countries") or {}).items():
        for spelling in (canon, *_strings(spellings, f"locations.yaml country {canon}")):
            countries[_key(spelling, lower=True)] = str(canon)
    cities: dict[str, str] = {}
    for country, names in (data.get("cities") or {}).items():
        for name in _strings(names, f"locations.yaml cities {country}"):
            cities[_key(name, lower=True)] = str(country)
    states = frozenset(_strings(data.get("us_states"), "locations.yaml us_states"))
    return Locations(countries, cities, states)


# --------------------------------------------------------------------------- facade


@dataclass(frozen=True)
class Taxonomy:
    skills: SkillMatcher
    titles: TitleIndex
    locations: Locations

    def family_of(self, skill: str) -> str | None:
        found = self.skills.by_name.get(skill)
        return found.family if found else None


@cache
def load_taxonomy() -> Taxonomy:
    """The bundled taxonomy, built once per process: from the user's cache of its
    build products when that matches the YAML files (~20 ms), else from the YAML
    (~0.15 s), which then refreshes the cache (see `prebuilt`)."""
    return build_taxonomy(prebuilt.default_cache_dir())


def build_taxonomy(cache_dir: Path | None = None) -> Taxonomy:
    """The bundled taxonomy, built anew; `cache_dir` holds the build products between
    processes (None: parse the YAML and build everything)."""
    sources = {name: _read_source(name) for name in SOURCES}
    key = prebuilt.cache_key(sources, _code())
    cached = prebuilt.read(cache_dir, key) if cache_dir is not None else None
    if cached is not None:
        data, regexes = cached[0], Regexes(cached[1])
    else:
        data, regexes = {name: _parse_yaml(raw) for name, raw in sources.items()}, Regexes()
    matcher = SkillMatcher(_parse_skills(data["skills.yaml"]), regexes)
    titles = _parse_titles(data["titles.yaml"], matcher.by_name, regexes)
    taxonomy = Taxonomy(matcher, titles, _parse_locations(data["locations.yaml"]))
    if cached is None and cache_dir is not None:
        prebuilt.write(cache_dir, key, data, regexes)
    return taxonomy


def _code() -> bytes:
    """The code that turns the YAML into the taxonomy: a change to it is a new cache key."""
    return b"".join(_read_source(name) for name in ("__init__.py", "prebuilt.py"))


def find_skills(text: str, trusted: Sequence[tuple[int, int]] = ()) -> list[SkillMatch]:
    """Every taxonomy skill occurrence in `text` (see `SkillMatcher.find`)."""
    return load_taxonomy().skills.find(text, trusted)
