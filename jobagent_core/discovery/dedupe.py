"""The same job seen twice (two sources, or one source twice) becomes one posting.

Two postings are the same job when they share a URL, or when company, title and
location agree after normalisation ("ACME GmbH · Senior Engineer (m/w/d) ·
München" = "Acme · Sr. Engineer · Munich, Germany").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from jobagent_core.discovery.places import canonical_location, fold, words
from jobagent_core.discovery.schema import PostingData

# Trailing words that only say what kind of legal entity a company is.
_LEGAL = frozenset(
    {
        "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "gbr", "se", "ev", "eg", "partg", "mbb",
        "haftungsbeschrankt", "inc", "incorporated", "corp", "corporation", "co", "company",
        "llc", "llp", "lp", "ltd", "limited", "plc", "pty", "pte", "sas", "sasu", "sa", "sarl",
        "eurl", "sca", "snc", "bv", "nv", "vof", "srl", "spa", "sl", "slu", "sau", "ab", "as",
        "asa", "aps", "oy", "oyj", "sp", "z", "oo", "sro", "kft", "zrt", "and",
    }
)  # fmt: skip
_GENDER = re.compile(
    r"\(\s*(?:[mwfdhxi](?:\s*[/|*,]\s*[mwfdhxi]){1,3}|all genders?|alle geschlechter|gn\*?"
    r"|d|x)\s*\)"
    r"|(?<![a-z])[mwfdh](?:\s*/\s*[mwfdhx]){1,3}(?![a-z])",
)
_GENDER_SUFFIX = re.compile(r"(?<=[a-z])(?:\*|:|_|/)in(?:nen)?(?![a-z])")
_ABBREVIATIONS = {"sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior"}
_TITLE_NOISE = frozenset({"remote", "hybrid", "onsite", "on-site"})
_TRACKING = re.compile(r"^(?:utm_.*|gh_src|gh_jid_src|ref|source|src|lever-source.*|trk.*)$")


def normalise_title(title: str) -> str:
    """A comparable form of a job title: folded case and accents, gender markers
    ("(m/w/d)", "(H/F)", "*in") and remote/hybrid tags removed, "Sr." -> "senior"."""
    text = _GENDER_SUFFIX.sub("", fold(title))
    text = _GENDER.sub(" ", text)
    tokens = [_ABBREVIATIONS.get(t, t) for t in words(text.replace(".", " ")).split()]
    kept = [t for t in tokens if t not in _TITLE_NOISE and t.strip("-&")]
    return " ".join(kept)


def company_key(company: str) -> str:
    """A comparable form of a company name: folded case and accents, "&" -> "and",
    punctuation and trailing legal forms removed ("ACME Software GmbH & Co. KG" ->
    "acme software")."""
    text = fold(company).replace("&", " and ").replace("+", " and ")
    text = re.sub(r"(?<=\w)\.(?=\w)", "", text).replace(".", " ")  # S.A.S. -> sas
    tokens = re.sub(r"[^a-z0-9]+", " ", text).split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    kept = list(tokens)
    while kept and kept[-1] in _LEGAL:
        kept.pop()
    return " ".join(kept or tokens)


def dedupe_key(posting: PostingData) -> str:
    """company key | normalised title | normalised location (first known city, or
    the folded text; "remote" when a remote posting names no place)."""
    if posting.location:
        location = canonical_location(posting.location)
    else:
        location = "remote" if posting.remote else ""
    return f"{company_key(posting.company)}|{normalise_title(posting.title)}|{location}"


def normalise_url(url: str) -> str:
    """A URL without scheme, "www.", fragment, trailing slash or tracking parameters."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = [(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k.lower())]
    return urlunsplit(("", host, parts.path.rstrip("/"), urlencode(sorted(query)), "")).lstrip("/")


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _merge(group: list[PostingData]) -> PostingData:
    if len(group) == 1:
        return group[0]
    # The richest record wins: longest description, the earliest one on a tie.
    base = max(group, key=lambda p: len(p.description_text))
    others = [p for p in group if p is not base]
    update: dict[str, object] = {}
    dates = [p.posted_at for p in group if p.posted_at is not None]
    if dates:
        update["posted_at"] = min(dates)
    for name in ("url", "apply_url", "employment_type", "seniority", "language"):
        if getattr(base, name) is None:
            update[name] = next((getattr(p, name) for p in others if getattr(p, name)), None)
    if base.salary_min is None and base.salary_max is None:
        donor = next((p for p in others if p.salary_min or p.salary_max), None)
        if donor is not None:
            update |= {
                "salary_min": donor.salary_min,
                "salary_max": donor.salary_max,
                "salary_currency": donor.salary_currency,
            }
    chosen_url = update.get("url", base.url)
    urls: list[str] = []
    for p in group:
        for url in (p.url, *str(p.extra.get("merged_urls") or "").split()):
            if url and url != chosen_url and url not in urls:
                urls.append(url)
    merged_from = str(base.extra.get("merged_from") or "").split()
    for p in others:
        for ref in (f"{p.source}:{p.source_id}", *str(p.extra.get("merged_from") or "").split()):
            if ref not in merged_from and ref != f"{base.source}:{base.source_id}":
                merged_from.append(ref)
    extra = dict(base.extra)
    if urls:
        extra["merged_urls"] = " ".join(urls)
    extra["merged_from"] = " ".join(merged_from)
    update["extra"] = extra
    return base.model_copy(update=update)


def dedupe(postings: Iterable[PostingData]) -> list[PostingData]:
    """One posting per job, in order of first appearance.

    Postings sharing a URL (ignoring tracking parameters) or a `dedupe_key` are
    merged: the record with the longest description is kept, with the earliest
    `posted_at` of the group, missing url/apply_url/salary/etc. filled from the
    others, and the other URLs and `source:source_id`s listed in
    `extra["merged_urls"]` / `extra["merged_from"]`. Running it again on its own
    output changes nothing.
    """
    items = list(postings)
    groups = _UnionFind(len(items))
    seen: dict[str, int] = {}
    for index, posting in enumerate(items):
        keys = [f"key:{dedupe_key(posting)}"]
        if posting.url:
            keys.append(f"url:{normalise_url(posting.url)}")
        for key in keys:
            if key in seen:
                groups.union(seen[key], index)
            else:
                seen[key] = index
    members: dict[int, list[PostingData]] = {}
    for index, posting in enumerate(items):
        members.setdefault(groups.find(index), []).append(posting)
    return [_merge(group) for group in members.values()]
