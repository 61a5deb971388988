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
The skills matcher is in `skills.py`, the alias keys and tries both matchers build on in
`aliases.py`; this module loads the YAML and holds the titles and places.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jobagent_core.profiling.taxonomy import aliases, prebuilt
from jobagent_core.profiling.taxonomy.aliases import (
    TaxonomyError,
    alias_key,
    alias_tokens,
    string_list,
)
from jobagent_core.profiling.taxonomy.prebuilt import Regexes
from jobagent_core.profiling.taxonomy.skills import Skill, SkillMatch, SkillMatcher, parse_skills

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


# --------------------------------------------------------------------------- loading


SOURCES = ("skills.yaml", "titles.yaml", "locations.yaml")


def _read_source(name: str) -> bytes:
    return resources.files(__name__).joinpath(name).read_bytes()


def _parse_yaml(source: bytes) -> Any:
    import yaml  # only when the cache cannot serve: PyYAML is slow to import and to run

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(source.decode("utf-8"), Loader=loader)  # noqa: S506  (a safe loader)


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
                key = alias_key(keyword, lower=True)
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
        long = aliases.trie_pattern(
            alias_tokens(k, lower=True) for k in self._by_keyword if len(k) >= 5
        )
        short = aliases.trie_pattern(
            alias_tokens(k, lower=True) for k in self._by_keyword if len(k) < 5
        )
        return rf"(?P<kw>(?:{long})|(?<![^\W\d_])(?:{short})){_TITLE_SUFFIX}"

    def match(self, title: str) -> list[TitleSpec]:
        """Canonical titles named by `title`, most specific first (child before parent).

        A keyword inside a longer matched keyword does not count ("Business Intelligence
        Developer" is a BI Developer, not also a Software Engineer)."""
        specs: list[TitleSpec] = []
        for m in self._regex.finditer(title):
            spec = self._by_keyword.get(alias_key(m.group("kw"), lower=True))
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
        str(k): string_list(v, f"titles.yaml seniority {k}") for k, v in seniority_raw.items()
    }
    specs: list[TitleSpec] = []
    for entry in data["titles"]:
        where = f"titles.yaml {entry!r}"[:120]
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            raise TaxonomyError(f"{where}: expected a mapping with 'title'")
        skills = string_list(entry.get("skills"), where)
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
                keywords=string_list(entry.get("keywords"), where),
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
        return alias_key(text, lower=True) in self.cities

    def is_country(self, text: str) -> bool:
        return alias_key(text, lower=True) in self.countries

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
        for spelling in (canon, *string_list(spellings, f"locations.yaml country {canon}")):
            countries[alias_key(spelling, lower=True)] = str(canon)
    cities: dict[str, str] = {}
    for country, names in (data.get("cities") or {}).items():
        for name in string_list(names, f"locations.yaml cities {country}"):
            cities[alias_key(name, lower=True)] = str(country)
    states = frozenset(string_list(data.get("us_states"), "locations.yaml us_states"))
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
    matcher = SkillMatcher(parse_skills(data["skills.yaml"]), regexes)
    titles = _parse_titles(data["titles.yaml"], matcher.by_name, regexes)
    taxonomy = Taxonomy(matcher, titles, _parse_locations(data["locations.yaml"]))
    if cached is None and cache_dir is not None:
        prebuilt.write(cache_dir, key, data, regexes)
    return taxonomy


def _code() -> bytes:
    """The code that turns the YAML into the taxonomy: a change to it is a new cache key."""
    code = ("__init__.py", "aliases.py", "skills.py", "prebuilt.py")
    return b"".join(_read_source(name) for name in code)


def find_skills(text: str, trusted: Sequence[tuple[int, int]] = ()) -> list[SkillMatch]:
    """Every taxonomy skill occurrence in `text` (see `SkillMatcher.find`)."""
    return load_taxonomy().skills.find(text, trusted)
