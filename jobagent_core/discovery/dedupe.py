"""The same job seen twice (two sources, or one source twice) becomes one posting.

Two postings are the same job when they share a URL, or when company, title and
location agree after normalisation ("ACME GmbH · Senior Engineer (m/w/d) ·
München" = "Acme · Sr. Engineer · Munich, Germany"). Company names that only agree
after normalisation ("Acme AG" / "Acme Inc.") must not contradict each other: when
both postings state a pay range and the ranges differ, or both carry a real
description and the texts differ, they are two companies' jobs and stay apart.
Names that are merely related ("Acme" / "Acme Software GmbH": one a leading part of
the other) merge only on positive evidence: the same text, and no pay contradiction.
The merged posting keeps every other posting's links in `extra["alternate_links"]`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
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
    return f"{company_key(posting.company)}|{normalise_title(posting.title)}|{_place(posting)}"


def normalise_url(url: str) -> str:
    """A URL without scheme, "www.", fragment, trailing slash or tracking parameters."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = [(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k.lower())]
    return urlunsplit(("", host, parts.path.rstrip("/"), urlencode(sorted(query)), "")).lstrip("/")


# Evidence thresholds: a description counts from this many words; texts are the same
# when this share of the shorter one's word 4-grams appears in the other.
_MIN_WORDS = 40
_SAME_TEXT = 0.75  # enough to merge related company names
_DIFFERENT_TEXT = 0.5  # below this, two "same key" postings are different jobs
_PAY_TOLERANCE = 0.02


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.members: dict[int, list[int]] = {i: [i] for i in range(size)}

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            keep, gone = min(ra, rb), max(ra, rb)
            self.parent[gone] = keep
            self.members[keep].extend(self.members.pop(gone))


def _name(company: str) -> str:
    return " ".join(company.casefold().split())


Shingles = frozenset[tuple[str, ...]]


def _shingles(text: str) -> Shingles:
    tokens = words(text).split()
    if len(tokens) < _MIN_WORDS:
        return frozenset()
    return frozenset(zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False))


def text_similarity(
    a: PostingData, b: PostingData, shingles: Callable[[str], Shingles] = _shingles
) -> float | None:
    """The share of the shorter description's word 4-grams found in the other (a
    snippet of a full text scores high); None when either is too short to tell."""
    sa, sb = shingles(a.description_text), shingles(b.description_text)
    if not sa or not sb:
        return None
    return len(sa & sb) / min(len(sa), len(sb))


