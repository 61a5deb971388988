"""Sample-set coverage: matches per profession and city through the real pipeline.

    .venv/bin/python bench/sample_coverage.py [--json]

For each of the twelve professions and twenty cities the sample set promises
(tools/sample_data/coverage.py), a persona with that job title,
a few skills and about seven years of experience, living in the city, searches the
bundled sample set the way the workflow does: the postings the location filter
keeps for the city (`apply_filters`, as the sample source and the discovery step
apply it), stage 1 (`rank_postings`, with the precomputed sample embeddings,
place = the city, top MATCH_TOP_K), then the offline screen. A cell counts the
postings whose verdict is a match. Prints the 12×20 table, the minimum and the
cells under PER_CELL_MIN (tests/unit/test_sample_coverage.py asserts there are
none). Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jobagent_core.config import Settings  # noqa: E402
from jobagent_core.discovery.filters import PostingFilters, apply_filters  # noqa: E402
from jobagent_core.discovery.sample_data import sample_postings  # noqa: E402
from jobagent_core.discovery.schema import PostingData  # noqa: E402
from jobagent_core.matching.embedder import (  # noqa: E402
    get_encoder,
    load_sample_embeddings,
    profile_text,
)
from jobagent_core.matching.schemas import PostingKey  # noqa: E402
from jobagent_core.matching.screening import screen  # noqa: E402
from jobagent_core.matching.stage1 import rank_postings  # noqa: E402
from jobagent_core.profiling.schemas import (  # noqa: E402
    MAX_SUGGESTED_TITLES,
    EducationEntry,
    ExperienceEntry,
    Profile,
)
from tools.sample_data.coverage import (  # noqa: E402
    CITIES,
    PER_CELL_MIN,
    PROFESSIONS,
    Profession,
)
from tools.sample_data.geo import COUNTRIES  # noqa: E402

TOP_K = Settings.model_fields["MATCH_TOP_K"].default  # the workflow's default


def persona(profession: Profession, code: str, city: str, today: date) -> Profile:
    """Someone who has worked as `profession` for about seven years and lives in `city`:
    searching by the English title, with the job titles a CV written in the city's
    language gives (their jobs there), the profession's skills and qualification."""
    country = COUNTRIES[code]
    place = next(c for c in country.cities if c.name == city)
    local = profession.local.get(place.language or country.language, ())
    current = f"{today.year - 4}-{today.month:02d}"
    first = f"{today.year - 7}-{today.month:02d}"
    titles = list(dict.fromkeys([profession.title, *local, *profession.titles]))
    # A career up to the current job: the local titles in order, else the English ones
    # the other way round (Cook, then Chef).
    earlier, latest = (local[0], local[-1]) if local else (profession.titles[-1], profession.title)
    return Profile(
        name="Sam Example",
        location=f"{city}, {country.name('en')}",
        skills=list(profession.skills),
        experience=[
            ExperienceEntry(title=latest, employer="Northfield Group",
                            start=current, end="present", current=True),
            ExperienceEntry(title=earlier, employer="Riverside Partners",
                            start=first, end=current),
        ],
        education=[EducationEntry(degree=profession.degree, institution="City University")],
        suggested_job_titles=titles[:MAX_SUGGESTED_TITLES],
    )  # fmt: skip


def matches(
    profession: Profession,
    code: str,
    city: str,
    postings: Sequence[PostingData],
    cached: Mapping[PostingKey, Any],
    today: date,
    profile_vector: Any = None,
) -> list[tuple[PostingData, Any]]:
    """The (posting, verdict) pairs a search by the persona shows as matches."""
    profile = persona(profession, code, city, today)
    stage1 = rank_postings(
        profile, postings, cached, top_k=TOP_K, place=city, profile_vector=profile_vector
    )
    screened = screen([r.posting for r in stage1.ranked], profile, None, place=city)
    return [(posting, verdict) for posting, verdict in screened if verdict.is_match]


def coverage(
    postings: Sequence[PostingData] | None = None,
    cached: Mapping[PostingKey, Any] | None = None,
    today: date | None = None,
) -> dict[tuple[str, str], int]:
    """Matches per (profession key, city) over the sample set (or `postings`)."""
    postings = list(sample_postings() if postings is None else postings)
    cached = load_sample_embeddings(postings) if cached is None else cached
    today = today or date.today()
    encoder = get_encoder()
    # What a search with location = the city gets from discovery (the filter is the
    # profession's too: it does not read the title).
    in_city = {city: apply_filters(postings, PostingFilters(location=city)) for _, city in CITIES}
    counts: dict[tuple[str, str], int] = {}
    for profession in PROFESSIONS:
        vectors: dict[str, Any] = {}  # by profile text: the place is not in it
        for code, city in CITIES:
            text = profile_text(persona(profession, code, city, today))
            if text not in vectors:
                vectors[text] = encoder.encode([text])[0]
            found = matches(profession, code, city, in_city[city], cached, today, vectors[text])
            counts[(profession.key, city)] = len(found)
    return counts


def table(counts: Mapping[tuple[str, str], int]) -> str:
    cities = [city for _, city in CITIES]
    width = max(len(p.title) for p in PROFESSIONS)
    cols = [max(len(c), 3) for c in cities]
    lines = [" " * width + "  " + "  ".join(c.rjust(w) for c, w in zip(cities, cols, strict=True))]
    for p in PROFESSIONS:
        cells = [str(counts[(p.key, c)]).rjust(w) for c, w in zip(cities, cols, strict=True)]
        lines.append(p.title.ljust(width) + "  " + "  ".join(cells))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    postings = list(sample_postings())
    cached = load_sample_embeddings(postings)
    counts = coverage(postings, cached)
    seconds = time.perf_counter() - started
    low = {key: n for key, n in counts.items() if n < PER_CELL_MIN}
    if args.json:
        out = {
            "postings": len(postings),
            "cached_embeddings": len(cached),
            "top_k": TOP_K,
            "min_wanted": PER_CELL_MIN,
            "matches": {p.key: {c: counts[(p.key, c)] for _, c in CITIES} for p in PROFESSIONS},
            "min": min(counts.values()),
            "under_min": [f"{p} / {c}: {n}" for (p, c), n in low.items()],
            "seconds": round(seconds, 1),
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(
        f"sample set: {len(postings)} postings, {len(cached)} cached embeddings; "
        f"matches shown (verdict.is_match) among the top {TOP_K}"
    )
    print(table(counts))
    print(f"minimum: {min(counts.values())} (wanted ≥ {PER_CELL_MIN})")
    if low:
        print(
            f"cells under {PER_CELL_MIN}: " + ", ".join(f"{p}/{c} {n}" for (p, c), n in low.items())
        )
    else:
        print(f"cells under {PER_CELL_MIN}: none")
    print(f"{seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