def _close(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return True
    return abs(x - y) <= _PAY_TOLERANCE * max(abs(x), abs(y), 1.0)


def pay_conflict(a: PostingData, b: PostingData) -> bool:
    """Both state pay, and not the same: another currency, or another range."""
    if not (a.salary_min or a.salary_max) or not (b.salary_min or b.salary_max):
        return False
    if a.salary_currency and b.salary_currency and a.salary_currency != b.salary_currency:
        return True
    return not (_close(a.salary_min, b.salary_min) and _close(a.salary_max, b.salary_max))


def _contradict(a: PostingData, b: PostingData, shingles: Callable[[str], Shingles]) -> bool:
    """Whether two postings filed under one job key are evidently different jobs:
    companies named differently, with different pay or different texts."""
    if _name(a.company) == _name(b.company):
        return False
    if pay_conflict(a, b):
        return True
    similarity = text_similarity(a, b, shingles)
    return similarity is not None and similarity < _DIFFERENT_TEXT


def related_companies(a: str, b: str) -> bool:
    """Company keys where one is the other's leading part or they differ only in
    spacing ("acme" / "acme software", "acmecorp" / "acme corp") — not "acme
    analytics" / "acme robotics"."""
    ta, tb = a.split(), b.split()
    if not ta or not tb or ta == tb:
        return False
    if "".join(ta) == "".join(tb):
        return True
    short, long = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return len("".join(short)) >= 3 and long[: len(short)] == short


def _same_job_elsewhere(
    a: PostingData, b: PostingData, shingles: Callable[[str], Shingles]
) -> bool:
    """Related company names, same title and place: the same text, no pay contradiction."""
    if pay_conflict(a, b):
        return False
    similarity = text_similarity(a, b, shingles)
    return similarity is not None and similarity >= _SAME_TEXT


def _link(posting: PostingData) -> dict[str, str]:
    fields = {
        "source": posting.source,
        "source_id": posting.source_id,
        "company": posting.company,
        "url": posting.url,
        "apply_url": posting.apply_url,
    }
    return {k: v for k, v in fields.items() if v}


def alternate_links(posting: PostingData) -> list[dict[str, str]]:
    """The other places a merged posting was found: [{source, source_id, company, url,
    apply_url}], empty for a posting seen once."""
    links = posting.extra.get("alternate_links")
    if not isinstance(links, list):
        return []
    return [link for link in links if isinstance(link, dict)]


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
    base_ref = f"{base.source}:{base.source_id}"
    merged_from = str(base.extra.get("merged_from") or "").split()
    for p in others:
        for ref in (f"{p.source}:{p.source_id}", *str(p.extra.get("merged_from") or "").split()):
            if ref not in merged_from and ref != base_ref:
                merged_from.append(ref)
    links: dict[str, dict[str, str]] = {}
    for link in alternate_links(base):
        links.setdefault(f"{link.get('source')}:{link.get('source_id')}", link)
    for p in others:
        for link in (_link(p), *alternate_links(p)):
            ref = f"{link.get('source')}:{link.get('source_id')}"
            if ref != base_ref:
                links.setdefault(ref, link)
    extra = dict(base.extra)
    if urls:
        extra["merged_urls"] = " ".join(urls)
    extra["merged_from"] = " ".join(merged_from)
    extra["alternate_links"] = list(links.values())
    update["extra"] = extra
    return base.model_copy(update=update)


def _place(posting: PostingData) -> str:
    if posting.location:
        return canonical_location(posting.location)
    return "remote" if posting.remote else ""


def dedupe(postings: Iterable[PostingData]) -> list[PostingData]:
    """One posting per job, in order of first appearance.

    Postings sharing a URL (ignoring tracking parameters) are merged; so are postings
    sharing a `dedupe_key` unless their company names differ and their pay or texts
    contradict each other, and postings with related company names ("Acme" / "Acme
    Software GmbH"), the same title and place and the same text. The record with the
    longest description is kept, with the earliest `posted_at` of the group, missing
    url/apply_url/salary/etc. filled from the others, the other URLs and
    `source:source_id`s listed in `extra["merged_urls"]` / `extra["merged_from"]`, and
    every other posting's links in `extra["alternate_links"]`. Running it again on
    its own output changes nothing.
    """
    items = list(postings)
    groups = _UnionFind(len(items))
    seen: dict[str, int] = {}
    for index, posting in enumerate(items):
        if posting.url:
            key = normalise_url(posting.url)
            if key in seen:
                groups.union(seen[key], index)
            else:
                seen[key] = index

    known: dict[str, Shingles] = {}

    def shingles(text: str) -> Shingles:
        if text not in known:
            known[text] = _shingles(text)
        return known[text]

    def join(a: int, b: int, *, fuzzy: bool) -> None:
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            return
        if fuzzy and not _same_job_elsewhere(items[a], items[b], shingles):
            return
        left, right = groups.members[ra][:50], groups.members[rb][:50]
        if any(_contradict(items[i], items[j], shingles) for i in left for j in right):
            return
        groups.union(a, b)

    # Same title and place: same company key, then related company keys.
    buckets: dict[str, dict[str, list[int]]] = {}
    for index, posting in enumerate(items):
        where = f"{normalise_title(posting.title)}|{_place(posting)}"
        buckets.setdefault(where, {}).setdefault(company_key(posting.company), []).append(index)
    for by_company in buckets.values():
        for indices in by_company.values():
            for position, b in enumerate(indices):
                for a in indices[:position]:
                    join(a, b, fuzzy=False)
        keys = list(by_company)
        for position, kb in enumerate(keys):
            for ka in keys[:position]:
                if related_companies(ka, kb):
                    for a in by_company[ka]:
                        for b in by_company[kb]:
                            join(a, b, fuzzy=True)
    members: dict[int, list[PostingData]] = {}
    for index, posting in enumerate(items):
        members.setdefault(groups.find(index), []).append(posting)
    return [_merge(group) for group in members.values()]
